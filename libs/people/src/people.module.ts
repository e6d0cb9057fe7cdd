import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  EnterBankHandler, RecordPersonalDataConsentHandler, RegisterPersonHandler, WithdrawPersonalDataConsentHandler,
} from './people.handlers';
import { PeopleRepository } from './people.repository';
import { StaffedOrganisations } from './staffed-organisations';

/** Staff: the person, mentor-bank and mentee-bank streams, and the commands on them. */
@Module({
  imports: [CqrsModule],
  providers: [PeopleRepository, StaffedOrganisations, RegisterPersonHandler, RecordPersonalDataConsentHandler, EnterBankHandler, WithdrawPersonalDataConsentHandler],
  exports: [PeopleRepository, StaffedOrganisations],
})
export class PeopleModule {}
