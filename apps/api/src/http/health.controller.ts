import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { Public } from '#libs/auth';
import { DomainError } from '#core/shared';
import { ProjectionLagMonitor } from '../operations/projection-lag.monitor';

@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly lag: ProjectionLagMonitor) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready only while the event store answers and the read models are not far behind it (`READY_MAX_PROJECTION_LAG_SECONDS`). */
  @Get('ready')
  async ready() {
    if (!(await this.store.ping())) throw new ServiceUnavailableException();
    const behind = await this.lag.notReadyBecause();
    if (behind) throw new DomainError({ kind: 'unavailable', code: 'projections-behind', message: behind });
    return { status: 'ok', store: 'reachable' };
  }
}
