import type { AvailableStep, DeadlineFlag, MentorshipContext } from '#core/mentorship';

export interface PersonRef {
  personId: string;
  fullName?: string;
  position?: string;
  firstWorkingDay?: string;
}

/** What GET /api/mentorships/:id returns: the state, the people, deadlines and the steps open to the caller. */
export interface MentorshipDto {
  id: string;
  orgId: string;
  state: string;
  stateTitle: string;
  revision: number;
  mentor: PersonRef;
  mentees: PersonRef[];
  form: string;
  formTitle: string;
  topic: string;
  plannedStart: string;
  plannedEnd: string;
  predecessorId?: string;
  successorId?: string;
  consents: ({ personId: string } & MentorshipContext['consents'][string])[];
  order?: MentorshipContext['order'];
  program?: MentorshipContext['program'];
  acknowledgements: MentorshipContext['acknowledgements'];
  extensions: MentorshipContext['extensions'];
  completion?: MentorshipContext['completion'];
  mentorReport?: MentorshipContext['mentorReport'];
  menteeReports: MentorshipContext['menteeReports'];
  replacementRequests: MentorshipContext['replacementRequests'];
  replacement?: MentorshipContext['replacement'];
  publication?: MentorshipContext['publication'];
  withdrawal?: MentorshipContext['withdrawal'];
  lastStepDate: string;
  deadlines: DeadlineFlag[];
  warnings: { code: string; clause: string; message: string }[];
  /** Present on an as-of view: which past state this is. */
  asOf?: { date?: string; recorded?: string; revision: number; differs?: boolean; asKnownThen?: { revision: number; state: string } };
  availableSteps: (AvailableStep & { method: 'POST'; href: string; schema: unknown })[];
}
