/**
 * The schuifjes worksheets and a region's own PDF as printed by Chromium (issue 16, points
 * 6 and 7), measured on the PDF itself with pdftotext -bbox: every word at least 9 pt, the
 * paper as chosen, every inspanning on the sheets (nothing cut off at a page's edge), for
 * the mini fixture and for a generated long DIN of 25 inspanningen with long Dutch texts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyse/schema.js';
import { findChromium } from '../../src/browser/chromium.js';
import { BrowserRenderer } from '../../src/browser/render.js';
import { isOurPdf } from '../../src/write/marker.js';
import { BLANK_WORKSHEET, drawDiagrams, renderRegionPdf, renderWorksheets } from '../../src/publish.js';
import { national, set } from '../fixtures/mini.js';
import { pdfPages } from '../fixtures/pdf-text.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden');

interface PdfPageText {
  width: number;
  height: number;
  /** Font size of each word in pt (DejaVu/Liberation: box height / 1.167). */
  sizes: number[];
  text: string;
}

let tmp: string;

function measure(pdf: Uint8Array, name: string): PdfPageText[] {
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  return pdfPages(file).map((p) => ({ width: p.width, height: p.height, sizes: p.words.map((w) => w.pt), text: p.words.map((w) => w.text).join(' ') }));
}

const versie = () => '2026-11-20 (git abc1234)';
const regioNaam = (id: string) => (id === 'regio-c' ? 'Regio C' : id === 'regio-a' ? 'Regio A' : id);
const date = new Date('2026-11-20T12:00:00Z');

/** The mini analysis with regio-a's DIN grown to 25 inspanningen with long Dutch texts. */
function longAnalysis(): Analysis {
  const din = national.dins[0]!;
  const inspanningen = Array.from({ length: 25 }, (_, i) => ({
    ...din.inspanningen[0]!,
    id: `groot-${i + 1}`,
    label: `Inspanning${i + 1}: regionaal programma waarin schoolbesturen, lerarenopleidingen, kinderopvang en gemeenten samen werven, begeleiden en behouden, met bijzondere aandacht voor zij-instromers, herintreders en startende leraren in het primair en voortgezet onderwijs`,
    uitvoerder: 'het regionale samenwerkingsverband van schoolbesturen en opleiders',
  }));
  const sliders = inspanningen.slice(0, 4).map((s) => ({ id: s.id, label: s.label, nu: 'autonoom' as const, gewenst: 'integreren' as const, afstand: 4 }));
  return {
    ...national,
    dins: [{ ...din, inspanningen }],
    schuifjes: [{ ...national.schuifjes[0]!, inspanningen: sliders, zonder_schuifjes: 21 }],
  };
}

describe.skipIf(!chromium)('printed worksheets and region PDFs', () => {
  let renderer: BrowserRenderer;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tocdin-werkblad-'));
    renderer = new BrowserRenderer({ workers: 1 });
  });
  afterAll(async () => {
    await renderer.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('one worksheet per region with a DIN and the blank one: A4 landscape, every word ≥ 9 pt, marked as ours', async () => {
    const sheets = await renderWorksheets(national, renderer, { versie, regioNaam, date });
    expect(sheets.map((s) => s.name)).toEqual(['schuifjes-regio-a', BLANK_WORKSHEET]);
    for (const s of sheets) {
      expect(await isOurPdf(Buffer.from(s.pdf))).toBe(true);
      const pages = measure(s.pdf, s.name);
      expect(pages).toHaveLength(1);
      // A4 landscape: 842 × 595 pt.
      expect(Math.round(pages[0]!.width)).toBe(842);
      expect(Math.round(pages[0]!.height)).toBe(595);
      expect(pages[0]!.sizes.length).toBeGreaterThan(60);
      expect(Math.min(...pages[0]!.sizes)).toBeGreaterThanOrEqual(8.95);
      expect(pages[0]!.text).toContain('GEWENST');
      expect(pages[0]!.text).toContain('Aantekeningen');
    }
    expect(measure(sheets[0]!.pdf, 'a')[0]!.text).toContain('Voorlichting door UWV');
  });

  it('a long DIN goes to A3 sheets with every inspanning on them and every word ≥ 9 pt', async () => {
    const [sheet] = await renderWorksheets(longAnalysis(), renderer, { versie, regioNaam, date, regions: ['regio-a'] });
    expect(sheet!.size.paper).toBe('A3');
    const pages = measure(sheet!.pdf, 'groot');
    expect(pages.length).toBe(sheet!.pages);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(Math.round(p.width)).toBe(1191);
      expect(Math.min(...p.sizes)).toBeGreaterThanOrEqual(8.95);
    }
    // Every row printed, none cut off at the bottom of a sheet (the page clips overflow).
    const text = pages.map((p) => p.text).join(' ');
    for (let i = 1; i <= 25; i++) expect(text).toContain(`Inspanning${i}:`);
    expect(text).toContain(`blad ${pages.length} van ${pages.length}`);
  });

  it('a region without a DIN gets the blank sheet under its own name', async () => {
    const [sheet] = await renderWorksheets(national, renderer, { versie, regioNaam, date, regions: ['regio-c'] });
    expect(sheet!.name).toBe('schuifjes-regio-c');
    const [page] = measure(sheet!.pdf, 'c');
    expect(page!.text).toContain('Regio C');
    expect(page!.text).toContain('nog geen DIN');
    expect(Math.min(...page!.sizes)).toBeGreaterThanOrEqual(8.95);
  });

  it("the region's own PDF starts with a one-page A4 summary at ≥ 9 pt, then its diagrams", async () => {
    const drawn = await drawDiagrams(set.diagrams, renderer);
    const own = drawn.filter((d) => d.regio === 'regio-a').length;
    const r = await renderRegionPdf(national, 'regio-a', drawn, renderer, { regioNaam, versie, title: 'Regio A', date, regionVersion: versie() });
    const pages = measure(r.pdf, 'regio-a');
    expect(pages.length).toBe(r.pages);
    expect(r.pages).toBeGreaterThanOrEqual(1 + own);
    const [summary] = pages;
    // A4 portrait: 595 × 842 pt.
    expect(Math.round(summary!.width)).toBe(595);
    expect(Math.round(summary!.height)).toBe(842);
    expect(Math.min(...summary!.sizes)).toBeGreaterThanOrEqual(8.95);
    for (const h of ['Ambitie', 'cijfers', 'Hefboompunten', 'Schuifjes']) expect(summary!.text).toContain(h);
    expect(summary!.text).toContain('autonoom → gezamenlijk');
  });
});
