/**
 * `render --regio ID` (issue 16, point 7): only that region's files are written, into the
 * same diagrams/ folder, and nothing of the other regions is removed as stale; an unknown
 * id is a usage error that suggests the right one. On a copy of the bundled models and
 * their committed diagrams (the drawing with Chromium is in test/browser/worksheet.test.ts).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshotFiles } from '../fixtures/cli.js';
import { writeRegionPdfs, writeWorksheets } from '../../src/write/diagrams.js';

const ROOT = join(import.meta.dirname, '..', '..');
const REGIO = 'zeeuwse-onderwijsregio-zor';
let dir: string;

const run = (argv: string[]) => runCli(argv, dir);

const snapshot = () => snapshotFiles(join(dir, 'diagrams'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-regio-'));
  for (const d of ['models', 'diagrams']) cpSync(join(ROOT, d), join(dir, d), { recursive: true, filter: (src) => !/\.(svg|pdf|html)$/.test(src) && !src.includes('/muur') && !src.includes('/werkbladen') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('render --regio', () => {
  it('an unknown region is a usage error that suggests the right id, and nothing is written', async () => {
    const before = snapshot();
    const r = await run(['render', '--regio', 'zeeuwse-onderwijsregio']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`onbekende regio \`zeeuwse-onderwijsregio\`; bedoel je \`${REGIO}\`?`);
    expect(snapshot()).toEqual(before);
  });

  it("writes only the region's diagrams and removes none of the other regions' files", async () => {
    // The region's DIN changed, so its files must be rewritten; the others must stay as they are.
    const din = join(dir, 'models', 'regios', `${REGIO}.yaml`);
    const text = readFileSync(din, 'utf8');
    const m = /\n {4}tekst: ([^"'>|\n][^\n]*)/.exec(text.slice(text.indexOf('inspanningen:')))!;
    writeFileSync(din, text.replace(m[0], `${m[0].trimEnd()} (gewijzigd)`));
    const before = snapshot();
    const r = await run(['render', '--regio', REGIO]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/diagrammen: [1-3] geschreven, \d ongewijzigd, 0 verwijderd/);
    const after = snapshot();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toContain(`din-${REGIO}.mmd`);
    for (const f of changed) expect(f).toContain(REGIO);
    // The index and the other regions' files are untouched (a full render would rewrite README.md).
    expect(after['README.md']).toBe(before['README.md']);
    expect(after['din-almere-en-lelystad.mmd']).toBe(before['din-almere-en-lelystad.mmd']);
  });

  it('--check --regio compares only that region', async () => {
    const r = await run(['render', '--check', '--regio', REGIO]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/zijn actueel \(3 bestanden\)/);
    // The whole folder is not current (README.md still has the old text): the full check says so.
    const full = await run(['render', '--check']);
    expect(full.code).toBe(1);
    expect(full.out).toContain('README.md');
  });

  it('a region without a DIN has no diagrams: nothing written, nothing removed', async () => {
    const before = snapshot();
    const register = readFileSync(join(dir, 'models', 'regioregister.yaml'), 'utf8');
    const withDin = new Set(readdirSync(join(dir, 'models', 'regios')).map((f) => f.replace(/\.yaml$/, '')));
    const id = [...register.matchAll(/\n\s+- id: ([\w-]+)/g)].map((m) => m[1]!).find((x) => !withDin.has(x))!;
    expect(id).toBeTruthy();
    const r = await run(['render', '--regio', id]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 geschreven');
    expect(snapshot()).toEqual(before);
  });
});

async function ourPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.setCreator('tocdin');
  return doc.save();
}

describe('the region PDF and worksheet writers', () => {
  it('remove a stale regio-*.pdf on a full run, never posters.pdf, and nothing on a partial run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tocdin-regiopdf-'));
    try {
      const pdf = await ourPdf();
      writeFileSync(join(out, 'posters.pdf'), pdf);
      writeFileSync(join(out, 'regio-weg.pdf'), pdf);
      const partial = await writeRegionPdfs(out, [{ regio: 'a', pdf }], { partial: true });
      expect(partial.removed).toEqual([]);
      expect(existsSync(join(out, 'regio-weg.pdf'))).toBe(true);
      const full = await writeRegionPdfs(out, [{ regio: 'a', pdf }]);
      expect(full.removed).toEqual(['regio-weg.pdf']);
      expect(existsSync(join(out, 'posters.pdf'))).toBe(true);
      expect(existsSync(join(out, 'regio-a.pdf'))).toBe(true);

      const sheets = join(out, 'werkbladen');
      await writeWorksheets(sheets, [{ name: 'schuifjes-a', pdf }, { name: 'schuifjes-b', pdf }]);
      expect((await writeWorksheets(sheets, [{ name: 'schuifjes-a', pdf }], { partial: true })).removed).toEqual([]);
      expect((await writeWorksheets(sheets, [{ name: 'schuifjes-a', pdf }])).removed).toEqual(['schuifjes-b.pdf']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
