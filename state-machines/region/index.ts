export * from './region-access';
export * from './region.policy';
export * from './territory.events';
export * from './territory.commands';
export * from './territory.state';
export * from './territory.decider';
