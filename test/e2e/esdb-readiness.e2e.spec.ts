import { createEventStore } from '#libs/event-store';
import { EsdbDouble } from '../esdb-double/esdb-double';
import { startTestApp, type TestApp } from './support/test-app';

describe('readiness follows the EventStoreDB connection', () => {
  let double: EsdbDouble;
  let app: TestApp;
  beforeAll(async () => {
    double = await EsdbDouble.start();
    app = await startTestApp({ store: createEventStore({ EVENTSTORE_CONNECTION_STRING: double.connectionString }) });
  });
  afterAll(async () => {
    await app.close();
    await double.stop();
  });

  it('is ready while the store answers, not ready while it is down, and ready again after it returns', async () => {
    const ready = () => fetch(`${app.baseUrl}/api/health/ready`).then((r) => r.status);
    expect(await ready()).toBe(200);
    await double.stop();
    expect(await ready()).toBe(503);
    expect((await fetch(`${app.baseUrl}/api/health/live`)).status).toBe(200);
    await double.restart();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await ready();
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
