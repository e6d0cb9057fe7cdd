export * from './document.model';
export * from './documents.module';
export * from './documents.service';
export * from './document-attachments';
export { stepCreatesDocuments } from './document-slots';
