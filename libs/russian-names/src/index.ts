export * from './russian-name';
export * from './position-case';
