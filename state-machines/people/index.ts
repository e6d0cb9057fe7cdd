export * from './roles';
export * from './people.events';
export * from './people.commands';
export * from './people.state';
export * from './people.decider';
export * from './personal-data';
