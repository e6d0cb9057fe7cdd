import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '#libs/event-store';
import { envelope } from '#libs/kernel';
import { createApp } from '../../apps/api/src/create-app';
import { testClock } from '../support/test-clock';
import type { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { hire } from './support/kindergarten';
import { RAISED_RATE_LIMITS, startTestApp, TODAY, type TestApp } from './support/test-app';
import { ACCOUNT_RECHECK_MS } from '#libs/auth';

/** An account linked to a person stops when the person withdraws consent or their data is destroyed (152-ФЗ, ст. 21 ч. 5). */
describe("accounts of a person whose data may no longer be processed", () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [curator, head] = await Promise.all([app.user(['curator']), app.user(['head'])]);
    orgId = (await app.admin.get('/api/session')).body.orgId;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A staff member with consent and their own mentee account. */
  const staffWithAccount = async (name: string) => {
    const { id: personId } = await hire(app, curator, name, 'none');
    const r = await app.admin.post('/api/users', { name, roles: ['mentee'], personId });
    expect(r.status).toBe(201);
    const account = app.as(r.body.token);
    expect((await account.get('/api/session')).status).toBe(200);
    return { personId, userId: r.body.id as string, account };
  };
  const accountEvents = async (userId: string) => (await app.store.readStream(`user-${userId}`)).map((e) => e.type);
  const row = async (userId: string) => (await app.admin.get('/api/users')).body.items.find((u: { userId: string }) => u.userId === userId);
  const withdrawal = { date: TODAY, documentRef: 'Заявление об отзыве № 5' };
  const destruction = { date: TODAY, orderNumber: '12-ПД', orderDate: TODAY };

  it('consent withdrawal disables the linked account: 401 on the next request, AccountDisabled in its stream, no re-enabling', async () => {
    const { personId, userId, account } = await staffWithAccount('Отзывающая Согласие Сотрудница');
    expect((await curator.post(`/api/people/${personId}/consent-withdrawal`, withdrawal)).status).toBe(201);
    const refused = await account.get('/api/session');
    expect(refused).toMatchObject({ status: 401, body: { code: 'account-disabled' } });
    expect(refused.body.detail).toMatch(/отозвал согласие/);
    expect(await eventually(() => accountEvents(userId), (types) => types.includes('AccountDisabled'))).toEqual(['UserCreated', 'AccountDisabled']);
    expect(await row(userId)).toMatchObject({ state: 'disabled', disabledReason: 'consent-withdrawn' });
    expect(await app.admin.post(`/api/users/${userId}/enable`, {})).toMatchObject({ status: 422, body: { code: 'person-consent-withdrawn', clause: '152-ФЗ, ст. 21 ч. 5' } });
    expect(await app.admin.post(`/api/users/${userId}/rotate-token`, {})).toMatchObject({ status: 409, body: { code: 'account-disabled' } });
  });

  it("an erased person's account gets 401, with the reason, even if its withdrawal's reaction was lost", async () => {
    const { personId, userId, account } = await staffWithAccount('Стираемая Данными Сотрудница');
    await writeWithdrawalOnly(app.nest.get<EventStore>(EVENT_STORE), personId, orgId);
    expect((await head.post(`/api/people/${personId}/personal-data-destruction`, destruction)).status).toBe(201);
    expect(await account.get('/api/session')).toMatchObject({ status: 401, body: { code: 'account-disabled', detail: expect.stringMatching(/уничтожены/) } });
    expect(await eventually(() => accountEvents(userId), (types) => types.includes('AccountDisabled'))).toEqual(['UserCreated', 'AccountDisabled']);
    expect((await app.store.readStream(`user-${userId}`))[1].data).toMatchObject({ reason: 'personal-data-destroyed' });
    expect(await row(userId)).toMatchObject({ state: 'disabled', disabledReason: 'personal-data-destroyed' });
  });

  it('a crash between the withdrawal and the account event: every process refuses the token, the next start writes the event', async () => {
    const { personId, userId, account } = await staffWithAccount('Сбойная Запись Сотрудница');
    // Another process wrote the withdrawal and died before it disabled the account.
    await writeWithdrawalOnly(app.nest.get<EventStore>(EVENT_STORE), personId, orgId);
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_RECHECK_MS + 50));
    expect(await account.get('/api/session')).toMatchObject({ status: 401, body: { code: 'account-disabled' } });
    expect(await accountEvents(userId)).toEqual(['UserCreated']);
    // That process starts again on the same store.
    const store = new SqliteEventStore({ file: join(app.dir, 'events.sqlite'), now: testClock.now });
    const restarted = await createApp({ store, clock: testClock, config: RAISED_RATE_LIMITS }, false);
    try {
      await restarted.init();
      expect(await eventually(() => accountEvents(userId), (types) => types.includes('AccountDisabled'))).toEqual(['UserCreated', 'AccountDisabled']);
    } finally {
      await restarted.close();
      await store.close();
    }
  });
});

/** The person's withdrawal as the command writes it, without anything after it (a process that stopped there). */
async function writeWithdrawalOnly(store: EventStore, personId: string, orgId: string): Promise<void> {
  const stream = `person-${personId}`;
  const events = await store.readStream(stream);
  const commandId = randomUUID();
  const ctx = { actor: { userId: 'crashed-process', orgId, roles: ['curator' as const] }, commandId, correlationId: commandId, requestHash: '', idempotent: false };
  const withdrawn = { type: 'PersonalDataConsentWithdrawn', data: { personId, date: TODAY, documentRef: 'Заявление об отзыве № 9' } };
  await store.append(stream, envelope(stream, [withdrawn], ctx, testClock.now(), 'curator'), events[events.length - 1].revision);
}
