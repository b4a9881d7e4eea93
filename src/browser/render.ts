/**
 * Mermaid text → SVG, and poster HTML → PDF, in ONE Chromium page with the real mermaid.
 * Every result is cached by content hash, and the browser is only started on the first
 * cache miss: a re-render after editing one region starts Chromium once and draws only
 * that region's diagrams.
 */
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { BrowserInterruptedError, browserFingerprint, interruptedBy, interruptionHandled, openBrowser, requireChromium, type BrowserSession } from './chromium.js';
import { svgActiveContent, pdfActiveContent } from './active-content.js';
import { ContentCache, contentKey } from './cache.js';
import { MERMAID_VERSION, mermaidSource } from './mermaid-source.js';
import { FLOWCHART_CONFIG } from '../render/mermaid/config.js';

/** Where the drawing pages load mermaid from: served by the renderer itself (`.invalid` never resolves). */
const MERMAID_URL = 'http://tocdin.invalid/mermaid.min.js';

/** Bump when the post-processing below changes, so old cache entries are not reused. */
const SVG_FORMAT = 'svg-4';
const PDF_FORMAT = 'pdf-2';

/**
 * dagre's ranker (see the ranker fix in mermaid-source.ts). Tight-tree gives every DIN,
 * schuifjes and coverage diagram the same bytes as mermaid's network simplex, in ~15% less
 * time; only the beleidsmodel (LR, with edges that skip a stage) gets other, equally tight ranks.
 */
export type Ranker = 'network-simplex' | 'tight-tree';
export const DEFAULT_RANKER: Ranker = 'tight-tree';

/**
 * What our drawing pages pass to `mermaid.initialize`: security and determinism only. The
 * look (theme, font, wrapping, pie colours) is in each diagram's own front matter (see
 * src/render/mermaid/config.ts), so a committed `.mmd` draws on GitHub, GitLab, Mermaid Live
 * or with `mmdc` as it does here. Every key set here is also in `secure`: mermaid removes
 * those keys, at any depth, from a diagram's front matter and directives, so no diagram
 * text can loosen them. `htmlLabels` is forced to the value the front matter also says.
 */
export const FORCED_CONFIG = {
  startOnLoad: false,
  // strict: labels are sanitised, no click handlers or scripts are ever bound.
  securityLevel: 'strict',
  // Same ids for the same text, so an unchanged diagram gives a byte-identical SVG.
  deterministicIds: true,
  // Some shapes are drawn with roughjs, which jitters its curves randomly unless seeded.
  handDrawnSeed: 1,
  htmlLabels: FLOWCHART_CONFIG.htmlLabels,
  secure: [
    // mermaid 11's own list…
    'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
    // …and ours: what we force, and the one key that could add CSS.
    'deterministicIds', 'handDrawnSeed', 'htmlLabels', 'themeCSS',
  ],
} as const;

export interface SvgJob {
  name: string;
  mermaid: string;
}

export interface RenderedSvg {
  name: string;
  /** Well-formed XML: usable as a standalone `.svg` file and inline in HTML. */
  svg: string;
  width: number;
  height: number;
  fromCache: boolean;
}

export interface PdfPage {
  /** Stable identity of the page, for the cache and for progress messages. */
  name: string;
  /** A complete HTML document that prints as exactly one page (its own `@page` size). */
  html: string;
}

export type Progress = (event: { phase: 'svg' | 'pdf'; done: number; total: number; name: string }) => void;

export interface RendererOptions {
  cacheDir?: string;
  executablePath?: string;
  onProgress?: Progress;
  /** Pages drawing at once; default one per core, at most two. */
  workers?: number;
  /** false: the mermaid bundle exactly as published, without the speed fixes (for the test that compares both). */
  fastMermaid?: boolean;
  /** dagre's ranker; only the fixed bundle can choose (default DEFAULT_RANKER). */
  ranker?: Ranker;
}

interface PageResult {
  svg?: string;
  width?: number;
  height?: number;
  error?: string;
}

/** A cached drawing as stored: the SVG and its size in CSS px. */
interface StoredSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * A cache entry's drawing when it is one we could have made: the right shape, a sane size
 * and an SVG that passes the active-content check a fresh drawing passes.
 */
function storedSvg(payload: Buffer): StoredSvg | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { svg, width, height } = v as Record<string, unknown>;
  const size = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 1_000_000;
  if (typeof svg !== 'string' || !size(width) || !size(height)) return undefined;
  if (svgActiveContent(svg).length) return undefined;
  return { svg, width, height };
}

/** A cached or fresh one-page PDF, loaded, when it has exactly one page and nothing active. */
async function loadPage(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    return doc.getPageCount() === 1 && pdfActiveContent(doc).length === 0 ? doc : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Up to `workers` loops at once, each set up by `start` (a page to draw or print on) and
 * then taking the next undone item until none is left.
 */
async function shareWork(items: readonly number[], workers: number, start: (worker: number) => Promise<(item: number) => Promise<void>>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async (_, w) => {
      const each = await start(w);
      for (let k = next++; k < items.length; k = next++) await each(items[k]!);
    }),
  );
}

