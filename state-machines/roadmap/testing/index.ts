export * from './roadmap.fixtures';
