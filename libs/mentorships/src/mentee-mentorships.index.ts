import { Inject, Injectable } from '@nestjs/common';
import { FINISHED_STATES, stateOf, type MentorshipState } from '#core/mentorship';
import { EVENT_STORE, type EventStore, type LogPosition } from '#libs/event-store';
import { MentorshipRepository } from './mentorship.repository';

/**
 * Which mentorships each mentee was proposed into, for the warning of a mentee proposed again while in
 * an unfinished one (§3.4). Mentees have no stream of their own: the places reserved in the mentors'
 * streams (`MenteeSlotsReserved`) name them. Read from the store incrementally — each call reads only
 * the events since the last — and whether a mentorship is unfinished is asked of its fold, never of a
 * read model. A warning rests on it, never a refusal.
 */
@Injectable()
export class MenteeMentorships {
  private readonly byMentee = new Map<string, Set<string>>();
  private after: LogPosition | undefined;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly mentorships: MentorshipRepository) {}

  /** One read at a time; a failed read fails only its own caller, and the next one tries again from the same position. */
  private catchUp(): Promise<void> {
    const run = this.catchingUp.then(async () => {
      for (const e of await this.store.readAll({ streamPrefixes: ['mentor-'], after: this.after })) {
        this.after = e.position;
        if (e.type !== 'MenteeSlotsReserved') continue;
        const { mentorshipId, menteeIds } = e.data as { mentorshipId: string; menteeIds: string[] };
        for (const p of menteeIds) {
          const set = this.byMentee.get(p) ?? new Set<string>();
          set.add(mentorshipId);
          this.byMentee.set(p, set);
        }
      }
    });
    this.catchingUp = run.catch(() => undefined);
    return run;
  }

  /** Each mentee's unfinished mentorships (that exist), besides `excluding` (the one being proposed). */
  async unfinishedOf(menteeIds: readonly string[], excluding: string): Promise<Record<string, string[]>> {
    await this.catchUp();
    const out: Record<string, string[]> = {};
    for (const p of menteeIds) {
      out[p] = [];
      for (const id of this.byMentee.get(p) ?? []) {
        if (id === excluding) continue;
        const m = await this.mentorships.load(id);
        if (m.revision >= 0 && !FINISHED_STATES.includes(stateOf(m.snapshot) as MentorshipState)) out[p].push(id);
      }
    }
    return out;
  }
}
