import type { ExpectedRevision } from '#libs/event-store';
import type { Decision } from '#libs/kernel';
import { streamId } from '#core/shared';
import type { Decision as MentorshipDecision } from '#core/mentorship';

/** The mentor stream's revision the reservation is appended at, or: this command's reservation is already there. */
export type ReservationAt = ExpectedRevision | 'already-reserved';

/**
 * A mentorship decision as appends, in the order EventStoreDB needs (one stream at a time): (1) the
 * mentor-load reservation at the mentor stream's revision — the lock of §3.7, decided again if another
 * proposal took it first; (2) the mentorship's own events; (3) a successor's first event in its new stream.
 */
export function mentorshipAppends(decision: MentorshipDecision, role: string, reservationAt?: ReservationAt): Decision {
  const r = decision.reservation;
  const s = decision.successor;
  return {
    events: decision.events,
    role,
    before: r && reservationAt !== 'already-reserved'
      ? [{ stream: streamId('mentor', r.mentorId), events: [{ type: 'MenteeSlotsReserved', data: r }], expected: reservationAt ?? 'no_stream' }]
      : [],
    after: s ? [{ stream: streamId('mentorship', s.mentorshipId), events: [s.event], expected: 'no_stream' }] : [],
  };
}