/**
 * A render fails once its browser is stopped by Ctrl-C or SIGTERM (see chromium.ts). That
 * failure is the interruption, not an internal error: it waits for the cleanup (which
 * usually ends the process, as the signal would have), so no error message races the
 * signal; if the process lives on, it is a BrowserInterruptedError.
 */
async function orInterrupted<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const signal = interruptedBy();
    if (!signal) throw err;
    await interruptionHandled();
    throw err instanceof BrowserInterruptedError ? err : new BrowserInterruptedError(signal);
  }
}

export class BrowserRenderer {
  readonly cache: ContentCache;
  private session: Promise<BrowserSession> | undefined;
  private started: BrowserSession | undefined;
  private drawers: Promise<Page>[] = [];
  private readonly workers: number;
  private readonly executablePath: string;
  private readonly fingerprint: string;
  private readonly ranker: Ranker;
  /** Diagrams drawn and pages printed in this run (cache misses). */
  drawn = 0;
  printed = 0;

  constructor(private readonly opts: RendererOptions = {}) {
    this.executablePath = opts.executablePath ?? requireChromium();
    this.fingerprint = browserFingerprint(this.executablePath);
    this.cache = new ContentCache(opts.cacheDir);
    this.workers = Math.max(1, opts.workers ?? Math.min(2, availableParallelism()));
    this.ranker = opts.ranker ?? DEFAULT_RANKER;
  }

