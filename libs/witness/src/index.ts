export * from './trusted-logs';
export * from './witness';
export * from './witness-files';
export * from './witness.server';
export * from './witness.factory';
