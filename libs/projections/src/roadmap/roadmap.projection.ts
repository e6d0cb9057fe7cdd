import type { RecordedEvent } from '#libs/event-store';
import { parseRoadmapEvent } from '#core/roadmap';
import { type Projection, streamKey } from '../projection';
import { ROADMAPS, roadmapRow, TRAINED_MENTORS, trainedRows, type RoadmapReadView } from './roadmap.tables';

/** Folds one event of `roadmap-<orgId>`; the machine already refused whatever would not fold, so no guards here. */
export function projectRoadmap(view: RoadmapReadView | undefined, e: RecordedEvent): RoadmapReadView | undefined {
  const v: RoadmapReadView = view ?? { orgId: streamKey(e.streamId), done: {}, trained: {} };
  const event = parseRoadmapEvent(e);
  switch (event.type) {
    case 'RoadmapDrafted':
      return { ...v, orgId: event.data.orgId, draftedOn: event.data.date };
    case 'RoadmapApproved':
      return { ...v, approvedOn: event.data.date };
    case 'RoadmapActivityDone':
      return { ...v, done: { ...v.done, [event.data.activityId]: event.data.date } };
    case 'MentorTrainingCompleted':
      return { ...v, trained: { ...v.trained, [event.data.personId]: event.data.date } };
  }
}

export const roadmapProjection: Projection<RoadmapReadView> = {
  name: 'roadmap',
  streamPrefixes: ['roadmap-'],
  main: ROADMAPS,
  derived: [TRAINED_MENTORS],
  keyOf: (e) => streamKey(e.streamId),
  project: projectRoadmap,
  rows: (v) => ({ main: roadmapRow(v), derived: { trained_mentors: trainedRows(v) } }),
};
