import type { PrintedOrganisation } from '#core/organisation';
import type { VerificationResult } from '../integrity/verification.result';

/** One event of the package, as stored (personal fields in their encrypted form) with who, when and on which document. */
export interface PackageEvent {
  /** Log position ("commit/prepare") and event id: where to find it, and its link, in the chain. */
  position: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  /** The event's Russian name. */
  title: string;
  /** The business date of the step, as on its document; absent for entries that carry none. */
  businessDate?: string;
  /** When the store recorded it. */
  recordedAt: string;
  actor: { userId: string; name?: string; role: string };
  document?: Record<string, string>;
  /** Mentorship events: the state after it. */
  stateAfter?: string;
  data: unknown;
}

export interface TimelineEntry {
  /** The date the entry is listed under (business date, else the day it was recorded). */
  date: string;
  text: string;
  position: string;
}

export type PackageScope =
  | { kind: 'period'; from: string; to: string }
  | { kind: 'mentorship'; mentorshipId: string; topic?: string };

/** An audit package: the events, a readable timeline and the verification statement, for a period or one mentorship. */
export interface AuditPackage {
  title: string;
  orgId: string;
  /** The organisation's details in force on the day the package is made. */
  organisation: PrintedOrganisation;
  scope: PackageScope;
  generatedAt: string;
  generatedBy: string;
  timeZone: string;
  events: PackageEvent[];
  timeline: TimelineEntry[];
  verification: VerificationResult;
  notes: string[];
}
