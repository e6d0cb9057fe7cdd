export * from './checkpoint';
export * from './cosignature';
export * from './merkle';
export * from './merkle-tree';
export * from './note';
export * from './proof-text';
