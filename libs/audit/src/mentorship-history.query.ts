import { Query } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import type { EventField } from './event-fields';

export interface HistoryEntry {
  revision: number;
  type: string;
  /** The event's Russian name (`EVENT_TITLES` of the core). */
  title: string;
  /** The business date of the step, as on its document. */
  businessDate?: string;
  /** When the store recorded it. */
  recordedAt: string;
  actor: { userId: string; name?: string; role: string };
  /** The document the step rests on: order number and date, consent reference… */
  document?: Record<string, string>;
  data: unknown;
  /** `data` as labelled Russian fields, for people; `data` stays for programs. */
  fields: EventField[];
  /** Fields of `data` this reader may not see (another mentee's report text and evaluation of the mentor, §3.6). */
  withheld?: string[];
  stateAfter: string;
  commandId: string;
}

export class GetMentorshipHistoryQuery extends Query<{ mentorshipId: string; entries: HistoryEntry[] }> {
  constructor(readonly mentorshipId: string, readonly actor: Actor) {
    super();
  }
}
