export * from './roadmap.module';
export * from './roadmap.reader';
export * from './take-roadmap-step.command';
