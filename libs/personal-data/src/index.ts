export * from './key-store.port';
export * from './key-store.factory';
export * from './personal-data.codec';
export * from './personal-data.store';
export * from './sqlite-key-store';
