/**
 * The cache folder is not trusted (issue 14, point 5): a truncated, corrupt, misplaced or
 * planted entry is dropped and drawn again, never an internal error and never copied into
 * the output. The active-content check that guards cached drawings is the one fresh
 * drawings pass.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { PDFArray, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfActiveContent, svgActiveContent } from '../../src/browser/active-content.js';
import { ContentCache, contentKey, envelope } from '../../src/browser/cache.js';
import { findChromium } from '../../src/browser/chromium.js';
import { BrowserRenderer, type RenderedSvg } from '../../src/browser/render.js';
import { posterHtml } from '../../src/render/poster.js';
import { set } from '../fixtures/mini.js';

const chromium = findChromium();

/** Every way we know to make an SVG run or load something, each in an otherwise harmless drawing. */
const HOSTILE_SVGS: Record<string, string> = {
  script: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'script in a namespace': '<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>',
  'SCRIPT in capitals (HTML reads it as a script when inlined)': '<svg><SCRIPT>alert(1)</SCRIPT></svg>',
  onerror: '<svg><rect width="1" height="1" onerror="alert(1)"/></svg>',
  'onload in capitals': '<svg ONLOAD="alert(1)"></svg>',
  'javascript: link': '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
  'javascript: behind entities and whitespace': '<svg><a xlink:href=" &#x6A;ava&#9;script:alert(1)"><text>x</text></a></svg>',
  'iframe in a foreignObject': '<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://example.org"></iframe></div></foreignObject></svg>',
  'object in a foreignObject': '<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><object data="x.swf"></object></div></foreignObject></svg>',
  'img onerror in a foreignObject': '<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject></svg>',
  'remote image': '<svg><image href="https://example.org/track.png"/></svg>',
  'use of a remote file': '<svg><use href="https://example.org/x.svg#a"/></svg>',
  'animation setting a link': '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
  'CSS import': '<svg><style>@import url(https://example.org/x.css);</style></svg>',
  'CSS escape': '<svg><style>g { background: u\\72l(https://example.org/x) }</style></svg>',
  'remote url() in a style attribute': '<svg><g style="fill: url(https://example.org/x)"/></svg>',
  // XML and HTML read these differently, so the check does not accept them at all.
  comment: '<svg><!-- --><g/></svg>',
  CDATA: '<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><![CDATA[x]]><img src="x" onerror="alert(1)"/></div></foreignObject></svg>',
  doctype: '<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
  'processing instruction': '<?xml-stylesheet href="https://example.org/x.xsl"?><svg></svg>',
  'unknown entity': '<svg><text>&nbsp;</text></svg>',
  'broken tag': '<svg><g class="a></g></svg>',
  'unclosed element': '<svg><g>',
  'two roots': '<svg></svg><svg></svg>',
  'not an svg': '<html><body onload="alert(1)"></body></html>',
  'cut off JSON': '{"svg":"<svg',
  empty: '',
};

describe('the active-content check', () => {
  it.each(Object.entries(HOSTILE_SVGS))('refuses %s', (_, svg) => {
    expect(svgActiveContent(svg)).not.toEqual([]);
  });

  it('accepts what mermaid draws: styles, markers, gradients, foreignObject labels with text that looks hostile', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10" style="background-color: white;"><style>#d-x .node rect{fill:#fff;} #d-x .a &gt; b{stroke:url(#g)} @keyframes dash{to{stroke-dashoffset:0;}}</style>' +
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><marker id="m" refX="5" orient="auto"><path d="M0 0L10 5"/></marker></defs>' +
      '<g marker-end="url(#m)"><foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml"><span>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onerror= &amp; &#8364;</span><br/></div></foreignObject></g>' +
      '<text x="1" y="1" class="flowchartTitleText">Titel</text><a href="#g"><text>x</text></a></svg>';
    expect(svgActiveContent(svg)).toEqual([]);
  });

  it('finds a script, a page action and a link in a PDF, and nothing in a plain one', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(pdfActiveContent(await PDFDocument.load(await plain.save()))).toEqual([]);
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.obj({ Type: 'Annot', Subtype: 'Link', A: { S: 'URI', URI: PDFString.of('https://example.org') } })]) as PDFArray);
    const found = pdfActiveContent(await PDFDocument.load(await doc.save({ useObjectStreams: true })));
    expect(found).toEqual(expect.arrayContaining(['/OpenAction', '/JavaScript', '/JS', '/URI']));
  });
});

