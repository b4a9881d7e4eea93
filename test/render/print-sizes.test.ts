/**
 * Print sizes measured on the PDFs themselves (issue 16.1), for the bundled models plus a
 * generated large DIN (25 inspanningen, 9 concrete doelen, 4 ER-doelen, long Dutch texts):
 * every word on every page of posters.pdf, the region PDFs and the worksheets is at least
 * 9 pt; every word in the drawing of a wall sheet at least 18 pt; a wall poster is at most
 * 3 × 3 sheets, none less than a quarter covered by its drawing; the beleidsmodel is one A3
 * landscape page with its aannames as a list. Word sizes come from `pdftotext -bbox`
 * (test/fixtures/pdf-text.ts).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';
import { runCli } from '../fixtures/cli.js';
import { largeDinYaml } from '../fixtures/large-din.js';
import { hasPdftotext, pdfPages, type PdfPage, type PdfWord } from '../fixtures/pdf-text.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LARGE_REGION = 'zuidwest-samen';
/** pdftotext rounds coordinates; half a tenth of a point is measuring noise, not a smaller font. */
const NOISE_PT = 0.05;


let dir: string;
let out: string;

describe.skipIf(!findChromium() || !hasPdftotext())('print sizes on the PDFs (bundled models + a large DIN)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-print-'));
    cpSync(join(ROOT, 'models'), join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, 'models', 'regios', `${LARGE_REGION}.yaml`), largeDinYaml(LARGE_REGION));
    out = join(dir, 'diagrams');
    const r = await runCli(['render', 'models', '--out', out, '--pdf', '--muur'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const smallest = (ps: PdfPage[], within: (p: PdfPage, w: PdfWord) => boolean = () => true) =>
    ps.flatMap((p, i) => p.words.filter((w) => within(p, w)).map((w) => ({ page: i + 1, ...w }))).sort((a, b) => a.pt - b.pt)[0];

  it('posters.pdf: every word on every page is at least 9 pt', () => {
    const ps = pdfPages(join(out, 'posters.pdf'));
    expect(ps.length).toBeGreaterThan(20);
    const min = smallest(ps)!;
    expect(min.pt, `kleinste woord "${min.text}" op pagina ${min.page}`).toBeGreaterThanOrEqual(9 - NOISE_PT);
  });

  it('the large DIN is on the posters, whole, at 9 pt or more', () => {
    const ps = pdfPages(join(out, 'posters.pdf'));
    const large = ps.filter((p) => p.words.slice(0, 3).map((w) => w.text).join(' ') === 'DIN Zuidwest Samen');
    expect(large.length).toBeGreaterThan(1);
    // Every element of the large DIN appears on some page (an inspanning, its number and its total).
    const text = large.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
    for (let s = 1; s <= 25; s++) expect(text, `inspanning ${s}`).toContain(`inspanning ${s} van 25)`);
    for (let c = 1; c <= 9; c++) expect(text, `doel ${c}`).toContain(`doel ${c} van 9)`);
    for (let e = 1; e <= 4; e++) expect(text, `ER-doel ${e}`).toContain(`ER-doel ${e} van 4)`);
  });

  it('each region PDF and each worksheet: every word is at least 9 pt', () => {
    const files = [
      ...readdirSync(out).filter((f) => /^regio-.*\.pdf$/.test(f)).map((f) => join(out, f)),
      ...readdirSync(join(out, 'werkbladen')).filter((f) => f.endsWith('.pdf')).map((f) => join(out, 'werkbladen', f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(22);
    for (const f of files) {
      const min = smallest(pdfPages(f))!;
      expect(min.pt, `${f}: kleinste woord "${min.text}" op pagina ${min.page}`).toBeGreaterThanOrEqual(9 - NOISE_PT);
    }
  });

  it('the beleidsmodel is one A3 landscape page with its aannames as a numbered list', () => {
    const ps = pdfPages(join(out, 'posters.pdf'));
    const bm = ps.filter((p) => p.words.slice(0, 4).map((w) => w.text).join(' ') === 'Beleidsmodel onderwijsregiobeleid (Theory of');
    expect(bm).toHaveLength(1);
    expect([Math.round(bm[0]!.width), Math.round(bm[0]!.height)]).toEqual([1191, 842]);
    const text = bm[0]!.words.map((w) => w.text).join(' ');
    expect(text).toContain('Aannames');
    for (let i = 1; i <= 11; i++) expect(text).toContain(`A${i}:`);
    for (const stage of ['Input:', 'Activiteiten', 'Output', 'Outcome', 'Impact', 'Doelen', 'doeltreffendheid', 'doelmatigheid']) expect(text).toContain(stage);
  });

  it('wall posters: the drawing at 18 pt or more, at most 3 × 3 sheets, every sheet with drawing on it', () => {
    const files = readdirSync(join(out, 'muur')).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.startsWith(`din-${LARGE_REGION}`))).toBe(true);
    for (const f of files) {
      const ps = pdfPages(join(out, 'muur', f));
      expect(ps.length, `${f}: vellen`).toBeLessThanOrEqual(9);
      // The drawing's window: below the 20 mm header band, above the 7 mm footer (plus the 10 mm margins).
      const inWindow = (p: PdfPage, w: PdfWord) => w.yMin > (10 + 20) * 2.835 && w.yMax < p.height - (10 + 7) * 2.835;
      const min = smallest(ps, inWindow);
      expect(min, `${f}: geen tekst in de tekening`).toBeDefined();
      expect(min!.pt, `${f}: kleinste woord "${min!.text}" op vel ${min!.page}`).toBeGreaterThanOrEqual(18 - NOISE_PT);
    }
  });
});
