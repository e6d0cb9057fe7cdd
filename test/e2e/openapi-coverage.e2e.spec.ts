import { startTestApp, type TestApp } from './support/test-app';

/** Every route the server answers is in /api/openapi.json: the document is what integrators read, so a missing route is a defect. */
describe('OpenAPI document covers every route', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists each method and path the app registers under /api', async () => {
    const express = app.nest.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const routes = express.router.stack
      .filter((l) => l.route && l.route.path.startsWith('/api/'))
      .flatMap((l) => Object.keys(l.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(routes.length).toBeGreaterThan(40);
    const doc = (await app.admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // A route's `{step}` is documented step by step (`…/steps/consent`): a parameter matches any one segment.
    const covered = (route: string) => {
      const pattern = new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
      return documented.some((d) => d === route || pattern.test(d));
    };
    const missing = routes.filter((r) => !covered(r) && r !== 'GET /api/openapi.json');
    expect(missing).toEqual([]);
  });
});
