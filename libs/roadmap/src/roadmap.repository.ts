import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldRoadmap, parseRoadmapEvent, type RoadmapSnapshot } from '#core/roadmap';
import { readCommandStream, type CommandStream } from '#libs/kernel';

export const roadmapStream = (orgId: string): string => streamId('roadmap', orgId);

/** One roadmap per organisation, stream `roadmap-<orgId>`: a few dozen events, folded on each read. */
@Injectable()
export class RoadmapRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  load(orgId: string): Promise<CommandStream<RoadmapSnapshot>> {
    return readCommandStream(this.store, roadmapStream(orgId), (events) => foldRoadmap(events.map(parseRoadmapEvent)));
  }
}
