import { ruDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';
import type { RoadmapContext } from '../roadmap.context';
import {
  activityOf, CONTINUOUS_STAGE, MENTOR_TRAINING_ACTIVITY, missingOf, roadmapClause, stageOf, type StageNo,
} from '../roadmap.stages';

/**
 * An activity may be marked done once, when the organisation has reached its stage: the table is
 * a sequence, except stage 7 (information support), which runs «на всех этапах». `null`: it may.
 */
export function activityOpen(ctx: RoadmapContext, activityId: string, reached: StageNo | 'implemented'): Violation | null {
  const activity = activityOf(activityId);
  if (!activity) {
    return { kind: 'invalid', code: 'unknown-activity', message: `В дорожной карте нет мероприятия «${activityId}».` };
  }
  const clause = roadmapClause(activity.stage);
  if (ctx.done[activityId]) {
    const d = ctx.done[activityId];
    return { kind: 'state', code: 'activity-already-done', clause, message: `Мероприятие ${activityId} уже отмечено выполненным ${ruDate(d.date)} («${d.documentRef}»).` };
  }
  if (reached !== 'implemented' && activity.stage > reached && activity.stage !== CONTINUOUS_STAGE) {
    const missing = missingOf(reached, ctx.done).map((a) => `${a.id} «${a.title}»`).join('; ');
    return {
      kind: 'state', code: 'stage-not-reached', clause: roadmapClause(reached),
      message: `Этап ${activity.stage} «${stageOf(activity.stage).title}» ещё не начат: сначала завершите этап ${reached} «${stageOf(reached).title}». Не выполнено: ${missing}.`,
      details: { stage: reached, activityStage: activity.stage },
    };
  }
  if (activityId === MENTOR_TRAINING_ACTIVITY && Object.keys(ctx.trained).length === 0) {
    return {
      kind: 'rule', code: 'no-trained-mentors', clause: `${clause}; §3.8`,
      message: 'Обучение наставников нельзя отметить, пока ни один наставник из базы не записан как прошедший обучение.',
    };
  }
  return null;
}
