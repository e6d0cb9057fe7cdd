import { EnterBankHandler, RecordPersonalDataConsentHandler, RegisterPersonHandler } from './commands/people.handlers';
import { DestroyPersonalDataHandler, WithdrawPersonalDataConsentHandler } from './commands/personal-data.handlers';
import { ProposeMentorshipHandler } from './commands/propose-mentorship.handler';
import { TakeStepHandler } from './commands/take-step.handler';
import { MentorLoadService } from './mentor-load.service';
import { MentorshipRepository } from './mentorship.repository';
import { MentorshipWriter } from './mentorship.writer';
import { PeopleRepository } from './people.repository';
import { GetMentorshipHandler } from './queries/get-mentorship.handler';

export const workflowProviders = [
  MentorshipRepository, PeopleRepository, MentorLoadService, MentorshipWriter,
  ProposeMentorshipHandler, TakeStepHandler,
  RegisterPersonHandler, RecordPersonalDataConsentHandler, EnterBankHandler,
  WithdrawPersonalDataConsentHandler, DestroyPersonalDataHandler,
  GetMentorshipHandler,
];
