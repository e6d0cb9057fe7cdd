import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, START, STORED_EVENT_STORE, type EventStore, type LogPosition } from '#libs/event-store';

const PAGE = 1000;

/**
 * Which organisations have staff or mentorships, read from the log (a decision rests on it: the demo
 * loads only into an empty organisation). It remembers how far it read, so each call reads only what
 * was written since; an organisation once staffed stays so (an erasure keeps its records). The log as
 * stored is read: only the metadata is needed, no name is decrypted.
 */
@Injectable()
export class StaffedOrganisations {
  private readonly staffed = new Set<string>();
  private position: LogPosition = START;

  constructor(@Inject(STORED_EVENT_STORE) private readonly store: EventStore) {}

  async has(orgId: string): Promise<boolean> {
    if (this.staffed.has(orgId)) return true;
    let after = this.position;
    for (;;) {
      const page = await this.store.readAll({ after, streamPrefixes: ['person-', 'mentorship-'], maxCount: PAGE });
      for (const e of page) this.staffed.add(e.metadata.orgId);
      if (page.length) after = page[page.length - 1].position;
      if (page.length < PAGE) break;
    }
    // Concurrent calls each read on from where they started; the furthest one is kept.
    if (comparePositions(after, this.position) > 0) this.position = after;
    return this.staffed.has(orgId);
  }
}
