import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { STORED_EVENT_STORE, positionToString, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { eventTitle } from '#core/mentorship';
import type { Actor } from '#core/people';
import { businessDate, businessDateOf, DomainError } from '#core/shared';
import { UsersService } from '#libs/auth';
import { namesOf, ReadModels } from '#libs/projections';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, parseBody } from '#libs/kernel';
import { eventFields } from '../event-fields';
import { CHAIN_PREFIX } from '../integrity/chain.events';
import { IntegrityService } from '../integrity/integrity.service';
import { ruDate } from '../integrity/printable';
import { GetMentorshipHistoryQuery, type HistoryEntry } from '../mentorship-history.query';
import type { AuditPackage, PackageEvent, PackageScope, TimelineEntry } from './audit-package';
import { auditPackageHtml } from './audit-package.html';
import { documentOfStored } from './package-document';
import { learnFacts, sentence, type MentorshipFacts } from './timeline.sentences';

const exportQuery = z
  .strictObject({
    from: businessDate.optional().describe('Начало периода'),
    to: businessDate.optional().describe('Конец периода'),
    mentorshipId: z.string().min(1).max(100).optional().describe('Наставничество'),
    format: z.enum(['json', 'html']).default('json').describe('Формат: json или html'),
  })
  .refine((q) => (q.mentorshipId ? !q.from && !q.to : !!q.from && !!q.to), { message: 'Укажите период (начало и конец) или наставничество, но не то и другое' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Начало периода позже его конца' });
export type ExportQuery = z.infer<typeof exportQuery>;

/** An event of the package before it is put into words. */
type StoredEvent = Omit<PackageEvent, 'title'>;

/** Accounts (token hashes) and the chains themselves are not part of what happened in the organisation. */
const OUTSIDE_PACKAGE = ['user-', CHAIN_PREFIX];

const NOTES = [
  'Сведения о событиях приведены по записям журнала; персональные данные хранятся в журнале в зашифрованном виде и здесь не раскрываются. Имена взяты из текущих сведений о сотрудниках; уничтоженные персональные данные показаны как уничтоженные.',
  'Номер записи журнала у каждого события, а в файле пакета (JSON) — и его код, позволяют сверить событие со звеньями цепочки целостности; акт проверки охватывает весь журнал организации на момент выгрузки.',
];

/** Audit packages: the events of a period or of one mentorship, a readable timeline, and the verification statement. */
@Injectable()
export class AuditExportService {
  constructor(
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
    private readonly users: UsersService,
    private readonly integrity: IntegrityService,
  ) {}

  parse(actor: Actor, query: Record<string, unknown>): ExportQuery {
    this.integrity.authorize(actor);
    return parseBody(exportQuery, { from: query.from, to: query.to, mentorshipId: query.mentorshipId, format: query.format });
  }

  async build(actor: Actor, q: ExportQuery): Promise<AuditPackage> {
    const mentorship = q.mentorshipId ? await this.mentorshipEvents(actor, q.mentorshipId) : undefined;
    const name = this.namer(actor);
    const events = (mentorship?.events ?? (await this.periodEvents(actor, q.from!, q.to!))).map((e) => ({ ...e, title: eventTitle(e.type) }));
    const scope: PackageScope = q.mentorshipId ? { kind: 'mentorship', mentorshipId: q.mentorshipId, topic: mentorship?.topic } : { kind: 'period', from: q.from!, to: q.to! };
    const verification = await this.integrity.verify(actor);
    return {
      title: scope.kind === 'period' ? `Пакет аудита за период с ${ruDate(scope.from)} по ${ruDate(scope.to)}` : `Пакет аудита наставничества «${scope.topic ?? scope.mentorshipId}»`,
      orgId: actor.orgId,
      organisation: await this.integrity.organisation(actor),
      scope,
      generatedAt: this.clock.now().toISOString(),
      generatedBy: await this.integrity.checkedBy(actor),
      timeZone: this.config.timeZone,
      events,
      timeline: await this.timeline(events, name),
      verification,
      notes: NOTES,
    };
  }

  /** Events of the organisation whose business date (or, without one, the day they were recorded) falls in the period. */
  private async periodEvents(actor: Actor, from: string, to: string): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let after: LogPosition | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: 2000 });
      for (const e of page) {
        if (e.metadata?.orgId !== actor.orgId || OUTSIDE_PACKAGE.some((p) => e.streamId.startsWith(p))) continue;
        const day = this.dayOf(e);
        if (day >= from && day <= to) out.push(await this.packageEvent(e));
      }
      if (page.length < 2000) return out;
      after = page[page.length - 1].position;
    }
  }

  /** The mentorship's stream as stored, joined with its history (access rules, documents, state after each event). */
  private async mentorshipEvents(actor: Actor, id: string): Promise<{ events: StoredEvent[]; topic?: string }> {
    const history = await this.queries.execute(new GetMentorshipHistoryQuery(id, actor));
    const byRevision = new Map<number, HistoryEntry>(history.entries.map((h) => [h.revision, h]));
    const stored = await this.store.readStream(`mentorship-${id}`);
    const events = await Promise.all(stored.map(async (e) => ({ ...(await this.packageEvent(e)), stateAfter: byRevision.get(e.revision)?.stateAfter })));
    const first = stored[0]?.data as { topic?: string } | undefined;
    return { events, topic: first?.topic };
  }

  private async packageEvent(e: RecordedEvent): Promise<StoredEvent> {
    const m = e.metadata;
    return {
      position: positionToString(e.position), eventId: e.id, streamId: e.streamId, revision: e.revision, type: e.type,
      businessDate: m.businessDate, recordedAt: e.created,
      actor: { userId: m.actorId, name: await this.users.nameOf(m.actorId), role: m.role },
      document: documentOfStored(e), data: e.data,
    };
  }

  /**
   * The package as a printable page: each event's data as labelled fields, people named from the staff records
   * (the JSON keeps the events as stored, personal fields encrypted).
   */
  html(actor: Actor, p: AuditPackage): string {
    const name = this.namer(actor);
    return auditPackageHtml(p, (e) => eventFields(e.type, e.data, { name }));
  }

  /** People by name from the read models; one not (yet) there is «сотрудник», never an id. */
  private namer(actor: Actor): (id: unknown) => string {
    const names = new Map<string, string>();
    return (id: unknown) => {
      const key = String(id ?? '');
      if (!names.has(key)) names.set(key, namesOf(this.readModels, actor.orgId, [key]).get(key) ?? 'сотрудник');
      return names.get(key)!;
    };
  }

  private async timeline(events: PackageEvent[], name: (id: unknown) => string): Promise<TimelineEntry[]> {
    const facts = new Map<string, MentorshipFacts>();
    const out: TimelineEntry[] = [];
    for (const e of events) {
      const data = (e.data ?? {}) as Record<string, unknown>;
      const mentorshipId = e.streamId.startsWith('mentorship-') ? e.streamId.slice('mentorship-'.length) : undefined;
      const f = mentorshipId ? await this.factsOf(facts, mentorshipId, e.revision) : undefined;
      if (f) learnFacts(f, e.type, data);
      const text = sentence({ type: e.type, data, role: e.actor.role, actorName: e.actor.name }, { name, facts: f });
      if (text) out.push({ date: e.businessDate ?? this.dayOf({ created: e.recordedAt, metadata: {} }), text, position: e.position });
    }
    return out;
  }

  /** A mentorship's facts; when the package starts after its first events (a period), they are read from its stream. */
  private async factsOf(cache: Map<string, MentorshipFacts>, id: string, revision: number): Promise<MentorshipFacts> {
    let f = cache.get(id);
    if (f) return f;
    f = { menteeIds: [], activities: new Map() };
    cache.set(id, f);
    if (revision > 0) {
      for (const e of await this.store.readStream(`mentorship-${id}`)) {
        if (e.revision >= revision) break;
        learnFacts(f, e.type, (e.data ?? {}) as Record<string, unknown>);
      }
    }
    return f;
  }

  private dayOf(e: { created: string; metadata: { businessDate?: string } }): string {
    return e.metadata.businessDate ?? businessDateOf(new Date(e.created), this.config.timeZone);
  }
}
