/**
 * The browser outputs, composed from the stages: diagrams (render) → SVG and one-page PDFs
 * (browser, cached). The CLI calls these and writes the results; tests and the benchmark too.
 */
import type { BrowserRenderer } from './browser/render.js';
import type { AnyDiagram, Diagram, DrawnDiagram } from './render/diagram.js';
import type { Analysis } from './analyse/schema.js';
import { blankWorksheet, regionSummaryHtml, worksheetFor, worksheetPages, type WorksheetInput } from './render/worksheet.js';
import { choosePage, fitScale, labelPoints, MIN_POSTER_SCALE, POSTER_TILE_GOAL, posterHtml, tileHtml, tiling, wallTiling, type PageSize, type Paper, type Tiling } from './render/poster.js';

export type { DrawnDiagram } from './render/diagram.js';

export async function drawDiagrams(diagrams: readonly Diagram[], renderer: BrowserRenderer): Promise<DrawnDiagram[]> {
  const svgs = await renderer.renderSvgs(diagrams.map((d) => ({ name: d.name, mermaid: d.mermaid })));
  return diagrams.map((d, i) => {
    const { svg, width, height, fromCache } = svgs[i]!;
    return { ...d, stage: 'drawn', svg, width, height, fromCache };
  });
}

export interface PosterOptions {
  papier?: Paper;
  /** Display name of a region id. */
  regioNaam: (id: string) => string;
  /** Model version label for a diagram (git date of the files it was drawn from). */
  versie: (d: AnyDiagram) => string;
  title: string;
  date: Date;
  /** The parts of a view (see render/diagrams.ts partsOf), for views too big for paper. */
  partsOf?: (d: AnyDiagram) => Diagram[];
  /** Pages that are tables, not diagrams (the evidence gap maps), printed after the diagrams. */
  tablePages?: readonly { name: string; size: PageSize; html: string }[];
}

/** What every printed page, poster or wall sheet, shows of its diagram. */
function pageFields(d: DrawnDiagram, opts: Pick<PosterOptions, 'regioNaam' | 'versie'>) {
  return { title: d.title, caption: d.caption, regio: d.regio ? opts.regioNaam(d.regio) : null, modelVersie: opts.versie(d), svg: d.svg, width: d.width, height: d.height };
}

export interface PosterResult {
  pdf: Uint8Array;
  /** labelPt: the size of the diagram's node labels on paper (12 pt = drawn at 100 %). */
  pages: { name: string; size: PageSize; labelPt: number }[];
  /** Views printed in parts because whole they would be unreadable on paper. */
  split: { view: string; parts: number }[];
  /** Diagrams (or parts) too big for one page at `POSTER_PT`, continued over this many sheets. */
  continued: { name: string; sheets: number }[];
  /** The table pages after the diagrams (e.g. the evidence gap maps). */
  tables: { name: string; size: PageSize }[];
}

/**
 * Views printed on paper. The detailed beleidsmodel (every element-level link) and the
 * beleidsmodel by evidence (a judgement on every such link) are for screens: at 9 pt they
 * would run over a dozen A3 pages. On paper the beleidsmodel is its one-page figure, and the
 * evidence is the gap maps.
 */
export function isPrintView(d: AnyDiagram): boolean {
  return d.view !== 'schakels' && d.view !== 'bewijs';
}

/** Whether a drawn diagram prints whole on one page at `POSTER_PT` or more. */
function fitsOnePage(d: DrawnDiagram, papier: Paper | undefined): boolean {
  return fitScale(d.width, d.height, choosePage(d.width, d.height, papier, d), d) >= MIN_POSTER_SCALE - 1e-9;
}

/**
 * Views too small to read whole, replaced by their parts, and parts still too small by
 * theirs (a DIN → per ER-doel → groups of inspanningen); each level drawn in one batch.
 */
