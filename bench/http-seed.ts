/** Business dates relative to the server's real today, so the seeded steps are never "in the future". */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function call(baseUrl: string, token: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** `n` mentorships in state `ordered` over HTTP, as a curator and the head would make them; returns the curator's token. */
export async function seedOrdered(baseUrl: string, adminToken: string, n: number): Promise<{ curator: string; ids: string[] }> {
  const user = async (roles: string[]) => (await call(baseUrl, adminToken, '/api/users', { name: 'Нагрузка', roles })).token as string;
  const [curator, head] = await Promise.all([user(['curator']), user(['head'])]);
  const person = async (bank: 'mentor' | 'mentee') => {
    const { id } = await call(baseUrl, curator, '/api/people', { fullName: 'Сотрудник', position: 'Воспитатель', firstWorkingDay: daysAgo(70) });
    await call(baseUrl, curator, `/api/people/${id}/consent`, { date: daysAgo(70), documentRef: 'ПДн' });
    await call(baseUrl, curator, `/api/${bank}-bank`, bank === 'mentor' ? { personId: id, competences: ['ФГОС'] } : { personId: id, requests: ['игра'] });
    return id as string;
  };
  const ordered = async (mentorId: string) => {
    const menteeId = await person('mentee');
    const { id } = await call(baseUrl, curator, '/api/mentorships', {
      mentorId, menteeIds: [menteeId], form: 'traditional', topic: 'Нагрузка', plannedStart: daysAgo(60), plannedEnd: daysAgo(-120), date: daysAgo(65),
    });
    for (const p of [mentorId, menteeId]) await call(baseUrl, curator, `/api/mentorships/${id}/steps/consent`, { personId: p, given: true, date: daysAgo(64), documentRef: 'С' });
    await call(baseUrl, head, `/api/mentorships/${id}/steps/order`, { number: 'Н-1', date: daysAgo(63) });
    return id as string;
  };
  const ids: string[] = [];
  // A mentor holds three mentees (§3.7): one mentor per three mentorships, mentors seeded in parallel.
  await Promise.all(Array.from({ length: Math.ceil(n / 3) }, async (_, m) => {
    const mentorId = await person('mentor');
    for (let k = 0; k < 3 && m * 3 + k < n; k++) ids.push(await ordered(mentorId));
  }));
  return { curator, ids };
}

/** The step the load repeats: a recorded replacement request (§3.8), allowed any number of times. */
export const repeatableStepBody = () => JSON.stringify({ date: daysAgo(40), reason: 'other', note: 'нагрузочный тест' });
