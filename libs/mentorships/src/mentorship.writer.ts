import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type LogPosition } from '#libs/event-store';
import { streamId } from '#core/shared';
import type { Decision } from '#core/mentorship';
import { CLOCK, type Clock, type CommandContext, envelope } from '#libs/kernel';

export interface Written {
  revision: number;
  position: LogPosition;
}

/**
 * Writes a decision. Order matters because EventStoreDB appends one stream at a time:
 * (1) the mentor-load reservation with the mentor stream's expected revision — the lock of
 * §3.7; (2) the mentorship's own events with its expected revision; (3) a successor stream.
 * Every event id derives from the command id, so re-running a half-done command is safe.
 */
@Injectable()
export class MentorshipWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async write(
    mentorshipId: string,
    expected: number | 'no_stream',
    decision: Decision,
    ctx: CommandContext,
    role: string,
    reservationRevision?: number | 'already-reserved',
  ): Promise<Written> {
    const now = this.clock.now();
    if (decision.reservation && reservationRevision !== 'already-reserved') {
      const r = decision.reservation;
      const stream = streamId('mentor', r.mentorId);
      await this.store.append(
        stream,
        envelope(stream, [{ type: 'MenteeSlotsReserved', data: r }], ctx, now, role),
        reservationRevision === undefined || reservationRevision < 0 ? 'no_stream' : reservationRevision,
      );
    }
    const stream = streamId('mentorship', mentorshipId);
    const result = await this.store.append(stream, envelope(stream, decision.events, ctx, now, role), expected);
    if (decision.successor) {
      const s = streamId('mentorship', decision.successor.mentorshipId);
      await this.store.append(s, envelope(s, [decision.successor.event], ctx, now, role), 'no_stream');
    }
    return { revision: result.nextRevision, position: result.position };
  }
}