async function drawnParts(drawn: readonly DrawnDiagram[], renderer: BrowserRenderer, fits: (d: DrawnDiagram) => boolean, partsOf: PosterOptions['partsOf']) {
  let pieces = [...drawn];
  for (let level = 0; level < 2; level++) {
    const partsFor = new Map<string, Diagram[]>();
    for (const d of pieces) {
      if (fits(d)) continue;
      const parts = partsOf?.(d) ?? [];
      if (parts.length) partsFor.set(d.name, parts);
    }
    if (partsFor.size === 0) break;
    const byName = new Map((await drawDiagrams([...partsFor.values()].flat(), renderer)).map((p) => [p.name, p] as const));
    pieces = pieces.flatMap((d) => partsFor.get(d.name)?.map((p) => byName.get(p.name)!) ?? [d]);
  }
  const split = drawn.filter((d) => !pieces.includes(d)).map((d) => ({ view: d.name, parts: pieces.filter((p) => p.deelVan === d.name).length }));
  return { pieces, split };
}

/**
 * The poster pages of drawn diagrams, every one with its text at `POSTER_PT` or more: a
 * diagram on one A4 or A3 page when it is readable there; else its parts (a DIN per
 * ER-doel, coverage per onderzoeksvraag), each on its page; and a diagram or part that is
 * still too big continues over as many A3 pages as it needs (a window of the drawing each,
 * overlapping, like a wall poster), never printed smaller.
 */
async function posterPages(drawn: readonly DrawnDiagram[], renderer: BrowserRenderer, opts: PosterOptions) {
  const printable = drawn.filter(isPrintView);
  const { pieces, split } = await drawnParts(printable, renderer, (d) => fitsOnePage(d, opts.papier), opts.partsOf);
  const continued: { name: string; sheets: number }[] = [];
  const pages = pieces.flatMap((d) => {
    const name = d.deelVan ?? d.name;
    if (fitsOnePage(d, opts.papier)) {
      const size = choosePage(d.width, d.height, opts.papier, d);
      const html = posterHtml({ ...pageFields(d, opts), name, legenda: d.legenda, size, lijsten: d.lijsten });
      return [{ name: d.name, size, html, labelPt: labelPoints(d.width, d.height, size, d) }];
    }
    const t = tiling(d.width, d.height, POSTER_TILE_GOAL);
    if (t.cols * t.rows > 1) continued.push({ name: d.name, sheets: t.cols * t.rows });
    return Array.from({ length: t.cols * t.rows }, (_, i) => ({
      name: `${d.name} blad ${i + 1}`,
      size: t.size,
      labelPt: t.labelPt,
      html: tileHtml({ ...pageFields(d, opts), name, legenda: d.legenda, tiling: t, col: i % t.cols, row: Math.floor(i / t.cols) }),
    }));
  });
  return { pages, split, continued };
}

export async function renderPosters(drawn: readonly DrawnDiagram[], renderer: BrowserRenderer, opts: PosterOptions): Promise<PosterResult> {
  const { pages, split, continued } = await posterPages(drawn, renderer, opts);
  const tables = opts.tablePages ?? [];
  const pdf = await renderer.renderPdf([...pages, ...tables], { title: opts.title, date: opts.date });
  return { pdf, pages: pages.map(({ name, size, labelPt }) => ({ name, size, labelPt })), split, continued, tables: tables.map(({ name, size }) => ({ name, size })) };
}

export interface WallPoster {
  name: string;
  tiling: Tiling;
  /** The sheets of this poster, in reading order (row by row). */
  pdf: Uint8Array;
}

/**
 * The views a workshop puts on the wall: the beleidsmodel, the overview, and per region
 * the DIN and the schuifjes. The coverage and evidence views are for reading at a desk; they stay in
 * posters.pdf and in the report (as tables).
 */
export function isWallView(d: AnyDiagram): boolean {
  return d.view !== 'dekking' && isPrintView(d);
}

/**
 * Wall posters: each workshop view at `WALL_PT` or more on at most `MAX_TILES` A3 sheets to
 * tape together, no sheet less than a quarter filled. A view too big for that (a DIN with
 * many inspanningen) becomes one wall poster per part (per ER-doel), each within the limits.
 * One PDF per poster, so a facilitator prints the file of the region at hand.
 */
