/**
 * GitHub shows what the PDF shows. Every committed `.mmd` carries our look in its own front
 * matter, so a renderer that knows nothing of tocdin draws it as our Chromium page does.
 * Checked the way GitHub meets the files: the COMMITTED diagrams/*.mmd, exactly as they are
 * on disk (marker line included), drawn by the stock mermaid bundle initialised with
 * nothing but `startOnLoad: false`; then the fill colours of every subgraph, node, pie slice
 * and pie swatch are compared with our renderer's drawing of the same file.
 *
 * Skipped (with a warning) when Chromium is not installed; `.ci/run` installs it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, openBrowser, type BrowserSession } from '../../src/browser/chromium.js';
import { BrowserRenderer, FORCED_CONFIG, type RenderedSvg } from '../../src/browser/render.js';
import { FLOWCHART_CONFIG, PIE_STATUS_COLOUR } from '../../src/render/mermaid/config.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden (sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation)');

const DIR = join(import.meta.dirname, '..', '..', 'diagrams');
const files = readdirSync(DIR).filter((f) => f.endsWith('.mmd')).sort();

/** The fills an eye sees, per kind of thing, in document order (computed CSS colours). */
interface Fills {
  clusters: string[];
  nodes: string[][];
  slices: string[];
  swatches: string[];
  /** Slice opacity as drawn (mermaid's default is 0.7: paler than its swatch). */
  sliceOpacity: string[];
}

