/**
 * The HTML report of the bundled models as a reader sees it, on a 1920 × 1080 screen in
 * Chromium: every diagram's text at least 12 CSS px (a DIN or the beleidsmodel is not shrunk
 * to the page width but scrolls sideways in its frame), no coverage figure taller than the
 * screen, and every link and image target present next to the report, so it works when the
 * report's folder is opened from disk.
 *
 * Skipped (with a warning) when Chromium is not installed; `.ci/run` installs it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, openBrowser, type BrowserSession } from '../../src/browser/chromium.js';
import { runCli } from '../fixtures/cli.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden (sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation)');

const ROOT = join(import.meta.dirname, '..', '..');

interface Figure {
  id: string;
  view: string;
  /** The figure (title, caption, frame) on screen. */
  height: number;
  /** Rendered size ÷ natural size of the drawing. */
  scale: number;
  /** The smallest text of the drawing on screen, in CSS px. */
  minText: number;
  texts: number;
  link: string | null;
}

describe.skipIf(!chromium)('the bundled report on a 1920 × 1080 screen', () => {
  let dir: string;
  let html: string;
  let session: BrowserSession;
  let figures: Figure[];
  let pageWidth: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-rapport-'));
    const r = await runCli(['report', '--out', join(dir, 'rapport.html')], ROOT);
    expect(r.code, r.err).toBe(0);
    html = readFileSync(join(dir, 'rapport.html'), 'utf8');
    session = await openBrowser(chromium!);
    await session.page.setViewportSize({ width: 1920, height: 1080 });
    await session.page.setContent(html, { waitUntil: 'load' });
    pageWidth = await session.page.evaluate(() => document.documentElement.scrollWidth);
    figures = await session.page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.diagram')).map((f) => {
        const frame = f.querySelector('.svg')!;
        const svg = frame.querySelector(':scope > svg') as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        let minText = Infinity;
        let texts = 0;
        // Every element holding text of its own: mermaid's HTML labels and its SVG text.
        for (const el of Array.from(svg.querySelectorAll('*'))) {
          const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
          if (!own) continue;
          texts++;
          minText = Math.min(minText, parseFloat(getComputedStyle(el).fontSize) * scale);
        }
        const view = Array.from(frame.classList).find((c) => c.startsWith('svg-'))!.slice(4);
        return { id: f.id, view, height: f.getBoundingClientRect().height, scale, minText, texts, link: f.querySelector('figcaption a')?.getAttribute('href') ?? null };
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every diagram of the bundled models, drawn', () => {
    expect(figures.length).toBeGreaterThan(20);
    for (const v of ['overzicht', 'beleidsmodel', 'din', 'dekking', 'schuifjes']) expect(figures.some((f) => f.view === v), v).toBe(true);
    // Drawn: text in every figure (a region without schuifjes has a table of just its headings).
    for (const f of figures) expect(f.texts, f.id).toBeGreaterThan(2);
  });

  it('every diagram’s text is at least 12 px on screen; DIN and beleidsmodel are not shrunk to the page', () => {
    const small = figures.filter((f) => !(f.minText >= 12)).map((f) => `${f.id}: ${f.minText.toFixed(1)} px`);
    expect(small).toEqual([]);
    for (const f of figures.filter((x) => x.view === 'din' || x.view === 'beleidsmodel')) expect(f.scale, f.id).toBeGreaterThanOrEqual(0.8);
  });

  it('no coverage figure is taller than the screen, and the page itself does not scroll sideways', () => {
    const tall = figures.filter((f) => f.view === 'dekking' && f.height > 1080).map((f) => `${f.id}: ${Math.round(f.height)} px`);
    expect(tall).toEqual([]);
    const coverage = figures.filter((f) => f.view === 'dekking');
    // In parts of a few onderzoeksvragen, as on the posters: the national view and every region's.
    expect(coverage.length).toBeGreaterThan(11);
    expect(coverage.every((f) => /-deel-\d+$/.test(f.id))).toBe(true);
    expect(pageWidth).toBeLessThanOrEqual(1920);
  });

  it('every diagram links to its standalone .svg next to the report; every link and image target exists', () => {
    // A coverage view is shown in its parts; each part links to the whole view's drawing.
    // A projection chart is drawn for the report only: no .mmd or .svg of its own.
    const filed = figures.filter((f) => f.view !== 'projectie');
    for (const f of filed) expect(f.link, f.id).toBe(`${f.id.replace(/^diagram-/, '').replace(/-deel-\d+$/, '')}.svg`);
    const targets = [...html.matchAll(/<(?:a|img)\b[^>]*?\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(figures.length);
    for (const t of targets) {
      if (t.startsWith('#')) expect(html, t).toContain(`id="${t.slice(1)}"`);
      else expect(existsSync(join(dir, decodeURIComponent(t))), t).toBe(true);
    }
    // Every .mmd a caption names is a committed file (a part names its whole view's).
    const named = [...html.matchAll(/<span class="bestand">\(([^)]+\.mmd)\)<\/span>/g)].map((m) => m[1]!);
    expect(named.length).toBe(filed.length);
    for (const n of named) expect(existsSync(join(ROOT, 'diagrams', n)), n).toBe(true);
    // A standalone drawing is the same drawing, as an XML file with tocdin's marker.
    const svg = readFileSync(join(dir, 'din-almere-en-lelystad.svg'), 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('gemaakt door tocdin');
  });

  it('logged no error and loaded nothing', () => {
    expect(session.consoleErrors).toEqual([]);
    expect(session.blockedRequests).toEqual([]);
  });
});
