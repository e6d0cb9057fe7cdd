import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { z } from 'zod';
import { addDays } from '#core/shared';
import { UsersService } from '#libs/auth';
import { OpenDeadlinesSource } from './open-deadlines.source';
import { ReminderLogRepository } from './reminder-log.repository';
import { retryableDeliveries, type ReminderRecord } from './reminder-log.fold';
import { classifyMailFailure, ReminderMailer } from './reminder-mailer';
import { reminderMessage } from './reminder-message';
import { plannedReminders, recipientsOf, type Account, type OpenDeadline, type PlannedReminder } from './reminder-plan';
import type { ReminderData } from './reminder.events';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.config';

export interface TickSummary {
  today: string;
  /** Reminders recorded by this tick (each shown in the app to its recipients). */
  recorded: number;
  emailed: number;
  failed: number;
}

const isEmail = (s: string | undefined): s is string => !!s && z.email().safeParse(s).success;
const CLAIM_ATTEMPTS = 3;

/**
 * Turns the deadlines the read models compute into reminders: recorded in `reminder-<orgId>` first
 * (the claim), then e-mailed. At most once: a crash between the claim and the send loses that
 * e-mail (the reminder still shows in the app), but nothing is ever sent twice — not by a retry,
 * a restart, a rebuild of the read models, or a second instance. Only e-mails the server
 * certainly refused are tried again, each retry claimed the same way.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reminders');
  /** The passes in progress, by scope: an organisation's id, or `*` for the scheduler's pass over all. */
  private readonly running = new Map<string, Promise<TickSummary>>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
    private readonly deadlines: OpenDeadlinesSource,
    private readonly log: ReminderLogRepository,
    private readonly mailer: ReminderMailer,
    private readonly users: UsersService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.tick().catch((e: Error) => this.logger.error(`reminder tick failed: ${e.name}`));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.running.values()].map((p) => p.catch(() => undefined)));
  }

  /**
   * One pass over one organisation (an administrator's `POST /api/reminders/run` acts in their own
   * organisation only) or, without `orgId`, over every organisation (the scheduler). Concurrent calls
   * of the same scope share the pass in progress; passes of different scopes may overlap safely (each
   * reminder is claimed at the organisation log's revision, so none is recorded or sent twice).
   */
  tick(orgId?: string): Promise<TickSummary> {
    const scope = orgId ?? '*';
    let pass = this.running.get(scope);
    if (!pass) {
      pass = this.run(orgId).finally(() => this.running.delete(scope));
      this.running.set(scope, pass);
    }
    return pass;
  }

  private async run(only?: string): Promise<TickSummary> {
    const today = this.deadlines.today();
    const summary: TickSummary = { today, recorded: 0, emailed: 0, failed: 0 };
    const planned = plannedReminders(this.deadlines.dueBy(addDays(today, this.options.leadDays), today, only), today, this.options.leadDays);
    const byOrg = new Map<string, PlannedReminder[]>();
    for (const p of planned) byOrg.set(p.deadline.orgId, [...(byOrg.get(p.deadline.orgId) ?? []), p]);
    const organisations = only === undefined ? new Set([...byOrg.keys(), ...this.deadlines.organisations()]) : [only];
    for (const orgId of organisations) {
      // Retries first: an e-mail refused in this pass waits for the next one.
      if (this.mailer.enabled) await this.retry(orgId, today, summary);
      await this.remind(orgId, byOrg.get(orgId) ?? [], today, summary);
    }
    if (summary.recorded || summary.emailed || summary.failed) {
      // Counts only: no names, addresses or ids of people in the log.
      this.logger.log(`reminders ${today}: recorded=${summary.recorded} emailed=${summary.emailed} failed=${summary.failed}`);
    }
    return summary;
  }

  private async accounts(orgId: string): Promise<Account[]> {
    return (await this.users.accountsOf(orgId)).map((u) => ({ userId: u.userId, roles: u.roles, personId: u.personId, email: u.email, name: u.name }));
  }

  private async remind(orgId: string, planned: PlannedReminder[], today: string, summary: TickSummary): Promise<void> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const log = await this.log.load(orgId);
      const fresh = planned.filter((p) => !log.reminders.has(p.reminderId));
      if (fresh.length === 0) return;
      const accounts = await this.accounts(orgId);
      const records: ReminderData<'ReminderRecorded'>[] = fresh.flatMap((p) => {
        const recipients = recipientsOf(p, accounts).map(({ account, reason }) => ({ userId: account.userId, reason, emailed: this.mailer.enabled && isEmail(account.email) }));
        if (recipients.length === 0) return []; // nobody to tell yet: decided again on the next tick
        const { kind, mentorshipId, personId, due, clause, title } = p.deadline;
        return [{ reminderId: p.reminderId, orgId, type: p.type, deadline: { kind, mentorshipId, personId, due, clause, title }, recipients, date: today }];
      });
      if (records.length === 0) return;
      if (!(await this.log.claim(orgId, log.revision, records.map((data) => ({ type: 'ReminderRecorded' as const, data }))))) continue;
      summary.recorded += records.length;
      const byId = new Map(accounts.map((a) => [a.userId, a]));
      const topics = new Map(fresh.map((p) => [p.reminderId, p.deadline]));
      for (const record of records) {
        for (const r of record.recipients) {
          if (r.emailed) await this.deliver(orgId, { ...record, deliveries: {} }, byId.get(r.userId)!, 1, today, summary, topics.get(record.reminderId));
        }
      }
      return;
    }
  }

  private async retry(orgId: string, today: string, summary: TickSummary): Promise<void> {
    for (const due of retryableDeliveries(await this.log.load(orgId), this.options.maxAttempts)) {
      const log = await this.log.load(orgId);
      const current = log.reminders.get(due.reminder.reminderId)?.deliveries[due.userId];
      if (!current || current.status !== 'failed' || current.attempts + 1 !== due.attempt) continue;
      const claim = { type: 'ReminderEmailRetryClaimed' as const, data: { reminderId: due.reminder.reminderId, userId: due.userId, attempt: due.attempt } };
      if (!(await this.log.claim(orgId, log.revision, [claim]))) continue;
      const account = (await this.accounts(orgId)).find((a) => a.userId === due.userId);
      if (!account || !isEmail(account.email)) {
        await this.log.record(orgId, { type: 'ReminderEmailFailed', data: { ...claim.data, code: 'NOADDRESS', retryable: false } });
        continue;
      }
      await this.deliver(orgId, due.reminder, account, due.attempt, today, summary);
    }
  }

  /** Sends one claimed e-mail and records what happened; the server's text is not kept (it may quote the address). */
  private async deliver(
    orgId: string, reminder: ReminderRecord, account: Account, attempt: number, today: string, summary: TickSummary, deadline?: OpenDeadline,
  ): Promise<void> {
    const d = reminder.deadline;
    const message = reminderMessage({
      type: reminder.type, deadline: d, today,
      topic: deadline?.topic ?? this.deadlines.topicOf(d.mentorshipId),
      people: this.deadlines.peopleOf(orgId, d.mentorshipId, d.personId),
      recipientName: this.deadlines.nameOf(orgId, account.personId) ?? account.name,
      link: this.options.appUrl && d.mentorshipId ? `${this.options.appUrl.replace(/\/$/, '')}/#/mentorships/${d.mentorshipId}` : undefined,
    });
    const ids = { reminderId: reminder.reminderId, userId: account.userId, attempt };
    try {
      await this.mailer.send({ to: account.email!, ...message });
    } catch (error) {
      const failure = classifyMailFailure(error);
      summary.failed++;
      await this.log.record(orgId, { type: 'ReminderEmailFailed', data: { ...ids, ...failure } });
      return;
    }
    summary.emailed++;
    await this.log.record(orgId, { type: 'ReminderEmailSent', data: ids });
  }
}
