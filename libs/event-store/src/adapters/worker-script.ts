import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `--max-semi-space-size` (the `start` scripts give the API's main thread a large young generation)
 * would size every thread's too: V8 lets the flag win over a worker's `resourceLimits`. The flag is
 * read only when a heap is set up, so clearing it before a worker starts leaves the main thread's as
 * it is and gives each worker the young generation its `resourceLimits` ask for (V8's default without).
 */
function youngGenerationFromLimits(): void {
  setFlagsFromString('--max-semi-space-size=0');
}

/**
 * Starts the worker module `<dir>/<name>`: the compiled `.js` in a build. Run from TypeScript
 * sources (ts-jest), there is no `.js`, so the worker transpiles its own modules as it loads them
 * (TypeScript is a dev dependency, present wherever the sources run).
 */
export function startWorker(dir: string, name: string, options: WorkerOptions): Worker {
  youngGenerationFromLimits();
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
