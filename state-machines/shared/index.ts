export * from './business-date';
export * from './domain-error';
export * from './stream-id';
export * from './ru-date';
export * from './calendar/production-calendar';
