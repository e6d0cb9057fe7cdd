export * from './program-bank.events';
export * from './program-bank.commands';
export * from './program-template';
export * from './program-bank.decider';
export * from './best-case.decider';
