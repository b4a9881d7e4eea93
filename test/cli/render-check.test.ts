/**
 * `render --check`: what CI runs to prove diagrams/ is what the models render to. Here on a
 * copy of the bundled models and their committed diagrams: fresh → exit 0; one edited model
 * → exit 1 naming exactly the files that differ, and nothing written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshotFiles } from '../fixtures/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

const run = (argv: string[]) => runCli(argv, dir);

const snapshot = () => snapshotFiles(join(dir, 'diagrams'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-check-'));
  for (const d of ['models', 'scenarios', 'diagrams']) cpSync(join(ROOT, d), join(dir, d), { recursive: true, filter: (src) => !/\.(svg|pdf|html)$/.test(src) && !src.includes('/muur') && !src.includes('/werkbladen') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('render --check', () => {
  it('the committed diagrams/ is what the bundled models render to', async () => {
    const r = await run(['render', '--check']);
    expect(r.out).toMatch(/zijn actueel \(\d+ bestanden\)/);
    expect(r.code).toBe(0);
  });

  it('after a model edit: exit 1, the differing files named, nothing written', async () => {
    const din = join(dir, 'models', 'regios', 'zeeuwse-onderwijsregio-zor.yaml');
    const text = readFileSync(din, 'utf8');
    // The first plain (unquoted, one-line) tekst of an inspanning.
    const m = /\n {4}tekst: ([^"'>|\n][^\n]*)/.exec(text.slice(text.indexOf('inspanningen:')))!;
    writeFileSync(din, text.replace(m[0], `${m[0].trimEnd()} (gewijzigd)`));
    const before = snapshot();
    const r = await run(['render', '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('passen niet bij de modellen');
    expect(r.out).toContain('din-zeeuwse-onderwijsregio-zor.mmd');
    expect(r.out).not.toContain('din-almere-en-lelystad.mmd');
    expect(snapshot()).toEqual(before);
  });

  it("after a scenario edit: exit 1, naming that scenario’s folder, nothing written", async () => {
    // The models as committed again (the test before edited one).
    cpSync(join(ROOT, 'models'), join(dir, 'models'), { recursive: true });
    const file = join(dir, 'scenarios', 'ams-begeleiding-startende-zij-instromers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('gewenst: afstemmen', 'gewenst: gezamenlijk'));
    const before = snapshot();
    const r = await run(['render', '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('scenariodiagrammen in');
    expect(r.out).toContain('scenarios/ams-begeleiding-startende-zij-instromers/schuifjes-amsterdamse-onderwijsregio.mmd');
    expect(snapshot()).toEqual(before);
  });

  it('a scenario that is gone leaves a stale folder: --check names its files, render removes them and the folder', async () => {
    cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
    rmSync(join(dir, 'scenarios', 'ams-begeleiding-startende-zij-instromers.yaml'));
    const check = await run(['render', '--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('scenarios/ams-begeleiding-startende-zij-instromers/din-amsterdamse-onderwijsregio.mmd');
    // render --scenario makes one scenario’s folder only: the others are not stale.
    expect((await run(['render', '--scenario', 'zor-regionale-vervangingspool-vo'])).code).toBe(0);
    expect(existsSync(join(dir, 'diagrams', 'scenarios', 'ams-begeleiding-startende-zij-instromers'))).toBe(true);
    const r = await run(['render']);
    expect(r.out).toContain("scenariodiagrammen: 2 scenario’s in");
    expect(r.out).toContain('3 verwijderd');
    expect(existsSync(join(dir, 'diagrams', 'scenarios', 'ams-begeleiding-startende-zij-instromers'))).toBe(false);
    expect((await run(['render', '--check'])).code).toBe(0);
  });
});
