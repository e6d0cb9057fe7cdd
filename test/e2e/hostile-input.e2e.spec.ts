import { ApiClient, type ApiResponse } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

const PROBLEM = 'application/problem+json';

/** A refusal as the API promises it: problem+json, a stable code, a Russian detail. */
function expectRefusal(r: ApiResponse, status: number, code: string) {
  expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
  expect(r.headers.get('content-type')).toContain(PROBLEM);
  expect(r.body.detail).toMatch(/[А-Яа-яЁё]/);
}

/** Issue 15: hostile input gets a clear Russian 4xx and writes nothing. */
describe('hostile input', () => {
  let app: TestApp;
  let curator: ApiClient;
  let auditor: ApiClient;
  let eventsBefore = 0;
  const eventCount = async () => (await app.store.readAll()).length;

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    auditor = await app.user(['auditor']);
  });
  beforeEach(async () => {
    eventsBefore = await eventCount();
  });
  afterEach(async () => {
    // Every test here sends only refused requests.
    expect(await eventCount()).toBe(eventsBefore);
  });
  afterAll(() => app.close());

  describe('finding 4: body limits before any work', () => {
    const nested = (depth: number) => `{"topic":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    it('a deeply nested body is 400 body-too-deep, not 500, for a caller without rights to the route and for no caller at all', async () => {
      // 40,000 levels: 80 KB, under the size limit; hashing it for idempotency overflowed the stack.
      expectRefusal(await auditor.request('POST', '/api/mentorships', nested(40_000)), 400, 'body-too-deep');
      expectRefusal(await curator.request('POST', '/api/people', nested(40_000)), 400, 'body-too-deep');
      expectRefusal(await new ApiClient(app.baseUrl).request('POST', '/api/mentorships', nested(40_000)), 400, 'body-too-deep');
      expectRefusal(await curator.request('POST', '/api/mentorships', nested(9)), 400, 'body-too-deep');
    });

    it('a body over 256 KB is 413 and says the limit; a string over 20,000 characters is 400', async () => {
      const big = await curator.post('/api/people', { fullName: 'Иванова', position: 'x'.repeat(300_000), firstWorkingDay: '2026-09-01' });
      expectRefusal(big, 413, 'payload-too-large');
      expect(big.body.detail).toContain('256 КБ');
      const long = await curator.post('/api/people', { fullName: 'Иванова', position: 'я'.repeat(20_001), firstWorkingDay: '2026-09-01' });
      expectRefusal(long, 400, 'string-too-long');
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'position' })]);
    });

    it('prototype-reaching field names are refused before validation', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        expectRefusal(await curator.request('POST', '/api/people', `{"fullName":"Иванова","${key}":{"isAdmin":true}}`), 400, 'forbidden-field');
      }
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });
});
