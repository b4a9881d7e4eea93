/**
 * The schuifjes worksheet and the region summary page (issue 16, points 6 and 7) as HTML:
 * what is on them, what is pre-filled, how rows are spread over paper, and that every size
 * on them is at least 9 pt. How they print is in test/browser/worksheet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyse/schema.js';
import { blankWorksheet, LEVEL_TEXT, regionSummaryHtml, worksheetFor, worksheetLayout, worksheetPages, type WorksheetInput } from '../../src/render/worksheet.js';
import { COOPERATION_LEVELS } from '../../src/vocabulary/vocabulary.js';
import { national } from '../fixtures/mini.js';

const boxes = (html: string) => (html.match(/<span class="box[^"]*" role="img"/g) ?? []).length;
const filled = (html: string) => [...html.matchAll(/<span class="box model" role="img" aria-label="([^"]+)"/g)].map((m) => m[1]);
/** Every font size the page's CSS sets, in pt. */
const fontSizes = (html: string) => [...html.matchAll(/font-size:\s*([\d.]+)(pt|px)/g)].map((m) => (m[2] === 'px' ? (Number(m[1]) * 72) / 96 : Number(m[1])));

describe('the schuifjes worksheet of a region', () => {
  const w = worksheetFor(national, 'regio-a', '2026-11-20 (git abc1234)');
  const { size, html } = worksheetPages(w);
  const all = html.join('\n');

  it('has every inspanning of the DIN as a row, and three empty rows to write in', () => {
    expect(w.rows.map((r) => r.label)).toEqual(national.dins[0]!.inspanningen.map((i) => i.label));
    // Two boxes per level per row (NU and GEWENST), six levels, 3 + 3 rows.
    expect(boxes(all)).toBe((3 + 3) * 2 * 6);
    expect(all).toContain('Voorlichting door UWV');
  });

  it('pre-fills lightly exactly the boxes where the model has schuifjes', () => {
    // a-loket: autonoom → gezamenlijk; a-uwv: afstemmen → afstemmen; the third has none.
    expect(filled(all).sort()).toEqual(['gewenst afstemmen (model)', 'gewenst gezamenlijk (model)', 'nu afstemmen (model)', 'nu autonoom (model)']);
    expect(all).toContain('.box.model { background: #c8c8c8; }');
    expect(all).toContain('bij 2 staan de schuifjes van het model licht grijs voorgedrukt');
  });

  it('explains the scale at the top in words, never in code names', () => {
    for (const l of COOPERATION_LEVELS) expect(all).toContain(LEVEL_TEXT[l].uitleg);
    expect(all).toContain('niet handelen');
    expect(all).toContain('kennis delen');
    expect(all).not.toMatch(/niet-handelen|kennis-delen/);
    expect(all).toContain('<strong>NU</strong>');
    expect(all).toContain('<strong>GEWENST</strong>');
    expect(all).toContain('<strong>Aantekeningen</strong>');
  });

  it('escapes the model text and prints without scripts', () => {
    expect(all).not.toContain('<img src=x');
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(all).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(all).not.toMatch(/<script/i);
  });

  it('is A4 landscape when it fits, with every size on it at least 9 pt', () => {
    expect(size).toEqual({ paper: 'A4', landscape: true });
    expect(html).toHaveLength(1);
    expect(html[0]).toContain('@page { size: A4 landscape;');
    const sizes = fontSizes(all);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });
});

describe('the blank worksheet', () => {
  it('has only rows to write in, a line for the region name, and is called schuifjes-leeg', () => {
    const w = blankWorksheet('v1');
    const { size, html } = worksheetPages(w);
    expect(size.paper).toBe('A4');
    expect(w.rows).toEqual([]);
    expect(boxes(html[0]!)).toBe(7 * 12);
    expect(filled(html[0]!)).toEqual([]);
    expect(html[0]).toContain('<span class="name"></span>');
    expect(html[0]).toContain('werkbladen/schuifjes-leeg.pdf');
    expect(html[0]).toContain('Deze regio heeft nog geen DIN');
  });

  it('for a named region without a DIN carries its name and file name', () => {
    const { html } = worksheetPages(blankWorksheet('v1', { id: 'regio-c', naam: 'Regio C' }));
    expect(html[0]).toContain('<h1>Schuifjes — Regio C</h1>');
    expect(html[0]).toContain('werkbladen/schuifjes-regio-c.pdf');
  });
});

