import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { ROLE_TITLES, type Actor } from '#core/people';
import { DomainError } from '#core/shared';
import { UsersService } from '#libs/auth';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, parseBody } from '#libs/kernel';
import { OrganisationReader } from '#libs/organisation';
import type { PrintedOrganisation } from '#core/organisation';
import { verifyChains } from './chain-verifier';
import { INTEGRITY_OPTIONS, type IntegrityOptions } from './integrity.config';
import type { HeadAnchor, VerificationResult } from './verification.result';
import { verificationStatementHtml } from './verification-statement.html';
import { WITNESSING, type Witnessing } from './witnessing';
import type { Publication } from './checkpoint-publisher';

const READERS = ['auditor', 'head', 'curator', 'methodist', 'admin'];

/** `?count=N&head=H`: the head an earlier statement printed after N events. */
const anchorQuery = z
  .strictObject({
    count: z.coerce.number().int().positive().optional().describe('Число событий из прежнего акта'),
    head: z.string().regex(/^[0-9a-fA-F]{64}$/, 'контрольная сумма — 64 шестнадцатеричных знака').optional().describe('Контрольная сумма из прежнего акта'),
  })
  .refine((q) => (q.count === undefined) === (q.head === undefined), { message: 'Укажите из прежнего акта и число событий, и контрольную сумму, или ни того, ни другого' });

/** Verification of the caller's organisation, for the API and the audit package. */
@Injectable()
export class IntegrityService {
  /** One walk at a time per question: an impatient auditor's second click waits for the first. */
  private readonly running = new Map<string, Promise<VerificationResult>>();

  constructor(
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INTEGRITY_OPTIONS) private readonly options: IntegrityOptions,
    @Inject(WITNESSING) private readonly witnessing: Witnessing,
    private readonly users: UsersService,
    private readonly organisations: OrganisationReader,
  ) {}

  /** The caller's organisation as today's statements and packages print it. */
  organisation(actor: Actor): Promise<PrintedOrganisation> {
    return this.organisations.printed(actor.orgId);
  }

  authorize(actor: Actor): void {
    if (actor.roles.some((r) => READERS.includes(r))) return;
    throw new DomainError({
      kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §3.4',
      message: 'Проверка целостности журнала доступна заведующему, куратору, методическому совету, аудитору и администратору.',
    });
  }

  parseAnchors(query: Record<string, unknown>): HeadAnchor[] {
    const { count, head } = parseBody(anchorQuery, { count: query.count, head: query.head });
    return count !== undefined && head !== undefined ? [{ count, head: head.toLowerCase() }] : [];
  }

  verify(actor: Actor, anchors: HeadAnchor[] = []): Promise<VerificationResult> {
    this.authorize(actor);
    const key = `${actor.orgId}\n${anchors.map((a) => `${a.count}:${a.head}`).join(',')}`;
    const running = this.running.get(key);
    if (running) return running;
    const run = this.witnessing
      .witnessInput(actor.orgId)
      .then((witness) => verifyChains(this.store, { orgId: actor.orgId, anchors, witness, timeZone: this.config.timeZone, now: () => this.clock.now() }))
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /**
   * The printable statement: a checkpoint of the log as it stands is signed and sent to the witness
   * first, so the statement is checked against a checkpoint the witness cosigned at that moment.
   */
  async statement(actor: Actor, anchors: HeadAnchor[] = []): Promise<{ html: string; result: VerificationResult }> {
    this.authorize(actor);
    await this.checkpointNow(actor.orgId);
    const result = await this.verify(actor, anchors);
    return { result, html: verificationStatementHtml(result, { orgId: actor.orgId, organisation: await this.organisation(actor), timeZone: this.config.timeZone, checkedBy: await this.checkedBy(actor), anchors }) };
  }

  /** A checkpoint signed now and sent to the witness; what became of it (a refusal is also logged by the publisher). */
  async checkpointNow(orgId: string): Promise<Publication | undefined> {
    try {
      return await this.witnessing.publisher?.checkpointNow(orgId);
    } catch {
      return undefined;
    }
  }

  async checkedBy(actor: Actor): Promise<string> {
    const role = actor.roles.filter((r) => READERS.includes(r)).map((r) => ROLE_TITLES[r]).join(', ');
    return `${(await this.users.nameOf(actor.userId)) ?? actor.userId} (${role})`;
  }
}
