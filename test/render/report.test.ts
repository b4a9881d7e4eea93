/**
 * The pure parts of the print outputs: the report document in Markdown and HTML (golden
 * files), escaping and the CSP, the poster page and its paper choice, the progress line
 * and the model version label. No browser needed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressEnabled, terminalProgress } from '../../src/cli/progress.js';
import { modelVersions } from '../../src/io/version.js';
import { escapeHtml, REPORT_CSP } from '../../src/render/html.js';
import { RENDERERS } from '../../src/render/index.js';
import { choosePage, fitScale, MAX_TILES, MIN_A4_SCALE, MIN_TILE_FILL, posterHtml, TILE_OVERLAP_MM, tileHtml, WALL_PT, wallTiling } from '../../src/render/poster.js';
import { national, set } from '../fixtures/mini.js';

const GOLDEN = join(import.meta.dirname, '__golden__');
const diagrams = set.diagrams;

describe('the report', () => {
  it('Markdown with diagrams as mermaid blocks (golden)', async () => {
    await expect(RENDERERS.md(national, { diagrams, modelVersie: '2026-11-20 (git abc1234)' })).toMatchFileSnapshot(join(GOLDEN, 'rapport.md'));
  });

  it('HTML without drawn diagrams shows their Mermaid text (golden)', async () => {
    await expect(RENDERERS.html(national, { diagrams, modelVersie: '2026-11-20 (git abc1234)' })).toMatchFileSnapshot(join(GOLDEN, 'rapport.html'));
  });

  it('HTML: the CSP comes first, forbids scripts and remote loads; no user text unescaped', () => {
    const html = RENDERERS.html(national, { diagrams });
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<title>'));
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toMatch(/script-src|https?:/);
    expect(html).not.toMatch(/<script|<img|onerror=|javascript:alert\(1\)<\/?/i);
    expect(html).toContain('Regio A &amp; &quot;B&quot;');
  });

  it('every section the issue asks for is there', () => {
    const md = RENDERERS.md(national, { diagrams });
    for (const h of ['## Dekking per onderzoeksvraag', '## Gaten en deels gedekte deelvragen', '## Matrices', '## Hefboompunten', '## Schuifjes: samenwerking nu en gewenst', '## Diagrammen']) expect(md).toContain(h);
    expect(md).toContain('- **gat** `mov2-samenwerking`');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('posters', () => {
  it('A4 for a small diagram, in the orientation that shows it largest', () => {
    expect(choosePage(800, 300)).toEqual({ paper: 'A4', landscape: true });
    expect(choosePage(300, 800)).toEqual({ paper: 'A4', landscape: false });
  });

  it('A3 when A4 would shrink the text below readable, and --papier wins', () => {
    const wide = { w: 2400, h: 900 };
    expect(fitScale(wide.w, wide.h, { paper: 'A4', landscape: true })).toBeLessThan(MIN_A4_SCALE);
    expect(choosePage(wide.w, wide.h)).toEqual({ paper: 'A3', landscape: true });
    expect(choosePage(wide.w, wide.h, 'A4')).toEqual({ paper: 'A4', landscape: true });
    expect(choosePage(100, 100, 'A3').paper).toBe('A3');
  });

  it('a page carries title, region, version and legend, all escaped, and its own page size', () => {
    const html = posterHtml({
      name: 'din-x',
      title: 'DIN <script>alert(1)</script>',
      caption: 'Bijschrift & meer',
      regio: 'Regio "A"',
      modelVersie: '2026-11-20 (git abc1234)',
      legenda: [{ label: 'HEFBOOM <b>', style: 'fill:#fff,stroke:#000,stroke-width:4px' }, { label: 'zwak', arrow: 'dotted' }],
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
      width: 10,
      height: 10,
      size: { paper: 'A3', landscape: true },
    });
    expect(html).toContain('@page { size: A3 landscape;');
    expect(html).toContain('<h1>DIN &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('Regio: Regio &quot;A&quot;');
    expect(html).toContain('modelversie 2026-11-20 (git abc1234)');
    expect(html).toContain('HEFBOOM &lt;b&gt;');
    expect(html).toContain('border:4px solid #000');
    expect(html).toContain('stroke-dasharray="3 3"');
    expect(html).not.toMatch(/<script/);
  });
});

describe('wall posters (A3 sheets to tape together)', () => {
  const PX_PER_MM = 96 / 25.4;
  // The drawing area of a tile in px, read back from the page it produces.
  const windowOf = (html: string) => {
    const m = /\.window \{ position: relative; width: ([\d.]+)px; height: ([\d.]+)px;/.exec(html)!;
    return [Number(m[1]), Number(m[2])] as const;
  };
  const tile = (width: number, height: number, col: number, row: number, title = 'DIN') =>
    tileHtml({ name: 'din-x', title, caption: '', regio: 'Regio A', modelVersie: 'v', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', width, height, tiling: wallTiling(width, height), col, row });

  it('a small drawing is one sheet, scaled up to fill it (larger text, never above 3×)', () => {
    const t = wallTiling(600, 400);
    expect([t.cols, t.rows, t.size.paper]).toEqual([1, 1, 'A3']);
    expect(t.labelPt).toBeGreaterThan(WALL_PT);
    expect(t.labelPt).toBeLessThanOrEqual(36);
    expect(t.fill).toBeGreaterThanOrEqual(MIN_TILE_FILL);
  });

  it('no sheet of a wall poster is less than a quarter covered by its drawing', () => {
    for (const [w, h] of [[600, 400], [2400, 1700], [1939, 1831], [3100, 700], [700, 3000], [2900, 1567], [2033, 1615]] as const) {
      const t = wallTiling(w, h);
      expect(t.reached, `${w}x${h}`).toBe(true);
      expect(t.fill, `${w}x${h}`).toBeGreaterThanOrEqual(MIN_TILE_FILL);
    }
  });

  it('a drawing that cannot reach the wall size on 3 × 3 sheets says so (it is printed in parts)', () => {
    const t = wallTiling(9000, 5000);
    expect(t.reached).toBe(false);
    expect(t.cols * t.rows).toBeLessThanOrEqual(MAX_TILES);
  });

  it('a drawing too big for one sheet at the wall size gets more sheets, not smaller text', () => {
    const t = wallTiling(2400, 1700);
    expect(t.labelPt).toBeGreaterThanOrEqual(WALL_PT);
    expect(t.cols * t.rows).toBeGreaterThan(1);
    expect(t.cols * t.rows).toBeLessThanOrEqual(MAX_TILES);
  });

  it('a huge drawing stays within MAX_TILES sheets and says how small its text gets', () => {
    const t = wallTiling(9000, 5000);
    expect(t.cols * t.rows).toBeLessThanOrEqual(MAX_TILES);
    expect(t.labelPt).toBeLessThan(WALL_PT);
    expect(t.labelPt).toBeGreaterThan(0);
  });

  it('the sheets cover the whole drawing with the overlap, and no sheet is empty', () => {
    for (const [w, h] of [[600, 400], [2400, 1700], [1939, 1831], [4563, 1711], [9000, 5000], [700, 6000]] as const) {
      const t = wallTiling(w, h);
      const [aw, ah] = windowOf(tile(w, h, 0, 0));
      const overlap = TILE_OVERLAP_MM * PX_PER_MM;
      expect(t.cols * (aw - overlap) + overlap + 1, `${w}x${h} breed`).toBeGreaterThanOrEqual(w * t.scale);
      expect(t.rows * (ah - overlap) + overlap + 1, `${w}x${h} hoog`).toBeGreaterThanOrEqual(h * t.scale);
      expect((t.cols - 1) * (aw - overlap), `${w}x${h}: laatste kolom leeg`).toBeLessThan(w * t.scale);
      expect((t.rows - 1) * (ah - overlap), `${w}x${h}: laatste rij leeg`).toBeLessThan(h * t.scale);
    }
  });

  it('each sheet shows its own window of the drawing, says where it goes, and escapes the title', () => {
    const [w, h] = [2400, 1700];
    const t = wallTiling(w, h);
    const [aw, ah] = windowOf(tile(w, h, 0, 0));
    const step = (len: number) => (len - TILE_OVERLAP_MM * PX_PER_MM).toFixed(1);
    const last = tile(w, h, t.cols - 1, t.rows - 1, 'DIN <script>');
    const at = /\.window > svg \{ position: absolute; left: (-?[\d.]+)px; top: (-?[\d.]+)px; width: ([\d.]+)px/.exec(last)!;
    expect(Number(at[1])).toBeCloseTo(-(t.cols - 1) * (aw - TILE_OVERLAP_MM * PX_PER_MM), 0);
    expect(Number(at[2])).toBeCloseTo(-(t.rows - 1) * (ah - TILE_OVERLAP_MM * PX_PER_MM), 0);
    expect(Number(at[3])).toBeCloseTo(w * t.scale, 0);
    expect(last).toContain(`vel ${t.cols * t.rows} van ${t.cols * t.rows}: rij ${t.rows} van ${t.rows}, kolom ${t.cols} van ${t.cols}`);
    expect(last).toContain('<h1>DIN &lt;script&gt;</h1>');
    expect(last).toContain('@page { size: A3');
    // The first sheet marks where its right and lower neighbours begin; the last has none.
    expect(tile(w, h, 0, 0)).toContain(`class="mark v" style="left:${step(aw)}px"`);
    expect(last).not.toContain('class="mark');
  });
});

describe('progress', () => {
  it('only on a terminal, never in CI', () => {
    expect(progressEnabled({ isTTY: true }, {})).toBe(true);
    expect(progressEnabled({ isTTY: false }, {})).toBe(false);
    expect(progressEnabled({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(progressEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('one line, rewritten: "n van m" and the current view, cleared at the end', () => {
    let s = '';
    const p = terminalProgress((x) => void (s += x));
    p({ phase: 'svg', done: 0, total: 3, name: 'din-a' });
    p({ phase: 'pdf', done: 1, total: 3, name: 'din-b' });
    p.clear();
    expect(s).toBe('\r\x1b[Ktekenen 1 van 3: din-a\r\x1b[Kafdrukken 2 van 3: din-b\r\x1b[K');
  });
});

describe('model version', () => {
  it('git date and commit when committed; file date when changed or without git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocdin-git-'));
    try {
      const file = join(dir, 'regio.yaml');
      writeFileSync(file, 'soort: din\n');
      utimesSync(file, new Date('2026-03-04T10:00:00Z'), new Date('2026-03-04T10:00:00Z'));
      expect(modelVersions([file], dir)([file]).label).toBe('2026-03-04 (bestandsdatum)');
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_COMMITTER_DATE: '2026-05-06T12:00:00Z', GIT_AUTHOR_DATE: '2026-05-06T12:00:00Z' } });
      git('init', '-q');
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x');
      const v = modelVersions([file], dir)([file]);
      expect(v.label).toMatch(/^2026-05-06 \(git [0-9a-f]{7,}\)$/);
      expect(v.gewijzigd).toBe(false);
      writeFileSync(file, 'soort: din\n# gewijzigd\n');
      utimesSync(file, new Date('2026-07-08T10:00:00Z'), new Date('2026-07-08T10:00:00Z'));
      expect(modelVersions([file], dir)([file]).label).toBe('2026-07-08 (niet vastgelegde wijzigingen)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
