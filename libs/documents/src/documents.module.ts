import { Module, type DynamicModule } from '@nestjs/common';
import { MentorshipsModule } from '#libs/mentorships';
import { OrganisationModule } from '#libs/organisation';
import { DocumentAttachments } from './document-attachments';
import { DocumentsService } from './documents.service';

/** The documents the regulation names (orders, consents, the program, reports), filled from a mentorship's data and the organisation's details. */
@Module({})
export class DocumentsModule {
  static forRoot(): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [MentorshipsModule, OrganisationModule],
      providers: [DocumentAttachments, DocumentsService],
      exports: [DocumentsService],
    };
  }
}