export async function renderWallPosters(drawn: readonly DrawnDiagram[], renderer: BrowserRenderer, opts: Omit<PosterOptions, 'papier'>): Promise<WallPoster[]> {
  const { pieces } = await drawnParts(drawn.filter(isWallView), renderer, (d) => wallTiling(d.width, d.height).reached, opts.partsOf);
  const out: WallPoster[] = [];
  for (const d of pieces) {
    const tiling = wallTiling(d.width, d.height);
    const pages = Array.from({ length: tiling.rows * tiling.cols }, (_, i) => ({
      name: `${d.name} vel ${i + 1}`,
      html: tileHtml({
        ...pageFields(d, opts),
        name: d.deelVan ?? d.name,
        tiling,
        col: i % tiling.cols,
        row: Math.floor(i / tiling.cols),
      }),
    }));
    out.push({ name: d.name, tiling, pdf: await renderer.renderPdf(pages, { title: `${d.title} (muurposter)`, date: opts.date }) });
  }
  return out;
}

export interface Worksheet {
  /** File name without extension: `schuifjes-<regio>` or `schuifjes-leeg`. */
  name: string;
  size: PageSize;
  pages: number;
  pdf: Uint8Array;
}

export const BLANK_WORKSHEET = 'schuifjes-leeg';

async function printWorksheet(w: WorksheetInput, renderer: BrowserRenderer, date: Date): Promise<Worksheet> {
  const { size, html } = worksheetPages(w);
  const name = w.regio ? `schuifjes-${w.regio}` : BLANK_WORKSHEET;
  const pdf = await renderer.renderPdf(html.map((h, i) => ({ name: `${name} blad ${i + 1}`, html: h })), { title: `Schuifjes — ${w.regioNaam ?? 'lege regio'}`, date });
  return { name, size, pages: html.length, pdf };
}

/**
 * The schuifjes worksheets: one per region with a DIN (pre-filled where the model has
 * schuifjes), and the blank one; `regions` limits them to those regions (render --regio),
 * where a region without a DIN gets the blank sheet under its own name.
 */
export async function renderWorksheets(
  national: Analysis,
  renderer: BrowserRenderer,
  opts: { versie: (region: string | null) => string; regioNaam: (id: string) => string; date: Date; regions?: readonly string[] },
): Promise<Worksheet[]> {
  const out: Worksheet[] = [];
  const wanted = opts.regions ?? national.dins.map((d) => d.regio);
  for (const region of wanted) {
    const hasDin = national.dins.some((d) => d.regio === region);
    const w = hasDin ? worksheetFor(national, region, opts.versie(region)) : blankWorksheet(opts.versie(null), { id: region, naam: opts.regioNaam(region) });
    out.push(await printWorksheet(w, renderer, opts.date));
  }
  if (!opts.regions) out.push(await printWorksheet(blankWorksheet(opts.versie(null)), renderer, opts.date));
  return out;
}

/**
 * A region's own PDF: its one-page summary, then its diagrams as poster pages (the DIN,
 * the schuifjes, its coverage).
 */
export async function renderRegionPdf(
  national: Analysis,
  region: string,
  drawn: readonly DrawnDiagram[],
  renderer: BrowserRenderer,
  opts: PosterOptions & { regionVersion: string },
): Promise<{ pdf: Uint8Array; pages: number }> {
  const own = drawn.filter((d) => d.regio === region);
  const summary = regionSummaryHtml({
    regio: region,
    regioNaam: opts.regioNaam(region),
    modelVersie: opts.regionVersion,
    din: national.dins.find((d) => d.regio === region),
    schuifjes: national.schuifjes.find((s) => s.regio === region),
    diagrammen: own.map((d) => d.title),
  });
  const { pages } = await posterPages(own, renderer, opts);
  const all = [{ name: `regio-${region} samenvatting`, html: summary }, ...pages];
  return { pdf: await renderer.renderPdf(all, { title: `Regio ${opts.regioNaam(region)}`, date: opts.date }), pages: all.length };
}
