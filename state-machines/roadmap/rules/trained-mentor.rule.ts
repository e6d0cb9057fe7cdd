import { ruDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';
import type { RoadmapContext } from '../roadmap.context';
import { roadmapClause } from '../roadmap.stages';

/** What the shell knows about the person a training record names. */
export interface TraineeFacts {
  personId: string;
  /** Registered in this organisation. */
  exists: boolean;
  personalDataConsent: boolean;
  inMentorBank: boolean;
}

/** §3.8: the curator keeps the mentor base, whose mentors complete training (stage 4); once per mentor. */
export function mentorMayBeTrained(ctx: RoadmapContext, facts: TraineeFacts): Violation | null {
  const clause = `${roadmapClause(4)}; §3.8`;
  if (!facts.exists) return { kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' };
  if (!facts.personalDataConsent) {
    return { kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3', message: 'Сведения об обучении записываются только о сотруднике, давшем согласие на обработку персональных данных.' };
  }
  if (!facts.inMentorBank) {
    return { kind: 'rule', code: 'mentor-not-in-bank', clause, message: 'Обучение наставников отмечается для сотрудников из базы наставников: сначала внесите сотрудника в базу.' };
  }
  const earlier = ctx.trained[facts.personId];
  if (earlier) {
    return { kind: 'state', code: 'already-trained', clause, message: `Обучение этого наставника уже записано ${ruDate(earlier.date)} («${earlier.documentRef}»).` };
  }
  return null;
}
