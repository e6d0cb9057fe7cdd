import type { BusinessDate } from '../shared/business-date';
import type { Activity, SupplementaryAgreement } from './mentorship.events';
import type { CompletionReason, MentoringForm, NoticeParty, ReplacementReason } from './mentorship.vocabulary';

export interface ProgramActivity extends Activity {
  doneOn?: BusinessDate;
}

/** Everything the machine knows, derived only from the mentorship's own events. */
export interface MentorshipContext {
  mentorshipId: string;
  orgId: string;
  mentorId: string;
  mentees: { personId: string; firstWorkingDay: BusinessDate }[];
  form: MentoringForm;
  topic: string;
  plannedStart: BusinessDate;
  plannedEnd: BusinessDate;
  proposedOn: BusinessDate;
  predecessorId?: string;
  /**
   * Each participant's written consent. `inherited`: a mentee's consent to the predecessor's pair,
   * carried over by a replacement without their consent to the new mentor — not a consent to this
   * pair (§3.7) until one is recorded.
   */
  consents: Record<string, { given: boolean; date: BusinessDate; documentRef: string; inherited?: true }>;
  /** The head's order; `agreement`: the mentor's supplementary agreement recorded with it (ТК РФ ст. 351.8). */
  order?: { number: string; date: BusinessDate; agreement?: SupplementaryAgreement };
  /** Mentees already in another unfinished mentorship on the proposal's date (a warning until the order). */
  otherUnfinished?: { personId: string; mentorshipIds: string[] }[];
  program?: { draftedOn: BusinessDate; activities: ProgramActivity[]; amendedOn?: BusinessDate };
  nextActivityNo: number;
  acknowledgements: Record<string, BusinessDate>;
  extensions: { date: BusinessDate; plannedEnd: BusinessDate; previousEnd: BusinessDate }[];
  /**
   * How it ended. `earlyEnd`: ended early by written notice (ТК РФ ст. 351.8); `reason` is then the
   * §7.1 basis it counts under — the mentor's or the mentee's initiative, or the organisation's
   * (`curator-initiative`) for the employer's notice.
   */
  completion?: {
    date: BusinessDate;
    reason: CompletionReason;
    note?: string;
    earlyEnd?: { noticeBy: NoticeParty; personId?: string; noticeDate: BusinessDate; noticeRef: string };
  };
  mentorReport?: { date: BusinessDate; text: string; recommendations: string };
  menteeReports: Record<string, { date: BusinessDate; text: string; mentorEvaluation: number }>;
  replacementRequests: { date: BusinessDate; reason: ReplacementReason; note?: string }[];
  replacement?: { date: BusinessDate; reason: ReplacementReason; newMentorId: string; orderNumber: string; successorId: string };
  publication?: { date: BusinessDate; summary: string };
  withdrawal?: { date: BusinessDate; reason: string };
  /** Business date of the latest step: dates never go backwards along a mentorship. */
  lastDate: BusinessDate;
}

export const participants = (ctx: MentorshipContext): string[] => [ctx.mentorId, ...ctx.mentees.map((m) => m.personId)];
export const menteeIds = (ctx: MentorshipContext): string[] => ctx.mentees.map((m) => m.personId);

export const EMPTY_CONTEXT: MentorshipContext = {
  mentorshipId: '',
  orgId: '',
  mentorId: '',
  mentees: [],
  form: 'traditional',
  topic: '',
  plannedStart: '1970-01-01',
  plannedEnd: '1970-01-01',
  proposedOn: '1970-01-01',
  consents: {},
  nextActivityNo: 1,
  acknowledgements: {},
  extensions: [],
  menteeReports: {},
  replacementRequests: [],
  lastDate: '1970-01-01',
};
