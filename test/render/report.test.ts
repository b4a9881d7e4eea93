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
import { modelVersions } from '../../src/read/version.js';
import { escapeHtml, REPORT_CSP } from '../../src/render/html.js';
import { RENDERERS } from '../../src/render/index.js';
import { choosePage, fitScale, MIN_A4_SCALE, posterHtml } from '../../src/render/poster.js';
import { asReportDiagrams } from '../../src/publish.js';
import { national, set } from './mini.js';

const GOLDEN = join(import.meta.dirname, '__golden__');
const diagrams = asReportDiagrams(set.diagrams);

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
