/**
 * The real thing: mermaid in Debian's Chromium. SVGs must carry every label as text (the
 * hostile ones included) and nothing active; posters must have one page per diagram at
 * the chosen paper size with embedded fonts; the HTML report must open offline without
 * console errors or requests, and print as a predictable number of A4 pages.
 *
 * Skipped (with a warning) when Chromium is not installed; `.ci/run` installs it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, openBrowser } from '../../src/browser/chromium.js';
import { BrowserRenderer, type Ranker } from '../../src/browser/render.js';
import { FIX_NAMES, mermaidSource } from '../../src/browser/mermaid-source.js';
import { drawDiagrams, isPrintView, isWallView, renderPosters, renderWallPosters, type DrawnDiagram } from '../../src/publish.js';
import { partsOf } from '../../src/render/diagrams.js';
import { RENDERERS } from '../../src/render/index.js';
import { MAX_TILES, MIN_TILE_FILL, posterHtml, WALL_PT } from '../../src/render/poster.js';
import { decodeLabel } from '../../src/render/mermaid/builder.js';
import { national, set } from '../fixtures/mini.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden (sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation)');


/** Every quoted label in the Mermaid text, decoded to what the user wrote, line by line. */
function labelsOf(mermaid: string): string[] {
  const out: string[] = [];
  for (const m of mermaid.matchAll(/(?:\[|\(|\{|\||\/)"((?:[^"])*)"/g)) for (const line of decodeLabel(m[1]!).split('\n')) if (line.trim()) out.push(line.replace(/\s+/g, ' ').trim());
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function parseSvg(svg: string) {
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  return doc;
}

const A4 = [595.28, 841.89];
const A3 = [841.89, 1190.55];
function paperOf(w: number, h: number): string {
  const [a, b] = [Math.min(w, h), Math.max(w, h)];
  const near = (x: number, y: number) => Math.abs(x - y) < 2;
  const name = near(a, A4[0]!) && near(b, A4[1]!) ? 'A4' : near(a, A3[0]!) && near(b, A3[1]!) ? 'A3' : `${w}x${h}`;
  return `${name} ${w > h ? 'liggend' : 'staand'}`;
}

it('the three speed fixes (getConfig, sanitize, ranker) apply to the installed mermaid (an upgrade must port them or drop them knowingly)', () => {
  expect(FIX_NAMES).toEqual(['getConfig', 'sanitize', 'ranker']);
  expect(mermaidSource().fixes).toEqual(FIX_NAMES);
  expect(mermaidSource(false).fixes).toEqual([]);
});

describe.skipIf(!chromium)('in Chromium', () => {
  let cacheDir: string;
  let renderer: BrowserRenderer;
  let drawn: DrawnDiagram[];

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
    renderer = new BrowserRenderer({ cacheDir });
    drawn = await drawDiagrams(set.diagrams, renderer);
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('draws every diagram without console errors or network requests', () => {
    expect(drawn.map((d) => d.name)).toEqual(set.diagrams.map((d) => d.name));
    expect(drawn.every((d) => !d.fromCache && d.width > 0 && d.height > 0)).toBe(true);
    expect(renderer.browser!.consoleErrors).toEqual([]);
    expect(renderer.browser!.blockedRequests).toEqual([]);
  });

  it('the speed fixes change no byte of any SVG (every kind of diagram, hostile labels included); the tight-tree ranker changes only diagrams with tier-skipping links', async () => {
    // One bundled diagram of each kind besides the mini fixture: pie, beleidsmodel, DIN, schuifjes, regional and national coverage.
    const bundled = ['overzicht-dekking', 'beleidsmodel', 'beleidsmodel-schakels', 'din-almere-en-lelystad', 'schuifjes-almere-en-lelystad', 'dekking-almere-en-lelystad', 'dekking-landelijk'].map((name) => ({
      name,
      mermaid: readFileSync(join(import.meta.dirname, '../../diagrams', `${name}.mmd`), 'utf8'),
    }));
    const jobs = [...set.diagrams.map((d) => ({ name: d.name, mermaid: d.mermaid })), ...bundled];
    const draw = async (fastMermaid: boolean, ranker: Ranker) => {
      const dir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
      const r = new BrowserRenderer({ cacheDir: dir, fastMermaid, ranker });
      try {
        return (await r.renderSvgs(jobs)).map((x) => x.svg);
      } finally {
        await r.close();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const published = await draw(false, 'network-simplex');
    const fixed = await draw(true, 'network-simplex');
    jobs.forEach((j, i) => expect(fixed[i], j.name).toBe(published[i]));
    // Our views are layered by construction, so the cheaper ranker finds mermaid's own
    // ranks. Two kinds of diagram have edges that skip tiers and may come out otherwise: the
    // beleidsmodel's element-level links (links that skip a stage) and a DIN with an element
    // without any line, which hangs under the ambitie by an invisible link (`~~~`) across the
    // levels between. The beleidsmodel figure is a block diagram: no ranker at all.
    const tight = await draw(true, 'tight-tree');
    const changed = jobs.filter((_, i) => tight[i] !== published[i]).map((j) => j.name);
    const skipping = jobs.filter((j) => j.name === 'beleidsmodel-schakels' || j.mermaid.includes('~~~')).map((j) => j.name);
    expect(changed.filter((n) => !skipping.includes(n))).toEqual([]);
    expect(changed).toContain('beleidsmodel-schakels');
  }, 180_000);

  it('every SVG is well-formed XML with its model labels as text, hostile ones included', () => {
    for (const d of drawn) {
      const doc = parseSvg(d.svg);
      expect(doc.querySelector('parsererror'), d.name).toBeNull();
      for (const s of Array.from(doc.querySelectorAll('style'))) s.remove();
      // Mermaid wraps long labels over several elements; compare without whitespace.
      const text = squash(doc.documentElement.textContent ?? '');
      const missing = labelsOf(d.mermaid).filter((label) => !text.includes(squash(label)));
      expect(missing, d.name).toEqual([]);
    }
    const all = squash(drawn.map((d) => parseSvg(d.svg).documentElement.textContent ?? '').join(''));
    for (const nasty of ['<script>alert(1)</script>', "%%{init: {'theme':'dark'}}%%", 'click n0 "https://example.org"', '(classDef evil fill:#f00)', '<img src=x onerror=alert(1)> javascript:alert(1)', 'ideeën van ’t team', '€ 214 mln']) {
      expect(all.includes(squash(nasty)), nasty).toBe(true);
    }
  });

  it('schuifjes are a table: one row per inspanning, the six levels in columns in order', () => {
    const d = drawn.find((x) => x.name === 'schuifjes-regio-a')!;
    const at = new Map<string, { x: number; y: number }>();
    for (const g of Array.from(parseSvg(d.svg).querySelectorAll('g.node'))) {
      const id = /-flowchart-(n\d+)-/.exec(g.id)?.[1];
      // A column subgraph is drawn on its own and placed with a transform of its own group.
      let x = 0;
      let y = 0;
      for (let e: Element | null = g; e; e = e.parentElement) {
        const t = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
        if (t) [x, y] = [x + Number(t[1]), y + Number(t[2])];
      }
      if (id) at.set(id, { x, y });
    }
    // Ids as in the golden schuifjes-regio-a.mmd, whose columns are declared right to left:
    // integreren n0 (row 1) and n1 (row 2), … niet handelen n10, n11, the inspanningen n12, n13.
    // (The legend is the page's, not the drawing's.)
    const row = (r: 0 | 1) => [12, 10, 8, 6, 4, 2, 0].map((n) => at.get(`n${n + r}`)!);
    const [one, two] = [row(0), row(1)];
    for (const r of [one, two]) {
      expect(new Set(r.map((p) => Math.round(p.y))).size, 'a row is level').toBe(1);
      r.slice(1).forEach((p, k) => expect(p.x, `column ${k + 1} right of column ${k}`).toBeGreaterThan(r[k]!.x));
    }
    one.forEach((p, k) => expect(Math.abs(p.x - two[k]!.x), `column ${k}`).toBeLessThan(1));
    expect(two[0]!.y - one[0]!.y).toBeGreaterThan(20);
  });

  it('no SVG contains a script, an event handler or a javascript: URL', () => {
    for (const d of drawn) {
      expect(d.svg).not.toMatch(/<script/i);
      const doc = parseSvg(d.svg);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          expect(a.name, `${d.name} <${el.localName} ${a.name}>`).not.toMatch(/^on/i);
          expect(a.value, `${d.name} <${el.localName} ${a.name}>`).not.toMatch(/^\s*javascript:/i);
        }
      }
      // The hostile directive did not reach mermaid's config: the theme stayed ours.
      expect(d.svg).not.toContain('#333333;fill:#1f2020');
    }
  });

  it('a second run takes everything from the cache without starting a browser', async () => {
    const again = new BrowserRenderer({ cacheDir });
    const second = await drawDiagrams(set.diagrams, again);
    expect(second.every((d) => d.fromCache)).toBe(true);
    expect(again.drawn).toBe(0);
    expect(again.browser).toBeUndefined();
    expect(second.map((d) => d.svg)).toEqual(drawn.map((d) => d.svg));
  });

  it('the same text gives the same SVG bytes in a fresh browser, whatever else it drew first', async () => {
    const fresh = new BrowserRenderer({ workers: 1 });
    try {
      const din = set.diagrams.find((d) => d.name.startsWith('din-'))!;
      // One page, the pie first: mermaid's id counters and roughjs have moved on.
      const [, x] = await drawDiagrams([set.diagrams[0]!, din], fresh);
      expect(x!.svg).toBe(drawn.find((d) => d.name === din.name)!.svg);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('posters: one page per printed diagram at the chosen paper size, fonts embedded, text extractable', async () => {
    const posters = await renderPosters(drawn, renderer, { regioNaam: (id) => id, versie: () => '2026-11-20 (git abc1234)', title: 'test', date: new Date('2026-11-20T12:00:00Z') });
    const pdf = await PDFDocument.load(posters.pdf);
    // The element-level beleidsmodel is for screens; every other view is on paper, each on its page.
    const printed = drawn.filter(isPrintView);
    expect(printed.map((d) => d.name)).not.toContain('beleidsmodel-schakels');
    // A diagram too big for one page at 9 pt continues over more ('<name> blad 2').
    expect([...new Set(posters.pages.map((p) => p.name.replace(/ blad \d+$/, '')))]).toEqual(printed.map((d) => d.name));
    expect(pdf.getPageCount()).toBe(posters.pages.length);
    for (const p of posters.pages) expect(p.labelPt, p.name).toBeGreaterThanOrEqual(9);
    pdf.getPages().forEach((page, i) => {
      const { width, height } = page.getSize();
      const want = posters.pages[i]!.size;
      expect(paperOf(width, height)).toBe(`${want.paper} ${want.landscape ? 'liggend' : 'staand'}`);
    });
    const raw = Buffer.from(posters.pdf).toString('latin1');
    expect(raw).toMatch(/\/FontFile2/); // embedded TrueType
    expect(raw).toMatch(/\/ToUnicode/); // selectable, searchable text
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s/);
    expect(pdf.getTitle()).toBe('test');
    // Same input, same bytes: the pages come from the cache and the metadata is fixed.
    const again = await renderPosters(drawn, renderer, { regioNaam: (id) => id, versie: () => '2026-11-20 (git abc1234)', title: 'test', date: new Date('2026-11-20T12:00:00Z') });
    expect(Buffer.from(again.pdf).equals(Buffer.from(posters.pdf))).toBe(true);
  }, 120_000);

  it('wall posters: one PDF per workshop view, one A3 sheet per tile, text at the wall size', async () => {
    const din = drawn.find((d) => d.name === 'din-regio-a')!;
    // Drawn at 2400 × 1700 px, a DIN needs several sheets at the wall size (but fewer than MAX_TILES).
    const big = { ...din, width: 2400, height: 1700 };
    const others = drawn.filter((d) => d.name !== din.name);
    const wall = await renderWallPosters([big, ...others], renderer, { regioNaam: (id) => id, versie: () => 'x', title: 't', date: new Date(0) });
    expect(wall.map((p) => p.name)).toEqual([big, ...others].filter(isWallView).map((d) => d.name));
    expect(wall.map((p) => p.name)).not.toContain('dekking-landelijk');
    const w = wall.find((p) => p.name === din.name)!;
    expect(w.tiling.cols * w.tiling.rows).toBeGreaterThan(1);
    expect(w.tiling.cols * w.tiling.rows).toBeLessThanOrEqual(MAX_TILES);
    for (const p of wall) {
      const pdf = await PDFDocument.load(p.pdf);
      expect(pdf.getPageCount(), p.name).toBe(p.tiling.cols * p.tiling.rows);
      for (const page of pdf.getPages()) expect(paperOf(page.getWidth(), page.getHeight())).toBe(`A3 ${p.tiling.size.landscape ? 'liggend' : 'staand'}`);
      expect(p.tiling.labelPt, p.name).toBeGreaterThanOrEqual(WALL_PT);
      expect(p.tiling.fill, p.name).toBeGreaterThanOrEqual(MIN_TILE_FILL);
    }
    expect(renderer.browser!.consoleErrors).toEqual([]);
  }, 120_000);

  it('posters: --papier A3 puts every diagram on A3', async () => {
    const posters = await renderPosters(drawn, renderer, { papier: 'A3', regioNaam: (id) => id, versie: () => 'x', title: 't', date: new Date(0) });
    const pdf = await PDFDocument.load(posters.pdf);
    for (const p of pdf.getPages()) expect(paperOf(p.getWidth(), p.getHeight())).toMatch(/^A3 /);
  }, 120_000);

  it('posters: a view too small to read on paper is printed in its parts', async () => {
    const din = drawn.find((d) => d.name === 'din-regio-a')!;
    // Pretend the DIN is huge; its two ER-doelen become two pages, and the weesenergie (no ER-doel) a third.
    const huge = { ...din, width: din.width * 20, height: din.height * 20 };
    const posters = await renderPosters([huge], renderer, { partsOf: (d) => partsOf(national, [], d), regioNaam: (id) => id, versie: () => 'x', title: 't', date: new Date(0) });
    expect(posters.split).toEqual([{ view: 'din-regio-a', parts: 3 }]);
    expect(posters.pages.map((p) => p.name)).toEqual(['din-regio-a-deel-1', 'din-regio-a-deel-2', 'din-regio-a-deel-3']);
  }, 120_000);

  it('in a poster page and in the report, no label overflows the box mermaid measured for it', async () => {
    const s = await openBrowser(chromium!);
    const overflowing = () =>
      s.page.evaluate(() =>
        Array.from(document.querySelectorAll('foreignObject'))
          .filter((fo) => {
            const inner = fo.firstElementChild as HTMLElement | null;
            return inner !== null && inner.scrollHeight > fo.height.baseVal.value + 2;
          })
          .map((fo) => fo.textContent),
      );
    try {
      const din = drawn.find((d) => d.name === 'din-regio-a')!;
      await s.page.setContent(posterHtml({ ...din, regio: 'Regio A', modelVersie: 'x', size: { paper: 'A3', landscape: true } }), { waitUntil: 'load' });
      expect(await overflowing()).toEqual([]);
      await s.page.setContent(RENDERERS.html(national, { diagrams: drawn }), { waitUntil: 'load' });
      expect(await overflowing()).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60_000);

  describe('the HTML report', () => {
    it('opens offline: no console errors, no requests, every diagram an SVG, the gap list present, no script', async () => {
      const html = RENDERERS.html(national, { diagrams: drawn, modelVersie: '2026-11-20 (git abc1234)' });
      const s = await openBrowser(chromium!);
      try {
        await s.page.setContent(html, { waitUntil: 'load' });
        expect(await s.page.locator('figure.diagram > .svg > svg').count()).toBe(drawn.length);
        const gaps = national.dekking.deelvragen.filter((d) => d.status !== 'gedekt');
        expect(await s.page.locator('#gaten + ul > li').count()).toBe(gaps.length);
        expect(await s.page.locator('script').count()).toBe(0);
        expect(await s.page.textContent('body')).toContain('<script>alert(1)</script>');
        expect(s.consoleErrors).toEqual([]);
        expect(s.blockedRequests).toEqual([]);
      } finally {
        await s.close();
      }
    }, 60_000);

    it('its Content-Security-Policy stops a script and a remote image that slipped in', async () => {
      const html = RENDERERS.html(national, {}).replace('</main>', '<script>document.title = "uitgevoerd"</script><img src="https://example.org/x.png"></main>');
      const s = await openBrowser(chromium!);
      try {
        await s.page.setContent(html, { waitUntil: 'load' });
        expect(await s.page.title()).not.toBe('uitgevoerd');
        expect(s.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
        expect(s.blockedRequests).toEqual([]);
      } finally {
        await s.close();
      }
    }, 60_000);

    it('prints on A4 with each diagram on its own page', async () => {
      const s = await openBrowser(chromium!);
      try {
        const pages = async (html: string) => {
          await s.page.setContent(html, { waitUntil: 'load' });
          const pdf = await PDFDocument.load(await s.page.pdf({ preferCSSPageSize: true }));
          for (const p of pdf.getPages()) expect(paperOf(p.getWidth(), p.getHeight())).toBe('A4 staand');
          return pdf.getPageCount();
        };
        const text = await pages(RENDERERS.html(national, {}));
        const withDiagrams = await pages(RENDERERS.html(national, { diagrams: drawn }));
        expect(text).toBeGreaterThanOrEqual(1);
        expect(withDiagrams).toBe(text + drawn.length);
      } finally {
        await s.close();
      }
    }, 60_000);
  });
});
