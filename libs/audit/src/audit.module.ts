import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../../auth/src/auth.module';
import { WorkflowModule } from '../../workflow/src/workflow.module';
import { GetMentorshipHistoryHandler } from './mentorship-history.handler';
import { GetOrganisationAsOfHandler } from './organisation-as-of.handler';
import { AuditController } from './audit.controller';

@Module({
  imports: [CqrsModule, WorkflowModule, AuthModule],
  providers: [GetMentorshipHistoryHandler, GetOrganisationAsOfHandler],
  controllers: [AuditController],
})
export class AuditModule {}
