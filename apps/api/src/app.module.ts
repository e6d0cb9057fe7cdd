import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule, type IntegrityOptions } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { KernelModule, type KernelOptions } from '#libs/kernel';
import { MentorshipsModule } from '#libs/mentorships';
import { ProjectionsModule, type ProjectionsOptions } from '#libs/projections';
import { ReportsModule } from '#libs/reports';
import { HealthController } from './http/health.controller';
import { MentorshipsController } from './http/mentorships.controller';
import { OpenApiController } from './http/openapi.controller';
import { PeopleController } from './http/people.controller';
import { ProblemFilter } from './http/problem.filter';
import { QUERY_CONTROLLERS } from './http/queries';
import { UsersController } from './http/users.controller';
import { WebModule } from './page-api/web.module';
import { OperationsModule } from './operations/operations.module';
import { ProgramBankModule } from '#libs/program-bank';
import { ProgramsController } from './http/programs.controller';
import { ProgramsPublicController } from './http/programs-public.controller';
import { RemindersModule, type RemindersOptions } from '#libs/reminders';
import { RemindersController } from './http/reminders.controller';
import { DocumentsModule } from '#libs/documents';
import { DocumentsController } from './http/documents.controller';
import { RoadmapModule } from '#libs/roadmap';
import { SurveysModule } from '#libs/surveys';
import { RoadmapController } from './http/roadmap.controller';
import { SurveysController } from './http/surveys.controller';
import { SuggestionsController } from './http/suggestions.controller';
import { OrganisationModule } from '#libs/organisation';
import { OrganisationController } from './http/organisation.controller';
import { RegionModule } from '#libs/region';
import { RegionController } from './http/region.controller';

/** `projections`: read-model file and whether this process projects (default: in memory, inline). */
export type AppOptions = KernelOptions & { projections?: Partial<ProjectionsOptions>; reminders?: Partial<RemindersOptions>; audit?: Partial<IntegrityOptions> };

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), KernelModule.forRoot(options), AuthModule, MentorshipsModule, ProjectionsModule.forRoot(options.projections), ReportsModule, AuditModule.forRoot(options.audit), WebModule, OperationsModule, ProgramBankModule, RemindersModule.forRoot(options.reminders), DocumentsModule.forRoot(), RoadmapModule, SurveysModule, OrganisationModule, RegionModule],
      controllers: [MentorshipsController, PeopleController, UsersController, HealthController, OpenApiController, ...QUERY_CONTROLLERS, ProgramsController, ProgramsPublicController, RemindersController, DocumentsController, RoadmapController, SurveysController, SuggestionsController, OrganisationController, RegionController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
