/**
 * The arrows between libs drawn in docs/architecture.md (its Mermaid block under the marker), as
 * `{ lib: [libs it may import] }`: read by .dependency-cruiser.js and by the architecture spec.
 * Mermaid node ids use `_` where lib names use `-`.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const LIBS = readdirSync(join(ROOT, 'libs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function libArrows(page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')) {
  const block = /<!-- arrows between libs[^>]*-->\s*```mermaid\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/architecture.md: the Mermaid block of arrows between libs is missing');
  const lib = (id) => id.replace(/_/g, '-');
  const arrows = {};
  for (const line of block[1].split('\n')) {
    const m = /^\s*(\w+)(?:\[[^\]]*\])?\s*-->\s*(.+)$/.exec(line);
    if (!m || !LIBS.includes(lib(m[1]))) continue;
    const targets = m[2].split('&').map((t) => lib(t.trim().replace(/\[.*\]$/, ''))).filter((t) => LIBS.includes(t));
    arrows[lib(m[1])] = [...(arrows[lib(m[1])] ?? []), ...targets];
  }
  return arrows;
}

module.exports = { LIBS, libArrows };
