import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import {
  decideCreateCoordinator, decideRegisterMunicipality, requireSystemAdmin, SYSTEM_ORG_ID, decideRegisterOrganisation, decideRegisterRegion, decideRegistryCommand,
  type CreateCoordinatorBody, type RegisterMunicipalityBody, type RegisterOrganisationBody, type RegisterRegionBody, type RegistryCommand,
} from '#core/region';
import { streamId } from '#core/shared';
import { hashToken, newToken, UsersService } from '#libs/auth';
import { APP_CONFIG, CLOCK, StreamCommands, type AppConfig, type Clock, type CommandContext, type CommandOutcome } from '#libs/kernel';
import { loadRegion, loadRegistry, regionStream, registryStream } from './region.streams';

const ROLE = 'system-admin';

/** The system administrator's commands: regions, municipalities, organisations and coordinators' accounts, each through the one command path. */
@Injectable()
export class RegionCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: StreamCommands,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  registerRegion(body: RegisterRegionBody, ctx: CommandContext): Promise<CommandOutcome> {
    const stream = regionStream(body.regionId);
    return this.commands.handle({
      stream, ctx, onConflict: 'refuse',
      load: () => loadRegion(this.store, body.regionId),
      decide: (current) => ({ events: decideRegisterRegion(body, current.state, { actor: ctx.actor, today: this.commands.today() }), role: ROLE }),
    });
  }

  registerMunicipality(regionId: string, body: RegisterMunicipalityBody, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commands.handle({
      stream: regionStream(regionId), ctx, onConflict: 'decide-again',
      load: () => loadRegion(this.store, regionId),
      decide: (current) => ({ events: decideRegisterMunicipality(body, current.state, { actor: ctx.actor, today: this.commands.today() }), role: ROLE }),
    });
  }

  /**
   * The organisation's entry, then its details and its first administrator's account, as one command: the
   * events carry the new organisation's id (its chain and its exports hold its own creation). The token is
   * shown once; a retry with the same Idempotency-Key writes nothing and shows no token.
   */
  async registerOrganisation(body: RegisterOrganisationBody, ctx: CommandContext): Promise<CommandOutcome & { administrator: { id: string; token: string } | null }> {
    const token = newToken();
    const userId = randomUUID();
    const own: CommandContext = { ...ctx, actor: { ...ctx.actor, orgId: body.orgId } };
    const outcome = await this.commands.handle({
      stream: registryStream(body.orgId), ctx: own, onConflict: 'refuse',
      load: () => loadRegistry(this.store, body.orgId),
      decide: async (current) => {
        const region = (await loadRegion(this.store, body.regionId)).state;
        const r = decideRegisterOrganisation(body, current.state, region, {
          actor: ctx.actor, today: this.commands.today(), now: this.clock.now().toISOString(), configuredOrgId: this.config.defaultOrgId,
          administrator: { userId, tokenHash: hashToken(token) },
        });
        return {
          events: r.registry, role: ROLE,
          after: [
            ...(r.details.length ? [{ stream: streamId('organisation', body.orgId), events: r.details, expected: 'any' as const }] : []),
            ...(r.account.length ? [{ stream: streamId('user', userId), events: r.account, expected: 'no_stream' as const }] : []),
          ],
        };
      },
    });
    if (outcome.replayed || !body.administrator) return { ...outcome, administrator: null };
    await this.users.learnAccount(userId);
    return { ...outcome, administrator: { id: userId, token } };
  }

  async registry(orgId: string, command: RegistryCommand, ctx: CommandContext): Promise<CommandOutcome> {
    const own: CommandContext = { ...ctx, actor: { ...ctx.actor, orgId } };
    const outcome = await this.commands.handle({
      stream: registryStream(orgId), ctx: own, onConflict: 'refuse',
      load: () => loadRegistry(this.store, orgId),
      decide: (current) => ({ events: decideRegistryCommand(command, current.state, { actor: ctx.actor, today: this.commands.today() }), role: ROLE }),
    });
    this.users.learnOrganisation(orgId);
    return outcome;
  }

  /**
   * Disables or enables a coordinator's account: the account commands of the one command path, decided
   * for the accounts above organisations (which the system administrator manages as an organisation's
   * administrator manages its own).
   */
  coordinatorAccount(userId: string, action: 'disable' | 'enable', ctx: CommandContext) {
    requireSystemAdmin(ctx.actor, 'Учётные записи координаторов ведёт');
    const above: CommandContext = { ...ctx, actor: { ...ctx.actor, orgId: SYSTEM_ORG_ID, roles: ['admin'] } };
    return action === 'disable' ? this.users.disable(userId, above) : this.users.enable(userId, above);
  }

  /** A coordinator's account in `user-<id>`; its token is shown once. */
  async createCoordinator(body: CreateCoordinatorBody, ctx: CommandContext): Promise<{ id: string; token: string }> {
    const token = newToken();
    const userId = randomUUID();
    const stream = streamId('user', userId);
    await this.commands.handle({
      stream, ctx: { ...ctx, idempotent: false }, onConflict: 'refuse',
      load: async () => ({ revision: -1, state: undefined, commands: new Map() }),
      decide: async () => {
        const region = (await loadRegion(this.store, body.regionId)).state;
        return { events: decideCreateCoordinator(body, region, { actor: ctx.actor, now: this.clock.now().toISOString(), userId, tokenHash: hashToken(token) }), role: ROLE };
      },
    });
    await this.users.learnAccount(userId);
    return { id: userId, token };
  }
}
