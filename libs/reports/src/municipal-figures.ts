import {
  COMPLETION_REASONS, FORM_TITLES, MENTORING_FORMS, MENTORSHIP_STATES, REPLACEMENT_REASONS, STATE_TITLES,
  type CompletionReason, type MentoringForm, type MentorshipState, type ReplacementReason,
} from '#core/mentorship';
import { PHASE_TITLES, ROADMAP_STAGES, type RoadmapPhase } from '#core/roadmap';
import type { MonitoringReport } from './monitoring-report';
import { COMPLETION_REASON_TITLES, REPLACEMENT_REASON_TITLES } from './monitoring-report.labels';

/**
 * What a municipality reads of one organisation: counts from its own monitoring report (§3.4), nothing
 * that names or singles out a person. Every figure is a count, so the municipality's totals are sums.
 */
export interface OrganisationFigures {
  mentorships: number;
  byState: Record<MentorshipState, number>;
  byForm: Record<MentoringForm, number>;
  mentors: number;
  mentees: number;
  /** Young teachers (up to three years' work) who are mentees, and on the staff. */
  youngInMentorship: number;
  youngStaff: number;
  /** Deadlines of the regulation falling due in the period, all kinds together. */
  deadlines: { total: number; onTime: number; late: number; overdue: number; pending: number };
  started: number;
  completed: number;
  completionsByReason: Record<CompletionReason, number>;
  replacements: number;
  replacementsByReason: Record<ReplacementReason, number>;
  roadmap: { phase: RoadmapPhase; stage: number | null };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** One organisation's figures, taken from its monitoring report for the period (the same report its curator reads). */
export function organisationFigures(r: Pick<MonitoringReport, 'mentorships' | 'byState' | 'byForm' | 'participants' | 'youngSpecialists' | 'deadlines' | 'started' | 'completed' | 'completionsByReason' | 'replacements' | 'replacementsByReason' | 'roadmap'>): OrganisationFigures {
  const deadlines = { total: 0, onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const d of r.deadlines) {
    deadlines.total += d.total;
    deadlines.onTime += d.onTime;
    deadlines.late += d.late;
    deadlines.overdue += d.overdue;
    deadlines.pending += d.pending;
  }
  return {
    mentorships: r.mentorships,
    byState: Object.fromEntries(r.byState.map((x) => [x.state, x.count])) as Record<MentorshipState, number>,
    byForm: Object.fromEntries(r.byForm.map((x) => [x.form, x.mentorships])) as Record<MentoringForm, number>,
    mentors: r.participants.mentors,
    mentees: r.participants.mentees,
    youngInMentorship: r.youngSpecialists.total,
    youngStaff: r.youngSpecialists.staff,
    deadlines,
    started: r.started,
    completed: r.completed,
    completionsByReason: Object.fromEntries(r.completionsByReason.map((x) => [x.reason, x.count])) as Record<CompletionReason, number>,
    replacements: r.replacements,
    replacementsByReason: Object.fromEntries(r.replacementsByReason.map((x) => [x.reason, x.count])) as Record<ReplacementReason, number>,
    roadmap: { phase: r.roadmap.phase, stage: r.roadmap.stage?.no ?? null },
  };
}

/** The totals of several organisations: every count summed; the roadmap as how many organisations stand at each phase and stage. */
export function sumFigures(all: readonly OrganisationFigures[]) {
  const total = {
    organisations: all.length,
    mentorships: 0, mentors: 0, mentees: 0, youngInMentorship: 0, youngStaff: 0, started: 0, completed: 0, replacements: 0,
    byState: zeros(MENTORSHIP_STATES), byForm: zeros(MENTORING_FORMS),
    deadlines: { total: 0, onTime: 0, late: 0, overdue: 0, pending: 0 },
    completionsByReason: zeros(COMPLETION_REASONS), replacementsByReason: zeros(REPLACEMENT_REASONS),
    roadmapPhases: zeros(['new', 'drafted', 'approved', 'implemented'] as RoadmapPhase[]),
    roadmapStages: zeros(ROADMAP_STAGES.map((s) => String(s.no))),
  };
  for (const f of all) {
    for (const k of ['mentorships', 'mentors', 'mentees', 'youngInMentorship', 'youngStaff', 'started', 'completed', 'replacements'] as const) total[k] += f[k];
    for (const k of MENTORSHIP_STATES) total.byState[k] += f.byState[k];
    for (const k of MENTORING_FORMS) total.byForm[k] += f.byForm[k];
    for (const k of COMPLETION_REASONS) total.completionsByReason[k] += f.completionsByReason[k];
    for (const k of REPLACEMENT_REASONS) total.replacementsByReason[k] += f.replacementsByReason[k];
    for (const k of ['total', 'onTime', 'late', 'overdue', 'pending'] as const) total.deadlines[k] += f.deadlines[k];
    total.roadmapPhases[f.roadmap.phase]++;
    if (f.roadmap.stage !== null) total.roadmapStages[String(f.roadmap.stage)]++;
  }
  return total;
}
export type FigureTotals = ReturnType<typeof sumFigures>;

/** The shares a reader is shown, from counts (of one organisation or of the totals): young teachers in mentorship, deadlines met on time. */
export const figureShares = (f: Pick<OrganisationFigures, 'youngInMentorship' | 'youngStaff' | 'deadlines'>) => ({
  youngShare: ratio(f.youngInMentorship, f.youngStaff),
  onTimeRate: ratio(f.deadlines.onTime, f.deadlines.onTime + f.deadlines.late + f.deadlines.overdue),
});

/** Titles for the keys of the figures, so a page and a spreadsheet print words and never codes. */
export const FIGURE_TITLES = {
  states: STATE_TITLES, forms: FORM_TITLES, completions: COMPLETION_REASON_TITLES, replacements: REPLACEMENT_REASON_TITLES, phases: PHASE_TITLES,
  stages: Object.fromEntries(ROADMAP_STAGES.map((s) => [String(s.no), `Этап ${s.no}. ${s.title}`])) as Record<string, string>,
};
