import { Injectable } from '@nestjs/common';
import { MAX_MENTEES_PER_MENTOR, STATE_TITLES, UNFINISHED_STATES, type MentorshipState } from '#core/mentorship';
import type { Actor } from '#core/people';
import { DomainError } from '#core/shared';
import { ReadModels } from '../read-models';
import { forbidden, STAFF_READERS } from './read-access';

/** The states that hold places in the mentor's load, as the machine's phases say. */
const UNFINISHED = `(${UNFINISHED_STATES.map((s) => `'${s}'`).join(', ')})`;

/** `GET /api/mentors/:id/load`: mentees in the mentor's unfinished mentorships against the limit of 3 (§3.7). */
@Injectable()
export class MentorLoadQuery {
  constructor(private readonly rm: ReadModels) {}

  load(actor: Actor, mentorId: string) {
    if (!actor.roles.some((r) => STAFF_READERS.includes(r)) && actor.personId !== mentorId) {
      throw forbidden('Нагрузку наставника видят заведующий, куратор, методический совет, аудитор и сам наставник.', '§3.7');
    }
    const rm = this.rm;
    const person = rm.prepare(`SELECT full_name FROM ${rm.table('people')} WHERE org_id = ? AND person_id = ?`).get(actor.orgId, mentorId) as
      | { full_name: string }
      | undefined;
    const rows = rm.prepare(
      `SELECT m.id, m.state, m.topic, m.mentee_count FROM ${rm.table('mentorships')} m
       WHERE m.org_id = ? AND m.mentor_id = ? AND m.state IN ${UNFINISHED}
       ORDER BY m.proposed_on, m.id`,
    ).all(actor.orgId, mentorId) as { id: string; state: MentorshipState; topic: string; mentee_count: number }[];
    if (!person && rows.length === 0) throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставник не найден.' });
    const current = rows.reduce((n, r) => n + r.mentee_count, 0);
    return {
      mentorId,
      fullName: person?.full_name ?? null,
      current,
      limit: MAX_MENTEES_PER_MENTOR,
      available: Math.max(0, MAX_MENTEES_PER_MENTOR - current),
      clause: '§3.7',
      mentorships: rows.map((r) => ({ id: r.id, state: r.state, stateTitle: STATE_TITLES[r.state], topic: r.topic, mentees: r.mentee_count })),
    };
  }
}
