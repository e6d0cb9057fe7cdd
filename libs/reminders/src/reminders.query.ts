import { Injectable } from '@nestjs/common';
import type { Actor } from '#core/people';
import { OpenDeadlinesSource } from './open-deadlines.source';
import { ReminderLogRepository } from './reminder-log.repository';
import { remaining } from './reminder-message';

const TYPE_TITLES = { before: 'Напоминание о сроке', escalation: 'Срок пропущен' } as const;
const EMAIL_TITLES = { sent: 'отправлено', failed: 'не отправлено', claimed: 'результат отправки неизвестен', off: 'без эл. почты' } as const;
const LIMIT = 200;

/** `GET /api/reminders`: the reminders addressed to the caller, newest first, with whether the deadline is met since. */
@Injectable()
export class RemindersQuery {
  constructor(private readonly log: ReminderLogRepository, private readonly deadlines: OpenDeadlinesSource) {}

  async forUser(actor: Actor) {
    const today = this.deadlines.today();
    const log = await this.log.load(actor.orgId);
    const mine = [...log.reminders.values()]
      .filter((r) => r.recipients.some((x) => x.userId === actor.userId))
      .sort((a, b) => b.date.localeCompare(a.date) || a.deadline.due.localeCompare(b.deadline.due))
      .slice(0, LIMIT);
    const items = mine.map((r) => {
      const d = r.deadline;
      const delivery = r.deliveries[actor.userId];
      const email = delivery?.status ?? 'off';
      const resolved = this.deadlines.resolved(actor.orgId, d, today);
      return {
        id: r.reminderId, type: r.type, typeTitle: TYPE_TITLES[r.type], date: r.date,
        kind: d.kind, title: d.title, clause: d.clause, due: d.due, remaining: resolved ? null : remaining(d.due, today),
        mentorshipId: d.mentorshipId, topic: this.deadlines.topicOf(d.mentorshipId), resolved,
        email, emailTitle: EMAIL_TITLES[email],
      };
    });
    return { today, open: items.filter((i) => !i.resolved).length, items };
  }
}
