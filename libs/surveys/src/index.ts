export * from './surveys.module';
export * from './survey.commands';
export * from './survey.handlers';
export * from './survey.repository';
export * from './surveys.reader';
