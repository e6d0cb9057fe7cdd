import fc from 'fast-check';
import { actors } from '../testing/fixtures';
import type { RoadmapEvent } from './roadmap.events';
import { ROADMAP_ACTIVITIES, reachedStage } from './roadmap.stages';
import { foldRoadmap, reachedOf, UnfoldableRoadmapEventError } from './roadmap.state';
import { roadmapView } from './roadmap.view';
import { activityDone, approved, drafted, historyAtStage, training } from './testing/roadmap.fixtures';

describe('roadmap machine', () => {
  it('never takes an activity of a stage not reached, and its state is always the stage the table says', () => {
    const candidates: RoadmapEvent[] = [...ROADMAP_ACTIVITIES.map((a) => activityDone(a.id)), training];
    fc.assert(fc.property(fc.array(fc.constantFrom(...candidates), { maxLength: 60 }), (attempts) => {
      let s = foldRoadmap([drafted, approved]);
      for (const e of attempts) {
        const before = reachedOf(s);
        if (!s.can(e)) continue;
        if (e.type === 'RoadmapActivityDone') {
          const stage = ROADMAP_ACTIVITIES.find((a) => a.id === e.data.activityId)!.stage;
          expect(before === 'implemented' || stage <= before! || stage === 7).toBe(true);
        }
        s = foldRoadmap([e], s);
        expect(reachedOf(s)).toBe(reachedStage(s.context.done));
      }
    }));
  });

  it('refuses to fold a stored event it would not have accepted', () => {
    expect(() => foldRoadmap([drafted, approved, activityDone('3.1')])).toThrow(UnfoldableRoadmapEventError);
    expect(() => foldRoadmap([approved])).toThrow(UnfoldableRoadmapEventError);
  });
});

describe('roadmap view', () => {
  it('before a draft: nothing to show but the curator\'s step', () => {
    const v = roadmapView(foldRoadmap([]), actors.curator());
    expect(v).toMatchObject({ phase: 'new', phaseTitle: 'не разработана', stage: null, missing: [] });
    expect(v.availableSteps.map((s) => s.step)).toEqual(['draft']);
    expect(roadmapView(foldRoadmap([]), actors.head()).availableSteps).toEqual([]);
  });

  it('offers the approval to the head only, with the body\'s JSON Schema', () => {
    const s = foldRoadmap([drafted]);
    const [approve] = roadmapView(s, actors.head()).availableSteps;
    expect(approve).toMatchObject({ step: 'approve', title: 'Утвердить дорожную карту', as: ['head'] });
    expect(approve.schema).toMatchObject({ type: 'object', required: ['date', 'documentRef'] });
    expect(roadmapView(s, actors.curator()).availableSteps).toEqual([]);
  });

  it('shows the stage the organisation is in and what is missing to move on', () => {
    const v = roadmapView(foldRoadmap([...historyAtStage(4), training]), actors.curator());
    expect(v.stage).toEqual({ no: 4, title: 'Отбор и обучение' });
    expect(v.stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'current', 'ahead', 'ahead', 'continuous']);
    expect(v.missing.map((m) => m.id)).toEqual(['4.1', '4.2', '4.3', '4.4', '7.1']);
    expect(v.stages[0].activities[1]).toMatchObject({ id: '1.2', required: false, condition: 'при наличии в ДОУ наставляемых', done: null });
    expect(v.stages[0].activities[0].done).toEqual({ date: '2026-02-01', documentRef: 'Документ к 1.1' });
    expect(v.trainedMentors).toEqual([{ personId: 'p-mentor', date: '2026-03-01', documentRef: 'Удостоверение № 15' }]);
    expect(v.availableSteps.map((s) => s.step)).toEqual(['activity-done', 'mentor-trained']);
  });

  it('once implemented, nothing is missing', () => {
    const v = roadmapView(foldRoadmap(historyAtStage('implemented')), actors.curator());
    expect(v).toMatchObject({ phase: 'implemented', stage: null, missing: [] });
    expect(v.stages.every((s) => s.status === 'done')).toBe(true);
  });
});
