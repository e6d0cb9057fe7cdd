import fc from 'fast-check';
import { START, type LogPosition } from '#libs/event-store';
import { STEP_BODIES } from '#core/mentorship';
import type { ApiClient } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import * as arb from './support/hostile.arbitraries';
import { rawRequest, type RawResponse } from './support/raw-request';

const RUSSIAN = /[А-Яа-яЁё]/;

/**
 * Thousands of malformed and hostile requests against the real app: whatever arrives, the answer
 * is never a 5xx, every refusal is problem+json saying in Russian what was wrong, and a refused
 * request writes nothing to the event log.
 */
describe('fault: hostile requests (property-based)', () => {
  let app: TestApp;
  let curator: ApiClient;
  const tokens: Record<string, string> = {};
  const ids: string[] = [];
  let logEnd: LogPosition = START;

  /** Events appended since the last look. */
  async function newEvents(): Promise<number> {
    const events = await app.store.readAll({ after: logEnd });
    if (events.length) logEnd = events[events.length - 1].position;
    return events.length;
  }

  function expectWellFormedRefusal(r: RawResponse, what: string) {
    if (r.status >= 500) throw new Error(`${what} → ${r.status}: ${r.text.slice(0, 500)}`);
    if (r.status < 400) return;
    if (!r.contentType.startsWith('application/problem+json')) throw new Error(`${what} → ${r.status} as ${r.contentType}: ${r.text.slice(0, 300)}`);
    if (typeof r.json?.detail !== 'string' || !RUSSIAN.test(r.json.detail)) throw new Error(`${what} → ${r.status} without a Russian detail: ${r.text.slice(0, 300)}`);
    expect(r.json).toMatchObject({ status: r.status, code: expect.any(String) });
  }

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    const mentor = await hire(app, curator, 'Наставник Фаззер', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемая Фаззер', 'mentee');
    for (const [role, client] of Object.entries({ curator, head: await app.user(['head']), auditor: await app.user(['auditor']), mentor: mentor.client, mentee: mentee.client })) {
      tokens[role] = client.token!;
    }
    const proposed = await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]));
    ids.push(proposed.body.id, mentor.id, mentee.id);
    await newEvents();
  });
  afterAll(() => app.close());

  it('no 5xx, every refusal a Russian problem+json, no event from a refused request', async () => {
    const auth = fc.oneof(
      fc.constantFrom(...Object.values(tokens)).map((t) => `Bearer ${t}`),
      fc.constantFrom(undefined, '', 'Bearer ', 'Bearer mt_forged', 'Basic YWRtaW46YWRtaW4=', `bearer ${'x'.repeat(500)}`),
    );
    const path = fc.oneof(
      fc.tuple(arb.pathSegment(ids), fc.oneof(fc.constantFrom(...arb.STEPS), arb.pathSegment(['teleport']))).map(([id, step]) => `/api/mentorships/${id}/steps/${step}`),
      fc.constantFrom('/api/mentorships', '/api/people', '/api/mentor-bank', '/api/mentee-bank', '/api/users'),
      arb.pathSegment(ids).map((id) => `/api/people/${id}/consent`),
      arb.pathSegment(ids).map((id) => `/api/mentorships/${id}`),
    );
    await fc.assert(
      fc.asyncProperty(arb.method, path, arb.body, arb.contentType, auth, arb.ifMatch, arb.idempotencyKey, arb.requestId,
        async (method, url, body, type, authorization, ifMatch, key, requestId) => {
          const headers: Record<string, string> = {};
          for (const [name, v] of Object.entries({ 'content-type': type, authorization, 'if-match': ifMatch, 'idempotency-key': key, 'x-request-id': requestId })) {
            if (v !== undefined) headers[name] = v;
          }
          const r = await rawRequest(app.baseUrl, method, url, headers, method === 'GET' ? undefined : body);
          const what = `${method} ${url} ${JSON.stringify(headers).slice(0, 200)} ${String(body).slice(0, 200)}`;
          expectWellFormedRefusal(r, what);
          const written = await newEvents();
          if (r.status >= 400 && written > 0) throw new Error(`${what} → ${r.status} yet wrote ${written} event(s)`);
        }),
      { numRuns: 2500 },
    );
  }, 90_000);

  it('steps in any order, by any role, with near-miss bodies: refused ones write nothing, accepted ones one event each', async () => {
    /** The lifecycle in its natural order; a run mixes its next step with random ones. */
    const SCRIPT: { step: arb.Step; role: string; who?: 'mentor' | 'mentee'; date: string }[] = [
      { step: 'consent', role: 'curator', who: 'mentor', date: '2026-09-11' },
      { step: 'consent', role: 'curator', who: 'mentee', date: '2026-09-11' },
      { step: 'order', role: 'head', date: '2026-09-12' },
      { step: 'program', role: 'mentor', date: '2026-09-15' },
      { step: 'acknowledge', role: 'mentee', date: '2026-09-16' },
      { step: 'activity-done', role: 'mentor', date: '2026-10-01' },
      { step: 'request-replacement', role: 'mentee', date: '2026-10-02' },
      { step: 'complete', role: 'curator', date: '2026-11-01' },
      { step: 'mentor-report', role: 'mentor', date: '2026-11-05' },
      { step: 'mentee-report', role: 'mentee', date: '2026-11-06' },
      { step: 'publish', role: 'curator', date: '2026-11-10' },
    ];
    const randomStep = fc.record({
      step: fc.constantFrom(...arb.STEPS),
      role: fc.constantFrom('curator', 'head', 'mentor', 'mentee', 'auditor'),
      who: fc.constantFrom('mentor' as const, 'mentee' as const, undefined),
      date: fc.constantFrom('2026-09-09', '2026-09-11', '2026-10-01', '2026-11-24', '2026-11-25', '2027-01-01'),
      given: fc.boolean(),
      extra: fc.option(fc.dictionary(fc.constantFrom('note', 'extra', 'agreedBy'), fc.string(), { maxKeys: 1 }), { nil: undefined }),
    });
    const move = fc.oneof({ weight: 3, arbitrary: fc.constant('next' as const) }, { weight: 2, arbitrary: randomStep });
    let acceptedInAllRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 16 }), async (moves) => {
        const mentor = await hire(app, curator, 'Наставник Порядок', 'mentor');
        const mentee = await hire(app, curator, 'Наставляемая Порядок', 'mentee');
        const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id as string;
        await newEvents();
        const person = { mentor: mentor.id, mentee: mentee.id };
        const clients: Record<string, string> = { ...tokens, mentor: mentor.client.token!, mentee: mentee.client.token! };
        let scripted = 0;
        let accepted = 0;
        for (const m of moves) {
          const s = m === 'next' ? { ...SCRIPT[scripted++ % SCRIPT.length], given: true, extra: undefined } : m;
          const body: Record<string, unknown> = {
            date: s.date, personId: s.who ? person[s.who] : 'посторонний', given: s.given, documentRef: 'Документ', number: '7-к',
            activities: [{ kind: 'workplace-intro', title: 'Знакомство', due: '2026-12-01' }], activityId: 'A1',
            agreedBy: [mentor.id, mentee.id], plannedEnd: '2027-04-30', reason: s.step === 'complete' ? 'plan-fulfilled' : s.step === 'withdraw' ? 'передумали' : 'other',
            text: 'Отчёт', recommendations: 'Рекомендации', mentorEvaluation: 5, newMentorId: s.who ? person[s.who] : 'никто', newMentorConsentRef: 'Согласие',
            orderNumber: '8-к', summary: 'Итоги', ...s.extra,
          };
          // Only the fields the step's schema knows (plus any extra), so requests are near misses rather than blunt refusals.
          const shape = Object.keys(STEP_BODIES[s.step].shape);
          const sent = Object.fromEntries(Object.entries(body).filter(([k]) => shape.includes(k) || (s.extra && k in s.extra)));
          const r = await rawRequest(app.baseUrl, 'POST', `/api/mentorships/${id}/steps/${s.step}`, { authorization: `Bearer ${clients[s.role]}`, 'content-type': 'application/json' }, JSON.stringify(sent));
          expectWellFormedRefusal(r, `${s.role} ${s.step} ${JSON.stringify(sent)}`);
          const written = (await app.store.readAll({ after: logEnd, streamPrefixes: [`mentorship-${id}`] })).length;
          await newEvents();
          expect({ step: s.step, status: r.status, written }).toEqual({ step: s.step, status: r.status, written: r.status >= 400 ? 0 : 1 });
          if (r.status < 400) accepted++;
        }
        expect((await curator.get(`/api/mentorships/${id}`)).body.revision).toBe(accepted);
        acceptedInAllRuns += accepted;
      }),
      { numRuns: 60 },
    );
    // The moves must get past the first refusal, or the property says nothing about accepted steps.
    expect(acceptedInAllRuns).toBeGreaterThan(60);
  }, 90_000); // a property run of a few hundred HTTP steps: its budget, not a timed assertion
});
