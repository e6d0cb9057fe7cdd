import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The same reader .dependency-cruiser.js builds its allowed arrows from.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LIBS, libArrows } = require('../../tools/lib-arrows') as { LIBS: string[]; libArrows: () => Record<string, string[]> };

const ROOT = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : productionFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/** lib → the libs its production code imports (through their index, the only way the build allows). */
function arrowsInCode(): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const lib of LIBS) {
    out[lib] = new Set();
    for (const f of productionFiles(join(ROOT, 'libs', lib, 'src'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '#libs\/([a-z-]+)'/g)) if (m[1] !== lib) out[lib].add(m[1]);
    }
  }
  return out;
}

/** docs/architecture.md is the map the build checks the code against (`npm run lint:deps` reads its arrows). */
describe('architecture: docs/architecture.md and the code agree', () => {
  const drawn = libArrows();

  it('draws every lib of libs/, and the table says what each holds', () => {
    const named = new Set([...Object.keys(drawn), ...Object.values(drawn).flat()]);
    expect(LIBS.filter((l) => !named.has(l))).toEqual([]);
    const page = read('docs/architecture.md');
    expect(LIBS.filter((l) => !page.includes(`libs/${l}`))).toEqual([]);
  });

  it('draws only arrows the code has: an arrow nothing uses any more is taken out of the picture', () => {
    const used = arrowsInCode();
    const stale = Object.entries(drawn).flatMap(([from, to]) => to.filter((t) => !used[from].has(t)).map((t) => `${from} --> ${t}`));
    expect(stale).toEqual([]);
  });

  it('has every lib public through an index and one alias map for compiler, tests and run time', () => {
    expect(LIBS.filter((l) => !existsSync(join(ROOT, 'libs', l, 'src/index.ts')))).toEqual([]);
    const tsPaths = JSON.parse(read('tsconfig.json')).compilerOptions.paths as Record<string, string[]>;
    const imports = JSON.parse(read('package.json')).imports as Record<string, string>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jestMap = require('../../jest.config.js').moduleNameMapper as Record<string, string>;
    for (const [alias, [source]] of Object.entries(tsPaths)) {
      const built = source.replace(/\.ts$/, '.js');
      expect(imports[alias]).toBe(`./dist/${built}`);
      expect(jestMap[`^${alias.replace('*', '(.*)')}$`]).toBe(`<rootDir>/${source.replace('*', '$1')}`);
    }
  });

  it('lists every lib in nest-cli.json', () => {
    const projects = JSON.parse(read('nest-cli.json')).projects as Record<string, { type: string; root: string }>;
    expect(LIBS.filter((l) => projects[l]?.root !== `libs/${l}`)).toEqual([]);
  });
});
