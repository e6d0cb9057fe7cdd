import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `<dir>/<name>`: the compiled `.js` in a build. Run from TypeScript
 * sources (ts-jest), there is no `.js`, so the worker transpiles its own modules as it loads them
 * (TypeScript is a dev dependency, present wherever the sources run).
 */
export function startWorker(dir: string, name: string, options: WorkerOptions): Worker {
  const compiled = join(dir, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  const entry = join(dir, `${name}.ts`);
  const loader = `
    const { readFileSync } = require('node:fs');
    const req = require('node:module').createRequire(${JSON.stringify(entry)});
    const ts = req('typescript');
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    req.extensions['.ts'] = (module, file) =>
      module._compile(ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText, file);
    req(${JSON.stringify(entry)});
  `;
  return new Worker(loader, { ...options, eval: true });
}
