import type { ApiClient, ApiResponse } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

const MENTORSHIPS = 6;
const KEYS_PER_MENTORSHIP = 5;
/** Each key is sent by this many clients at once (a double submit, a proxy retry, an impatient user). */
const COPIES = 4;

/**
 * Retries with the same Idempotency-Key under concurrent load: whatever the interleaving, each key
 * is written once, every copy gets the same answer, and nothing is duplicated.
 */
describe('fault: retries with the same Idempotency-Key under load', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
  });
  afterAll(() => app.close());

  /** Like a real client: on 409 (someone else's step got in first) send the same request again, same key. */
  async function untilAnswered(send: () => Promise<ApiResponse>): Promise<ApiResponse> {
    for (let attempt = 1; ; attempt++) {
      const r = await send();
      if (r.status !== 409 || attempt === 50) return r;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
  }

  it('steps: one event per key, the same revision for every copy', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MENTORSHIPS; i++) {
      const mentor = await hire(app, curator, `Наставник ${i}`, 'mentor');
      const mentee = await hire(app, curator, `Наставляемая ${i}`, 'mentee');
      const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
      for (const p of [mentor.id, mentee.id]) await curator.step(id, 'consent', { personId: p, given: true, date: '2026-09-11', documentRef: 'С' });
      expect((await head.step(id, 'order', { number: `${i}-к`, date: '2026-09-12' })).status).toBe(200);
      ids.push(id);
    }

    const sends = ids.flatMap((id) => Array.from({ length: KEYS_PER_MENTORSHIP }, (_, k) => ({ id, key: `${id}-replacement-${k}`, note: `Обращение ${k}` })));
    const answers = await Promise.all(sends.flatMap((s) => Array.from({ length: COPIES }, () =>
      untilAnswered(() => curator.step(s.id, 'request-replacement', { date: '2026-09-20', reason: 'other', note: s.note }, { 'Idempotency-Key': s.key }))
        .then((r) => ({ ...s, r })))));

    expect(answers.filter((a) => a.r.status !== 200).map((a) => `${a.r.status} ${a.r.body?.code}`)).toEqual([]);
    for (const s of sends) {
      const revisions = new Set(answers.filter((a) => a.key === s.key).map((a) => a.r.body.revision));
      expect(revisions.size).toBe(1);
    }
    for (const id of ids) {
      const events = await app.store.readStream(`mentorship-${id}`);
      const requested = events.filter((e) => e.type === 'ReplacementRequested');
      expect(requested).toHaveLength(KEYS_PER_MENTORSHIP);
      expect(new Set(requested.map((e) => e.metadata.commandId)).size).toBe(KEYS_PER_MENTORSHIP);
      expect(requested.map((e) => (e.data as { note: string }).note).sort()).toEqual(Array.from({ length: KEYS_PER_MENTORSHIP }, (_, k) => `Обращение ${k}`).sort());
    }
  });

  it('proposals: one mentorship and one reservation per key, however many copies race', async () => {
    const pairs = await Promise.all(Array.from({ length: 4 }, async (_, i) => ({
      mentor: (await hire(app, curator, `Наставник гонки ${i}`, 'mentor')).id,
      mentee: (await hire(app, curator, `Наставляемая гонки ${i}`, 'mentee')).id,
      key: `propose-race-${i}`,
    })));
    const answers = await Promise.all(pairs.flatMap((p) => Array.from({ length: COPIES * 2 }, () =>
      untilAnswered(() => curator.post('/api/mentorships', proposal(p.mentor, [p.mentee]), { 'Idempotency-Key': p.key })).then((r) => ({ ...p, r })))));

    expect(answers.filter((a) => a.r.status !== 201).map((a) => `${a.r.status} ${a.r.body?.code}`)).toEqual([]);
    for (const p of pairs) {
      const created = new Set(answers.filter((a) => a.key === p.key).map((a) => a.r.body.id));
      expect(created.size).toBe(1);
      const [id] = created;
      expect(await app.store.readStream(`mentorship-${id}`)).toHaveLength(1);
      const reservations = (await app.store.readStream(`mentor-${p.mentor}`)).filter((e) => e.type === 'MenteeSlotsReserved');
      expect(reservations).toHaveLength(1);
      expect((await curator.get(`/api/people/${p.mentor}`)).body.mentorLoad.current).toBe(1);
    }
  });
});
