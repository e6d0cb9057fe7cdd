import { Module, type DynamicModule } from '@nestjs/common';
import { MentorshipsModule } from '#libs/mentorships';
import { DocumentAttachments } from './document-attachments';
import { DOCUMENTS_OPTIONS, documentsOptionsFromEnv, type DocumentsOptions } from './documents.config';
import { DocumentsService } from './documents.service';

/** The documents the regulation names (orders, consents, reports), filled from a mentorship's data. */
@Module({})
export class DocumentsModule {
  static forRoot(options: Partial<DocumentsOptions> = {}): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [MentorshipsModule],
      providers: [{ provide: DOCUMENTS_OPTIONS, useFactory: () => ({ ...documentsOptionsFromEnv(), ...options }) }, DocumentAttachments, DocumentsService],
      exports: [DocumentsService],
    };
  }
}