  private open(): Promise<BrowserSession> {
    return (this.session ??= (async () => {
      const s = await openBrowser(this.executablePath);
      const script = mermaidSource(this.opts.fastMermaid ?? true).script;
      // The one URL the pages may load: every other request stays aborted (see openBrowser).
      await s.page.context().route(MERMAID_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script }));
      this.started = s;
      return s;
    })());
  }

  /**
   * Drawing page `i` with mermaid loaded, made on first use. The bundle is served to the
   * page as a script URL rather than injected as text: Chromium then compiles it while it
   * streams in, which halves the page's start (~0.9 → ~0.45 s). Workers open their pages
   * at the same time and each starts drawing as soon as its own page is ready.
   */
  private drawingPage(i: number): Promise<Page> {
    return (this.drawers[i] ??= (async () => {
      const s = await this.open();
      const page = i === 0 ? s.page : await s.page.context().newPage();
      await page.setContent(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><script src="${MERMAID_URL}"></script></head><body></body></html>`);
      await page.evaluate(
        ([config, ranker]) => {
          const g = globalThis as unknown as { mermaid?: { initialize(c: unknown): void }; __tocdinRanker?: string };
          if (!g.mermaid) throw new Error('mermaid is niet geladen in de tekenpagina');
          g.mermaid.initialize(config);
          g.__tocdinRanker = ranker;
        },
        [FORCED_CONFIG as unknown as Record<string, unknown>, this.ranker] as const,
      );
      return page;
    })());
  }

  /** For tests: what the pages logged and tried to load (undefined until the browser has started). */
  get browser(): BrowserSession | undefined {
    return this.started;
  }

  /** The cache key of a drawing of this Mermaid text (in the cache's `svg` folder). */
  svgKey(mermaid: string): string {
    return contentKey(SVG_FORMAT, MERMAID_VERSION, this.fingerprint, JSON.stringify(FORCED_CONFIG), this.ranker, mermaid);
  }

  /** The cache key of a printed page of this HTML (in the cache's `pdf` folder). */
  pdfKey(html: string): string {
    return contentKey(PDF_FORMAT, this.fingerprint, html);
  }

  renderSvgs(jobs: readonly SvgJob[]): Promise<RenderedSvg[]> {
    return orInterrupted(() => this.svgs(jobs));
  }

  private async svgs(jobs: readonly SvgJob[]): Promise<RenderedSvg[]> {
    const results: (RenderedSvg | undefined)[] = new Array(jobs.length);
    const keys = jobs.map((job) => this.svgKey(job.mermaid));
    const missing: number[] = [];
    jobs.forEach((job, i) => {
      const hit = this.cache.get('svg', keys[i]!);
      const stored = hit && storedSvg(hit);
      if (stored) results[i] = { name: job.name, ...stored, fromCache: true };
      else {
        // Damaged or planted: never used, drawn again and replaced.
        if (hit) this.cache.reject('svg', keys[i]!);
        missing.push(i);
      }
    });
    if (missing.length) {
      // Longest text first: the big diagrams start early and the last ones are small, so
      // neither page sits idle at the end waiting for the other (the results keep the input order).
      missing.sort((x, y) => jobs[y]!.mermaid.length - jobs[x]!.mermaid.length || x - y);
      let done = jobs.length - missing.length;
      // Each page takes the next undrawn diagram.
      await shareWork(missing, this.workers, async (w) => {
        const page = await this.drawingPage(w);
        return async (i) => {
          this.opts.onProgress?.({ phase: 'svg', done: done, total: jobs.length, name: jobs[i]!.name });
          const r = await this.draw(page, jobs[i]!);
          this.cache.put('svg', keys[i]!, JSON.stringify({ svg: r.svg, width: r.width, height: r.height }));
          results[i] = { ...r, fromCache: false };
          this.drawn++;
          done++;
        };
      });
    }
    return results as RenderedSvg[];
  }

  private async draw(page: Page, job: SvgJob): Promise<Omit<RenderedSvg, 'fromCache'>> {
    // The id scopes mermaid's CSS and marker ids, so many SVGs can share one HTML page;
    // it depends on the name only, so the SVG does not depend on the rendering order.
    const id = `d-${job.name.replace(/[^a-z0-9-]/gi, '')}`;
    const r: PageResult = await page.evaluate(
      async ([id, src]) => {
        const m = (globalThis as unknown as { mermaid: { render(id: string, src: string): Promise<{ svg: string }> } }).mermaid;
        let out: string;
        try {
          out = (await m.render(id, src)).svg;
        } catch (e) {
          return { error: String((e as Error)?.message ?? e) };
        }
        const tpl = document.createElement('template');
        tpl.innerHTML = out;
        const el = tpl.content.querySelector('svg');
        if (!el) return { error: 'mermaid gaf geen <svg>' };
        const vb = el.viewBox.baseVal;
        const width = Math.ceil(vb.width);
        const height = Math.ceil(vb.height);
        // Real dimensions instead of width="100%": viewers and the poster layout need them.
        el.setAttribute('width', String(width));
        el.setAttribute('height', String(height));
        el.style.removeProperty('max-width');
        // XML, not HTML, serialisation: mermaid's <br> inside labels would make a
        // standalone .svg unreadable for every XML parser.
        return { svg: new XMLSerializer().serializeToString(el), width, height };
      },
      [id, job.mermaid] as const,
    );
    if (r.error !== undefined || r.svg === undefined) throw new Error(`mermaid kon diagram ${job.name} niet tekenen: ${r.error}`);
    // Labels are encoded before they reach mermaid and mermaid sanitises in strict mode;
    // this is the last line of defence, so it refuses rather than repairs. A cached drawing
    // passes the same check before it is used.
    const problems = svgActiveContent(r.svg);
    if (problems.length) throw new Error(`diagram ${job.name} bevat actieve inhoud (${problems.slice(0, 5).join(', ')})`);
    return { name: job.name, svg: r.svg, width: r.width!, height: r.height! };
  }

  /**
   * Prints each page to a one-page PDF (cached by content) and joins them in order, so
   * editing one region re-prints only the pages that changed.
   */
  renderPdf(pages: readonly PdfPage[], meta: { title: string; date: Date }): Promise<Uint8Array> {
    return orInterrupted(() => this.pdf(pages, meta));
  }

  private async pdf(pages: readonly PdfPage[], meta: { title: string; date: Date }): Promise<Uint8Array> {
    const keys = pages.map((p) => this.pdfKey(p.html));
    const single: (PDFDocument | undefined)[] = new Array(pages.length);
    const missing: number[] = [];
    for (const [i] of pages.entries()) {
      const hit = this.cache.get('pdf', keys[i]!);
      const doc = hit && (await loadPage(new Uint8Array(hit)));
      if (doc) single[i] = doc;
      else {
        // Damaged or planted: printed again and replaced.
        if (hit) this.cache.reject('pdf', keys[i]!);
        missing.push(i);
      }
    }
    if (missing.length) {
      const s = await this.open();
      const printers: Page[] = [];
      let done = 0;
      try {
        await shareWork(missing, this.workers, async () => {
          const printer = await s.page.context().newPage();
          printers.push(printer);
          return async (i) => {
            this.opts.onProgress?.({ phase: 'pdf', done: done, total: missing.length, name: pages[i]!.name });
            await printer.setContent(pages[i]!.html, { waitUntil: 'load' });
            const bytes = new Uint8Array(await printer.pdf({ preferCSSPageSize: true, printBackground: true }));
            // The same check a cached page passes; Chromium's print of our pages never fails it.
            const doc = await loadPage(bytes);
            if (!doc) throw new Error(`pagina ${pages[i]!.name}: Chromium gaf geen PDF van één pagina zonder actieve inhoud`);
            this.cache.put('pdf', keys[i]!, bytes);
            single[i] = doc;
            this.printed++;
            done++;
          };
        });
      } finally {
        await Promise.all(printers.map((p) => p.close()));
      }
    }
    const out = await PDFDocument.create();
    for (const src of single) {
      if (!src) throw new Error('een pagina ontbreekt na het printen');
      for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
    }
    // Fixed metadata (the model's date, not the clock): same models, same PDF bytes.
    out.setTitle(meta.title);
    out.setCreator('tocdin');
    out.setProducer('tocdin (Chromium + pdf-lib)');
    out.setLanguage('nl-NL');
    out.setCreationDate(meta.date);
    out.setModificationDate(meta.date);
    return out.save({ useObjectStreams: false });
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    this.started = undefined;
    this.drawers = [];
    await (await s?.catch(() => undefined))?.close();
  }
}