describe('a long DIN', () => {
  const long = (i: number) =>
    `Inspanning ${i}: een regionaal programma waarin besturen, opleiders en gemeenten samen werven, begeleiden en behouden, met aandacht voor zij-instromers en starters in het primair onderwijs`;
  const w: WorksheetInput = {
    regio: 'groot',
    regioNaam: 'Groot',
    bron: 'test',
    modelVersie: 'v',
    rows: Array.from({ length: 30 }, (_, i) => ({ label: long(i + 1), uitvoerder: 'het samenwerkingsverband', nu: null, gewenst: null })),
    emptyRows: 3,
  };

  it('goes to A3 and over several sheets, each row exactly once, in order', () => {
    const { size, pages } = worksheetLayout(w);
    expect(size.paper).toBe('A3');
    expect(pages.length).toBeGreaterThan(1);
    const labels = pages.flat().filter((r) => r !== null).map((r) => r.label);
    expect(labels).toEqual(w.rows.map((r) => r.label));
    const { html } = worksheetPages(w);
    expect(html).toHaveLength(pages.length);
    html.forEach((h, i) => expect(h).toContain(`blad ${i + 1} van ${pages.length}`));
    // Each sheet repeats the scale: every page explains itself.
    for (const h of html) expect(h).toContain(LEVEL_TEXT.integreren.uitleg);
  });

  it('empty rows never start a sheet of their own', () => {
    const { pages } = worksheetLayout(w);
    expect(pages[pages.length - 1]!.some((r) => r !== null)).toBe(true);
  });
});

describe('the summary page of a region', () => {
  const din = national.dins[0]!;
  const page = regionSummaryHtml({
    regio: 'regio-a',
    regioNaam: 'Regio A',
    modelVersie: 'v1',
    din,
    schuifjes: national.schuifjes[0],
    diagrammen: ['DIN Regio A'],
  });

  it('is one A4 portrait page with ambitie, counts, gaps, hefboompunten and schuifjes in words', () => {
    expect(page).toContain('@page { size: A4 portrait;');
    expect(page).toContain('<h1>Regio A</h1>');
    for (const h of ['Ambitie', 'In cijfers', 'Belangrijkste gaten', 'Hefboompunten', 'Schuifjes', 'Verder in deze PDF']) expect(page).toContain(`<h2>${h}`);
    expect(page).toContain(din.ambitie.label.replace(/"/g, '&quot;').slice(0, 20));
    expect(page).toContain('3 inspanningen');
    // Counted as the DIN diagram counts: the inspanning without doel once, as weesenergie.
    expect(page).toContain('1 gat ·');
    expect(page).toContain('1 inspanning met weesenergie');
    expect(page).toContain('1 hefboom-inspanning');
    expect(page).toContain('autonoom → gezamenlijk');
    expect(page).toContain('1 inspanning nog zonder schuifjes');
    expect(page).not.toMatch(/kennis-delen|niet-handelen|doel-zonder-/);
    expect(Math.min(...fontSizes(page))).toBeGreaterThanOrEqual(9);
  });

  it('cuts a long line at a word so each item stays one line', () => {
    const longDin: Analysis['dins'][number] = { ...din, ambitie: { id: 'x', label: 'woord '.repeat(100).trim() } };
    const p = regionSummaryHtml({ regio: 'r', regioNaam: 'R', modelVersie: 'v', din: longDin, schuifjes: undefined, diagrammen: [] });
    const ambitie = /<h2>Ambitie<\/h2><p class="line">([^<]*)<\/p>/.exec(p.replace(/\n/g, ''))![1]!;
    expect(ambitie.length).toBeLessThanOrEqual(260);
    expect(ambitie).toMatch(/woord…$/);
    // List items never wrap: what does not fit ends in an ellipsis on paper.
    expect(p).toContain('li { margin: 0 0 .8mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }');
  });

  it('says so for a region without a DIN and points to the blank worksheet', () => {
    const p = regionSummaryHtml({ regio: 'regio-c', regioNaam: 'Regio C', modelVersie: 'v', din: undefined, schuifjes: undefined, diagrammen: [] });
    expect(p).toContain('<h2>Geen DIN</h2>');
    expect(p).toContain('werkbladen/schuifjes-regio-c.pdf');
    expect(p).toContain('npx tocdin init-regio regio-c');
    expect(p).not.toContain('Hefboompunten');
  });
});
