export * from './business-date';
export * from './domain-error';
export * from './stream-id';
