/**
 * The evidence gap maps as printed pages (posters.pdf): two pages, landscape, every word of
 * the table in the cells as text (colour repeats the word, never replaces it); 9.5 pt (pdf-textsize).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';
import { BrowserRenderer } from '../../src/browser/render.js';
import { evidence } from '../../src/analyse/evidence.js';
import { gapMapPages } from '../../src/render/evidence.js';
import { load } from '../fixtures/engine.js';

describe.skipIf(!findChromium())('gap map pages', () => {
  it('two landscape pages with the counts and strengths as text', async () => {
    const e = evidence(load('bewijs').built, { fase: '2025-1' });
    const pages = gapMapPages(e, '2026-11-20 (git abc1234)');
    expect(pages.map((p) => [p.name, p.size])).toEqual([
      ['bewijskaart-methoden', { paper: 'A4', landscape: true }],
      ['bewijskaart-fasen', { paper: 'A4', landscape: true }],
    ]);
    expect(pages[0]!.html).toContain('<td class="mk ev-sterk">2 · sterk</td>');
    expect(pages[1]!.html).toContain('<td class="mk ev-later">later</td>');
    const r = new BrowserRenderer({ workers: 1 });
    try {
      const pdf = await PDFDocument.load(await r.renderPdf(pages, { title: 'bewijskaart', date: new Date(0) }));
      expect(pdf.getPageCount()).toBe(2);
      const [w, h] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
      expect(w).toBeGreaterThan(h);
    } finally {
      await r.close();
    }
  }, 120_000);
});
