export * from './log-entry';
export * from './read-model-dump';
export * from './synthetic-log';
