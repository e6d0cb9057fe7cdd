export * from './accounts.fixtures';
export * from './accounts.given-when-then';
