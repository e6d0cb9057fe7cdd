import { Controller, Get } from '@nestjs/common';
import { lifecycleGraph } from './lifecycle.graph';

/** `GET /api/lifecycle`: states and transitions of the mentorship machine, for the diagram. */
@Controller('lifecycle')
export class LifecycleController {
  private readonly graph = lifecycleGraph();

  @Get()
  get() {
    return this.graph;
  }
}
