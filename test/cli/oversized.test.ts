/**
 * A diagram over Mermaid's 50,000-character limit that cannot be split further is refused
 * the same way by `render` and by `report --format md` (exit 1, the diagram named), instead
 * of a report that GitHub shows as "Maximum text size in diagram exceeded".
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'mini');
let dir: string;

const run = (argv: string[]) => runCli(argv, dir);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-oversized-'));
  cpSync(MINI, join(dir, 'models'), { recursive: true });
  const din = join(dir, 'models', 'regios', 'regio-a.yaml');
  // One label longer than a whole diagram may be: no split can make it fit.
  const huge = Array.from({ length: 9000 }, (_, i) => `woord${i}`).join(' ');
  writeFileSync(din, readFileSync(din, 'utf8').replace('tekst: Meer instroom', `tekst: "${huge}"`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a diagram too big for Mermaid', () => {
  it('render refuses it with exit 1 and names it', async () => {
    const r = await run(['render', '--out', 'uit']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/diagram din-regio-a\S* is te groot \(\d+ tekens/);
  });

  it('report --format md refuses it the same way and writes nothing', async () => {
    const r = await run(['report', '--format', 'md', '--out', 'rapport.md']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/diagram din-regio-a\S* is te groot/);
    expect(() => readFileSync(join(dir, 'rapport.md'))).toThrow();
  });
});
