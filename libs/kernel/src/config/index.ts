export * from './admin-token';
export * from './app-config';
export * from './config.parse';
export * from './config.schema';
export * from './load-config';
