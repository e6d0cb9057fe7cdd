export * from './region.module';
export * from './region.commands';
export * from './region-rollup';
export * from './region-rollup.xlsx';
export * from './region.lists';
export * from './register.index';
