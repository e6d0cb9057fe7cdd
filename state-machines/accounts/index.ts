export * from './accounts.events';
export * from './accounts.commands';
export * from './accounts.state';
export * from './accounts.decider';
export * from './accounts.access';
export * from './token-expiry';
export * from './rules/personal-data-processing.rule';
