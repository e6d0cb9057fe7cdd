import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EVENT_STORE, START, type EventStore, type LogPosition } from '#libs/event-store';
import { businessDateOf, streamId, type Refusal } from '#core/shared';
import { type Actor, ERASED } from '#core/people';
import {
  authorizeAccounts, decideAccountCommand, decideCreateAccount, foldAccount, personStopsAccount, tokenExpiresAt, tokenRefusal,
  type AccountCommand, type AccountState, type CreateUserBody, type DisableReason,
} from '#core/accounts';
import {
  APP_CONFIG, CLOCK, CONFIG, readCommandStream, StreamCommands, uuidFromName, type AppConfig, type Clock, type CommandContext, type CommandOutcome, type Config,
} from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import { ORGANISATION_DISABLED } from '#core/region';
import { AccountIndex, accountEventOf, type IndexedAccount } from './account-index';
import { OrganisationStanding } from './organisation-standing';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
/** A new bearer token: shown once to its holder, stored only as `hashToken` of it. */
export const newToken = (): string => `mt_${randomBytes(32).toString('base64url')}`;

/**
 * How stale this process's view of a known account may be when its token is used: past this, the
 * account's stream (and its person's) is read again before the answer. A token disabled, replaced or
 * stopped by its person's withdrawal in another process sharing the store is refused here within it.
 */
export const ACCOUNT_RECHECK_MS = 1000;

/** Tokens of known accounts whose hash is remembered (a hash is the token's, forever: nothing to invalidate). */
const HASHES_KEPT = 4096;

/** An account as the administrator's list shows it: state, why disabled, until when the token works. */
export interface AccountView {
  userId: string;
  name: string;
  roles: AccountState['roles'];
  personId: string | null;
  /** An account above organisations: its role and territory there; null for an organisation's account. */
  region: AccountState['region'] | null;
  state: 'active' | 'disabled';
  disabledReason: DisableReason | null;
  disabledAt: string | null;
  tokenIssuedAt: string;
  tokenExpiresAt: string | null;
  /** The day the token stops working in the organisation's zone (`YYYY-MM-DD`), or null: never. */
  tokenExpiresOn: string | null;
  tokenExpired: boolean;
}

export type Authentication = { actor: Actor } | { refusal: Refusal };

/**
 * Accounts and bearer tokens. Tokens are random 256-bit strings shown once; only their SHA-256 is
 * stored (in the event log), so the log never holds a usable credential. The index is rebuilt from
 * `user-` streams and topped up on a miss; a known account is read again when its view is older than
 * ACCOUNT_RECHECK_MS, and at once after a command of this process, so several API instances stay in step.
 */
