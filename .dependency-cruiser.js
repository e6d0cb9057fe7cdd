/**
 * The architecture of docs/architecture.md, checked on every `npm test` (`npm run lint:deps`).
 * The arrows between libs are read from that page's Mermaid picture, so the picture and the check are one thing.
 */
const { libArrows } = require('./tools/lib-arrows');

const ARROWS = libArrows();
const COMMAND_SIDE = ['people', 'mentorships', 'roadmap', 'surveys', 'program-bank', 'documents', 'reminders', 'auth', 'demo', 'organisation'];
const READ_SIDE = ['projections', 'reports'];
// The kernel's configuration has an entry of its own, so a process that only checks its settings (the cluster's primary) loads nothing else.
const INDEX = '^libs/[^/]+/src/(testing/)?index\\.ts$|^libs/kernel/src/config/index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'state-machines/ knows nothing of Nest, HTTP, storage or libs/ (DESIGN.md: pure core).',
      severity: 'error',
      from: { path: '^state-machines/' },
      to: {
        path: [
          '^libs/', '^apps/', '^test/', '^bench/',
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
      comment: 'The event-store adapter is the only code that imports a store client; the read-model database and key-store files are the exceptions for SQLite, and tests that tamper with stored files.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/adapters/|^test/|\\.spec\\.ts$|^libs/projections/src/read-model\\.database\\.ts$|^libs/personal-data/src/sqlite-key-store\\.ts$' },
      to: { path: ['node_modules/@eventstore/', 'node_modules/better-sqlite3'] },
    },
    {
      name: 'read-side-never-imports-command-side',
      comment: 'Projections and reports read the log and the read models; no decision rests on them, and they know no command.',
      severity: 'error',
      from: { path: `^libs/(${READ_SIDE.join('|')})/` },
      to: { path: `^libs/(${COMMAND_SIDE.join('|')})/` },
    },
    {
      name: 'kernel-imports-only-the-store',
      comment: 'Every lib depends on the kernel, so the kernel depends on nothing but the store (and the personal-data codec over it).',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: '^libs/', pathNot: '^libs/(kernel|event-store|personal-data)/' },
    },
    {
      name: 'store-knows-no-domain',
      comment: 'The event-store port and adapters store any events: no lib, no part of the core.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^libs/', '^state-machines/'], pathNot: '^libs/event-store/' },
    },
    {
      name: 'libs-through-their-index',
      comment: 'Another lib is used through its index (#libs/<lib>, #testing/<lib>), never by a path into its src/.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: [INDEX, '^libs/$1/'] },
    },
    {
      name: 'apps-and-tests-use-libs-through-their-index',
      severity: 'error',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/', pathNot: INDEX },
    },
    {
      name: 'core-through-its-index',
      comment: 'Outside the core, an area of it is used through its index (#core/<area>).',
      severity: 'error',
      from: { pathNot: '^state-machines/' },
      to: { path: '^state-machines/', pathNot: '^state-machines/[^/]+/(testing/)?index\\.ts$' },
    },
    {
      name: 'no-own-index',
      comment: 'Inside a lib, files import each other directly: importing the own index makes cycles.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/$1/src/index\\.ts$' },
    },
    {
      name: 'production-code-never-imports-test-helpers',
      severity: 'error',
      from: { path: '^(libs|apps|state-machines)/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: ['/testing/', '^test/'] },
    },
    { name: 'libs-do-not-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    { name: 'apps-do-not-import-apps', severity: 'error', from: { path: '^apps/([^/]+)/' }, to: { path: '^apps/', pathNot: '^apps/$1/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  allowed: [
    { from: {}, to: { pathNot: '^libs/' } },
    { from: { pathNot: '^libs/' }, to: { path: '^libs/' } },
    { from: { path: '^libs/([^/]+)/' }, to: { path: '^libs/$1/' } },
    ...Object.entries(ARROWS).map(([from, to]) => ({ from: { path: `^libs/${from}/` }, to: { path: `^libs/(${to.join('|')})/` } })),
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
