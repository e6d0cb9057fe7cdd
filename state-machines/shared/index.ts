export * from './business-date';
export * from './domain-error';
export * from './readable-text';
export * from './stream-id';
export * from './calendar/production-calendar';
