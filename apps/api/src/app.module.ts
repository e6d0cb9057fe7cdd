import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../../../libs/audit/src/audit.module';
import type { IntegrityOptions } from '../../../libs/audit/src/integrity/integrity.config';
import { AuthModule } from '../../../libs/auth/src/auth.module';
import { InfrastructureModule, WorkflowModule, type InfrastructureOptions } from '../../../libs/workflow/src';
import { ProjectionsModule } from '../../../libs/projections/src/projections.module';
import type { ProjectionsOptions } from '../../../libs/projections/src/projections.config';
import { ReportsModule } from '../../../libs/reports/src/reports.module';
import { HealthController } from './http/health.controller';
import { MentorshipsController } from './http/mentorships.controller';
import { OpenApiController } from './http/openapi.controller';
import { PeopleController } from './http/people.controller';
import { ProblemFilter } from './http/problem.filter';
import { QUERY_CONTROLLERS } from './http/queries';
import { UsersController } from './http/users.controller';
import { WebModule } from './web/web.module';
import { OperationsModule } from './operations/operations.module';
import { ProgramsModule } from '../../../libs/programs/src/programs.module';
import { ProgramsController } from './http/programs.controller';
import { ProgramsPublicController } from './http/programs-public.controller';
import { RemindersModule } from '../../../libs/reminders/src/reminders.module';
import type { RemindersOptions } from '../../../libs/reminders/src/reminders.config';
import { RemindersController } from './http/reminders.controller';
import { DocumentsModule } from '../../../libs/documents/src/documents.module';
import { DocumentsController } from './http/documents.controller';
import { OrganisationModule } from '../../../libs/organisation/src/organisation.module';
import { RoadmapController } from './http/roadmap.controller';
import { SurveysController } from './http/surveys.controller';
import { SuggestionsController } from './http/suggestions.controller';

/** `projections`: read-model file and whether this process projects (default: in memory, inline). */
export type AppOptions = InfrastructureOptions & { projections?: Partial<ProjectionsOptions>; reminders?: Partial<RemindersOptions>; audit?: Partial<IntegrityOptions> };

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(options), AuthModule, WorkflowModule, ProjectionsModule.forRoot(options.projections), ReportsModule, AuditModule.forRoot(options.audit), WebModule, OperationsModule, ProgramsModule, RemindersModule.forRoot(options.reminders), DocumentsModule.forRoot(), OrganisationModule],
      controllers: [MentorshipsController, PeopleController, UsersController, HealthController, OpenApiController, ...QUERY_CONTROLLERS, ProgramsController, ProgramsPublicController, RemindersController, DocumentsController, RoadmapController, SurveysController, SuggestionsController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
