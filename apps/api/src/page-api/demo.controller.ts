import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CurrentActor } from '#libs/auth';
import { EVENT_STORE, positionToString, type EventStore } from '#libs/event-store';
import { ReadModels } from '#libs/projections';
import { StaffedOrganisations } from '#libs/people';
import type { Actor } from '#core/people';
import { DomainError, streamId } from '#core/shared';
import { loadDemo, organisationNotEmpty } from '#libs/demo';

/**
 * The sample kindergarten of `npm run demo`, loaded from the web page by the administrator of an
 * empty organisation into that organisation, so a newcomer can try every role without a terminal.
 * Same loader, same commands.
 */
@Controller('demo')
export class DemoController {
  /** Organisations whose demo is being loaded now. */
  private readonly loading = new Set<string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore, private readonly moduleRef: ModuleRef, private readonly rm: ReadModels,
    private readonly staffed: StaffedOrganisations,
  ) {}

  @Get()
  async status(@CurrentActor() actor: Actor) {
    return { available: actor.roles.includes('admin') && !this.loading.has(actor.orgId) && !(await this.staffed.has(actor.orgId)) };
  }

  @Post()
  @HttpCode(201)
  async load(@CurrentActor() actor: Actor) {
    if (!actor.roles.includes('admin')) {
      throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message: 'Демонстрационные данные загружает администратор.' });
    }
    if (this.loading.has(actor.orgId)) throw organisationNotEmpty();
    this.loading.add(actor.orgId);
    try {
      // The loader resolves the command bus and settings app-wide, as the CLI's application context does.
      const app: Parameters<typeof loadDemo>[0] = { get: (token: string | symbol | (abstract new (...args: never[]) => unknown)) => this.moduleRef.get(token, { strict: false }) };
      const loaded = await loadDemo(app, () => undefined, actor.orgId);
      const last = (await this.store.readStream(streamId('mentorship', loaded.mentorshipIds[loaded.mentorshipIds.length - 1]))).pop();
      const freshness = await this.rm.status.waitFor(last?.position, this.rm.options.waitMs);
      return { ...loaded, position: last ? positionToString(last.position) : null, stale: freshness.stale };
    } finally {
      this.loading.delete(actor.orgId);
    }
  }
}
