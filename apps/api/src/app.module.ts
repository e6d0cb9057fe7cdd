import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../../../libs/auth/src/auth.module';
import { InfrastructureModule, WorkflowModule, type InfrastructureOptions } from '../../../libs/workflow/src';
import { HealthController } from './http/health.controller';
import { MentorshipsController } from './http/mentorships.controller';
import { OpenApiController } from './http/openapi.controller';
import { PeopleController } from './http/people.controller';
import { ProblemFilter } from './http/problem.filter';
import { UsersController } from './http/users.controller';

@Module({})
export class AppModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(options), AuthModule, WorkflowModule],
      controllers: [MentorshipsController, PeopleController, UsersController, HealthController, OpenApiController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
