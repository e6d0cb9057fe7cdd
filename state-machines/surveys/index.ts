export * from './surveys.questionnaires';
export * from './surveys.answers';
export * from './surveys.events';
export * from './surveys.commands';
export * from './surveys.state';
export * from './surveys.decider';
export * from './surveys.summary';
