import type { Row, TableSpec } from '../projection';
import type { BestCase, ProgramTemplate } from '#core/programs';

/** One row per template of the bank (§3.4); the activities are kept as JSON. */
export const PROGRAM_TEMPLATES: TableSpec = {
  name: 'program_templates',
  columns: [
    'org_id', 'id', 'title', 'topic', 'form', 'source_mentorship_id', 'duration_days', 'activities', 'activity_count',
    'saved_on', 'retired_on', 'retired_reason',
  ],
  key: ['id'],
  indexes: [['org_id', 'form']],
};

/** One row per best case (§8.1), keyed by its subject (a mentorship or a template). */
export const BEST_CASES: TableSpec = {
  name: 'best_cases',
  columns: [
    'org_id', 'subject_id', 'subject', 'title', 'summary', 'topic', 'form', 'duration_days', 'completed_on', 'activity_kinds',
    'marked_on', 'withdrawn_on', 'withdrawn_reason',
  ],
  key: ['subject_id'],
  indexes: [['org_id', 'marked_on']],
};

const opt = (r: Row, k: string) => (r[k] === null ? undefined : String(r[k]));

export function templateRow(t: ProgramTemplate): Row {
  return {
    org_id: t.orgId, id: t.templateId, title: t.title, topic: t.topic, form: t.form, source_mentorship_id: t.sourceMentorshipId,
    duration_days: t.durationDays, activities: JSON.stringify(t.activities), activity_count: t.activities.length,
    saved_on: t.date, retired_on: t.retired?.date ?? null, retired_reason: t.retired?.reason ?? null,
  };
}

export function templateFromRow(r: Row): ProgramTemplate {
  const retiredOn = opt(r, 'retired_on');
  return {
    orgId: String(r.org_id), templateId: String(r.id), title: String(r.title), topic: String(r.topic), form: String(r.form) as ProgramTemplate['form'],
    sourceMentorshipId: String(r.source_mentorship_id), durationDays: Number(r.duration_days), activities: JSON.parse(String(r.activities)),
    date: String(r.saved_on), ...(retiredOn ? { retired: { date: retiredOn, reason: String(r.retired_reason) } } : {}),
  };
}

export function bestCaseRow(c: BestCase): Row {
  return {
    org_id: c.orgId, subject_id: c.subjectId, subject: c.subject, title: c.title, summary: c.summary, topic: c.topic, form: c.form,
    duration_days: c.durationDays, completed_on: c.completedOn ?? null, activity_kinds: JSON.stringify(c.activityKinds),
    marked_on: c.date, withdrawn_on: c.withdrawn?.date ?? null, withdrawn_reason: c.withdrawn?.reason ?? null,
  };
}

export function bestCaseFromRow(r: Row): BestCase {
  const withdrawnOn = opt(r, 'withdrawn_on');
  const completedOn = opt(r, 'completed_on');
  return {
    orgId: String(r.org_id), subjectId: String(r.subject_id), subject: String(r.subject) as BestCase['subject'], title: String(r.title),
    summary: String(r.summary), topic: String(r.topic), form: String(r.form) as BestCase['form'], durationDays: Number(r.duration_days),
    ...(completedOn ? { completedOn } : {}), activityKinds: JSON.parse(String(r.activity_kinds)), date: String(r.marked_on),
    ...(withdrawnOn ? { withdrawn: { date: withdrawnOn, reason: String(r.withdrawn_reason) } } : {}),
  };
}

/**
 * §8.1 «лучшие кейсы» as the website shows them: the curator's title and description, the topic,
 * form, length and kinds of activities. No ids, names or activity titles (written for the pair).
 */
export const publicBestCasesView = (p: string): string =>
  `CREATE VIEW IF NOT EXISTS "${p}public_best_cases" AS SELECT org_id, title, summary, topic, form, duration_days, completed_on, activity_kinds, marked_on
   FROM "${p}best_cases" WHERE withdrawn_on IS NULL`;
