import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldRoadmap, parseRoadmapEvent, type RoadmapSnapshot } from '#core/roadmap';
import { readStream, type LoadedStream } from '#libs/kernel';

export interface LoadedRoadmap extends LoadedStream {
  snapshot: RoadmapSnapshot;
}

export const roadmapStream = (orgId: string): string => streamId('roadmap', orgId);

export const foldLoaded = (loaded: LoadedStream): LoadedRoadmap => ({ ...loaded, snapshot: foldRoadmap(loaded.events.map(parseRoadmapEvent)) });

/** One roadmap per organisation, stream `roadmap-<orgId>`: a few dozen events, folded on each read. */
@Injectable()
export class RoadmapRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(orgId: string): Promise<LoadedRoadmap> {
    return foldLoaded(await readStream(this.store, roadmapStream(orgId)));
  }
}
