import type { ApiClient } from './api-client';

/** Required activities of stages 1–3, the ones before «Отбор и обучение» (stage 4). */
export const BEFORE_TRAINING = ['1.1', '2.1', '2.2', '3.1', '3.2'];
/** Required activities from stage 4 on, in the table's order. */
export const FROM_TRAINING = ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '6.1', '6.2', '6.3', '6.4', '7.1'];

/** Drafts, approves and marks `activities` done through the API; throws on the first refusal. */
export async function walkRoadmap(curator: ApiClient, head: ApiClient, activities: string[], date = '2026-09-01'): Promise<string> {
  let position = '';
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    position = r.body.position ?? position;
  };
  await ok(curator.post('/api/roadmap/steps/draft', { date: '2026-08-20', documentRef: 'Дорожная карта на 2026/27 учебный год' }));
  await ok(head.post('/api/roadmap/steps/approve', { date: '2026-08-25', documentRef: 'Приказ № 30 от 25.08.2026' }));
  for (const activityId of activities) await ok(curator.post('/api/roadmap/steps/activity-done', { activityId, date, documentRef: `Документ ${activityId}` }));
  return position;
}
