import { randomBytes } from 'node:crypto';
import { COSTLY_ROUTES } from '#libs/auth';
import { ApiClient } from './support/api-client';
import { DEFAULT_LIMIT_SETTINGS, DEFAULT_RATE_LIMITS, startTestApp, TODAY, type TestApp } from './support/test-app';

/** Per-address limits with the production defaults (issue 15, finding 2: 500 random tokens never met a 429). */
describe('rate limits per client address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: DEFAULT_LIMIT_SETTINGS });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('each costly route in the table is a route the app has', () => {
    const express = app.nest.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const routes = new Set(express.router.stack.filter((l) => l.route).flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`)));
    expect(Object.keys(COSTLY_ROUTES).filter((r) => !routes.has(r))).toEqual([]);
  });

  it('requests without a token are refused and do not count', async () => {
    const anonymous = new ApiClient(app.baseUrl);
    for (let i = 0; i < DEFAULT_RATE_LIMITS.failedAuth * 2; i++) expect((await anonymous.get('/api/session')).status).toBe(401);
  });

  it('the organisation as of a date has its own stricter limit: 429 with Retry-After and a Russian problem', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < DEFAULT_RATE_LIMITS.asOf + 1; i++) {
      last = await app.admin.get(`/api/audit/organisation?asOf=${TODAY}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, DEFAULT_RATE_LIMITS.asOf).every((s) => s === 200)).toBe(true);
    expect(last).toMatchObject({ status: 429, body: { code: 'too-many-requests', status: 429, title: 'Слишком много запросов' } });
    expect(last!.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body.detail).toMatch(/Повторите через \d+ с\./);
    // Other routes of the same address are not held by it.
    expect((await app.admin.get('/api/session')).status).toBe(200);
  });

  it('500 random tokens from one address meet 429 with Retry-After long before the end; then even a good token waits', async () => {
    const statuses: number[] = [];
    let blocked;
    for (let i = 0; i < 500; i++) {
      const r = await app.as(`mt_${randomBytes(32).toString('base64url')}`).get('/api/session');
      statuses.push(r.status);
      if (r.status === 429) {
        blocked = r;
        break;
      }
    }
    expect(statuses.length).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.failedAuth + 1);
    expect(statuses.slice(0, DEFAULT_RATE_LIMITS.failedAuth).every((s) => s === 401)).toBe(true);
    expect(blocked).toMatchObject({ status: 429, body: { code: 'too-many-failed-sign-ins' } });
    expect(Number(blocked!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked!.body.detail).toMatch(/Слишком много попыток входа/);
    // Before any token lookup: the administrator's own token from the same address waits too.
    expect(await app.admin.get('/api/session')).toMatchObject({ status: 429, body: { code: 'too-many-failed-sign-ins' } });
  });
});
