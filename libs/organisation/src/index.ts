export * from './organisation.config';
export * from './organisation.module';
export * from './organisation.reader';
export * from './record-organisation-details.command';
export { organisationFromStore } from './organisation.repository';
