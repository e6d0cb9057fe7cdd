import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { deadlineStatus, STATE_TITLES, type MentorshipState } from '#core/mentorship';
import { addDays, daysBetween } from '#core/shared';
import type { Actor } from '#core/people';
import { ReadModels } from '../read-models';
import { bankUpdateDeadlines } from './bank-update.deadline';
import { namesOf } from './names';
import { parseQuery, readYourWrites } from './query-params';
import { scopeCondition, scopeOf } from './read-access';

export const deadlineParams = z.strictObject({
  within: z.string().regex(/^\d{1,3}d?$/, 'Укажите число дней, например 14d').default('14d').describe('Горизонт: 14d — на 14 дней вперёд'),
  ...readYourWrites,
});

interface Row {
  mentorship_id: string; kind: string; person_id: string; due: string; clause: string; title: string;
  topic: string; state: MentorshipState;
}

/**
 * `GET /api/deadlines?within=14d`: every deadline not yet met that falls due by today + N days,
 * overdue ones first. Status and days are computed for today with the core's rule.
 */
@Injectable()
export class DeadlinesQuery {
  constructor(private readonly rm: ReadModels) {}

  upcoming(actor: Actor, rawQuery: unknown) {
    const q = parseQuery(deadlineParams, rawQuery);
    const days = Math.min(366, Number(q.within.replace('d', '')));
    const rm = this.rm;
    const today = rm.today();
    const horizon = addDays(today, days);
    const scope = scopeOf(actor);
    const cond = scopeCondition(scope, rm.table('mentorship_mentees'));
    const rows = rm.prepare(
      `SELECT d.mentorship_id, d.kind, d.person_id, d.due, d.clause, d.title, m.topic, m.state
       FROM ${rm.table('deadlines')} d JOIN ${rm.table('mentorships')} m ON m.id = d.mentorship_id
       WHERE d.org_id = ? AND d.done_on IS NULL AND d.due <= ? AND ${cond.sql}
       ORDER BY d.due, d.mentorship_id, d.kind, d.person_id`,
    ).all(actor.orgId, horizon, ...cond.params) as Row[];
    const names = namesOf(rm, actor.orgId, rows.map((r) => r.person_id).filter(Boolean));
    const items: Record<string, unknown>[] = rows.map((r) => ({
      kind: r.kind, title: r.title, clause: r.clause, due: r.due,
      ...deadlineStatus(r.due, undefined, today, true)!, daysLeft: Math.max(0, daysBetween(today, r.due)),
      mentorshipId: r.mentorship_id, topic: r.topic, state: r.state, stateTitle: STATE_TITLES[r.state],
      personId: r.person_id || null, fullName: names.get(r.person_id) ?? null,
    }));
    if (scope.orgWide) {
      const dates = (rm.prepare(`SELECT entered_on FROM ${rm.table('mentee_bank')} WHERE org_id = ?`).all(actor.orgId) as { entered_on: string }[])
        .map((r) => r.entered_on);
      const open = bankUpdateDeadlines(dates, today).filter((d) => !d.doneOn && d.due <= horizon);
      items.push(...open.map(({ doneOn: _d, ...d }) => ({ ...d, daysLeft: Math.max(0, daysBetween(today, d.due)), mentorshipId: null })));
      items.sort((a, b) => String(a.due).localeCompare(String(b.due)));
    }
    return {
      today, within: days, horizon,
      overdue: items.filter((i) => i.status === 'overdue').length,
      upcoming: items.filter((i) => i.status === 'upcoming').length,
      items,
    };
  }
}
