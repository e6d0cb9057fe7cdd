import { Injectable } from '@nestjs/common';
import { ReadModels, bankUpdateDeadlines, namesOf } from '#libs/projections';
import type { OpenDeadline } from './reminder-plan';

interface DeadlineRow {
  org_id: string; mentorship_id: string; kind: string; person_id: string; due: string; clause: string; title: string; topic: string; mentor_id: string;
}

/** The deadlines the read models compute (§3.4, §3.6, §3.7), as the reminders read them. */
@Injectable()
export class OpenDeadlinesSource {
  constructor(private readonly rm: ReadModels) {}

  today(): string {
    return this.rm.today();
  }

  /** Every organisation the read models know, so a tick also retries e-mails of orgs with nothing new due. */
  organisations(): string[] {
    const rows = this.rm.prepare(
      `SELECT org_id FROM ${this.rm.table('mentorships')} UNION SELECT org_id FROM ${this.rm.table('people')}`,
    ).all() as { org_id: string }[];
    return rows.map((r) => r.org_id);
  }

  /** Not met, due by `horizon` (overdue ones included), in one organisation or (`orgId` absent) in every one. */
  dueBy(horizon: string, today: string, orgId?: string): OpenDeadline[] {
    const rm = this.rm;
    const inOrg = orgId === undefined ? '' : ' AND d.org_id = ?';
    const rows = rm.prepare(
      `SELECT d.org_id, d.mentorship_id, d.kind, d.person_id, d.due, d.clause, d.title, m.topic, m.mentor_id
       FROM ${rm.table('deadlines')} d JOIN ${rm.table('mentorships')} m ON m.id = d.mentorship_id
       WHERE d.done_on IS NULL AND d.due <= ?${inOrg} ORDER BY d.org_id, d.due, d.mentorship_id, d.kind, d.person_id`,
    ).all(...(orgId === undefined ? [horizon] : [horizon, orgId])) as DeadlineRow[];
    const out: OpenDeadline[] = rows.map((r) => ({
      orgId: r.org_id, kind: r.kind, mentorshipId: r.mentorship_id, personId: r.person_id || null, due: r.due, clause: r.clause,
      title: r.title, topic: r.topic, mentorId: r.mentor_id,
    }));
    const entries = (orgId === undefined
      ? rm.prepare(`SELECT org_id, entered_on FROM ${rm.table('mentee_bank')} ORDER BY org_id`).all()
      : rm.prepare(`SELECT org_id, entered_on FROM ${rm.table('mentee_bank')} WHERE org_id = ?`).all(orgId)) as { org_id: string; entered_on: string }[];
    const byOrg = new Map<string, string[]>();
    for (const e of entries) byOrg.set(e.org_id, [...(byOrg.get(e.org_id) ?? []), e.entered_on]);
    for (const [orgId, dates] of byOrg) {
      for (const d of bankUpdateDeadlines(dates, today)) {
        if (d.doneOn || d.due > horizon) continue;
        out.push({ orgId, kind: d.kind, mentorshipId: null, personId: null, due: d.due, clause: d.clause, title: d.title, topic: null, mentorId: null });
      }
    }
    return out;
  }

  /** Whether a deadline was met since (or no longer applies): read at query time, so a reminder shows as resolved. */
  resolved(orgId: string, d: { kind: string; mentorshipId: string | null; personId: string | null; due: string }, today: string): boolean {
    if (!d.mentorshipId) {
      const dates = (this.rm.prepare(`SELECT entered_on FROM ${this.rm.table('mentee_bank')} WHERE org_id = ?`).all(orgId) as { entered_on: string }[]).map((r) => r.entered_on);
      return !bankUpdateDeadlines(dates, today).some((b) => b.due === d.due && !b.doneOn);
    }
    const row = this.rm.prepare(
      `SELECT done_on FROM ${this.rm.table('deadlines')} WHERE mentorship_id = ? AND kind = ? AND person_id = ? AND due = ?`,
    ).get(d.mentorshipId, d.kind, d.personId ?? '', d.due) as { done_on: string | null } | undefined;
    return !row || row.done_on !== null;
  }

  topicOf(mentorshipId: string | null): string | null {
    if (!mentorshipId) return null;
    const row = this.rm.prepare(`SELECT topic FROM ${this.rm.table('mentorships')} WHERE id = ?`).get(mentorshipId) as { topic: string } | undefined;
    return row?.topic ?? null;
  }

  /** A staff member's full name, for the greeting of an e-mail to their account. */
  nameOf(orgId: string, personId: string | undefined): string | undefined {
    return personId ? namesOf(this.rm, orgId, [personId]).get(personId) : undefined;
  }

  /** The people a deadline concerns, by their role in it, for the text of an e-mail. */
  peopleOf(orgId: string, mentorshipId: string | null, personId: string | null): { role: string; fullName: string; personId: string }[] {
    if (!mentorshipId) return [];
    const row = this.rm.prepare(`SELECT mentor_id FROM ${this.rm.table('mentorships')} WHERE id = ?`).get(mentorshipId) as { mentor_id: string } | undefined;
    const mentees = personId && personId !== row?.mentor_id
      ? [personId]
      : (this.rm.prepare(`SELECT person_id FROM ${this.rm.table('mentorship_mentees')} WHERE mentorship_id = ?`).all(mentorshipId) as { person_id: string }[]).map((r) => r.person_id);
    const names = namesOf(this.rm, orgId, [row?.mentor_id ?? '', ...mentees].filter(Boolean));
    return [
      ...(row && names.has(row.mentor_id) ? [{ role: 'наставник', fullName: names.get(row.mentor_id)!, personId: row.mentor_id }] : []),
      ...mentees.filter((p) => names.has(p)).map((p) => ({ role: 'наставляемый', fullName: names.get(p)!, personId: p })),
    ];
  }
}