describe('the cache envelope', () => {
  let dir: string;
  let cache: ContentCache;
  const key = contentKey('test', 'een');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
    cache = new ContentCache(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = () => join(dir, 'svg', key);

  it('gives back exactly what was put', () => {
    cache.put('svg', key, '{"svg":"<svg/>"}');
    expect(cache.get('svg', key)?.toString('utf8')).toBe('{"svg":"<svg/>"}');
    expect([cache.hits, cache.misses, cache.rejected]).toEqual([1, 0, 0]);
  });

  it.each([
    ['truncated', () => truncateSync(file(), readFileSync(file()).length - 3)],
    ['a byte changed', () => writeFileSync(file(), readFileSync(file()).toString('latin1').replace('svg/', 'svG/'), 'latin1')],
    ['without header (the old format)', () => writeFileSync(file(), '{"svg":"<svg/>"}')],
    ['empty', () => writeFileSync(file(), '')],
    ['garbage', () => writeFileSync(file(), Buffer.from([0, 1, 2, 255, 10, 13]))],
    ['the entry of another key', () => writeFileSync(file(), envelope('svg', contentKey('test', 'twee'), Buffer.from('{"svg":"<svg/>"}')))],
    ['the entry of another kind', () => writeFileSync(file(), envelope('pdf', key, Buffer.from('{"svg":"<svg/>"}')))],
  ])('drops an entry that is %s, and removes it', (_, damage) => {
    cache.put('svg', key, '{"svg":"<svg/>"}');
    damage();
    expect(cache.get('svg', key)).toBeUndefined();
    expect(existsSync(file())).toBe(false);
    expect([cache.hits, cache.misses, cache.rejected]).toEqual([0, 1, 1]);
    // And the next put works again.
    cache.put('svg', key, '{"svg":"<svg/>"}');
    expect(cache.get('svg', key)?.toString('utf8')).toBe('{"svg":"<svg/>"}');
  });

  it('neither hangs on a FIFO nor follows a link planted as an entry, and removes only the link', () => {
    mkdirSync(join(dir, 'svg'));
    execFileSync('mkfifo', [file()]);
    expect(cache.get('svg', key)).toBeUndefined();
    expect(existsSync(file())).toBe(false);
    const target = join(dir, 'elders.txt');
    writeFileSync(target, envelope('svg', key, Buffer.from('x')));
    symlinkSync(target, file());
    expect(cache.get('svg', key)).toBeUndefined();
    expect(existsSync(target)).toBe(true);
    symlinkSync('/dev/zero', join(dir, 'svg', contentKey('zero')));
    expect(cache.get('svg', contentKey('zero'))).toBeUndefined();
  });

  it('leaves a folder planted as an entry alone, and does not write through a linked kind folder', () => {
    mkdirSync(join(dir, 'svg', key), { recursive: true });
    expect(cache.get('svg', key)).toBeUndefined();
    expect(existsSync(join(dir, 'svg', key))).toBe(true);
    const elsewhere = mkdtempSync(join(tmpdir(), 'tocdin-elders-'));
    try {
      symlinkSync(elsewhere, join(dir, 'pdf'));
      cache.put('pdf', key, 'x');
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

function parseSvg(svg: string) {
  return new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
}

describe.skipIf(!chromium)('damaged and planted cache entries in a real render', () => {
  let fresh: RenderedSvg[];
  const jobs = set.diagrams.map((d) => ({ name: d.name, mermaid: d.mermaid }));

  beforeAll(async () => {
    const r = new BrowserRenderer({ workers: 1 });
    try {
      fresh = await r.renderSvgs(jobs);
    } finally {
      await r.close();
    }
  }, 120_000);

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a truncated SVG entry and planted ones with <script> and onerror are drawn again: the output is the fresh drawing', async () => {
    const first = new BrowserRenderer({ cacheDir: dir });
    try {
      await first.renderSvgs(jobs);
    } finally {
      await first.close();
    }
    const entry = (i: number) => join(dir, 'svg', first.svgKey(jobs[i]!.mermaid));
    // 0: cut in half (a full disk, a crash). 1: a planted drawing with a valid envelope, so
    // only the content check can catch it. 2: planted without envelope, as the issue did.
    truncateSync(entry(0), Math.floor(readFileSync(entry(0)).length / 2));
    const evil = fresh[1]!.svg.replace('</svg>', '<script>alert(1)</script><image href="x" onerror="alert(2)"/></svg>');
    const payload = Buffer.from(JSON.stringify({ svg: evil, width: fresh[1]!.width, height: fresh[1]!.height }));
    writeFileSync(entry(1), envelope('svg', first.svgKey(jobs[1]!.mermaid), payload));
    writeFileSync(entry(2), JSON.stringify({ svg: fresh[2]!.svg.replace('<svg ', '<svg onload="alert(3)" '), width: 1, height: 1 }));

    const again = new BrowserRenderer({ cacheDir: dir });
    let out: RenderedSvg[];
    try {
      out = await again.renderSvgs(jobs);
    } finally {
      await again.close();
    }
    expect(out.map((r) => r.fromCache)).toEqual(jobs.map((_, i) => i > 2));
    expect(again.drawn).toBe(3);
    expect(again.cache.rejected).toBe(3);
    out.forEach((r, i) => {
      expect(r.svg, r.name).toBe(fresh[i]!.svg);
      const doc = parseSvg(r.svg);
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(doc.querySelectorAll('script, image')).toHaveLength(0);
      const handlers = Array.from(doc.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName} ${a.name}`));
      expect(handlers, r.name).toEqual([]);
      expect(svgActiveContent(r.svg)).toEqual([]);
    });
    // The entries were replaced by good ones: a third run draws nothing.
    const third = new BrowserRenderer({ cacheDir: dir });
    const cached = await third.renderSvgs(jobs);
    expect(third.browser).toBeUndefined();
    expect(cached.map((r) => r.svg)).toEqual(fresh.map((r) => r.svg));
  }, 120_000);

  it('a PDF entry of garbage bytes and a planted one with JavaScript are printed again; the result loads and has no script', async () => {
    const din = fresh.find((d) => d.name === 'din-regio-a')!;
    const pie = fresh.find((d) => d.name === 'overzicht-dekking')!;
    const pages = [din, pie].map((d) => ({
      name: d.name,
      html: posterHtml({ ...d, title: d.name, caption: 'x', regio: null, modelVersie: 'x', legenda: [], size: { paper: 'A4', landscape: true } }),
    }));
    const meta = { title: 't', date: new Date(0) };
    const first = new BrowserRenderer({ cacheDir: dir, workers: 1 });
    let want: Uint8Array;
    try {
      want = await first.renderPdf(pages, meta);
    } finally {
      await first.close();
    }
    writeFileSync(join(dir, 'pdf', first.pdfKey(pages[0]!.html)), Buffer.from('%PDF-1.7\n garbage \x00\x01\x02 %%EOF'));
    const planted = await PDFDocument.create();
    planted.addPage();
    planted.catalog.set(PDFName.of('OpenAction'), planted.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    planted.getPage(0).node.set(PDFName.of('AA'), planted.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.alert(2)') } }));
    const key = first.pdfKey(pages[1]!.html);
    writeFileSync(join(dir, 'pdf', key), envelope('pdf', key, Buffer.from(await planted.save())));

    const again = new BrowserRenderer({ cacheDir: dir, workers: 1 });
    let got: Uint8Array;
    try {
      got = await again.renderPdf(pages, meta);
    } finally {
      await again.close();
    }
    expect(again.printed).toBe(2);
    expect(again.cache.rejected).toBe(2);
    const doc = await PDFDocument.load(got);
    expect(doc.getPageCount()).toBe(2);
    expect(pdfActiveContent(doc)).toEqual([]);
    expect(Buffer.from(got).toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s|\/AA\s|\/OpenAction/);
    // Printed again, the pages are the same bytes as the first time.
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  }, 120_000);
});
