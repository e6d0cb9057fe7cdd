import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { type EventStore, SqliteEventStore } from '#libs/event-store';
import { SqliteKeyStore } from '#libs/personal-data';
import { UsersService } from '#libs/auth';
import { createApp } from '../../../apps/api/src/create-app';
import type { Role } from '#core/people';
import { appConfigOf, defaultConfig, type Clock, type Config } from '#libs/kernel';
import { testClock, TODAY } from '../../support/test-clock';
import { ApiClient } from './api-client';

export { TODAY };

/**
 * Limits no suite reaches (they send hundreds of requests from 127.0.0.1, some with refused tokens on
 * purpose); a test of the limits themselves passes `DEFAULT_LIMIT_SETTINGS`.
 */
export const RAISED_RATE_LIMITS: Partial<Config> = {
  RATE_LIMIT_FAILED_AUTH: 1_000_000, RATE_LIMIT_VERIFY: 1_000_000, RATE_LIMIT_AS_OF: 1_000_000, RATE_LIMIT_FILES: 1_000_000, RATE_LIMIT_IMPORT: 1_000_000,
};
/** The limits of a server that sets none: as settings, and as the numbers they come to. */
export const DEFAULT_LIMIT_SETTINGS: Partial<Config> = Object.fromEntries(Object.keys(RAISED_RATE_LIMITS).map((k) => [k, defaultConfig()[k as keyof Config]]));
export const DEFAULT_RATE_LIMITS = appConfigOf(defaultConfig()).rateLimits;

export interface TestApp {
  baseUrl: string;
  /** The Nest application itself (to swap its logger, get a provider). */
  nest: INestApplication;
  admin: ApiClient;
  store: EventStore;
  /** The one clock of this app: it stamps the store's `created`, keys, seals, reminders, documents and lag. */
  clock: Clock;
  /** The data directory (event file, key store). */
  dir: string;
  as(token: string): ApiClient;
  user(roles: Role[], personId?: string): Promise<ApiClient>;
  /**
   * Another organisation in the same store: its administrator, made through the accounts service as an
   * operator would (no public route makes an administrator of another organisation), and its users.
   */
  organisation(orgId: string): Promise<Organisation>;
  /** With `regional`: the system administrator (`ADMIN_TOKEN`), who registered each `organisation(…)` in `REGION`. */
  system?: ApiClient;
  close(): Promise<void>;
}

/** The region and municipality a regional test app registers its organisations in. */
export const REGION = { regionId: 'test-region', municipalityId: 'test-district', region: 'Тестовая область', municipality: 'Тестовый район' };

/** An organisation of the test app: its administrator and a way to make its users. */
export interface Organisation {
  orgId: string;
  admin: ApiClient;
  user(roles: Role[], personId?: string): Promise<ApiClient>;
}

async function userOf(admin: ApiClient, roles: Role[], personId?: string): Promise<ApiClient> {
  const r = await admin.post('/api/users', { name: `Пользователь ${roles.join(',')}`, roles, personId });
  if (r.status !== 201) throw new Error(`user not created: ${r.status} ${JSON.stringify(r.body)}`);
  return new ApiClient(admin.baseUrl, r.body.token);
}

/**
 * The app's routes as `getHttpAdapter().getInstance().router.stack` (one layer per method and path),
 * the shape the suites that compare them with the OpenAPI document and the costly-route table read.
 * Collected as the routes are registered; the HEAD route Fastify adds beside each GET is not one of the app's.
 */
function listRoutes(app: INestApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as {
    addHook(name: 'onRoute', hook: (route: { method: string | string[]; url: string }) => void): void;
    decorate(name: string, value: unknown): void;
  };
  const stack: { route: { path: string; methods: Record<string, boolean> } }[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') stack.push({ route: { path: route.url, methods: { [method.toLowerCase()]: true } } });
    }
  });
  fastify.decorate('router', { stack });
}

