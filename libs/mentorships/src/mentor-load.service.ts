import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { FINISHED_STATES, stateOf, type MentorshipState } from '#core/mentorship';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import type { ReservationAt } from './mentorship.appends';
import { MentorshipRepository } from './mentorship.repository';

export interface MentorLoad {
  mentorId: string;
  /** Mentees in the mentor's unfinished mentorships (§3.7). */
  load: number;
  /** Revision of `mentor-<id>`: a reservation is appended with it, so concurrent proposals serialise. */
  revision: number;
  mentorships: { mentorshipId: string; menteeIds: string[]; state: MentorshipState | 'pending' }[];
  /** The excluded mentorship already holds a reservation (a retried command): don't append another. */
  alreadyReserved: boolean;
}

/**
 * The mentor's current load, for the cross-stream limit of three mentees (§3.7). Every proposal
 * first reserves places in the mentor's own stream `mentor-<id>` with its expected revision, so
 * two proposals for one mentor can never both pass the check; a reservation counts while its
 * mentorship is unfinished, or, if its mentorship stream was never written (a crash between the
 * two appends), for a short grace period.
 */
@Injectable()
export class MentorLoadService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly mentorships: MentorshipRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async loadOf(mentorId: string, excludingMentorshipId?: string): Promise<MentorLoad> {
    const mentor = await this.people.mentor(mentorId);
    const now = this.clock.now().getTime();
    const out: MentorLoad = { mentorId, load: 0, revision: mentor.revision, mentorships: [], alreadyReserved: false };
    const seen = new Set<string>();
    for (const e of mentor.events) {
      if (e.type !== 'MenteeSlotsReserved') continue;
      const { mentorshipId, menteeIds } = e.data as { mentorshipId: string; menteeIds: string[] };
      if (mentorshipId === excludingMentorshipId) out.alreadyReserved = true;
      // A reservation appended twice (a retry after a crash) still counts once.
      if (mentorshipId === excludingMentorshipId || seen.has(mentorshipId)) continue;
      seen.add(mentorshipId);
      const m = await this.mentorships.load(mentorshipId);
      if (m.revision < 0) {
        if (now - Date.parse(e.created) < this.config.reservationGraceMs) {
          out.mentorships.push({ mentorshipId, menteeIds, state: 'pending' });
          out.load += menteeIds.length;
        }
        continue;
      }
      const state = stateOf(m.snapshot) as MentorshipState;
      if (FINISHED_STATES.includes(state)) continue;
      out.mentorships.push({ mentorshipId, menteeIds, state });
      out.load += menteeIds.length;
    }
    return out;
  }

  /**
   * Unfinished mentorships the person takes part in, as mentor or mentee (retention of their data).
   * Mentees have no stream of their own mentorships, so the reservations in every mentor stream are
   * scanned: a rare step (destruction of personal data), so a scan of the `mentor-` streams is fine.
   */
  async unfinishedMentorshipsOf(personId: string): Promise<number> {
    const ids = new Set((await this.loadOf(personId)).mentorships.map((m) => m.mentorshipId));
    for (const e of await this.store.readAll({ streamPrefixes: ['mentor-'] })) {
      if (e.type !== 'MenteeSlotsReserved') continue;
      const { mentorshipId, menteeIds } = e.data as { mentorshipId: string; menteeIds: string[] };
      if (!menteeIds.includes(personId) || ids.has(mentorshipId)) continue;
      const m = await this.mentorships.load(mentorshipId);
      if (m.revision >= 0 && !FINISHED_STATES.includes(stateOf(m.snapshot) as MentorshipState)) ids.add(mentorshipId);
    }
    return ids.size;
  }
}

/** Where this command's reservation goes: at the mentor stream's revision, or nowhere when it is there already. */
export const reservationAt = (load: MentorLoad): ReservationAt =>
  load.alreadyReserved ? 'already-reserved' : load.revision < 0 ? 'no_stream' : load.revision;
