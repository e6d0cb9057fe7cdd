import { randomUUID } from 'node:crypto';
import type { LogPosition, RecordedEvent } from '#libs/event-store';
import type { Role } from '#core/people';
import type { ApiClient, ApiResponse } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type Organisation, type TestApp } from './support/test-app';

/** One request of the matrix; `foreign`: it names an id of the other organisation (in its path, query or body). */
interface Call {
  method: string;
  path: string;
  body?: unknown;
  foreign: boolean;
}

/** Words only organisation A's data contains: a response to organisation B holding one has leaked it. */
const NAME = 'Тайнова';
const TEXT = 'ТАЙНА-А';

const ROLES: Role[] = ['admin', 'head', 'curator', 'methodist', 'auditor', 'mentor', 'mentee'];
const activities = (marker: string) => [{ kind: 'workplace-intro', title: `Знакомство ${marker}`, due: '2026-10-15' }];
const qualityAnswers = { relevance: 5, usefulness: 5, cooperation: 5, timing: 4, overall: 5, recommend: true };
const candidateAnswers = { willing: 'yes', experience: 10, mentees: '1', 'training-needed': false };

/**
 * Two organisations in one store. Every route of the OpenAPI document is called as each role of
 * organisation B against the ids of organisation A: nothing of A is revealed or changed, and a
 * refusal reads the same as for an id that exists nowhere (existence stays hidden).
 */
