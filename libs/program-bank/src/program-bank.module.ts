import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MentorshipsModule } from '#libs/mentorships';
import {
  MarkBestCaseHandler, RetireProgramTemplateHandler, SaveProgramTemplateHandler, WithdrawBestCaseHandler,
} from './commands/program-bank.handlers';
import { ProgramBankRepository } from './program-bank.repository';
import { ProgramBankQuery } from './queries/program-bank.query';
import { ProgramOffersQuery } from './queries/program-offers.query';

/** The program bank (§3.4) and best cases for the website (§8.1). */
@Module({
  imports: [CqrsModule, MentorshipsModule],
  providers: [
    ProgramBankRepository, ProgramBankQuery, ProgramOffersQuery,
    SaveProgramTemplateHandler, RetireProgramTemplateHandler, MarkBestCaseHandler, WithdrawBestCaseHandler,
  ],
  exports: [ProgramBankQuery, ProgramOffersQuery],
})
export class ProgramBankModule {}
