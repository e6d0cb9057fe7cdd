import type { TraineeFacts } from '../rules/trained-mentor.rule';
import type { RoadmapEvent } from '../roadmap.events';
import { ROADMAP_ACTIVITIES, type StageNo } from '../roadmap.stages';

/** Shared roadmap test data; people and actors come from the mentorship fixtures. */
export const R_ORG = 'org-1';
export const R_TODAY = '2026-11-24';
export const TRAINED_MENTOR = 'p-mentor';

export const drafted: RoadmapEvent = { type: 'RoadmapDrafted', data: { orgId: R_ORG, date: '2026-01-15', documentRef: 'Дорожная карта на 2026 год' } };
export const approved: RoadmapEvent = { type: 'RoadmapApproved', data: { date: '2026-01-20', documentRef: 'Приказ № 7 от 20.01.2026' } };
export const training: RoadmapEvent = { type: 'MentorTrainingCompleted', data: { personId: TRAINED_MENTOR, date: '2026-03-01', documentRef: 'Удостоверение № 15' } };

export const activityDone = (activityId: string, date = '2026-02-01'): RoadmapEvent => ({
  type: 'RoadmapActivityDone', data: { activityId, date, documentRef: `Документ к ${activityId}` },
});

/** Drafted, approved, and every required activity of the stages before `stage` done (with a trained mentor past stage 4). */
export function historyAtStage(stage: StageNo | 'implemented'): RoadmapEvent[] {
  const before = (s: StageNo) => stage === 'implemented' || s < stage;
  const events: RoadmapEvent[] = [drafted, approved];
  for (const a of ROADMAP_ACTIVITIES) {
    if (!a.required || !before(a.stage)) continue;
    if (a.id === '4.2') events.push(training);
    events.push(activityDone(a.id));
  }
  return events;
}

export const traineeFacts = (over: Partial<TraineeFacts> = {}): TraineeFacts => ({
  personId: TRAINED_MENTOR, exists: true, personalDataConsent: true, inMentorBank: true, ...over,
});
