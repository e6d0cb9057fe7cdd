import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MentorLoadService } from './mentor-load.service';
import { MentorshipRepository } from './mentorship.repository';
import { PeopleRepository } from './people.repository';
import { workflowProviders } from './workflow.providers';

@Module({
  imports: [CqrsModule],
  providers: workflowProviders,
  exports: [MentorshipRepository, PeopleRepository, MentorLoadService],
})
export class WorkflowModule {}