/**
 * The real app on a free loopback port, a fresh data directory, and a clock that starts at 09:00 (Moscow)
 * on `TODAY` whatever the machine's date. A store passed in must stamp `created` with
 * the same clock (`testClock` of `test/support/test-clock.ts`, which the EventStoreDB double uses too).
 * `sealer`: run the integrity sealer (off unless asked: it appends to the log in the background, which
 * tests counting events would see). `clock`: another clock for the app and its store (one that can be
 * moved: `movableClockAt`). `config`: settings over the defaults, as the environment gives them to a server;
 * rate limits raised unless given.
 */
export async function startTestApp(
  options: { store?: EventStore; readModelsOnDisk?: boolean; projectorThread?: boolean; sealer?: boolean; clock?: Clock; config?: Partial<Config>; regional?: boolean } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-e2e-'));
  const clock = options.clock ?? testClock;
  const systemToken = options.regional ? randomBytes(32).toString('base64url') : undefined;
  const config: Partial<Config> = { ...RAISED_RATE_LIMITS, ...options.config, ...(systemToken ? { ADMIN_TOKEN: systemToken } : {}) };
  const store = options.store ?? new SqliteEventStore({ file: join(dir, 'events.sqlite'), now: clock.now });
  const keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'), clock.now);
  // `projectorThread`: as `npm start` (PROJECTIONS=thread), which needs the read models in a file.
  const projections = options.projectorThread ? { file: join(dir, 'readmodels.sqlite'), mode: 'thread' as const }
    : options.readModelsOnDisk ? { file: join(dir, 'readmodels.sqlite') } : undefined;
  const audit = { sealer: options.sealer ? ('on' as const) : ('off' as const) };
  const app: INestApplication = await createApp({ store, keyStore, clock, config, projections, audit }, false);
  listRoutes(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const users = app.get(UsersService);
  const orgId = appConfigOf({ ...defaultConfig(), ...config }).defaultOrgId;
  const adminToken = systemToken
    ? (await users.create({ name: 'Администратор', roles: ['admin'] }, { userId: 'system', orgId, roles: ['admin'] })).token
    : await users.bootstrapAdmin();
  if (!adminToken) throw new Error('expected a fresh store');
  const admin = new ApiClient(baseUrl, adminToken);
  const system = systemToken ? new ApiClient(baseUrl, systemToken) : undefined;
  let placed: Promise<void> | undefined;
  let registered = 0;
  /** The region and municipality of a regional app, registered once, by the system administrator. */
  const place = () => (placed ??= (async () => {
    for (const [path, body] of [['/api/regions', { regionId: REGION.regionId, name: REGION.region }], [`/api/regions/${REGION.regionId}/municipalities`, { municipalityId: REGION.municipalityId, name: REGION.municipality }]] as const) {
      const r = await system!.post(path, body);
      if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  })());
  return {
    baseUrl,
    nest: app,
    admin,
    store,
    clock,
    dir,
    as: (token) => new ApiClient(baseUrl, token),
    user: (roles, personId) => userOf(admin, roles, personId),
    system,
    async organisation(orgId) {
      let token: string;
      if (system) {
        await place();
        const r = await system.post('/api/organisations', {
          orgId, name: `Детский сад № ${++registered}`, regionId: REGION.regionId, municipalityId: REGION.municipalityId, administrator: { name: `Администратор ${orgId}` },
        });
        if (r.status !== 201) throw new Error(`organisation not registered: ${r.status} ${JSON.stringify(r.body)}`);
        token = r.body.administrator.token;
      } else {
        token = (await users.create({ name: `Администратор ${orgId}`, roles: ['admin'] }, { userId: 'system', orgId, roles: ['admin'] })).token;
      }
      const orgAdmin = new ApiClient(baseUrl, token);
      return { orgId, admin: orgAdmin, user: (roles, personId) => userOf(orgAdmin, roles, personId) };
    },
    async close() {
      await app.close();
      await store.close();
      await keyStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