@Injectable()
export class UsersService {
  private readonly index = new AccountIndex();
  private position: LogPosition = START;
  private lastCatchUp = 0;
  private inFlight?: Promise<void>;
  private readonly rechecks = new Map<string, Promise<void>>();
  private readonly adminTokenHash?: Buffer;
  private readonly standing: OrganisationStanding;
  /**
   * Token → its SHA-256, for tokens that named a known account: the hash is the token's forever, so
   * this never goes stale; whether the account still takes it (disabled, rotated, expired, its person)
   * is decided on every request from the account's current state. Unknown tokens are never kept.
   */
  private readonly hashes = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: StreamCommands,
    private readonly people: PeopleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) settings: Config,
  ) {
    // Its strength was checked with the rest of the configuration, before the process opened anything.
    if (settings.ADMIN_TOKEN) this.adminTokenHash = Buffer.from(hashToken(settings.ADMIN_TOKEN), 'hex');
    this.standing = new OrganisationStanding(store, ACCOUNT_RECHECK_MS);
  }

  /** An account this process has just written: known from the next request on, whatever the catch-up's pace. */
  learnAccount(userId: string): Promise<void> {
    return this.recheck(userId);
  }

  /** An organisation this process has just disabled or enabled: its accounts answer accordingly from the next request on. */
  learnOrganisation(orgId: string): void {
    this.standing.forget(orgId);
  }

  /** Unknown tokens (typos, attacks) must not each trigger a read of the log: one catch-up per second at most. */
  private catchUpAtMostEverySecond(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (performance.now() - this.lastCatchUp < 1000 && this.lastCatchUp > 0) return Promise.resolve();
    this.lastCatchUp = performance.now();
    this.inFlight = this.catchUp().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, streamPrefixes: ['user-'], maxCount: 1000 });
      for (const e of batch) {
        this.index.apply(e);
        this.position = e.position;
      }
      if (batch.length < 1000) return;
    }
  }

  /** Reads the account's stream after what is known, and its person's standing; one read at a time per account. */
  private recheck(userId: string): Promise<void> {
    const running = this.rechecks.get(userId);
    if (running) return running;
    const run = (async () => {
      const known = this.index.get(userId);
      for (const e of await this.store.readStream(streamId('user', userId), (known?.revision ?? -1) + 1)) this.index.apply(e);
      const account = this.index.get(userId);
      if (!account) return;
      account.personStops = await this.personStops(account.state);
      account.checkedAt = performance.now();
    })().finally(() => this.rechecks.delete(userId));
    this.rechecks.set(userId, run);
    return run;
  }

  private async personStops(account: Pick<AccountState, 'personId' | 'orgId'> | undefined): Promise<DisableReason | null> {
    if (!account?.personId) return null;
    return personStopsAccount((await this.people.person(account.personId, account.orgId)).state);
  }

  private async fresh(account: IndexedAccount): Promise<IndexedAccount> {
    if (performance.now() - account.checkedAt >= ACCOUNT_RECHECK_MS || account.checkedAt === 0) await this.recheck(account.state.userId);
    return this.index.get(account.state.userId)!;
  }

  /** This process learnt that a person may no longer be processed: their accounts stop now, before any write. */
  stopAccountsOf(personId: string, reason: DisableReason): void {
    for (const a of this.index.all()) if (a.state.personId === personId) a.personStops = reason;
  }

  /** After a person's key is destroyed: their accounts' names, already decrypted in memory, read as erased too. */
  forgetNamesOf(personId: string): void {
    for (const { state } of this.index.all()) {
      if (state.personId !== personId) continue;
      state.name = ERASED;
      delete state.email;
    }
  }

  /** The accounts of one organisation that still work, up to date with the log (reminders find their recipients here). */
  async accountsOf(orgId: string): Promise<readonly AccountState[]> {
    await this.catchUp();
    return [...this.index.all()].filter((a) => a.state.orgId === orgId && !a.state.disabled && !a.personStops).map((a) => a.state);
  }

  async authenticate(token: string): Promise<Authentication> {
    const remembered = this.hashes.get(token);
    const hash = remembered ?? hashToken(token);
    if (!remembered && this.adminTokenHash && timingSafeEqual(Buffer.from(hash, 'hex'), this.adminTokenHash)) {
      // The install's operator: the first organisation's administrator, and the system administrator of the region.
      return { actor: { userId: 'admin', orgId: this.config.defaultOrgId, roles: ['admin'], region: { role: 'system-admin' } } };
    }
    if (!this.index.byTokenHash(hash)) await this.catchUpAtMostEverySecond();
    const known = this.index.byTokenHash(hash);
    if (!known) return { refusal: { kind: 'unauthenticated', code: 'unauthenticated', message: 'Токен не распознан. Войдите заново.' } };
    if (!remembered) this.remember(token, hash);
    const account = await this.fresh(known);
    const refusal = tokenRefusal(account.state, { tokenHash: hash, now: this.clock.now().toISOString(), ttlDays: this.config.tokenTtlDays, personStops: account.personStops });
    if (refusal) return { refusal };
    const u = account.state;
    if (await this.standing.disabled(u.orgId)) return { refusal: { ...ORGANISATION_DISABLED } };
    return { actor: { userId: u.userId, orgId: u.orgId, roles: u.roles, personId: u.personId, ...(u.region ? { region: u.region } : {}) } };
  }

  private remember(token: string, hash: string): void {
    if (this.hashes.size >= HASHES_KEPT) this.hashes.clear();
    this.hashes.set(token, hash);
  }

  /** The account name for an actor id in the log (for history views); undefined for system actors. */
  async nameOf(userId: string): Promise<string | undefined> {
    if (userId === 'admin') return 'Администратор (ADMIN_TOKEN)';
    if (!this.index.get(userId)) await this.catchUp();
    return this.index.get(userId)?.state.name;
  }

  /** The organisation's accounts for its administrator, newest state of each (another organisation's never). */
  async list(actor: Actor): Promise<AccountView[]> {
    authorizeAccounts(actor);
    await this.catchUp();
    const own = [...this.index.all()].filter((a) => a.state.orgId === actor.orgId);
    const fresh = await Promise.all(own.map((a) => this.fresh(a)));
    return fresh.map((a) => this.view(a)).sort((x, y) => x.name.localeCompare(y.name, 'ru') || x.userId.localeCompare(y.userId));
  }

  private view({ state, personStops }: IndexedAccount): AccountView {
    const expiresAt = tokenExpiresAt(state.tokenIssuedAt, this.config.tokenTtlDays);
    // Destruction outranks what was recorded at the withdrawal before it: the list says the stronger reason.
    const reason = personStops === 'personal-data-destroyed' ? personStops : state.disabled?.reason ?? personStops;
    return {
      userId: state.userId, name: state.name, roles: state.roles, personId: state.personId ?? null, region: state.region ?? null,
      state: reason ? 'disabled' : 'active', disabledReason: reason, disabledAt: state.disabled?.at ?? null,
      tokenIssuedAt: state.tokenIssuedAt, tokenExpiresAt: expiresAt,
      tokenExpiresOn: expiresAt === null ? null : businessDateOf(new Date(expiresAt), this.config.timeZone),
      tokenExpired: expiresAt !== null && this.clock.now().toISOString() >= expiresAt,
    };
  }

  private async viewOf(userId: string): Promise<AccountView> {
    await this.recheck(userId);
    return this.view(this.index.get(userId)!);
  }

  async create(body: CreateUserBody, by: Actor, commandId = randomUUID()): Promise<{ id: string; token: string }> {
    const token = newToken();
    const userId = randomUUID();
    const stream = streamId('user', userId);
    const ctx = { actor: by, commandId, correlationId: commandId, requestHash: '', idempotent: false };
    await this.commands.handle({
      stream, ctx, onConflict: 'refuse',
      load: () => readCommandStream(this.store, stream, () => undefined),
      decide: async () => {
        const p = body.personId ? (await this.people.person(body.personId, by.orgId)).state : undefined;
        const person = body.personId ? { exists: !!p, stops: personStopsAccount(p) } : undefined;
        return { events: decideCreateAccount(body, { actor: by, userId, tokenHash: hashToken(token), now: this.clock.now().toISOString(), person }), role: 'admin' };
      },
    });
    await this.recheck(userId);
    return { id: userId, token };
  }

  /** One command on an existing account through the one command path; this process sees its result at once. */
  private async run(userId: string, ctx: CommandContext, command: AccountCommand, role: string): Promise<CommandOutcome> {
    const stream = streamId('user', userId);
    const outcome = await this.commands.handle({
      stream, ctx, onConflict: 'refuse',
      load: () => readCommandStream(this.store, stream, (events) => foldAccount(events.map(accountEventOf))),
      decide: async (current) => {
        const personStops = await this.personStops(current.state);
        const events = decideAccountCommand(command, current.state, { actor: ctx.actor, now: this.clock.now().toISOString(), personStops });
        if (events.length === 0) throw new NothingToWrite();
        return { events, role };
      },
    });
    await this.recheck(userId);
    return outcome;
  }

  async disable(userId: string, ctx: CommandContext): Promise<AccountView & { revision: number }> {
    const { revision } = await this.run(userId, ctx, { type: 'DisableAccount' }, 'admin');
    return { ...(await this.viewOf(userId)), revision };
  }

  async enable(userId: string, ctx: CommandContext): Promise<AccountView & { revision: number }> {
    const { revision } = await this.run(userId, ctx, { type: 'EnableAccount' }, 'admin');
    return { ...(await this.viewOf(userId)), revision };
  }

  /**
   * A new token, shown once; the old one stops at once. Never answered from a retry (a retry could not
   * show the token again), so every call is a new command.
   */
  async rotate(userId: string, by: Actor, correlationId?: string): Promise<{ id: string; token: string; tokenExpiresAt: string | null; tokenExpiresOn: string | null }> {
    const token = newToken();
    const commandId = randomUUID();
    const ctx = { actor: by, commandId, correlationId: correlationId ?? commandId, requestHash: '', idempotent: false };
    await this.run(userId, ctx, { type: 'RotateToken', tokenHash: hashToken(token) }, 'admin');
    const view = await this.viewOf(userId);
    return { id: userId, token, tokenExpiresAt: view.tokenExpiresAt, tokenExpiresOn: view.tokenExpiresOn };
  }

  /**
   * The app's reaction to a person's withdrawal or destruction: each of their active accounts gets an
   * `AccountDisabled`. The command id derives from the person's event, so every process and every
   * restart that runs it for the same event writes it once. Returns how many accounts it disabled.
   */
  async disableAccountsOf(personId: string): Promise<number> {
    await this.catchUp();
    const linked = [...this.index.all()].filter((a) => a.state.personId === personId);
    let disabled = 0;
    for (const orgId of new Set(linked.map((a) => a.state.orgId))) {
      const person = await this.people.person(personId, orgId);
      const reason = personStopsAccount(person.state);
      if (!reason || reason === 'by-admin') continue;
      const cause = [...person.events].reverse().find((e) => e.type === 'PersonalDataDestroyed' || e.type === 'PersonalDataConsentWithdrawn');
      for (const account of linked.filter((a) => a.state.orgId === orgId)) {
        account.personStops = reason;
        if (account.state.disabled) continue;
        const commandId = uuidFromName(`account-stopped-by-person:${cause?.id ?? personId}:${account.state.userId}`);
        const ctx: CommandContext = {
          actor: { userId: 'system', orgId, roles: [] }, commandId, correlationId: cause?.metadata.correlationId ?? commandId, requestHash: '', idempotent: true,
        };
        try {
          if (!(await this.run(account.state.userId, ctx, { type: 'DisableForPerson', reason }, 'system')).replayed) disabled++;
        } catch (error) {
          if (!(error instanceof NothingToWrite)) throw error;
        }
      }
    }
    return disabled;
  }

  /** People with a linked account not disabled yet whose data may no longer be processed (a crash between the two writes). */
  async peopleToStop(): Promise<string[]> {
    await this.catchUp();
    const found = new Set<string>();
    for (const a of [...this.index.all()].filter((x) => x.state.personId && !x.state.disabled)) {
      if (await this.personStops(a.state)) found.add(a.state.personId!);
    }
    return [...found];
  }

  /**
   * With no ADMIN_TOKEN and an empty store, the first start makes an administrator and returns
   * the token once, for the operator to copy; later starts find the account and return nothing.
   */
  async bootstrapAdmin(): Promise<string | null> {
    if (this.adminTokenHash) return null;
    const any = await this.store.readAll({ maxCount: 1 });
    if (any.length > 0) return null;
    const system: Actor = { userId: 'system', orgId: this.config.defaultOrgId, roles: ['admin'] };
    return (await this.create({ name: 'Администратор', roles: ['admin'] }, system)).token;
  }
}

class NothingToWrite extends Error {}

