import type { ApiClient } from './api-client';
import type { TestApp } from './test-app';

export interface Staff {
  id: string;
  client: ApiClient;
}

/** Registers a staff member with personal-data consent and puts them in a bank, through the API (`app`: the test app or one of its organisations). */
export async function hire(
  app: Pick<TestApp, 'user'>, curator: ApiClient, name: string, bank: 'mentor' | 'mentee' | 'none', firstWorkingDay = '2026-09-01',
): Promise<Staff> {
  const p = await curator.post('/api/people', { fullName: name, position: 'Воспитатель', firstWorkingDay });
  expect(p.status).toBe(201);
  const id = p.body.id as string;
  expect((await curator.post(`/api/people/${id}/consent`, { date: '2026-09-01', documentRef: `ПДн-${name}` })).status).toBe(201);
  if (bank === 'mentor') expect((await curator.post('/api/mentor-bank', { personId: id, competences: ['ФГОС ДО', 'игровые технологии'] })).status).toBe(201);
  if (bank === 'mentee') expect((await curator.post('/api/mentee-bank', { personId: id, requests: ['планирование занятий'] })).status).toBe(201);
  const client = await app.user(bank === 'mentor' ? ['mentor'] : ['mentee'], id);
  return { id, client };
}

export const proposal = (mentorId: string, menteeIds: string[], extra: Record<string, unknown> = {}) => ({
  mentorId,
  menteeIds,
  form: menteeIds.length > 1 ? 'group' : 'traditional',
  topic: 'Адаптация молодого педагога',
  plannedStart: '2026-10-01',
  plannedEnd: '2027-03-31',
  date: '2026-09-10',
  ...extra,
});
