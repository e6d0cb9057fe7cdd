export * from './organisation.events';
export * from './organisation.commands';
export * from './organisation.state';
export * from './organisation.decider';
export * from './organisation.printed';
