import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#libs/auth';
import { OrganisationModule } from '#libs/organisation';
import { CONFIG, type Config } from '#libs/kernel';
import { GetMentorshipHistoryHandler } from './mentorship-history.handler';
import { GetOrganisationAsOfHandler } from './organisation-as-of.handler';
import { AuditController } from './audit.controller';
import { AuditExportController } from './export/audit-export.controller';
import { AuditExportService } from './export/audit-export.service';
import { ChainSealerService } from './integrity/chain-sealer.service';
import { INTEGRITY_OPTIONS, integrityOptionsOf, type IntegrityOptions } from './integrity/integrity.config';
import { IntegrityController } from './integrity/integrity.controller';
import { IntegrityService } from './integrity/integrity.service';

/** History, as-of views, the hash chains with their verification, and audit packages. `options` override the configuration. */
@Module({})
export class AuditModule {
  static forRoot(options: Partial<IntegrityOptions> = {}): DynamicModule {
    return {
      module: AuditModule,
      imports: [CqrsModule, AuthModule, OrganisationModule],
      providers: [
        GetMentorshipHistoryHandler, GetOrganisationAsOfHandler,
        { provide: INTEGRITY_OPTIONS, inject: [CONFIG], useFactory: (config: Config) => ({ ...integrityOptionsOf(config), ...options }) },
        ChainSealerService, IntegrityService, AuditExportService,
      ],
      controllers: [AuditController, IntegrityController, AuditExportController],
      exports: [IntegrityService],
    };
  }
}
