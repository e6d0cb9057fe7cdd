import { Controller, Get, UseGuards } from '@nestjs/common';
import { Public } from '#libs/auth';
import { activeGeneration, ReadModels } from '#libs/projections';
import { OperatorAccessGuard } from '../../operations/operator-access.guard';

/** Projection lag: how far each projection's checkpoint is behind the log; for the operator, like the metrics. */
@Controller('health')
@Public()
@UseGuards(OperatorAccessGuard)
export class ProjectionsHealthController {
  constructor(private readonly rm: ReadModels) {}

  @Get('projections')
  async projections() {
    const lag = await this.rm.status.lag();
    return {
      status: lag.every((l) => l.behind === 0) ? 'ok' : 'catching-up',
      mode: this.rm.options.mode,
      generation: activeGeneration(this.rm.db),
      projections: lag,
    };
  }
}
