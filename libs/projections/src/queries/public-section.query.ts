import { Injectable } from '@nestjs/common';
import { ACTIVITY_KIND_TITLES, FORM_TITLES, type ActivityKind, type MentoringForm } from '#core/mentorship';
import { ReadModels } from '../read-models';

/**
 * The organisation's website section (§8), readable without a token. It reads only the public
 * SQL views, whose columns are the whole of what §8 allows (see `mentorship-sql-views.ts` and
 * `people.tables.ts`): an unknown organisation simply has nothing published.
 */
@Injectable()
export class PublicSectionQuery {
  constructor(private readonly rm: ReadModels) {}

  programs(orgId: string) {
    const rows = this.rm.prepare(
      `SELECT topic, form, planned_start, planned_end, mentee_count FROM ${this.rm.table('public_programs')}
       WHERE org_id = ? AND status = 'in-progress' ORDER BY planned_start, topic`,
    ).all(orgId) as { topic: string; form: MentoringForm; planned_start: string; planned_end: string; mentee_count: number }[];
    return rows.map((r) => ({
      topic: r.topic, form: r.form, formTitle: FORM_TITLES[r.form], plannedStart: r.planned_start, plannedEnd: r.planned_end, mentees: r.mentee_count,
    }));
  }

  /** Results only after completion and the curator's publication (§8.2). */
  results(orgId: string) {
    const rows = this.rm.prepare(
      `SELECT topic, form, planned_start, completed_on, published_on, summary FROM ${this.rm.table('public_programs')}
       WHERE org_id = ? AND status = 'completed' ORDER BY published_on DESC, topic`,
    ).all(orgId) as { topic: string; form: MentoringForm; planned_start: string; completed_on: string; published_on: string; summary: string }[];
    return rows.map((r) => ({
      topic: r.topic, form: r.form, formTitle: FORM_TITLES[r.form], plannedStart: r.planned_start,
      completedOn: r.completed_on, publishedOn: r.published_on, summary: r.summary,
    }));
  }

  mentors(orgId: string) {
    const rows = this.rm.prepare(`SELECT full_name, position, competences FROM ${this.rm.table('public_mentors')} WHERE org_id = ? ORDER BY full_name`)
      .all(orgId) as { full_name: string; position: string; competences: string }[];
    return rows.map((r) => ({ fullName: r.full_name, position: r.position, competences: JSON.parse(r.competences) as string[] }));
  }

  mentees(orgId: string) {
    const rows = this.rm.prepare(`SELECT position, requests FROM ${this.rm.table('public_mentees')} WHERE org_id = ? ORDER BY position, requests`)
      .all(orgId) as { position: string; requests: string }[];
    return rows.map((r) => ({ position: r.position, requests: JSON.parse(r.requests) as string[] }));
  }

  /** §8.1 «лучшие кейсы»: the curator's description of a completed program or a template of the bank (§3.4). */
  bestCases(orgId: string) {
    const rows = this.rm.prepare(
      `SELECT title, summary, topic, form, duration_days, completed_on, activity_kinds, marked_on FROM ${this.rm.table('public_best_cases')}
       WHERE org_id = ? ORDER BY marked_on DESC, title`,
    ).all(orgId) as { title: string; summary: string; topic: string; form: MentoringForm; duration_days: number; completed_on: string | null; activity_kinds: string; marked_on: string }[];
    return rows.map((r) => ({
      title: r.title, summary: r.summary, topic: r.topic, form: r.form, formTitle: FORM_TITLES[r.form], durationDays: r.duration_days,
      completedOn: r.completed_on, markedOn: r.marked_on,
      activities: (JSON.parse(r.activity_kinds) as { kind: ActivityKind; count: number }[]).map((a) => ({ ...a, kindTitle: ACTIVITY_KIND_TITLES[a.kind] })),
    }));
  }

  section(orgId: string) {
    return {
      title: 'Наставничество педагогических работников',
      clause: '§8.1',
      programs: this.programs(orgId),
      results: this.results(orgId),
      mentors: this.mentors(orgId),
      mentees: this.mentees(orgId),
      bestCases: this.bestCases(orgId),
    };
  }
}
