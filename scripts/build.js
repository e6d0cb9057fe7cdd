#!/usr/bin/env node
'use strict';
/**
 * `npm run build`, and the first step of `npm start`, `start:cluster`, `demo`, `cli`, `bench`, `soak`
 * and `test`: compile into dist/ only what changed, and only when something did.
 *
 * One compilation, `tsc -b tsconfig.build.json` (incremental), type-checks everything, tests included,
 * and emits everything the app, the CLI, the benchmarks and the e2e tests run from dist/.
 *
 * Before loading TypeScript (about 0.4 s), a look at modification times: when no file or folder under
 * tsconfig.json's `include`, no tsconfig and not package-lock.json is newer than the last successful
 * build, there is nothing to do. Otherwise `tsc -b` decides: it compares contents, so a file touched
 * but unchanged costs no compilation. `tsc -b` does not look into node_modules, so a package-lock.json
 * whose content changed since the last build (packages added or upgraded) forces a full build; npm
 * rewrites the file unchanged on install and prune, so its content counts, not its date.
 *
 * Without TypeScript (after `npm prune --omit=dev`) a built checkout runs as it was built.
 * Arguments are passed to tsc (`npm run build -- --force`). tsc's output goes to stderr, so a build
 * never writes to the stdout of the command it comes before (`npm run cli -- report --format csv`).
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync, rmSync, mkdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
/** Written after every successful build, dated when that build started; holds the hash of the package-lock.json it was built with. */
const stamp = join(dist, '.built');
const lockFile = join(root, 'package-lock.json');
/** What the package.json scripts and the e2e tests run; a build without one of them is not a build. */
const entryPoints = ['apps/api/src/main.js', 'apps/api/src/operations/cluster.main.js', 'apps/cli/src/main.js', 'bench/run.js'];
const configs = ['tsconfig.json', 'tsconfig.build.json'];

function lockHash() {
  try {
    return createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  } catch {
    return 'none';
  }
}

function builtWithLock() {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).packageLock;
  } catch {
    return undefined;
  }
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of a folder, its subfolders and its .ts/.json files (a folder's changes when a file is added, removed or renamed). */
function newest(dir) {
  let latest = mtime(dir) ?? 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (/\.(ts|json)$/.test(entry.name)) latest = Math.max(latest, mtime(path) ?? 0);
  }
  return latest;
}

/** The reason to run tsc, or undefined when the last build is still current. */
function staleness() {
  const built = mtime(stamp);
  if (built === undefined) return 'no build yet';
  if (!entryPoints.every((file) => existsSync(join(dist, file)))) return 'dist/ incomplete';
  let include;
  try {
    include = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).include;
  } catch {
    return 'tsconfig.json not plain JSON';
  }
  if (!Array.isArray(include)) return 'tsconfig.json without include';
  for (const file of configs) if ((mtime(join(root, file)) ?? Infinity) > built) return `${file} changed`;
  if ((mtime(lockFile) ?? 0) > built && lockHash() !== builtWithLock()) return 'package-lock.json changed';
  for (const dir of include) {
    const path = join(root, dir);
    if (existsSync(path) && newest(path) > built) return 'sources changed';
  }
  return undefined;
}

/**
 * tsc never deletes what it emitted for a source that is gone. A stale `dist/x/config.js` left by a source moved
 * to `x/config/index.ts` would even be what `require('./config')` finds first: remove every output whose source is gone.
 */
function removeOrphans(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeOrphans(path);
    else if (/\.js(\.map)?$/.test(entry.name) && !existsSync(join(root, relative(dist, path)).replace(/\.js(\.map)?$/, '.ts'))) rmSync(path);
  }
}

function main() {
  const args = process.argv.slice(2);
  const reason = args.length > 0 ? 'asked' : staleness();
  if (reason === undefined) return 0;

  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    if (entryPoints.every((file) => existsSync(join(dist, file)))) {
      if (reason !== 'no build yet')
        process.stderr.write(`dist/ may be older than the sources (${reason}), and TypeScript is not installed: running dist/ as built.\n`);
      return 0;
    }
    process.stderr.write('dist/ is not built and TypeScript is not installed: install the dev dependencies (npm ci) and run npm run build.\n');
    return 1;
  }

  const force = reason === 'package-lock.json changed' || reason === 'dist/ incomplete' ? ['--force'] : [];
  const started = new Date();
  process.stderr.write(`Compiling into dist/ (${reason})…\n`);
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json', ...force, ...args], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    rmSync(stamp, { force: true });
    return result.status ?? 1;
  }
  mkdirSync(dist, { recursive: true });
  removeOrphans(dist);
  // Sources older than this file's modification time are in dist/.
  writeFileSync(stamp, JSON.stringify({ by: 'scripts/build.js', packageLock: lockHash() }) + '\n');
  utimesSync(stamp, started, started);
  return 0;
}

process.exitCode = main();
