import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  EnterBankHandler, RecordPersonalDataConsentHandler, RegisterPersonHandler, WithdrawPersonalDataConsentHandler,
} from './people.handlers';
import { PeopleRepository } from './people.repository';

/** Staff: the person, mentor-bank and mentee-bank streams, and the commands on them. */
@Module({
  imports: [CqrsModule],
  providers: [PeopleRepository, RegisterPersonHandler, RecordPersonalDataConsentHandler, EnterBankHandler, WithdrawPersonalDataConsentHandler],
  exports: [PeopleRepository],
})
export class PeopleModule {}
