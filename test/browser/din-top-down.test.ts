/**
 * Issue 16.3 in the real renderer: a DIN reads from the top down as in seed 002 §3.2,
 * ambitie on top, then ER-doelen, concrete doelen, inspanningen at the bottom. Measured on
 * the SVG that mermaid draws in Chromium (the Mermaid text alone cannot tell where it lands).
 *
 * Skipped (with a warning) when Chromium is not installed; `.ci/run` installs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';
import { BrowserRenderer } from '../../src/browser/render.js';
import { drawDiagrams, type DrawnDiagram } from '../../src/publish.js';
import { dinView } from '../../src/render/mermaid/views.js';
import { national } from '../fixtures/mini.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden');

/** The absolute y of each node's centre in the SVG, by its text. */
function nodeYs(svg: string): { text: string; y: number }[] {
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  const out: { text: string; y: number }[] = [];
  for (const g of Array.from(doc.querySelectorAll('g.node'))) {
    let y = 0;
    // Sum the translations up the tree: nodes in a cluster may be placed relative to it.
    for (let el: Element | null = g; el && el.tagName !== 'svg'; el = el.parentElement) {
      const m = /translate\(\s*[-\d.e]+[ ,]+([-\d.e]+)\s*\)/.exec(el.getAttribute('transform') ?? '');
      if (m) y += Number(m[1]);
    }
    out.push({ text: (g.textContent ?? '').replace(/\s+/g, ' ').trim(), y });
  }
  return out;
}

describe.skipIf(!chromium)('DIN in Chromium', () => {
  let cacheDir: string;
  let renderer: BrowserRenderer;
  let drawn: DrawnDiagram[];

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'tocdin-din-'));
    renderer = new BrowserRenderer({ cacheDir });
    drawn = await drawDiagrams([...dinView(national, 'regio-a'), ...dinView(national, 'regio-a', { split: true })], renderer);
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('the ambitie is drawn highest, the ER-doelen above the concrete doelen above the inspanningen', () => {
    const din = national.dins.find((d) => d.regio === 'regio-a')!;
    const ys = nodeYs(drawn[0]!.svg).filter((n) => !/^(HEFBOOM|GAT|WEESENERGIE|inspanning van een andere|sterke|middel|zwakke|doel draagt)/.test(n.text) && n.text !== '');
    const yOf = (label: string) => {
      const hit = ys.find((n) => n.text.startsWith(label.slice(0, 15)));
      expect(hit, label).toBeDefined();
      return hit!.y;
    };
    const ambitie = yOf(din.ambitie.label);
    const er = din.er_doelen.map((e) => yOf(e.label));
    const cd = din.concrete_doelen.map((c) => yOf(c.label));
    const efforts = din.inspanningen.filter((s) => s.bijdragen.length > 0).map((s) => yOf(s.label));
    expect(Math.min(...er)).toBeGreaterThan(ambitie);
    expect(Math.min(...cd)).toBeGreaterThan(Math.max(...er));
    expect(Math.min(...efforts)).toBeGreaterThan(Math.max(...cd));
    for (const n of ys) if (!n.text.startsWith(din.ambitie.label.slice(0, 15))) expect(n.y, n.text).toBeGreaterThan(ambitie);
  });

  it('in every part too, the ambitie is on top of every element of the part', () => {
    const din = national.dins.find((d) => d.regio === 'regio-a')!;
    const prefixes = [...din.er_doelen, ...din.concrete_doelen, ...din.inspanningen].map((e) => e.label.slice(0, 15));
    expect(drawn.length).toBe(4);
    for (const d of drawn.slice(1)) {
      const ys = nodeYs(d.svg);
      const amb = ys.find((n) => n.text.startsWith(din.ambitie.label.slice(0, 15)))!;
      const elements = ys.filter((n) => prefixes.some((p) => n.text.startsWith(p)));
      expect(elements.length, d.name).toBeGreaterThan(0);
      for (const n of elements) expect(n.y, `${d.name}: ${n.text}`).toBeGreaterThan(amb.y);
    }
  });
});
