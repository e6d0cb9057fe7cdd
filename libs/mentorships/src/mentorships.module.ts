import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PeopleModule } from '#libs/people';
import { DestroyPersonalDataHandler } from './commands/personal-data.handlers';
import { ProposeMentorshipHandler } from './commands/propose-mentorship.handler';
import { TakeStepHandler } from './commands/take-step.handler';
import { MentorLoadService } from './mentor-load.service';
import { MenteeMentorships } from './mentee-mentorships.index';
import { MentorshipRepository } from './mentorship.repository';
import { GetMentorshipHandler } from './queries/get-mentorship.handler';

/** Mentorships: their streams, the mentor-load reservations (§3.7), the lifecycle commands and the mentorship query. */
@Module({
  imports: [CqrsModule, PeopleModule],
  providers: [
    MentorshipRepository, MentorLoadService, MenteeMentorships,
    ProposeMentorshipHandler, TakeStepHandler, DestroyPersonalDataHandler, GetMentorshipHandler,
  ],
  exports: [PeopleModule, MentorshipRepository, MentorLoadService],
})
export class MentorshipsModule {}
