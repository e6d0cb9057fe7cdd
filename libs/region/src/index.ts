export * from './region.module';
export * from './region.commands';
export * from './region.lists';
export * from './register.index';
