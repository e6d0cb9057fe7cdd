import { Injectable } from '@nestjs/common';
import { MAX_MENTEES_PER_MENTOR, UNFINISHED_STATES } from '#core/mentorship';
import type { Actor } from '#core/people';
import { ReadModels } from '../read-models';
import { bankUpdateDeadlines, BANK_UPDATE } from './bank-update.deadline';
import { requireRole, STAFF_READERS } from './read-access';

/** The mentorships that hold a place in a mentor's load, as the machine's phases say (§3.7). */
const ACTIVE = `(${UNFINISHED_STATES.map((s) => `'${s}'`).join(', ')})`;

/** `GET /api/banks/mentors|mentees`: the banks of §3.4/§3.8 with each person's current place in mentorships. */
@Injectable()
export class BanksQuery {
  constructor(private readonly rm: ReadModels) {}

  mentors(actor: Actor) {
    requireRole(actor, STAFF_READERS, 'Базу наставников ведёт куратор; её видят заведующий, куратор, методический совет и аудитор.', '§3.8');
    const rm = this.rm;
    const rows = rm.prepare(
      `SELECT b.person_id, b.full_name, b.position, b.competences, b.entered_on, COALESCE(l.mentees, 0) AS load
       FROM ${rm.table('mentor_bank')} b
       LEFT JOIN ${rm.table('mentor_load')} l ON l.org_id = b.org_id AND l.mentor_id = b.person_id
       WHERE b.org_id = ? ORDER BY b.full_name, b.person_id`,
    ).all(actor.orgId) as { person_id: string; full_name: string; position: string; competences: string; entered_on: string; load: number }[];
    const items = rows.map((r) => ({
      personId: r.person_id, fullName: r.full_name, position: r.position, competences: JSON.parse(r.competences) as string[],
      enteredOn: r.entered_on, load: { current: r.load, limit: MAX_MENTEES_PER_MENTOR, available: Math.max(0, MAX_MENTEES_PER_MENTOR - r.load) },
    }));
    return { items, total: items.length };
  }

  mentees(actor: Actor) {
    requireRole(actor, STAFF_READERS, 'Банк наставляемых ведёт куратор; его видят заведующий, куратор, методический совет и аудитор.', '§3.4');
    const rm = this.rm;
    const rows = rm.prepare(
      `SELECT b.person_id, b.full_name, b.position, b.first_working_day, b.requests, b.entered_on,
         EXISTS (SELECT 1 FROM ${rm.table('mentorship_mentees')} s JOIN ${rm.table('mentorships')} m ON m.id = s.mentorship_id
                 WHERE s.person_id = b.person_id AND m.state IN ${ACTIVE}) AS in_mentorship
       FROM ${rm.table('mentee_bank')} b WHERE b.org_id = ? ORDER BY b.full_name, b.person_id`,
    ).all(actor.orgId) as { person_id: string; full_name: string; position: string; first_working_day: string; requests: string; entered_on: string; in_mentorship: number }[];
    const items = rows.map((r) => ({
      personId: r.person_id, fullName: r.full_name, position: r.position, firstWorkingDay: r.first_working_day,
      requests: JSON.parse(r.requests) as string[], enteredOn: r.entered_on, inMentorship: r.in_mentorship === 1,
    }));
    const updates = bankUpdateDeadlines(items.map((i) => i.enteredOn), rm.today());
    const last = updates[updates.length - 1];
    return {
      items,
      total: items.length,
      update: last ? { ...BANK_UPDATE, lastUpdatedOn: items.map((i) => i.enteredOn).sort().pop()!, due: last.due, status: last.status, daysLate: last.daysLate } : null,
    };
  }
}
