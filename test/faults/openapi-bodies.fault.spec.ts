import fc from 'fast-check';
import { z } from 'zod';
import { EVENT_STORE, START, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { answerBodyOf, QUESTIONNAIRE_IDS } from '#core/surveys';
import { openApiDocument } from '../../apps/api/src/http/openapi.document';
import type { ApiClient } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { bodiesFor, EXTREME_DATES, HOSTILE_TEXT, unstorable, type JsonSchema, type Known } from './support/schema.arbitraries';
import { rawRequest, type RawResponse } from './support/raw-request';

const RUSSIAN = /[А-Яа-яЁё]/;
/** `FUZZ_SEED=<n> npx jest test/faults/openapi-bodies` replays a run; each route's seed is this plus its index. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 80);

interface Route {
  path: string;
  schema?: JsonSchema;
  multipart: boolean;
}

/** Every POST of the OpenAPI document, with the JSON Schema of its body. */
function postRoutes(document: { paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, ops]) => {
    if (!ops.post) return [];
    const content = ops.post.requestBody?.content ?? {};
    return [{ path, schema: content['application/json']?.schema, multipart: 'multipart/form-data' in content }];
  });
}

const ROUTES = postRoutes(openApiDocument() as never);

/** A multipart body with one file, written by hand so any bytes can go in it. */
function multipart(file: string, name: string): { body: Buffer; type: string } {
  const boundary = 'fuzz-boundary-7f3a';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(file, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/** A staff list of a few rows, its cells plausible or hostile. */
const staffFile = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('Иванова Мария', 'Петров Пётр'), fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.length < 1000)), fc.string()),
      fc.oneof(fc.constant('Воспитатель'), fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.length < 1000))),
      fc.oneof(fc.constantFrom('01.09.2020', '2026-09-01'), fc.constantFrom(...EXTREME_DATES)),
    ),
    { maxLength: 4 },
  )
  .map((rows) => ['ФИО;Должность;Дата допуска к работе', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';'))].join('\r\n'));

/**
 * Issue 15: bodies for every POST route of the OpenAPI document, valid-looking and hostile, sent by
 * every role (allowed or not), by another organisation, and by no one. Whatever arrives: never a
 * 5xx, every refusal a Russian problem+json with a code, and no event written by a refused request.
 */
