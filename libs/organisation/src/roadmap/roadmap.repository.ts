import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../event-store/src/event-store.port';
import { streamId } from '../../../../state-machines/shared/stream-id';
import { foldRoadmap, parseRoadmapEvent, type RoadmapSnapshot } from '../../../../state-machines/roadmap';
import { readStream, type LoadedStream } from '../support/stream-append';

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