describe('organisations apart', () => {
  let app: TestApp;
  let a: Organisation;
  let b: Organisation;
  /** Organisation A's ids, by what they are. */
  const A: Record<string, string> = {};
  /** Organisation B's own ids (for calls that mix B's paths with A's ids). */
  const B: Record<string, string> = {};
  const asB = {} as Record<Role, ApiClient>;

  const ok = async (p: Promise<ApiResponse>, status = [200, 201]) => {
    const r = await p;
    if (!status.includes(r.status)) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** A mentorship of `org` taken up to `until` (mentees each consent, acknowledge and, at the end, report). */
  async function mentorship(
    org: { curator: ApiClient; head: ApiClient }, mentor: Staff, mentees: Staff[],
    until: 'proposed' | 'consented' | 'ordered' | 'program-drafted' | 'active' | 'completed', marker: string,
  ): Promise<string> {
    const { curator, head } = org;
    const id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, mentees.map((m) => m.id), { topic: `Тема ${marker}` })))).id;
    const order = ['proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed'];
    const reach = (s: string) => order.indexOf(until) >= order.indexOf(s);
    if (reach('consented')) for (const p of [mentor, ...mentees]) await ok(curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-11', documentRef: `Согласие ${marker}` }));
    if (reach('ordered')) await ok(head.step(id, 'order', { number: `${marker}-1`, date: '2026-09-15' }));
    if (reach('program-drafted')) await ok(mentor.client.step(id, 'program', { date: '2026-09-20', activities: activities(marker) }));
    if (reach('active')) for (const m of mentees) await ok(m.client.step(id, 'acknowledge', { date: '2026-09-21' }));
    if (reach('completed')) {
      await ok(mentor.client.step(id, 'activity-done', { activityId: 'A1', date: '2026-10-10' }));
      await ok(curator.step(id, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' }));
      await ok(mentor.client.step(id, 'mentor-report', { date: '2026-11-05', text: `Отчёт ${marker}`, recommendations: `Рекомендации ${marker}` }));
      await ok(mentees[0].client.step(id, 'mentee-report', { date: '2026-11-06', text: `Отзыв ${marker}`, mentorEvaluation: 4 }));
    }
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    a = await app.organisation(`orga-${randomUUID().slice(0, 8)}`);
    b = await app.organisation(`orgb-${randomUUID().slice(0, 8)}`);

    // Organisation A: people in every situation a route can name, mentorships in every state, a survey,
    // a template, a best case, a roadmap, documents and deadlines due (so a reminder run would write).
    const staffA = { curator: await a.user(['curator']), head: await a.user(['head']), methodist: await a.user(['methodist']) };
    const person = (n: number, bank: 'mentor' | 'mentee' | 'none') => hire(a, staffA.curator, `${NAME} Сотрудница${'а'.repeat(n)} Петровна`, bank);
    const m = await person(1, 'mentor');
    const m2 = await person(2, 'mentor');
    const m3 = await person(3, 'mentor');
    const m4 = await person(4, 'mentor');
    const [e1, e2, e3, e4, e5, e6, e7, free] = [
      await person(5, 'mentee'), await person(6, 'mentee'), await person(7, 'mentee'), await person(8, 'mentee'),
      await person(9, 'mentee'), await person(10, 'mentee'), await person(11, 'mentee'), await person(12, 'mentee'),
    ];
    const noBank = await person(13, 'none');
    const withdrawn = await person(14, 'none');
    await ok(staffA.curator.post(`/api/people/${withdrawn.id}/consent-withdrawal`, { date: '2026-10-01', documentRef: `Отзыв ${TEXT}` }));
    const unconsented = (await ok(staffA.curator.post('/api/people', { fullName: `${NAME} Без Согласия`, position: 'Воспитатель', firstWorkingDay: '2026-09-01' }))).id;
    Object.assign(A, {
      orgId: a.orgId, mentor: m.id, mentor2: m2.id, mentor3: m3.id, newMentor: m4.id, mentee1: e1.id, mentee2: e2.id, mentee3: e3.id, mentee4: e4.id,
      freeMentee: free.id, noBank: noBank.id, withdrawn: withdrawn.id, unconsented,
    });
    A.group = await mentorship(staffA, m, [e1, e2], 'completed', TEXT);
    A.proposed = await mentorship(staffA, m, [e4], 'proposed', TEXT);
    A.consented = await mentorship(staffA, m2, [e5], 'consented', TEXT);
    A.ordered = await mentorship(staffA, m2, [e6], 'ordered', TEXT);
    A.drafted = await mentorship(staffA, m2, [e7], 'program-drafted', TEXT);
    A.active = await mentorship(staffA, m3, [e3], 'active', TEXT);
    A.survey = (await ok(staffA.curator.post('/api/surveys', { questionnaire: 'mentor-candidates', title: `Опрос ${TEXT}`, date: '2026-09-05' }))).id;
    await ok(m.client.post(`/api/surveys/${A.survey}/responses`, { date: '2026-09-06', answers: candidateAnswers }));
    A.template = (await ok(staffA.curator.post('/api/program-templates', { mentorshipId: A.group, title: `Программа ${TEXT}`, date: '2026-11-10' }))).id;
    A.bestCase = (await ok(staffA.curator.post('/api/best-cases', { templateId: A.template, title: `Кейс ${TEXT}`, summary: `Опыт ${TEXT}`, date: '2026-11-11' }))).id;
    await ok(staffA.curator.post('/api/roadmap/steps/draft', { date: '2026-09-01', documentRef: `Дорожная карта ${TEXT}` }));
    A.account = (await ok(a.admin.post('/api/users', { name: `Аудитор ${TEXT}`, roles: ['auditor'] }))).id;
    // The details every document, report and statement of A prints: none of them may reach B.
    await ok(staffA.head.post('/api/organisation/details', { fullName: `Детский сад ${TEXT}`, shortName: `ДС ${TEXT}`, address: `с. ${TEXT}, ул. Школьная, 1`, headName: `${NAME} Заведующая Петровна` }));

    // Organisation B: one account per role, its own staff and mentorships.
    asB.admin = b.admin;
    for (const r of ['head', 'curator', 'methodist', 'auditor'] as const) asB[r] = await b.user([r]);
    const mentorB = await hire(b, asB.curator, 'Борисова Вера Ильинична', 'mentor');
    const menteeB = await hire(b, asB.curator, 'Белова Нина Олеговна', 'mentee');
    const menteeB2 = await hire(b, asB.curator, 'Быкова Зоя Петровна', 'mentee');
    asB.mentor = mentorB.client;
    asB.mentee = menteeB.client;
    const staffB = { curator: asB.curator, head: asB.head };
    B.proposed = await mentorship(staffB, mentorB, [menteeB], 'proposed', 'Б');
    B.active = await mentorship(staffB, mentorB, [menteeB2], 'active', 'Б');
    B.survey = (await ok(asB.curator.post('/api/surveys', { questionnaire: 'program-quality', title: 'Опрос Б', date: '2026-09-05' }))).id;
  }, 180_000);
  afterAll(() => app.close());

  /** The requests that exercise one route of the OpenAPI document; a route with no plan fails the test. */
  function plan(method: string, route: string): Call[] | undefined {
    const f = (path: string, body?: unknown): Call => ({ method, path, body, foreign: true });
    const own = (path: string, body?: unknown): Call => ({ method, path, body, foreign: false });
    const step = (id: string, name: string, body: unknown) => f(`/api/mentorships/${id}/steps/${name}`, body);
    const steps: Record<string, Call[]> = {
      consent: [
        step(A.proposed, 'consent', { personId: A.mentee4, given: true, date: '2026-09-11', documentRef: 'С-1' }),
        step(B.proposed, 'consent', { personId: A.mentee4, given: true, date: '2026-09-11', documentRef: 'С-1' }),
      ],
      order: [step(A.consented, 'order', { number: '9-к', date: '2026-09-15' })],
      program: [step(A.ordered, 'program', { date: '2026-09-20', activities: activities('Б') })],
      acknowledge: [step(A.drafted, 'acknowledge', { date: '2026-09-21' })],
      'activity-done': [step(A.active, 'activity-done', { activityId: 'A1', date: '2026-10-10' })],
      amend: [step(A.active, 'amend', { date: '2026-10-12', activities: activities('Б'), agreedBy: [A.mentor3, A.mentee3] })],
      extend: [step(A.active, 'extend', { date: '2026-10-12', plannedEnd: '2027-04-30', agreedBy: [A.mentor3, A.mentee3] })],
      complete: [step(A.active, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' })],
      'end-early': [step(A.active, 'end-early', { noticeBy: 'mentor', noticeDate: '2026-11-16', noticeRef: 'Уведомление', date: '2026-11-19' })],
      'mentor-report': [step(A.group, 'mentor-report', { date: '2026-11-05', text: 'Отчёт', recommendations: 'Нет' })],
      'mentee-report': [step(A.group, 'mentee-report', { date: '2026-11-06', text: 'Отзыв', mentorEvaluation: 5 })],
      'request-replacement': [step(A.active, 'request-replacement', { date: '2026-10-01', reason: 'mentee-request' })],
      replace: [
        step(A.active, 'replace', { date: '2026-10-20', reason: 'transferred', newMentorId: A.newMentor, newMentorConsentRef: 'С-9', orderNumber: '10-к' }),
        step(B.active, 'replace', { date: '2026-10-20', reason: 'transferred', newMentorId: A.newMentor, newMentorConsentRef: 'С-9', orderNumber: '10-к' }),
      ],
      publish: [step(A.group, 'publish', { date: '2026-11-20', summary: 'Итоги' })],
      withdraw: [step(A.proposed, 'withdraw', { date: '2026-09-12', reason: 'Причина' })],
    };
    const stepName = /^\/api\/mentorships\/\{id\}\/steps\/(.+)$/.exec(route)?.[1];
    if (stepName) return steps[stepName];
    const kinds = ['pairs-order', 'mentor-consent', `mentee-consent?personId=${A.mentee1}&`, 'mentor-report', `mentee-report?personId=${A.mentee1}&`];
    const plans: Record<string, Call[]> = {
      'POST /api/users': [f('/api/users', { name: 'Чужой наставник', roles: ['mentor'], personId: A.mentor })],
      'GET /api/users': [own('/api/users')],
      'POST /api/users/{id}/disable': [f(`/api/users/${A.account}/disable`, {})],
      'POST /api/users/{id}/enable': [f(`/api/users/${A.account}/enable`, {})],
      'POST /api/users/{id}/rotate-token': [f(`/api/users/${A.account}/rotate-token`, {})],
      'POST /api/people': [own('/api/people', { fullName: 'Новикова Ольга Ивановна', position: 'Воспитатель', firstWorkingDay: '2026-09-01' })],
      'GET /api/people/{id}': [f(`/api/people/${A.mentor}`)],
      'POST /api/people/{id}/consent': [f(`/api/people/${A.unconsented}/consent`, { date: '2026-09-01', documentRef: 'ПДн' })],
      'POST /api/people/{id}/consent-withdrawal': [f(`/api/people/${A.noBank}/consent-withdrawal`, { date: '2026-11-01', documentRef: 'Отзыв' })],
      'POST /api/people/{id}/personal-data-destruction': [f(`/api/people/${A.withdrawn}/personal-data-destruction`, { date: '2026-11-20', orderNumber: '5', orderDate: '2026-11-20' })],
      'POST /api/mentor-bank': [f('/api/mentor-bank', { personId: A.noBank, competences: ['ФГОС ДО'] })],
      'POST /api/mentee-bank': [f('/api/mentee-bank', { personId: A.noBank, requests: ['планирование'] })],
      'POST /api/mentorships': [f('/api/mentorships', proposal(A.newMentor, [A.freeMentee]))],
      'GET /api/mentorships': [own('/api/mentorships'), f(`/api/mentorships?mentorId=${A.mentor}`), f(`/api/mentorships?menteeId=${A.mentee1}`)],
      'GET /api/mentorships/{id}': [f(`/api/mentorships/${A.group}`), f(`/api/mentorships/${A.group}?asOf=2026-11-10`)],
      'GET /api/health/live': [own('/api/health/live')],
      'GET /api/health/ready': [own('/api/health/ready')],
      'GET /api/health/projections': [own('/api/health/projections')],
      'GET /api/metrics': [own('/api/metrics')],
      'GET /api/roadmap': [own('/api/roadmap')],
      'POST /api/roadmap/steps/draft': [own('/api/roadmap/steps/draft', { date: '2026-09-01', documentRef: 'Дорожная карта Б' })],
      'POST /api/roadmap/steps/approve': [own('/api/roadmap/steps/approve', { date: '2026-09-02', documentRef: 'Приказ Б' })],
      'POST /api/roadmap/steps/activity-done': [own('/api/roadmap/steps/activity-done', { activityId: '1.1', date: '2026-09-03', documentRef: 'Протокол Б' })],
      'POST /api/roadmap/steps/mentor-trained': [f('/api/roadmap/steps/mentor-trained', { personId: A.mentor, date: '2026-09-04', documentRef: 'Удостоверение' })],
      'GET /api/banks/mentees/{personId}/suggestions': [f(`/api/banks/mentees/${A.freeMentee}/suggestions`)],
      'GET /api/surveys/questionnaires': [own('/api/surveys/questionnaires')],
      'GET /api/surveys': [own('/api/surveys')],
      'POST /api/surveys': [own('/api/surveys', { questionnaire: 'mentor-candidates', title: 'Опрос Б', date: '2026-09-05' })],
      'GET /api/surveys/{id}': [f(`/api/surveys/${A.survey}`)],
      'POST /api/surveys/{id}/responses': [
        f(`/api/surveys/${A.survey}/responses`, { date: '2026-09-06', answers: candidateAnswers }),
        f(`/api/surveys/${B.survey}/responses`, { respondentId: A.mentor, mentorshipId: A.group, date: '2026-11-12', answers: qualityAnswers }),
      ],
      'POST /api/surveys/{id}/close': [f(`/api/surveys/${A.survey}/close`, { date: '2026-09-30' })],
      'POST /api/program-templates': [f('/api/program-templates', { mentorshipId: A.group, date: '2026-11-10' })],
      'GET /api/program-templates': [own('/api/program-templates')],
      'GET /api/program-templates/{id}': [f(`/api/program-templates/${A.template}`)],
      'GET /api/program-templates/{id}/draft': [f(`/api/program-templates/${A.template}/draft?start=2026-12-01`)],
      'POST /api/program-templates/{id}/retire': [f(`/api/program-templates/${A.template}/retire`, { date: '2026-11-20', reason: 'Устарела' })],
      'GET /api/mentorships/{id}/program-templates': [f(`/api/mentorships/${A.ordered}/program-templates`)],
      'POST /api/best-cases': [
        f('/api/best-cases', { templateId: A.template, title: 'Кейс', summary: 'Опыт', date: '2026-11-12' }),
        f('/api/best-cases', { mentorshipId: A.group, title: 'Кейс', summary: 'Опыт', date: '2026-11-12' }),
      ],
      'GET /api/best-cases': [own('/api/best-cases')],
      'POST /api/best-cases/{id}/withdraw': [f(`/api/best-cases/${A.bestCase}/withdraw`, { date: '2026-11-20', reason: 'Снят' })],
      'GET /api/reminders': [own('/api/reminders')],
      'POST /api/reminders/run': [own('/api/reminders/run', {})],
      'GET /api/mentorships/{id}/documents': [f(`/api/mentorships/${A.group}/documents`)],
      'GET /api/mentorships/{id}/documents/{kind}': kinds.map((k) => f(`/api/mentorships/${A.group}/documents/${k}${k.includes('?') ? '' : '?'}format=html`)),
      'POST /api/mentorships/{id}/documents/{kind}': ['pairs-order', 'mentor-report', 'mentee-report'].map((k) => f(`/api/mentorships/${A.group}/documents/${k}`, { personId: A.mentee1 })),
      'GET /api/audit/verify': [own('/api/audit/verify')],
      'GET /api/audit/verify/statement': [own('/api/audit/verify/statement')],
      'GET /api/audit/export': [own('/api/audit/export?from=2026-01-01&to=2026-12-31'), f(`/api/audit/export?mentorshipId=${A.group}`)],
      'GET /api/audit/checkpoints': [own('/api/audit/checkpoints')],
      'GET /api/audit/proofs/inclusion': [f(`/api/audit/proofs/inclusion?stream=mentorship-${A.group}&revision=0`)],
      'GET /api/audit/proofs/consistency': [own('/api/audit/proofs/consistency?from=0')],
      'GET /api/mentorships/{id}/history': [f(`/api/mentorships/${A.group}/history`)],
      'GET /api/audit/organisation': [own('/api/audit/organisation?asOf=2026-11-20')],
      'GET /api/session': [own('/api/session')],
      'GET /api/lifecycle': [own('/api/lifecycle')],
      'GET /api/vocabulary': [own('/api/vocabulary')],
      'GET /api/tasks': [own('/api/tasks')],
      'GET /api/staff': [own('/api/staff')],
      'POST /api/people/import': [own('/api/people/import', {})],
      'GET /api/demo': [own('/api/demo')],
      'POST /api/demo': [own('/api/demo', {})],
      'GET /api/mentors/{id}/load': [f(`/api/mentors/${A.mentor}/load`)],
      'GET /api/deadlines': [own('/api/deadlines?within=400')],
      'GET /api/banks/mentors': [own('/api/banks/mentors')],
      'GET /api/banks/mentees': [own('/api/banks/mentees')],
      'GET /api/reports/monitoring': [own('/api/reports/monitoring?from=2026-01-01&to=2026-12-31')],
      'GET /api/organisation': [own('/api/organisation')],
      'POST /api/organisation/details': [own('/api/organisation/details', { fullName: 'Детский сад Б', shortName: 'ДС Б', address: 'с. Б, ул. Лесная, 2', headName: 'Борисова Вера Ильинична' })],
    };
    const publicOf = /^\/api\/public\/\{orgId\}(.*)$/.exec(route);
    if (publicOf) return [f(`/api/public/${A.orgId}${publicOf[1]}`)];
    return plans[`${method} ${route}`];
  }

  /** The same call with each of A's ids replaced by an id that exists nowhere, and those ids. */
  function twin(call: Call): { call: Call; ids: string[] } {
    let text = JSON.stringify({ path: call.path, body: call.body });
    const ids: string[] = [];
    for (const id of Object.values(A)) {
      if (!text.includes(id)) continue;
      const unknown = randomUUID();
      ids.push(unknown);
      text = text.split(id).join(unknown);
    }
    return { call: { ...call, ...JSON.parse(text) }, ids };
  }
  /** An answer with the given ids blanked (a refusal or an echo may quote the ids asked about). */
  const blanked = (r: ApiResponse, ids: string[]) => ids.reduce((text, id) => text.split(id).join('<id>'), asText(r));

  const send = (client: ApiClient, call: Call) => (call.method === 'GET' ? client.get(call.path) : client.request(call.method, call.path, call.body ?? {}));
  const asText = (r: ApiResponse) =>
    `${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)} ${['location', 'x-document-id', 'content-disposition'].map((h) => r.headers.get(h) ?? '').join(' ')}`;
  /** What of A's data an answer holds, besides the ids the caller named itself (a refusal may quote its request). */
  const revealsA = (r: ApiResponse, call: Call) => {
    const text = asText(r);
    const named = JSON.stringify(call);
    return [NAME, TEXT, ...Object.values(A).filter((id) => !named.includes(id))].filter((m) => text.includes(m));
  };

  it('no role of one organisation reads or changes anything of another, on any route of the OpenAPI document', async () => {
    const doc = (await b.admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    // The public routes of an organisation (its website section, §8) are read by anyone, by design.
    const routes = Object.entries(doc.paths).flatMap(([route, ops]) => Object.entries(ops).map(([m, op]) => ({
      method: m.toUpperCase(), route, isPublic: route.includes('{orgId}') && Array.isArray(op.security) && op.security.length === 0,
    })));
    const unplanned = routes.filter((r) => !plan(r.method, r.route)).map((r) => `${r.method} ${r.route}`);
    expect(unplanned).toEqual([]);

    const before = await app.store.readAll();
    const aStreams = new Set(before.filter((e) => e.metadata.orgId === A.orgId).map((e) => e.streamId));
    const start: LogPosition | undefined = before[before.length - 1]?.position;
    const anonymous = app.as(undefined as unknown as string);

    const violations: string[] = [];
    let requests = 0;
    let successes = 0;
    for (const { method, route, isPublic } of routes) {
      for (const role of ROLES) {
        for (const call of plan(method, route)!) {
          const label = `${role} ${call.method} ${call.path}`;
          const r = await send(asB[role], call);
          requests++;
          if (r.status >= 500) violations.push(`${label}: ${r.status} ${asText(r)}`);
          if (r.status < 300) successes++;
          if (isPublic) {
            // The organisation's public website section (§8): B's token adds nothing to what anyone reads.
            const anyone = await send(anonymous, call);
            requests++;
            if (anyone.status !== r.status || asText(anyone) !== asText(r)) violations.push(`${label}: public route answers B differently from anyone`);
            continue;
          }
          const leaked = revealsA(r, call);
          if (leaked.length) violations.push(`${label}: ${r.status} reveals ${leaked.join(', ')}`);
          if (!call.foreign) continue;
          if (r.status < 300 && call.method !== 'GET') violations.push(`${label}: ${r.status} acted on another organisation's id`);
          // An id of A answers as an id that exists nowhere: the refusal does not tell B that it exists.
          const unknown = twin(call);
          const other = await send(asB[role], unknown.call);
          requests++;
          if (other.status !== r.status || other.body?.code !== r.body?.code) {
            violations.push(`${label}: ${r.status} ${r.body?.code} where an unknown id gets ${other.status} ${other.body?.code}`);
          } else if (r.status < 300 && blanked(r, Object.values(A)) !== blanked(other, unknown.ids)) {
            violations.push(`${label}: ${r.status} answers differently than for an unknown id`);
          }
        }
      }
    }

    const written = await app.store.readAll(start ? { after: start } : {});
    const intoA = written.filter((e: RecordedEvent) =>
      e.metadata.orgId === A.orgId || aStreams.has(e.streamId) || Object.values(A).some((id) => e.streamId.includes(id)));
    const summary = `${routes.length} routes × ${ROLES.length} roles = ${routes.length * ROLES.length} cells, ${requests} requests, ${successes} answered 2xx, `
      + `${violations.length} violations, ${intoA.length} events written into organisation A (of ${written.length} written by B)`;
    process.stdout.write(`organisations apart: ${summary}\n`);
    expect({ violations, intoA: intoA.map((e) => `${e.streamId} ${e.type} by ${e.metadata.role}`) }).toEqual({ violations: [], intoA: [] });
  }, 300_000);
});
