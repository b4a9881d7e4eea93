/**
 * The browser commands as a user meets them: with Chromium they write SVGs, posters and
 * the report; without it they exit 2 with the install command, while Mermaid and the
 * Markdown report keep working. Runs in a copy of the mini fixture (never in the repo).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';
import { main, type Io } from '../../src/cli/main.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'mini');
const NO_BROWSER = { TOCDIN_CHROMIUM: '/geen/chromium' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-cli-'));
  cpSync(FIXTURE, join(dir, 'models'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd: dir, color: false, env };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('without Chromium', () => {
  it.each([[['render', '--svg']], [['render', '--pdf']], [['render', '--muur']], [['report']], [['report', '--format', 'html']]])('%j exits 2 with the install command', async (argv) => {
    const r = await run(argv, NO_BROWSER);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Chromium niet gevonden');
    expect(r.err).toContain('apt-get install -y chromium fonts-dejavu-core fonts-liberation');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('render still writes the Mermaid diagrams', async () => {
    const r = await run(['render'], NO_BROWSER);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'diagrams')).filter((f) => f.endsWith('.mmd'))).toHaveLength(8);
  });

  it('report --format md writes a Markdown report with every diagram as a mermaid block', async () => {
    const r = await run(['report', '--format', 'md'], NO_BROWSER);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'diagrams', 'rapport.md'), 'utf8');
    expect(md.match(/^```mermaid$/gm)).toHaveLength(8);
    expect(md).toContain('## Gaten en deels gedekte deelvragen (2)');
    expect(md).not.toMatch(/<script|<img/);
  });

  it('report --regio limits the report to that region, --out - prints it', async () => {
    const r = await run(['report', '--format', 'md', '--regio', 'regio-a', '--out', '-'], NO_BROWSER);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# tocdin-rapport: Regio A &#38; "B"');
    expect(r.out.match(/^```mermaid$/gm)).toHaveLength(3);
  });

  it('start succeeds and says what it skipped and how to get it', async () => {
    const r = await run(['start'], NO_BROWSER);
    expect(r.code).toBe(0);
    expect(r.out).toContain("SVG, posters.pdf, regio-PDF’s, werkbladen, muurposters en rapport.html overgeslagen: Chromium niet gevonden");
  });

  it('usage mistakes are exit 2 with a hint', async () => {
    expect((await run(['render', '--pdf', '--papier', 'A5'])).err).toContain('onbekend papierformaat `A5`; kies A4, A3');
    expect((await run(['render', '--check', '--svg'])).code).toBe(2);
    expect((await run(['render', '--check', '--muur'])).code).toBe(2);
    expect((await run(['render', '--muur', '--papier', 'A4'])).err).toContain('--papier hoort bij --pdf (muurposters zijn altijd A3)');
    expect((await run(['report', '--format', 'pdf'])).err).toContain('kies html, md');
    expect((await run(['report', '--format', 'md', '--regio', 'regio-x'])).err).toContain('bedoel je `regio-a`?');
  });
});

describe.skipIf(!findChromium())('with Chromium', () => {
  it('render --svg --pdf writes an SVG next to each .mmd and the posters; a second run draws nothing', async () => {
    const r = await run(['render', '--svg', '--pdf']);
    expect(r.code, r.err).toBe(0);
    const files = readdirSync(join(dir, 'diagrams'));
    const mmd = files.filter((f) => f.endsWith('.mmd'));
    expect(files.filter((f) => f.endsWith('.svg')).sort()).toEqual(mmd.map((f) => f.replace(/\.mmd$/, '.svg')).sort());
    const pdf = await PDFDocument.load(readFileSync(join(dir, 'diagrams', 'posters.pdf')));
    // One page per printed diagram, plus the extra parts of views too small to read whole; a
    // region's coverage is in its own PDF (regio-<id>.pdf), not in posters.pdf, and the
    // element-level beleidsmodel and the beleidsmodel by evidence are for screens.
    const extra = [...r.out.matchAll(/^poster: \S+ (?:in|loopt door over) (\d+) (?:delen|bladen)/gm)].reduce((n, m) => n + Number(m[1]) - 1, 0);
    const regional = mmd.filter((f) => /^dekking-/.test(f) && f !== 'dekking-landelijk.mmd');
    expect(regional).toEqual(['dekking-regio-a.mmd']);
    // …and the two evidence gap maps (deelvragen × methoden, × fasen) as pages of their own.
    expect(pdf.getPageCount()).toBe(mmd.length - regional.length - 2 + extra + 2);
    expect(existsSync(join(dir, 'diagrams', 'regio-regio-a.pdf'))).toBe(true);
    expect(readdirSync(join(dir, 'diagrams', 'werkbladen')).sort()).toEqual(['schuifjes-leeg.pdf', 'schuifjes-regio-a.pdf']);
    expect(r.out).toMatch(/^werkbladen: 2 schuifjes-werkbladen in .*werkbladen \(2 geschreven/m);
    expect(r.out).toMatch(/tekst in de diagrammen op papier: \d+,\d pt tot \d+,\d pt/);
    expect(r.out).toMatch(/SVG: 8 diagrammen getekend met Chromium \(0 uit de cache, 8 opnieuw\)/);
    const again = await run(['render', '--svg', '--pdf']);
    expect(again.out).toMatch(/\(8 uit de cache, 0 opnieuw\)/);
    expect(again.out).toMatch(/svg: 0 geschreven, 8 ongewijzigd/);
    // No progress lines when not on a terminal.
    expect(r.err).toBe('');
  }, 120_000);

  it('render --muur writes one PDF of A3 sheets per workshop view and removes posters of views that are gone', async () => {
    const r = await run(['render', '--muur']);
    expect(r.code, r.err).toBe(0);
    const muur = join(dir, 'diagrams', 'muur');
    const files = readdirSync(muur).sort();
    expect(files).toEqual(['beleidsmodel.pdf', 'din-regio-a.pdf', 'overzicht-dekking.pdf', 'schuifjes-regio-a.pdf']);
    for (const f of files) {
      const sheets = Number(new RegExp(`^  ${f.replace('.', '\\.')}: (\\d+) vel`, 'm').exec(r.out)?.[1]);
      expect((await PDFDocument.load(readFileSync(join(muur, f)))).getPageCount(), f).toBe(sheets);
    }
    expect(r.out).toMatch(/^muurposters: 4 in .*muur \(4 geschreven, 0 ongewijzigd, 0 verwijderd\), samen \d+ A3-vellen/m);
    expect(r.out).toMatch(/din-regio-a\.pdf: .*tekst (1[89]|[2-9]\d),\d pt/);
    // A poster of a view that no longer exists is removed; files that are not ours stay.
    cpSync(join(muur, 'din-regio-a.pdf'), join(muur, 'din-oud.pdf'));
    cpSync(join(muur, 'din-regio-a.pdf'), join(muur, 'notities.txt'));
    const again = await run(['render', '--muur']);
    expect(again.out).toMatch(/\(0 geschreven, 4 ongewijzigd, 1 verwijderd\)/);
    expect(readdirSync(muur).sort()).toEqual([...files, 'notities.txt'].sort());
  }, 120_000);

  it('report writes one self-contained HTML file', async () => {
    const r = await run(['report', '--regio', 'regio-a']);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(dir, 'diagrams', 'rapport-regio-a.html'), 'utf8');
    expect(html.match(/<svg[\s>]/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    // Each drawing is written next to the report, and the report links to it (relative: works from disk).
    const links = [...html.matchAll(/<a class="los" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.sort()).toEqual(['dekking-regio-a.svg', 'din-regio-a.svg', 'schuifjes-regio-a.svg']);
    for (const l of links) expect(readFileSync(join(dir, 'diagrams', l), 'utf8')).toContain('gemaakt door tocdin');
    expect(r.out).toMatch(/^svg ernaast \(om in te zoomen\): 3 geschreven, 0 ongewijzigd in /m);
  }, 120_000);

  it('report refuses, before drawing, to write a drawing over a .svg of the user next to it', async () => {
    const out = join(dir, 'eigen');
    mkdirSync(out);
    writeFileSync(join(out, 'din-regio-a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(out, 'notities.txt'), 'van mij');
    const r = await run(['report', '--regio', 'regio-a', '--out', join(out, 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('din-regio-a.svg');
    expect(readdirSync(out).sort()).toEqual(['din-regio-a.svg', 'notities.txt']);
    // Beside files of the user's own that are not in the way, the report and its drawings are written.
    rmSync(join(out, 'din-regio-a.svg'));
    expect((await run(['report', '--regio', 'regio-a', '--out', join(out, 'r.html')])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['dekking-regio-a.svg', 'din-regio-a.svg', 'notities.txt', 'r.html', 'schuifjes-regio-a.svg']);
  }, 120_000);

  it('the HTML report draws the projection charts (xychart) when the models have projection defaults', async () => {
    cpSync(join(import.meta.dirname, '..', '..', 'models', 'projectie.yaml'), join(dir, 'models', 'projectie.yaml'));
    const r = await run(['report']);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(dir, 'diagrams', 'rapport.html'), 'utf8');
    for (const sector of ['po', 'vo']) {
      const figure = new RegExp(`<figure class="diagram" id="diagram-projectie-${sector}">[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
      expect(figure, sector).toContain('<svg');
      // One plotted line (the baseline), in the baseline's grey.
      expect(figure.match(/class="line-plot-0"/g), sector).toHaveLength(1);
      expect(figure, sector).toContain('#7f7f7f');
    }
    expect(html).not.toMatch(/<script/i);
  }, 120_000);

  it('start also writes the SVGs, the posters and the report', async () => {
    const r = await run(['start']);
    expect(r.code, r.err).toBe(0);
    for (const f of ['posters.pdf', 'rapport.html', 'beleidsmodel.svg', 'muur/din-regio-a.pdf']) expect(existsSync(join(dir, 'diagrams', f)), f).toBe(true);
    // The report's links to the drawings point at the SVGs written next to it.
    const links = [...readFileSync(join(dir, 'diagrams', 'rapport.html'), 'utf8').matchAll(/<a class="los" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBe(8);
    for (const l of links) expect(existsSync(join(dir, 'diagrams', l)), l).toBe(true);
  }, 120_000);
});
