import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { CLOCK, type Clock, envelope } from '#libs/kernel';
import { emptyReminderLog, evolveReminderLog, type ReminderLog } from './reminder-log.fold';
import { parseReminderEvent, type ReminderEvent } from './reminder.events';

const SYSTEM_ROLE = 'system';

/**
 * The `reminder-<orgId>` stream, folded and cached per organisation (only the tail is read).
 * Claims append with the expected revision and fresh event ids: a second claimer of the same
 * reminders gets a ConcurrencyError, never the store's idempotent "already written" success.
 */
@Injectable()
export class ReminderLogRepository {
  private readonly cache = new Map<string, ReminderLog>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async load(orgId: string): Promise<ReminderLog> {
    const log = this.cache.get(orgId) ?? emptyReminderLog();
    for (const e of await this.store.readStream(streamId('reminder', orgId), log.revision + 1)) {
      const event = parseReminderEvent(e);
      if (event) evolveReminderLog(log, event, e.revision);
      else log.revision = e.revision;
    }
    this.cache.set(orgId, log);
    return log;
  }

  /** Appends `events` if nobody wrote since `revision`; false when someone did (they claimed first). */
  async claim(orgId: string, revision: number, events: ReminderEvent[]): Promise<boolean> {
    try {
      await this.append(orgId, events, revision < 0 ? 'no_stream' : revision);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  /** What became of a claimed e-mail: a fact that needs no claim. */
  async record(orgId: string, event: ReminderEvent): Promise<void> {
    await this.append(orgId, [event], 'any');
  }

  private async append(orgId: string, events: ReminderEvent[], expected: number | 'no_stream' | 'any'): Promise<void> {
    const stream = streamId('reminder', orgId);
    const commandId = randomUUID();
    const ctx = { actor: { userId: 'system:reminders', orgId, roles: [] }, commandId, correlationId: commandId, requestHash: '', idempotent: false };
    await this.store.append(stream, envelope(stream, events, ctx, this.clock.now(), SYSTEM_ROLE), expected);
  }
}
