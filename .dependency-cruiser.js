/** Pure core, imperative shell: checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'state-machines/ knows nothing of Nest, HTTP, storage or libs/ (DESIGN.md: pure core).',
      severity: 'error',
      from: { path: '^state-machines/' },
      to: {
        path: [
          '^libs/', '^apps/', '^test/',
          'node_modules/@nestjs/', 'node_modules/@eventstore/', 'node_modules/better-sqlite3',
          'node_modules/express', 'node_modules/@grpc/',
        ],
      },
    },
    {
      name: 'core-no-node-io',
      comment: 'The clock, randomness and I/O are inputs of the core, never imported by it.',
      severity: 'error',
      from: { path: '^state-machines/' },
      to: { dependencyTypes: ['core'], pathNot: '^(util|assert)$' },
    },
    {
      name: 'only-adapters-import-store-clients',
      comment: 'The event-store adapter is the only code that imports a store client; the read-model database and key-store files are the exceptions for SQLite.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/adapters/|^test/|^libs/projections/src/read-model\\.database\\.ts$|^libs/personal-data/src/sqlite-key-store\\.ts$' },
      to: { path: ['node_modules/@eventstore/', 'node_modules/better-sqlite3'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.spec\\.ts$' },
  },
};
