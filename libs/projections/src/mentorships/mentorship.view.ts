import {
  MENTORSHIP_STATES, type CompletionReason, type MentoringForm, type MentorshipState, type NoticeParty, type ReplacementReason, type SupplementaryAgreement,
} from '#core/mentorship';

/** Who took the latest step: from the event's metadata (actor is a user id, never a name). */
export interface LastStep {
  event: string;
  date?: string;
  actorId: string;
  role: string;
  recordedAt: string;
}

/**
 * One mentorship as the read side keeps it: the facts of its events, without texts nobody
 * lists (reports, notes) and without consent references. Each lifecycle state is entered at
 * most once, so `entered` holds the business date of every state the mentorship has passed.
 */
export interface MentorshipView {
  id: string;
  orgId: string;
  mentorId: string;
  mentees: { personId: string; firstWorkingDay: string }[];
  form: MentoringForm;
  topic: string;
  plannedStart: string;
  plannedEnd: string;
  predecessorId?: string;
  successorId?: string;
  state: MentorshipState;
  entered: Partial<Record<MentorshipState, string>>;
  consented: string[];
  /** Mentees already in another unfinished mentorship on the proposal's date (a warning until the order). */
  otherUnfinished?: { personId: string; mentorshipIds: string[] }[];
  /** A successor's mentees whose written consent to the new mentor is not recorded yet, and those who refused him (§3.7). */
  awaitingConsent?: string[];
  refusedNewMentor?: string[];
  /** `agreement`: the mentor's supplementary agreement recorded with the order (ТК РФ ст. 351.8). */
  order?: { number: string; date: string; agreement?: SupplementaryAgreement };
  program?: { draftedOn: string; activities: number; done: number; amendedOn?: string };
  acknowledged: string[];
  extensions: number;
  /** `earlyEnd`: ended early by written notice (ТК РФ ст. 351.8), by whom and when noticed; `reason` the §7.1 basis it counts under. */
  completion?: { date: string; reason: CompletionReason; earlyEnd?: { noticeBy: NoticeParty; noticeDate: string } };
  mentorReportOn?: string;
  menteeReports: Record<string, { date: string; evaluation: number }>;
  replacementRequests: number;
  replacement?: { date: string; reason: ReplacementReason; newMentorId: string };
  publication?: { date: string; summary: string };
  lastStep: LastStep;
  revision: number;
}

export const participantIds = (v: MentorshipView): string[] => [v.mentorId, ...v.mentees.map((m) => m.personId)];

/** The state on a day: the last one entered on or before it, in the vocabulary's lifecycle order. */
export function stateOn(entered: Partial<Record<MentorshipState, string>>, day: string): MentorshipState | null {
  let state: MentorshipState | null = null;
  for (const s of MENTORSHIP_STATES) {
    const d = entered[s];
    if (d !== undefined && d !== null && d <= day) state = s;
  }
  return state;
}
