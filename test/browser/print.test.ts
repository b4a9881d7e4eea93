/**
 * posters.pdf is byte-identical across runs (issue 14, point 10). It was not: one page's
 * diagram title came out as `9.97 Tf` in one run and `9.98 Tf` in another, from the same
 * HTML. Chromium draws SVG <text> with a font of the size the text has on the page and
 * keeps those fonts in a cache that files nearby sizes together, so what a renderer had
 * printed before decided the size. The poster pages now have Chromium scale SVG text as
 * vectors instead (text-rendering: geometricPrecision), which no earlier page can change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findChromium, openBrowser } from '../../src/browser/chromium.js';
import { BrowserRenderer, type PdfPage } from '../../src/browser/render.js';
import { drawDiagrams, renderPosters } from '../../src/publish.js';
import { posterHtml, tileHtml, wallTiling, type PosterInput } from '../../src/render/poster.js';
import { set } from '../fixtures/mini.js';

const chromium = findChromium();

const INPUT: PosterInput = {
  name: 'din-x',
  title: 'DIN X',
  caption: 'Uitleg',
  regio: 'Regio X',
  modelVersie: '2026-11-20 (git abc1234)',
  legenda: [{ label: 'doel', style: 'fill:#deebf7,stroke:#08519c' }],
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1889.9375 1591" width="1890" height="1591"><text x="10" y="20">Titel</text></svg>',
  width: 1890,
  height: 1591,
  size: { paper: 'A3', landscape: true },
};

describe('the printed page', () => {
  it('is the same text for the same input, and has Chromium scale SVG text as vectors', () => {
    expect(posterHtml(INPUT)).toBe(posterHtml({ ...INPUT }));
    const tiling = wallTiling(INPUT.width, INPUT.height);
    const tile = tileHtml({ ...INPUT, tiling, col: 0, row: 0 });
    expect(tile).toBe(tileHtml({ ...INPUT, tiling, col: 0, row: 0 }));
    for (const html of [posterHtml(INPUT), tile]) expect(html).toContain('svg text { text-rendering: geometricPrecision !important; }');
  });
});

/** The decompressed content streams of every page: what is drawn, without file structure. */
async function pageContents(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => {
    const c = p.node.get(PDFName.of('Contents'));
    const refs = c instanceof PDFArray ? c.asArray() : [c];
    return refs.map((r) => inflateSync(Buffer.from((doc.context.lookup(r as PDFRef) as PDFRawStream).contents)).toString('latin1')).join('\n');
  });
}

const TITLE = 'DIN Zeeuwse Onderwijsregio (ZOR) (voorbeeld uit openbare bronnen), deel 3';

/** A poster of a drawing with a title as mermaid draws it (18px SVG text), `height` px high. */
function titled(height: number): PdfPage {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -50 1889.9375 ${height}" width="1890" height="${height}"><style>.t{text-anchor:middle;font-size:18px;fill:#000}</style><text x="945" y="-25" class="t">${TITLE}</text></svg>`;
  return { name: `titel ${height}`, html: posterHtml({ ...INPUT, legenda: [], svg, width: 1890, height }) };
}

/** Another page with the same title drawn at `size` px on paper. */
function primer(size: number): PdfPage {
  const w = (1000 * size) / 18;
  return {
    name: `primer ${size}`,
    html: `<!doctype html><html><body style="margin:0"><svg width="${w}" height="${w / 2}" viewBox="0 0 1000 500"><style>text{font-family:"DejaVu Sans";font-size:18px}</style><text x="10" y="40">${TITLE}</text></svg></body></html>`,
  };
}

describe.skipIf(!chromium)('in Chromium', () => {
  it('a poster page prints the same whatever the renderer printed before it', async () => {
    // Drawings scaled so the title lands at 9.97, 9.69, 9.15 and 8.24 pt-ish: sizes where,
    // without the fix, a page printed before at a size ±0.006–0.012 changed the title's size.
    const pages = [1652, 1700, 1800, 2000].map(titled);
    const s = await openBrowser(chromium!);
    const sizes: number[] = [];
    try {
      for (const p of pages) {
        await s.page.setContent(p.html, { waitUntil: 'load' });
        sizes.push(await s.page.evaluate(() => 18 * (document.querySelector('figure svg text') as SVGTextElement).getScreenCTM()!.a));
      }
    } finally {
      await s.close();
    }
    const alone = new BrowserRenderer({ workers: 1 });
    const after = new BrowserRenderer({ workers: 1 });
    const meta = { title: 't', date: new Date(0) };
    try {
      const want = await pageContents(await alone.renderPdf(pages, meta));
      // Each page after the same title at nearby sizes, on the same printer page.
      const sequence = pages.flatMap((p, i) => [...[-0.012, -0.006, 0.006, 0.012].map((d) => primer(sizes[i]! + d)), p]);
      const printed = await pageContents(await after.renderPdf(sequence, meta));
      const got = sequence.flatMap((p, i) => (pages.includes(p) ? [printed[i]] : []));
      got.forEach((content, i) => expect(content, pages[i]!.name).toBe(want[i]));
    } finally {
      await alone.close();
      await after.close();
    }
  }, 120_000);

  it('two runs with empty caches give byte-identical posters.pdf', async () => {
    const opts = { regioNaam: (id: string) => id, versie: () => '2026-11-20 (git abc1234)', title: 'test', date: new Date('2026-11-20T12:00:00Z') };
    const run = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
      const r = new BrowserRenderer({ cacheDir: dir });
      try {
        return (await renderPosters(await drawDiagrams(set.diagrams, r), r, opts)).pdf;
      } finally {
        await r.close();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const first = await run();
    const second = await run();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  }, 180_000);
});
