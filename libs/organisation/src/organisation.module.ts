import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CONFIG } from '#libs/kernel';
import { ORGANISATION_OPTIONS, organisationOptionsOf } from './organisation.config';
import { OrganisationReader } from './organisation.reader';
import { OrganisationRepository } from './organisation.repository';
import { RecordOrganisationDetailsHandler } from './record-organisation-details.handler';

/** The organisation's details, entered by the head or the administrator as events in `organisation-<orgId>`. */
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: ORGANISATION_OPTIONS, inject: [CONFIG], useFactory: organisationOptionsOf },
    OrganisationRepository, OrganisationReader, RecordOrganisationDetailsHandler,
  ],
  exports: [OrganisationReader],
})
export class OrganisationModule {}
