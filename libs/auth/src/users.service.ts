import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EVENT_STORE, START, type EventStore, type LogPosition } from '#libs/event-store';
import { streamId } from '#core/shared';
import { type Actor, ERASED } from '#core/people';
import { decideCreateAccount, userCreated, type CreateUserBody, type UserCreated } from '#core/accounts';
import { APP_CONFIG, CONFIG, readCommandStream, StreamCommands, type AppConfig, type Config } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = (): string => `mt_${randomBytes(32).toString('base64url')}`;

/**
 * Accounts and bearer tokens. Tokens are random 256-bit strings shown once; only their SHA-256
 * is stored (in the event log), so the log never holds a usable credential. The index is
 * rebuilt from `user-` streams and topped up on a miss, so several API instances stay in step.
 */
@Injectable()
export class UsersService {
  private readonly byHash = new Map<string, UserCreated>();
  private readonly byId = new Map<string, UserCreated>();
  private position: LogPosition = START;
  private lastCatchUp = 0;
  private inFlight?: Promise<void>;
  private readonly adminTokenHash?: Buffer;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: StreamCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleRepository,
    @Inject(CONFIG) settings: Config,
  ) {
    if (settings.ADMIN_TOKEN) this.adminTokenHash = Buffer.from(hashToken(settings.ADMIN_TOKEN), 'hex');
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
        if (e.type === 'UserCreated') {
          const u = userCreated.parse(e.data);
          this.byHash.set(u.tokenHash, u);
          this.byId.set(u.userId, u);
        }
        this.position = e.position;
      }
      if (batch.length < 1000) return;
    }
  }

  /** After a person's key is destroyed: their accounts' names, already decrypted in memory, read as erased too. */
  forgetNamesOf(personId: string): void {
    for (const u of this.byId.values()) {
      if (u.personId !== personId) continue;
      u.name = ERASED;
      delete u.email;
    }
  }

  /** The accounts of one organisation, up to date with the log (reminders find their recipients here). */
  async accountsOf(orgId: string): Promise<readonly UserCreated[]> {
    await this.catchUp();
    return [...this.byId.values()].filter((u) => u.orgId === orgId);
  }

  async authenticate(token: string): Promise<Actor | null> {
    const hash = hashToken(token);
    if (this.adminTokenHash && timingSafeEqual(Buffer.from(hash, 'hex'), this.adminTokenHash)) {
      return { userId: 'admin', orgId: this.config.defaultOrgId, roles: ['admin'] };
    }
    if (!this.byHash.has(hash)) await this.catchUpAtMostEverySecond();
    const u = this.byHash.get(hash);
    return u ? { userId: u.userId, orgId: u.orgId, roles: u.roles, personId: u.personId } : null;
  }

  /** The account name for an actor id in the log (for history views); undefined for system actors. */
  async nameOf(userId: string): Promise<string | undefined> {
    if (userId === 'admin') return 'Администратор (ADMIN_TOKEN)';
    if (!this.byId.has(userId)) await this.catchUp();
    return this.byId.get(userId)?.name;
  }

  async create(body: CreateUserBody, by: Actor, commandId = randomUUID()): Promise<{ id: string; token: string }> {
    const token = newToken();
    const userId = randomUUID();
    const stream = streamId('user', userId);
    const ctx = { actor: by, commandId, correlationId: commandId, requestHash: '', idempotent: false };
    let created: UserCreated | undefined;
    await this.commands.handle({
      stream, ctx, onConflict: 'refuse',
      load: () => readCommandStream(this.store, stream, () => undefined),
      decide: async () => {
        const p = body.personId ? (await this.people.person(body.personId, by.orgId)).state : undefined;
        const person = body.personId ? { exists: !!p, erased: !!p?.personalDataDestroyed, consentWithdrawn: !!p?.consentWithdrawn } : undefined;
        const events = decideCreateAccount(body, { actor: by, userId, tokenHash: hashToken(token), person });
        created = events[0].data;
        return { events, role: 'admin' };
      },
    });
    this.byHash.set(created!.tokenHash, created!);
    this.byId.set(userId, created!);
    return { id: userId, token };
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
