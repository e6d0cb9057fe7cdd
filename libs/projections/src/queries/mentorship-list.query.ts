import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { MENTORSHIP_STATES, mentoringForm } from '#core/mentorship';
import type { Actor } from '#core/people';
import type { MentorshipView } from '../mentorships/mentorship.view';
import { ReadModels } from '../read-models';
import { mentorshipListItem, type MentorshipListItem } from './mentorship-list.item';
import { namesOf } from './names';
import { paging, parseQuery, readYourWrites } from './query-params';
import { scopeCondition, scopeOf } from './read-access';

export const mentorshipListParams = z.strictObject({
  state: z.enum(MENTORSHIP_STATES).optional().describe('Состояние'),
  mentorId: z.string().min(1).max(100).optional().describe('Наставник'),
  menteeId: z.string().min(1).max(100).optional().describe('Наставляемый'),
  form: mentoringForm.optional().describe('Форма наставничества (п. 2.3)'),
  overdue: z.enum(['true', 'false']).optional().describe('Только с просроченными сроками (true) или без них (false)'),
  ...paging,
  ...readYourWrites,
});

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/mentorships`: the list read model, filtered, paged, limited to what the caller may see. */
@Injectable()
export class MentorshipListQuery {
  constructor(private readonly rm: ReadModels) {}

  list(actor: Actor, rawQuery: unknown): Page<MentorshipListItem> {
    const q = parseQuery(mentorshipListParams, rawQuery);
    const rm = this.rm;
    const today = rm.today();
    const mentees = rm.table('mentorship_mentees');
    const where = ['m.org_id = ?'];
    const params: unknown[] = [actor.orgId];
    const add = (sql: string, ...p: unknown[]) => {
      where.push(sql);
      params.push(...p);
    };
    if (q.state) add('m.state = ?', q.state);
    if (q.mentorId) add('m.mentor_id = ?', q.mentorId);
    if (q.form) add('m.form = ?', q.form);
    if (q.menteeId) add(`EXISTS (SELECT 1 FROM ${mentees} f WHERE f.mentorship_id = m.id AND f.person_id = ?)`, q.menteeId);
    if (q.overdue) {
      const overdue = `EXISTS (SELECT 1 FROM ${rm.table('deadlines')} d WHERE d.mentorship_id = m.id AND d.done_on IS NULL AND d.due < ?)`;
      add(q.overdue === 'true' ? overdue : `NOT ${overdue}`, today);
    }
    const scope = scopeCondition(scopeOf(actor), mentees);
    add(scope.sql, ...scope.params);
    const from = `FROM ${rm.table('mentorships')} m WHERE ${where.join(' AND ')}`;
    const total = (rm.prepare(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
    const rows = rm.prepare(
      `SELECT v.view FROM (SELECT m.id, m.proposed_on ${from} ORDER BY m.proposed_on DESC, m.id LIMIT ? OFFSET ?) m
       JOIN ${rm.table('views')} v ON v.projection = 'mentorships' AND v.key = m.id ORDER BY m.proposed_on DESC, m.id`,
    ).all(...params, q.pageSize, (q.page - 1) * q.pageSize) as { view: string }[];
    const views = rows.map((r) => JSON.parse(r.view) as MentorshipView);
    const names = namesOf(rm, actor.orgId, views.flatMap((v) => [v.mentorId, ...v.mentees.map((m) => m.personId)]));
    return { items: views.map((v) => mentorshipListItem(v, names, today)), total, page: q.page, pageSize: q.pageSize };
  }
}
