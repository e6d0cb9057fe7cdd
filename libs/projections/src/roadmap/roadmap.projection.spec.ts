import type { RecordedEvent } from '#libs/event-store';
import { historyAtStage, TRAINED_MENTOR } from '#core/roadmap/testing';
import { foldRoadmap, reachedOf, type RoadmapEvent } from '#core/roadmap';
import { roadmapProjection } from './roadmap.projection';
import type { RoadmapReadView } from './roadmap.tables';

const recorded = (e: RoadmapEvent, revision: number): RecordedEvent => ({
  streamId: 'roadmap-org-1', type: e.type, data: e.data, revision, id: `e${revision}`, created: '2026-11-01T09:00:00Z',
  position: { commit: BigInt(revision), prepare: BigInt(revision) },
  metadata: { orgId: 'org-1', actorId: 'u', role: 'curator', commandId: `c${revision}`, correlationId: 'c', causationId: 'c', recordedAt: '2026-11-01T09:00:00Z', schemaVersion: 1 },
});

describe('roadmap projection', () => {
  it('stands where the machine stands, and lists the trained mentors for pairing suggestions', () => {
    const history = [...historyAtStage(5)];
    let view: RoadmapReadView | undefined;
    history.forEach((e, i) => (view = roadmapProjection.project(view, recorded(e, i))));
    const rows = roadmapProjection.rows(view!);
    expect(rows.main).toMatchObject({ org_id: 'org-1', drafted_on: '2026-01-15', approved_on: '2026-01-20', stage: String(reachedOf(foldRoadmap(history))) });
    expect(rows.main.stage).toBe('5');
    expect(rows.derived.trained_mentors).toEqual([{ org_id: 'org-1', person_id: TRAINED_MENTOR, trained_on: '2026-03-01' }]);
  });

  it('has no stage before the head\'s approval', () => {
    const view = roadmapProjection.project(undefined, recorded(historyAtStage(1)[0], 0));
    expect(roadmapProjection.rows(view!).main.stage).toBeNull();
  });
});
