export * from './adapters/esdb-event-store';
export * from './adapters/sqlite-backup';
export * from './adapters/sqlite-event-store';
export * from './event-store.factory';
export * from './event-store.port';
export { startWorker } from './adapters/worker-script';
