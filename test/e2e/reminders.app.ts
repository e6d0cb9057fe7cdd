import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { SqliteEventStore } from '#libs/event-store';
import { SqliteKeyStore } from '#libs/personal-data';
import { UsersService } from '#libs/auth';
import type { Clock } from '#libs/kernel';
import { testClock, testClockAt } from '../support/test-clock';
import { ApiClient } from './support/api-client';

/** Keeps every log line the app writes, to check that none names a person or an address. */
export class CapturedLog implements LoggerService {
  readonly lines: string[] = [];
  log(m: unknown, ...rest: unknown[]) { this.lines.push([m, ...rest].map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')); }
  error(m: unknown, ...rest: unknown[]) { this.log(m, ...rest); }
  warn(m: unknown, ...rest: unknown[]) { this.log(m, ...rest); }
}

/**
 * The app on one data directory (events, keys, read models on disk) that can be stopped and
 * started again, with a clock the test moves and e-mail to a local SMTP server. The scheduler is
 * off: the test ticks by hand through `POST /api/reminders/run`.
 */
export class RestartableApp {
  readonly dir = mkdtempSync(join(tmpdir(), 'mentorship-reminders-'));
  readonly log = new CapturedLog();
  private clock: Clock = testClock;
  private nest?: INestApplication;
  private store?: SqliteEventStore;
  private keys?: SqliteKeyStore;
  adminToken?: string;
  baseUrl = '';
  private port = 0;

  constructor(private readonly smtpUrl: string) {}

  /** From now on the app's clock reads 09:00 (Moscow) on `date`, and runs on from there. */
  setToday(date: string): void {
    this.clock = testClockAt(date);
  }

  async start(): Promise<void> {
    const clock: Clock = { now: () => this.clock.now() };
    this.store = new SqliteEventStore({ file: join(this.dir, 'events.sqlite'), now: clock.now });
    this.keys = new SqliteKeyStore(join(this.dir, 'keys.sqlite'), clock.now);
    this.nest = await createApp({
      store: this.store, keyStore: this.keys, clock,
      projections: { file: join(this.dir, 'readmodels.sqlite') },
      reminders: { smtp: { url: this.smtpUrl, from: 'Наставничество <noreply@ds6.test>' }, intervalMs: 0, leadDays: 3 },
    }, false);
    this.nest.useLogger(this.log);
    // The same port after a restart, so the test's clients keep working.
    await this.nest.listen(this.port, '127.0.0.1');
    this.port = (this.nest.getHttpServer().address() as AddressInfo).port;
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    this.adminToken ??= (await this.nest.get(UsersService).bootstrapAdmin()) ?? undefined;
  }

  get app(): INestApplication {
    return this.nest!;
  }

  as(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async stop(): Promise<void> {
    // Drop the clients' keep-alive sockets too, and let the client see them close (an I/O turn),
    // or its next request would go out on a socket of the stopped server.
    this.nest?.getHttpServer().closeAllConnections();
    await this.nest?.close();
    await this.store?.close();
    await this.keys?.close();
    this.nest = undefined;
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
