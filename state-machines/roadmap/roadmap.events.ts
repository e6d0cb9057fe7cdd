import { z } from 'zod';
import { businessDate } from '../shared/business-date';

/**
 * The stored events of an organisation's roadmap (stream `roadmap-<orgId>`). They are also the
 * roadmap machine's events, so its state is a fold of the stream. Data only, no metadata.
 */
const id = z.string().min(1).max(100);
const documentRef = z.string().trim().min(1).max(300);

export const ROADMAP_EVENT_SCHEMAS = {
  /** The curator's draft of the plan (§3.4 «разрабатывает Дорожную карту»). */
  RoadmapDrafted: z.object({ orgId: id, date: businessDate, documentRef }),
  /** The head's approval (§3.3 «утверждает Дорожную карту»). */
  RoadmapApproved: z.object({ date: businessDate, documentRef }),
  RoadmapActivityDone: z.object({ activityId: z.string().min(1).max(20), date: businessDate, documentRef }),
  /** A mentor from the bank completed mentor training (stage 4, «обучение наставников»). */
  MentorTrainingCompleted: z.object({ personId: id, date: businessDate, documentRef }),
} as const;

type Schemas = typeof ROADMAP_EVENT_SCHEMAS;
export type RoadmapEventType = keyof Schemas;
export type RoadmapEvent = { [K in RoadmapEventType]: { type: K; data: z.infer<Schemas[K]> } }[RoadmapEventType];
export type RoadmapEventOf<K extends RoadmapEventType> = Extract<RoadmapEvent, { type: K }>;

export const isRoadmapEventType = (type: string): type is RoadmapEventType =>
  Object.prototype.hasOwnProperty.call(ROADMAP_EVENT_SCHEMAS, type);

/** Validates a stored or candidate event; throws a ZodError on a bad shape. */
export function parseRoadmapEvent(event: { type: string; data: unknown }): RoadmapEvent {
  if (!isRoadmapEventType(event.type)) throw new Error(`Unknown roadmap event type: ${event.type}`);
  return { type: event.type, data: ROADMAP_EVENT_SCHEMAS[event.type].parse(event.data) } as RoadmapEvent;
}
