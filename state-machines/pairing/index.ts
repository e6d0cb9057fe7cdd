export * from './pairing.text';
export * from './pairing.words';
export * from './pairing.rank';
