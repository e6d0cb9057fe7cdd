import { Module, type DynamicModule } from '@nestjs/common';
import { InlineProjectionService } from './inline-projection.service';
import { DEFAULT_PROJECTIONS, PROJECTIONS_OPTIONS, type ProjectionsOptions } from './projections.config';
import { BanksQuery } from './queries/banks.query';
import { PairingSuggestionsQuery } from './queries/pairing-suggestions.query';
import { DeadlinesQuery } from './queries/deadlines.query';
import { MentorLoadQuery } from './queries/mentor-load.query';
import { MentorshipListQuery } from './queries/mentorship-list.query';
import { PublicSectionQuery } from './queries/public-section.query';
import { ReadModels } from './read-models';

const QUERIES = [MentorshipListQuery, MentorLoadQuery, DeadlinesQuery, BanksQuery, PublicSectionQuery, PairingSuggestionsQuery];

/** The read side: the read-model database, the projector (inline unless `off`) and the queries. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: Partial<ProjectionsOptions> = {}): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [{ provide: PROJECTIONS_OPTIONS, useValue: { ...DEFAULT_PROJECTIONS, ...options } }, ReadModels, InlineProjectionService, ...QUERIES],
      exports: [ReadModels, ...QUERIES],
    };
  }
}
