import { Module, type DynamicModule } from '@nestjs/common';
import { CONFIG, type Config } from '#libs/kernel';
import { MentorshipsModule } from '#libs/mentorships';
import { DocumentAttachments } from './document-attachments';
import { DOCUMENTS_OPTIONS, documentsOptionsOf, type DocumentsOptions } from './documents.config';
import { DocumentsService } from './documents.service';

/** The documents the regulation names (orders, consents, reports), filled from a mentorship's data. */
@Module({})
export class DocumentsModule {
  static forRoot(options: Partial<DocumentsOptions> = {}): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [MentorshipsModule],
      providers: [{ provide: DOCUMENTS_OPTIONS, inject: [CONFIG], useFactory: (config: Config) => ({ ...documentsOptionsOf(config), ...options }) }, DocumentAttachments, DocumentsService],
      exports: [DocumentsService],
    };
  }
}
