import { z } from 'zod';
import { businessDateInput } from '../shared/business-date';
import { readableText } from '../shared/readable-text';
import { ACTIVITY_IDS } from './roadmap.stages';

/** HTTP bodies of the roadmap steps: the public contract. Extra fields are refused. */
const documentRef = (title: string) => readableText(300).describe(title);

export const ROADMAP_STEP_BODIES = {
  draft: z.strictObject({
    date: businessDateInput.describe('Дата разработки'),
    documentRef: documentRef('Документ (дорожная карта, протокол)'),
  }),
  approve: z.strictObject({
    date: businessDateInput.describe('Дата утверждения'),
    documentRef: documentRef('Приказ об утверждении дорожной карты'),
  }),
  'activity-done': z.strictObject({
    activityId: z.enum(ACTIVITY_IDS).describe('Мероприятие дорожной карты (номер из таблицы: 1.1, 2.1, …)'),
    date: businessDateInput.describe('Дата выполнения'),
    documentRef: documentRef('Подтверждающий документ (приказ, протокол, отчёт, ссылка)'),
  }),
  'mentor-trained': z.strictObject({
    personId: z.string().min(1).max(100).describe('Наставник из базы наставников'),
    date: businessDateInput.describe('Дата окончания обучения'),
    documentRef: documentRef('Документ об обучении (удостоверение, сертификат, протокол)'),
  }),
} as const;

export type RoadmapStepName = keyof typeof ROADMAP_STEP_BODIES;
export type RoadmapStepBody<S extends RoadmapStepName> = z.infer<(typeof ROADMAP_STEP_BODIES)[S]>;
export const ROADMAP_STEP_NAMES = Object.keys(ROADMAP_STEP_BODIES) as RoadmapStepName[];
export const isRoadmapStepName = (s: string): s is RoadmapStepName => Object.prototype.hasOwnProperty.call(ROADMAP_STEP_BODIES, s);
