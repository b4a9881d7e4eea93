/**
 * The stage order is a test: every import in src/ goes to the module's own room or an
 * earlier one. ONE list, here; the README's architecture section must say the same order.
 * A crossing fails with file and line, so the fix is where the message points.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Rooms in stage order. `bibliotheek` is the library files at the root of src/. */
export const LAYERS = ['diagnostics', 'vocabulary', 'io', 'read', 'validate', 'resolve', 'graph', 'lint', 'analyse', 'render', 'browser', 'write', 'workshop', 'bibliotheek', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');

function layerOf(srcRelative: string): Layer | undefined {
  const parts = srcRelative.split('/');
  if (parts.length === 1) return 'bibliotheek';
  return (LAYERS as readonly string[]).includes(parts[0]!) ? (parts[0] as Layer) : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) ? [full] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface Crossing {
  file: string;
  line: number;
  from: Layer;
  to: Layer;
  spec: string;
}

/** Crossings in one file's text (`file` is relative to src/, with forward slashes). */
export function crossings(file: string, text: string): Crossing[] {
  const from = layerOf(file);
  if (!from) return [{ file, line: 1, from: 'cli', to: 'cli', spec: '(bestand in een onbekende map)' }];
  const out: Crossing[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const target = posix.normalize(posix.join(posix.dirname(file), spec));
    const to = layerOf(target);
    if (!to) continue;
    if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
      const line = text.slice(0, m.index! + m[0].length).split('\n').length;
      out.push({ file, line, from, to, spec });
    }
  }
  return out;
}

describe('architecture: one direction', () => {
  const files = sourceFiles(SRC).map((f) => relative(SRC, f).split(sep).join('/'));

  it('every file in src/ is in a known room', () => {
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
    expect(files.length).toBeGreaterThan(30);
  });

  it('no module imports from a later stage', () => {
    const found = files.flatMap((f) => crossings(f, readFileSync(join(SRC, f), 'utf8')));
    expect(found.map((c) => `src/${c.file}:${c.line}: ${c.from} importeert ${c.to} (${c.spec})`)).toEqual([]);
  });

  it('the check catches a crossing, with file and line', () => {
    const text = "import { x } from './read.js';\nimport '../render/index.js';\n";
    expect(crossings('read/read.ts', text)).toEqual([{ file: 'read/read.ts', line: 2, from: 'read', to: 'render', spec: '../render/index.js' }]);
    expect(crossings('render/x.ts', "export { y } from '../cli/main.js';")).toHaveLength(1);
    expect(crossings('lint/x.ts', "const m = await import('../analyse/analyse.js');")).toHaveLength(1);
    expect(crossings('cli/x.ts', "import type { A } from '../analyse/schema.js';")).toEqual([]);
  });

  it("the README's architecture section gives the same order", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /<!-- lagen -->\n([^\n]+)\n<!-- \/lagen -->/.exec(readme);
    expect(section, 'README.md mist de regel tussen <!-- lagen --> en <!-- /lagen -->').not.toBeNull();
    const named = [...section![1]!.matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
    expect(named).toEqual([...LAYERS]);
  });

  it('the rooms named in the list exist', () => {
    for (const layer of LAYERS) if (layer !== 'bibliotheek') expect(files.some((f) => f.startsWith(`${layer}/`)), layer).toBe(true);
  });
});
