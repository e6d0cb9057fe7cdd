import {
  COMPLETION_REASONS, inPhase, FORM_TITLES, MENTORING_FORMS, MENTORSHIP_STATES, REPLACEMENT_REASONS, STATE_TITLES,
  type MentoringForm,
} from '#core/mentorship';
import { BANK_UPDATE, bankUpdateDeadlines } from '#libs/projections';
import { youngTeachersSince, type ReportFacts } from './monitoring-report.facts';
import { roadmapSection, surveysSection } from './monitoring-report.organisation';
import { COMPLETION_REASON_TITLES, DEADLINE_KIND_TITLES, REPLACEMENT_REASON_TITLES, RETENTION_NOTE, REPORT_TITLE } from './monitoring-report.labels';

export interface ReportPeriod {
  from: string;
  to: string;
  form?: MentoringForm;
  /** Statuses of deadlines still open are as of this day (the day the report is built). */
  today: string;
}

const within = (d: string | null, p: ReportPeriod): d is string => d !== null && d >= p.from && d <= p.to;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const tally = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The curator's monitoring report (§3.4) as a pure function of read-model facts. Each figure counts what
 * FIGURE_DEFINITIONS says (the key is cited where it is computed; docs/monitoring-report.md says the same):
 * a mentorship is in the period when proposed by its end and not finished before its start; it took part
 * when also approved by order by the end; people are counted once however many mentorships they are in.
 * One pass over each list: it runs over thousands.
 */
export function buildMonitoringReport(facts: ReportFacts, p: ReportPeriod) {
  const byState = tally(MENTORSHIP_STATES);
  const byForm = tally(MENTORING_FORMS);
  const completions = tally(COMPLETION_REASONS);
  const replacements = tally(REPLACEMENT_REASONS);
  const mentors = new Set<string>();
  let started = 0, completed = 0, replaced = 0, pairs = 0, groups = 0, inProgress = 0;
  // inPeriod (the SQL's), byState, byForm, movement
  for (const [form, mentorId, menteeCount, successor, state, orderedOn, completedOn, completionReason, replacedOn, replacementReason] of facts.mentorships) {
    byState[state]++;
    byForm[form]++;
    if (!successor && within(orderedOn, p)) started++;
    if (within(completedOn, p)) {
      completed++;
      completions[completionReason!]++;
    }
    if (within(replacedOn, p)) {
      replaced++;
      replacements[replacementReason!]++;
    }
    if (orderedOn === null || orderedOn > p.to) continue; // took part: participants, statistics
    mentors.add(mentorId);
    if (menteeCount > 1) groups++;
    else pairs++;
    if (inPhase(state, 'in-progress')) inProgress++;
  }

  const youngSince = youngTeachersSince(p.to);
  const mentees = new Set<string>();
  const menteesByForm = new Map<MentoringForm, Set<string>>();
  const young = new Set<string>();
  const youngCompleted = new Set<string>();
  // evaluation: reports dated in the period, counted by the SQL whatever the mentorship's period
  const evaluations = [0, 0, 0, 0, 0];
  for (const [score, count] of facts.evaluations) evaluations[score - 1] += count;
  // participants, byForm (mentees), youngSpecialists
  for (const [personId, form, completedBy, firstWorkingDay] of facts.mentees) {
    if (form === null) continue; // its mentorship did not take part
    mentees.add(personId);
    let ofForm = menteesByForm.get(form);
    if (!ofForm) menteesByForm.set(form, (ofForm = new Set()));
    ofForm.add(personId);
    if (firstWorkingDay !== null && firstWorkingDay > youngSince) {
      young.add(personId);
      if (completedBy) youngCompleted.add(personId);
    }
  }
  let people = mentors.size;
  for (const personId of mentees) if (!mentors.has(personId)) people++;
  const evaluated = evaluations.reduce((a, b) => a + b, 0);
  const evaluationSum = evaluations.reduce((a, n, i) => a + n * (i + 1), 0);

  // deadlines
  const bank = bankUpdateDeadlines(facts.menteeBankEntries, p.today).filter((d) => within(d.due, p));
  const counted = [...facts.deadlines, {
    kind: BANK_UPDATE.kind,
    total: bank.length,
    on_time: bank.filter((d) => d.status === 'met').length,
    late: bank.filter((d) => d.status === 'late').length,
    overdue: bank.filter((d) => d.status === 'overdue').length,
    pending: bank.filter((d) => d.status === 'upcoming').length,
  }];

  return {
    title: REPORT_TITLE,
    clause: '§3.4',
    period: { from: p.from, to: p.to },
    form: p.form ?? null,
    formTitle: p.form ? FORM_TITLES[p.form] : 'Все формы',
    asOf: p.today,
    mentorships: facts.mentorships.length,
    participants: { mentors: mentors.size, mentees: mentees.size, people },
    byState: MENTORSHIP_STATES.map((state) => ({ state, title: STATE_TITLES[state], count: byState[state] })),
    byForm: MENTORING_FORMS.map((form) => ({ form, title: FORM_TITLES[form], mentorships: byForm[form], mentees: menteesByForm.get(form)?.size ?? 0 })),
    started,
    completed,
    completionsByReason: COMPLETION_REASONS.map((reason) => ({ reason, title: COMPLETION_REASON_TITLES[reason], count: completions[reason] })),
    replacementsByReason: REPLACEMENT_REASONS.map((reason) => ({ reason, title: REPLACEMENT_REASON_TITLES[reason], count: replacements[reason] })),
    replacements: replaced,
    deadlines: Object.keys(DEADLINE_KIND_TITLES).map((kind) => {
      const c = counted.find((x) => x.kind === kind) ?? { total: 0, on_time: 0, late: 0, overdue: 0, pending: 0 };
      return {
        kind, ...DEADLINE_KIND_TITLES[kind], total: c.total, onTime: c.on_time, late: c.late, overdue: c.overdue, pending: c.pending,
        onTimeRate: ratio(c.on_time, c.on_time + c.late + c.overdue),
      };
    }),
    mentorEvaluation: {
      average: evaluated ? Math.round((evaluationSum / evaluated) * 100) / 100 : null,
      count: evaluated,
      distribution: evaluations.map((count, i) => ({ score: i + 1, count })),
    },
    engagement: { participants: people, staff: facts.staff, share: ratio(people, facts.staff) }, // engagement
    youngSpecialists: {
      total: young.size, completed: youngCompleted.size, retained: youngCompleted.size,
      // Young teachers on the staff at the period's end, and the share of them in mentorship.
      staff: facts.youngStaff, share: ratio(young.size, facts.youngStaff),
      retentionRate: ratio(youngCompleted.size, youngCompleted.size), note: RETENTION_NOTE,
    },
    statistics: [
      { code: 'mentors', title: 'Численность наставников', value: mentors.size },
      { code: 'mentees', title: 'Численность наставляемых', value: mentees.size },
      { code: 'young-specialists', title: 'из них молодых специалистов (стаж до 3 лет)', value: young.size },
      { code: 'pairs', title: 'Наставнических пар', value: pairs },
      { code: 'groups', title: 'Наставнических групп', value: groups },
      { code: 'in-progress', title: 'Программ реализуется на конец периода', value: inProgress },
      { code: 'completed', title: 'Программ завершено за период', value: completed },
    ],
    roadmap: roadmapSection(facts.organisation.roadmap, p.to),
    surveys: surveysSection(facts.organisation.surveyResponses),
  };
}

export type MonitoringReport = ReturnType<typeof buildMonitoringReport> & { orgId: string; position: string | null; stale: boolean };
