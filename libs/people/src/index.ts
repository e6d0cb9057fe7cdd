export * from './people.module';
export * from './people.commands';
export * from './people.handlers';
export * from './people.repository';
export * from './personal-data-erased.event';
export * from './staffed-organisations';
export * from './consent-withdrawal-recorded.event';
