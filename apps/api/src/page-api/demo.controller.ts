import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CurrentActor } from '#libs/auth';
import { EVENT_STORE, positionToString, type EventStore } from '#libs/event-store';
import { ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { DomainError, streamId } from '#core/shared';
import { loadDemo } from '#libs/demo';

/**
 * The sample kindergarten of `npm run demo`, loaded from the web page by the administrator of an
 * empty store, so a newcomer can try every role without a terminal. Same loader, same commands.
 */
@Controller('demo')
export class DemoController {
  private loading = false;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly moduleRef: ModuleRef, private readonly rm: ReadModels) {}

  private async empty(): Promise<boolean> {
    return (await this.store.readAll({ maxCount: 1, streamPrefixes: ['person-', 'mentorship-'] })).length === 0;
  }

  @Get()
  async status(@CurrentActor() actor: Actor) {
    return { available: actor.roles.includes('admin') && !this.loading && (await this.empty()) };
  }

  @Post()
  @HttpCode(201)
  async load(@CurrentActor() actor: Actor) {
    if (!actor.roles.includes('admin')) {
      throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message: 'Демонстрационные данные загружает администратор.' });
    }
    if (this.loading || !(await this.empty())) {
      throw new DomainError({ kind: 'state', code: 'store-not-empty', message: 'В хранилище уже есть сотрудники или наставничества; демонстрационные данные загружаются только в пустое.' });
    }
    this.loading = true;
    try {
      // The loader resolves the command bus and settings app-wide, as the CLI's application context does.
      const loaded = await loadDemo({ get: (token: string | symbol | (abstract new (...args: never[]) => unknown)) => this.moduleRef.get(token, { strict: false }) }, () => undefined);
      const last = (await this.store.readStream(streamId('mentorship', loaded.mentorshipIds[loaded.mentorshipIds.length - 1]))).pop();
      const freshness = await this.rm.status.waitFor(last?.position, this.rm.options.waitMs);
      return { ...loaded, position: last ? positionToString(last.position) : null, stale: freshness.stale };
    } finally {
      this.loading = false;
    }
  }
}
