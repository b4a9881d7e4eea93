/**
 * User text never reaches KaTeX. Mermaid draws `$$…$$` in a label as maths, after decoding
 * our `#36;` back into `$`: `$$\rule{3000em}{3000em}$$` drew a 52,649 px black box and
 * `$$\notacommand$$` made the drawing fail. Two defences, each tested on its own in real
 * Chromium: the label encoding leaves no `$$` for mermaid to find (so a committed `.mmd` is
 * safe in any stock mermaid, GitHub's too), and our renderer's bundle has maths switched off.
 *
 * Skipped (with a warning) when Chromium is not installed; `.ci/run` installs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, openBrowser, type BrowserSession } from '../../src/browser/chromium.js';
import { GUARD_NAMES, mermaidSource } from '../../src/browser/mermaid-source.js';
import { BrowserRenderer, FORCED_CONFIG, type RenderedSvg } from '../../src/browser/render.js';
import { FlowchartBuilder } from '../../src/render/mermaid/builder.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden (sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation)');

/** Shown as written: the text must appear literally in the SVG. */
const PAYLOADS = ['$$\\Huge\\color{red}{NEP}$$', '$$\\rule{3000em}{3000em}$$', '$$\\notacommand$$', '$x$'];
/** Mermaid's markdown step turns `\$` into `$`, so these once spelled `$$` after decoding. */
const ESCAPED = ['$\\$\\Huge\\color{red}{ESC}$\\$', '\\$\\$\\rule{3000em}{3000em}\\$\\$'];

/** One diagram per payload: as a node label, an edge label and a subgraph title, on one line and over two (a `<br/>` makes mermaid decode every entity). */
function diagram(payload: string): string {
  const b = new FlowchartBuilder('TB', 'Wiskunde');
  b.subgraph('g', payload, () => {
    b.node('a', payload);
    b.node('b', `${payload}\nvolgende regel`);
  });
  b.node('c', `eerste regel\n${payload}`);
  b.edge('a', 'c', { label: payload });
  b.edge('b', 'c', { label: `${payload}\nnog een regel` });
  return b.toString();
}

/** What the old encoder wrote for a label: every `$` as `#36;`, nothing between them. */
function oldDiagram(payload: string): string {
  const enc = (s: string) => [...s].map((ch) => (/[\p{L}\p{N}\p{M} ]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
  return `flowchart TB\n  n0["${enc(payload)}<br/>volgende regel"]\n`;
}

const hasMaths = (svg: string) => /<math|class="katex/.test(svg);

function textOf(svg: string): string {
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  expect(doc.querySelector('parsererror')).toBeNull();
  for (const s of Array.from(doc.querySelectorAll('style'))) s.remove();
  return (doc.documentElement.textContent ?? '').replace(/\s+/g, '');
}

/**
 * The payload is shown as text in all six places of its diagram: the subgraph title, three
 * nodes, two edges. Mermaid breaks a node's line at a literal `\n` (its own quirk, maths or
 * not), so such a payload is looked for in its pieces.
 */
function shownIn(text: string, payload: string): boolean {
  if (!payload.includes('\\n')) return text.split(payload).length - 1 === 6;
  return payload.split('\\n').every((piece) => text.split(piece).length - 1 >= 6);
}

it('the no-maths guard is in both bundles the renderer can load, and mermaid’s maths test is gone from them', () => {
  expect(GUARD_NAMES).toEqual(['no-maths']);
  for (const fast of [true, false]) {
    const source = mermaidSource(fast);
    expect(source.guards).toEqual(GUARD_NAMES);
    expect(source.script).not.toContain('lk=/\\$\\$(.*?)\\$\\$/g');
    expect(source.script).toContain('lk=/(?!)/g,');
  }
});

describe.skipIf(!chromium)('maths in Chromium', () => {
  let cacheDir: string;
  let renderer: BrowserRenderer;
  let plain: BrowserSession;
  let drawn: RenderedSvg[];

  /** Stock mermaid 11.17.2 with our config, without any of our changes to the bundle: what a committed `.mmd` meets elsewhere. */
  const drawPlain = (src: string) =>
    plain.page.evaluate(async (text) => {
      const m = (globalThis as unknown as { mermaid: { render(id: string, src: string): Promise<{ svg: string }> } }).mermaid;
      try {
        const tpl = document.createElement('template');
        tpl.innerHTML = (await m.render(`p${Math.random().toString(36).slice(2)}`, text)).svg;
        // As XML, like the renderer: mermaid's HTML serialisation has unclosed <br>.
        return { svg: new XMLSerializer().serializeToString(tpl.content.querySelector('svg')!) };
      } catch (e) {
        return { error: String((e as Error)?.message ?? e) };
      }
    }, src);

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
    renderer = new BrowserRenderer({ cacheDir });
    drawn = await renderer.renderSvgs([...PAYLOADS, ...ESCAPED].map((p, i) => ({ name: `wiskunde-${i}`, mermaid: diagram(p) })));
    plain = await openBrowser(chromium!);
    await plain.page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await plain.page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    await plain.page.evaluate((config) => (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config), FORCED_CONFIG as unknown as Record<string, unknown>);
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
    await plain?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('our renderer draws every maths payload as its literal text: no <math>, no KaTeX, a sane width, no error', () => {
    expect(drawn.length).toBe(PAYLOADS.length + ESCAPED.length);
    drawn.forEach((d, i) => {
      expect(hasMaths(d.svg), d.name).toBe(false);
      expect(d.width, d.name).toBeLessThan(2000);
      expect(d.height, d.name).toBeLessThan(2000);
      if (i < PAYLOADS.length) expect(shownIn(textOf(d.svg), PAYLOADS[i]!), d.name).toBe(true);
    });
    expect(renderer.browser!.consoleErrors).toEqual([]);
  });

  it('stock mermaid draws the same diagram text without maths too (the encoding alone keeps a committed .mmd safe)', async () => {
    for (const payload of [...PAYLOADS, ...ESCAPED]) {
      const r = await drawPlain(diagram(payload));
      expect(r.error, payload).toBeUndefined();
      expect(hasMaths(r.svg!), payload).toBe(false);
      if (PAYLOADS.includes(payload)) expect(shownIn(textOf(r.svg!), payload), payload).toBe(true);
    }
  });

  it('the check can see maths: stock mermaid given the old encoding (`$` as #36; only) draws the payload with KaTeX', async () => {
    const r = await drawPlain(oldDiagram(PAYLOADS[0]!));
    expect(r.error).toBeUndefined();
    expect(hasMaths(r.svg!)).toBe(true);
  });
});
