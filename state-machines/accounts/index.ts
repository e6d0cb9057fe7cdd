export * from './accounts.events';
export * from './accounts.commands';
export * from './accounts.decider';
