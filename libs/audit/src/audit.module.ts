import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#libs/auth';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { CLOCK, CONFIG, type Clock, type Config } from '#libs/kernel';
import { OrganisationModule } from '#libs/organisation';
import { PERSONAL_KEY_STORE } from '#libs/personal-data';
import { GetMentorshipHistoryHandler } from './mentorship-history.handler';
import { GetOrganisationAsOfHandler } from './organisation-as-of.handler';
import { AuditController } from './audit.controller';
import { AuditExportController } from './export/audit-export.controller';
import { AuditExportService } from './export/audit-export.service';
import { ChainSealerService } from './integrity/chain-sealer.service';
import { INTEGRITY_OPTIONS, integrityOptionsOf, type IntegrityOptions } from './integrity/integrity.config';
import { IntegrityController } from './integrity/integrity.controller';
import { IntegrityService } from './integrity/integrity.service';
import { ProofController } from './integrity/proof.controller';
import { ProofService } from './integrity/proof.service';
import { WITNESSING, Witnessing, signingKeysDirOf } from './integrity/witnessing';

/** History, as-of views, the hash chains with their verification, checkpoints, proofs and the witness, and audit packages. `options` override the configuration. */
@Module({})
export class AuditModule {
  static forRoot(options: Partial<IntegrityOptions> = {}): DynamicModule {
    return {
      module: AuditModule,
      imports: [CqrsModule, AuthModule, OrganisationModule],
      providers: [
        GetMentorshipHistoryHandler, GetOrganisationAsOfHandler,
        { provide: INTEGRITY_OPTIONS, inject: [CONFIG], useFactory: (config: Config) => ({ ...integrityOptionsOf(config), ...options }) },
        {
          provide: WITNESSING,
          inject: [STORED_EVENT_STORE, PERSONAL_KEY_STORE, INTEGRITY_OPTIONS, CLOCK],
          useFactory: (store: EventStore, keys: unknown, o: IntegrityOptions, clock: Clock) =>
            new Witnessing(store, { ...o, keysDir: signingKeysDirOf(o, keys) }, () => clock.now(), (m) => new Logger('integrity').warn(m)),
        },
        ChainSealerService, IntegrityService, AuditExportService, ProofService,
      ],
      controllers: [AuditController, IntegrityController, AuditExportController, ProofController],
      exports: [IntegrityService],
    };
  }
}