describe('fault: every POST route of the OpenAPI, property-based', () => {
  let app: TestApp;
  let logEnd: LogPosition = START;
  const tokens: Record<string, string | undefined> = {};
  const known: Known = { ids: [], byField: {} };
  const pathIds: Record<string, string[]> = {};
  const figures = { requests: 0, accepted: 0, refused: 0, serverErrors: 0, eventsFromAccepted: 0, eventsFromRefusals: 0, unstorableStored: 0 };
  /** Per route: requests, those accepted (and by whom), those refused by a rule or the state (409, 412, 422) after validation and rights. */
  const byRoute: Record<string, { requests: number; accepted: number; decided: number; roles: Set<string>; statuses: Record<number, number> }> = {};

  /** Request ids (`X-Request-Id`, which events carry as their correlation id) of the requests the app accepted. */
  const acceptedRequests = new Set<string>();
  let requestNumber = 0;

  /**
   * The events appended since the last look that this request wrote: those correlated with it, and any
   * correlated with no earlier accepted request. An accepted request's reaction may land a moment after its
   * answer (an account disabled after a consent withdrawal) and is not charged to the request that follows.
   */
  async function eventsOf(requestId: string): Promise<RecordedEvent[]> {
    // Through the app's store: personal fields decrypted, as the app reads them.
    const events = await app.nest.get<EventStore>(EVENT_STORE).readAll({ after: logEnd });
    if (events.length) logEnd = events[events.length - 1].position;
    return events.filter((e) => !acceptedRequests.has(e.metadata.correlationId) || e.metadata.correlationId === requestId);
  }

  beforeAll(async () => {
    app = await startTestApp();
    const curator = await app.user(['curator']);
    const mentor = await hire(app, curator, 'Наставник Фаззер', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемая Фаззер', 'mentee');
    const mentee2 = await hire(app, curator, 'Наставляемый Фаззер', 'mentee');
    const spare = await hire(app, curator, 'Сотрудник Фаззер', 'none');
    const proposed = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id as string;
    const group = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id, mentee2.id]))).body.id as string;
    const surveys = await Promise.all(QUESTIONNAIRE_IDS.map(async (questionnaire) => (await curator.post('/api/surveys', { questionnaire, title: 'Опрос', date: '2026-11-01' })).body.id as string));
    const victims = await Promise.all([1, 2].map(async (n) => (await app.admin.post('/api/users', { name: `Учётная запись ${n}`, roles: ['methodist'] })).body.id as string));
    const other = await app.organisation('other-org');
    const clients: Record<string, ApiClient> = {
      admin: app.admin, curator, head: await app.user(['head']), methodist: await app.user(['methodist']), auditor: await app.user(['auditor']),
      mentor: mentor.client, mentee: mentee.client, 'other-org curator': await other.user(['curator']),
    };
    for (const [role, client] of Object.entries(clients)) tokens[role] = client.token;
    tokens.nobody = undefined;
    tokens.forged = 'mt_forged-token-0000000000000000000000';
    const people = [mentor.id, mentee.id, mentee2.id, spare.id];
    known.ids = [...people, proposed, group, ...surveys, 'посторонний'];
    known.byField = {
      mentorId: [mentor.id], newMentorId: [mentor.id, spare.id], menteeIds: [mentee.id, mentee2.id], agreedBy: [mentor.id, mentee.id, mentee2.id],
      personId: people, respondentId: people, mentorshipId: [proposed, group],
    };
    const kinds = ((await curator.get(`/api/mentorships/${group}/documents`)).body.items as { kind: string }[]).map((d) => d.kind);
    // Ids that name what a path names: accounts and people whose loss costs the run nothing, the mentorships, the surveys.
    Object.assign(pathIds, {
      users: victims, people: [spare.id, mentee2.id], mentorships: [proposed, group], surveys, 'program-templates': [group], 'best-cases': [proposed], kinds,
    });
    await eventsOf('setup');
  });

  afterAll(async () => {
    const lines = Object.entries(byRoute).map(([route, r]) =>
      `  ${route}: ${r.accepted} accepted${r.roles.size ? ` (${[...r.roles].join(', ')})` : ''}; ${Object.entries(r.statuses).map(([status, n]) => `${n}×${status}`).join(' ')}`);
    process.stdout.write(`\nOpenAPI POST fuzz, seed ${SEED}: ${figures.requests} requests over ${ROUTES.length} routes; ${figures.accepted} accepted `
      + `(${figures.eventsFromAccepted} events, ${figures.unstorableStored} unreadable values stored), ${figures.refused} refused (${figures.eventsFromRefusals} events), `
      + `${figures.serverErrors} × 5xx\n${lines.join('\n')}\n`);
    await app.close();
  });

  it('the served document has the routes this suite walks', async () => {
    const served = (await app.admin.get('/api/openapi.json')).body;
    expect(postRoutes(served).map((r) => r.path)).toEqual(ROUTES.map((r) => r.path));
    expect(ROUTES.length).toBeGreaterThan(30);
  });

  /** The body schema of a route; a survey's answers depend on its questionnaire, which the document cannot say. */
  const schemaOf = (route: Route, pathId: string): JsonSchema | undefined => {
    if (route.path !== '/api/surveys/{id}/responses') return route.schema;
    const questionnaire = QUESTIONNAIRE_IDS[Math.max(0, pathIds.surveys.indexOf(pathId))];
    return z.toJSONSchema(answerBodyOf(questionnaire), { io: 'input' }) as JsonSchema;
  };

  /** A path parameter: mostly an id of what it names, sometimes another's, a stranger's or garbage. */
  const pathParam = (pool: string[]) =>
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constantFrom(...known.ids) }, { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.string({ minLength: 1 }).map(encodeURIComponent), fc.constantFrom('..', '%00', 'a'.repeat(300))) });

  it.each(ROUTES.map((r, i) => [r.path, i] as const))('POST %s', async (path, index) => {
    const route = ROUTES[index];
    const stats = (byRoute[path] = { requests: 0, accepted: 0, decided: 0, roles: new Set<string>(), statuses: {} });
    const resource = path.split('/')[2];
    const request = fc
      .record({
        // Every caller, the roles that write most often more often, so bodies also reach the rules.
        role: fc.constantFrom(...Object.keys(tokens), 'curator', 'curator', 'head', 'admin', 'mentor', 'mentee'),
        id: pathParam(pathIds[resource] ?? known.ids),
        kind: pathParam(pathIds.kinds),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
          { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', undefined) },
        ),
        fileName: fc.constantFrom('staff.csv', 'staff.csv', 'staff.xlsx'),
      })
      .chain((r) => (route.multipart ? staffFile : bodiesFor(schemaOf(route, r.id), known)).map((body) => ({ ...r, body })));
    await fc.assert(
      fc.asyncProperty(request, fc.context(), async (r, ctx) => {
        const url = path.replace('{id}', r.id).replace('{kind}', r.kind);
        const body = r.body;
        const requestId = `fuzz-${++requestNumber}`;
        const headers: Record<string, string> = { 'x-request-id': requestId };
        if (tokens[r.role]) headers.authorization = `Bearer ${tokens[r.role]}`;
        let payload: string | Buffer = body;
        if (route.multipart && r.contentType !== 'text/plain') {
          const form = multipart(body, r.fileName);
          payload = form.body;
          headers['content-type'] = form.type;
        } else if (r.contentType) headers['content-type'] = r.contentType;
        const res = await rawRequest(app.baseUrl, 'POST', url, headers, payload);
        if (res.status < 400) acceptedRequests.add(requestId);
        const written = await eventsOf(requestId);
        const types = written.map((e) => `${e.type}@${e.streamId}`);
        ctx.log(`${r.role} POST ${url} → ${res.status} ${res.text.slice(0, 300)}; body ${String(payload).slice(0, 300)}; wrote ${types.join(', ') || 'nothing'}`);
        count(res, written.length, r.role, stats);
        expectWellFormed(res, `${r.role} POST ${url}`);
        if (res.status >= 400) expect({ refused: res.status, written: types }).toEqual({ refused: res.status, written: [] });
        const stored = written.flatMap((e) => unstorable(e.data).map((what) => `${e.type}.${what}`));
        figures.unstorableStored += stored.length;
        expect(stored).toEqual([]);
      }),
      { numRuns: RUNS_PER_ROUTE, seed: SEED + index },
    );
  });

  function count(res: RawResponse, written: number, role: string, stats: (typeof byRoute)[string]) {
    figures.requests++;
    stats.requests++;
    stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
    if (res.status < 400 || [409, 412, 422].includes(res.status)) stats.decided++;
    if (res.status >= 500) figures.serverErrors++;
    if (res.status < 400) {
      figures.accepted++;
      figures.eventsFromAccepted += written;
      stats.accepted++;
      stats.roles.add(role);
    } else {
      figures.refused++;
      figures.eventsFromRefusals += written;
    }
  }

  function expectWellFormed(r: RawResponse, what: string) {
    if (r.status >= 500) throw new Error(`${what} → ${r.status}: ${r.text.slice(0, 500)}`);
    if (r.status < 400) return;
    if (!r.contentType.startsWith('application/problem+json')) throw new Error(`${what} → ${r.status} as ${r.contentType}: ${r.text.slice(0, 300)}`);
    if (typeof r.json?.detail !== 'string' || !RUSSIAN.test(r.json.detail)) throw new Error(`${what} → ${r.status} without a Russian detail: ${r.text.slice(0, 300)}`);
    expect(r.json).toMatchObject({ status: r.status, code: expect.stringMatching(/^[a-z0-9-]+$/) });
  }

  it('no event in the whole log is correlated with a refused request, however late it was written', async () => {
    const refused = new Set(Array.from({ length: requestNumber }, (_, i) => `fuzz-${i + 1}`).filter((id) => !acceptedRequests.has(id)));
    expect((await app.store.readAll()).filter((e) => refused.has(e.metadata.correlationId)).map((e) => e.type)).toEqual([]);
  });

  it('got past the refusals: bodies reached the rules on most routes, and many were accepted', () => {
    expect({ serverErrors: figures.serverErrors, eventsFromRefusals: figures.eventsFromRefusals }).toEqual({ serverErrors: 0, eventsFromRefusals: 0 });
    expect(figures.requests).toBe(ROUTES.length * RUNS_PER_ROUTE);
    // Validation and rights must not be all the suite ever meets: past them are the rules, the state and the writes.
    expect(Object.values(byRoute).filter((r) => r.decided > 0).length).toBeGreaterThan(ROUTES.length / 2);
    expect(figures.accepted).toBeGreaterThan(ROUTES.length);
  });
});