/** `rgb(r, g, b)` of a `#rrggbb`, as getComputedStyle reports it. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe.skipIf(!chromium)('committed .mmd files drawn by stock mermaid look like ours', () => {
  let cacheDir: string;
  let renderer: BrowserRenderer;
  let plain: BrowserSession;
  let ours: RenderedSvg[];
  const texts = files.map((f) => readFileSync(join(DIR, f), 'utf8'));

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
    renderer = new BrowserRenderer({ cacheDir });
    ours = await renderer.renderSvgs(files.map((f, i) => ({ name: f.replace(/\.mmd$/, ''), mermaid: texts[i]! })));
    plain = await openBrowser(chromium!);
    await plain.page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    // The bundle as published, none of our changes; configured with nothing but this.
    await plain.page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    await plain.page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize({ startOnLoad: false }));
  }, 240_000);

  afterAll(async () => {
    await renderer?.close();
    await plain?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Stock mermaid's drawing of `text` and our SVG, both put in the page, and the fills of each. */
  const compare = (text: string, svg: string, k: number) =>
    plain.page.evaluate(
      async ([text, svg, k]) => {
        const m = (globalThis as unknown as { mermaid: { render(id: string, src: string): Promise<{ svg: string }> } }).mermaid;
        const holder = (html: string) => {
          const div = document.createElement('div');
          div.innerHTML = html;
          document.body.append(div);
          return div;
        };
        const fill = (el: Element | null) => (el ? getComputedStyle(el).fill : 'none');
        const fillsOf = (root: Element) => ({
          clusters: Array.from(root.querySelectorAll('g.cluster')).map((g) => fill(g.querySelector(':scope > rect, :scope > path, :scope > polygon'))),
          nodes: Array.from(root.querySelectorAll('g.node')).map((g) =>
            Array.from(g.querySelectorAll('rect, path, polygon, circle, ellipse'))
              .filter((s) => !s.closest('.label, foreignObject'))
              .map((s) => fill(s)),
          ),
          slices: Array.from(root.querySelectorAll('path.pieCircle')).map((p) => fill(p)),
          swatches: Array.from(root.querySelectorAll('g.legend rect')).map((r) => fill(r)),
          sliceOpacity: Array.from(root.querySelectorAll('path.pieCircle')).map((p) => getComputedStyle(p).opacity),
        });
        const stock = holder((await m.render(`stock-${k}`, text)).svg);
        const own = holder(svg);
        const out = { stock: fillsOf(stock), ours: fillsOf(own) };
        stock.remove();
        own.remove();
        return out;
      },
      [text, svg, k] as const,
    ) as Promise<{ stock: Fills; ours: Fills }>;

  it('every committed diagram carries our config in its front matter', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const t of texts) {
      expect(t.startsWith('---\n')).toBe(true);
      expect(t).toMatch(/\nconfig:\n {2}theme: neutral\n/);
    }
  });

  it('our renderer injects no look: only security and determinism, which front matter cannot change', () => {
    expect(Object.keys(FORCED_CONFIG).sort()).toEqual(['deterministicIds', 'handDrawnSeed', 'htmlLabels', 'secure', 'securityLevel', 'startOnLoad']);
    // Every forced key is also a secure key (so mermaid strips it from front matter and directives)…
    for (const k of Object.keys(FORCED_CONFIG)) expect(FORCED_CONFIG.secure).toContain(k);
    // …and where the front matter says the same thing, it says the same value.
    expect(FORCED_CONFIG.htmlLabels).toBe(FLOWCHART_CONFIG.htmlLabels);
  });

  it.each(files.map((f, i) => [f, i] as const))('%s: same fills in stock mermaid as in ours', async (file, i) => {
    const { stock, ours: own } = await compare(texts[i]!, ours[i]!.svg, i);
    expect(stock).toEqual(own);
    if (file.startsWith('overzicht')) {
      // The pie: status colours in the order of the slices, opaque, swatches = slices; gedekt not white.
      const expected = (['gedekt', 'deels', 'gat'] as const).map((s) => rgb(PIE_STATUS_COLOUR[s]));
      expect(own.swatches).toEqual(expected);
      expect(own.slices.length).toBeGreaterThan(0);
      for (const s of own.slices) expect(expected).toContain(s);
      expect(own.sliceOpacity.every((o) => o === '1')).toBe(true);
      expect(own.swatches[0]).not.toBe('rgb(255, 255, 255)');
    } else {
      expect(own.nodes.length).toBeGreaterThan(0);
      expect(own.nodes.every((n) => n.length > 0)).toBe(true);
      // Subgraphs in the neutral theme's grey, not mermaid's default yellow.
      if (/\n\s*subgraph /.test(texts[i]!)) {
        expect(own.clusters.length).toBeGreaterThan(0);
        expect(own.clusters).not.toContain('rgb(255, 255, 222)');
      }
    }
  });

  it('the check can see a difference: the same DIN without our front matter draws other fills in stock mermaid', async () => {
    const i = files.findIndex((f) => f.startsWith('din-'));
    const bare = texts[i]!.replace(/\nconfig:\n(?: {2}.*\n)+/, '\n');
    expect(bare).not.toContain('config:');
    const { stock, ours: own } = await compare(bare, ours[i]!.svg, 1000);
    expect(stock.clusters).not.toEqual(own.clusters);
  });

  it('front matter cannot loosen what our renderer forces (strict, HTML labels, no extra CSS)', async () => {
    const hostile = [
      '---',
      'config:',
      '  securityLevel: loose',
      '  htmlLabels: false',
      '  deterministicIds: false',
      '  themeCSS: "g.node rect { fill: #ff0000 }"',
      '  secure: []',
      '---',
      'flowchart LR',
      '  n0["<b onmouseover=alert(1)>tekst</b>"] --> n1["twee"]',
      '',
    ].join('\n');
    // Loose would keep the handler, and our renderer refuses an SVG with active content.
    const [svg] = await renderer.renderSvgs([{ name: 'vijandig', mermaid: hostile }]);
    expect(svg!.svg).not.toMatch(/onmouseover/i);
    expect(svg!.svg).toContain("tekst");
    expect(svg!.svg).toContain('<foreignObject');
    expect(svg!.svg).not.toContain('#ff0000');
    expect(svg!.svg).toContain('id="d-vijandig"');
  });

  it('neither page logged an error', () => {
    expect(renderer.browser!.consoleErrors).toEqual([]);
    expect(plain.consoleErrors).toEqual([]);
  });
});
