import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../../libs/event-store/src/event-store.port';
import { Public } from '../../../../libs/auth/src/current-actor.decorator';

@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready only while the event store answers. */
  @Get('ready')
  async ready() {
    if (!(await this.store.ping())) throw new ServiceUnavailableException();
    return { status: 'ok', store: 'reachable' };
  }
}
