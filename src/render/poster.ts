/**
 * One poster page per diagram, as a complete HTML document that prints to exactly one
 * page: title, caption, region, model version and the legend at a size readable from a
 * distance, and the diagram scaled to fill the rest. Pure: the browser stage prints it.
 */
import { escapeHtml } from './html.js';
import type { LegendEntry } from './mermaid/builder.js';
import { FONT_STACK, PAGE_CSP } from './page-style.js';

export type Paper = 'A4' | 'A3';
export const PAPERS: readonly Paper[] = ['A4', 'A3'];

export interface PageSize {
  paper: Paper;
  landscape: boolean;
}

const MM = { A4: [210, 297], A3: [297, 420] } as const;
const MARGIN_MM = 10;
/** Room the title block, legend and footer take when the page's texts are not known. */
const HEADER_MM = 48;
/** The footer line and the gaps around the header and footer. */
const CHROME_MM = 12;

/** What a poster page prints around its drawing: decides how much room the drawing gets. */
export interface PageText {
  title: string;
  caption: string;
  legenda: readonly LegendEntry[];
  lijsten?: readonly { titel: string; items: readonly string[] }[] | undefined;
}

/** Type sizes of a poster page's header, in points, per paper. */
const HEADER_PT = { A4: { title: 20, caption: 11, legend: 10 }, A3: { title: 28, caption: 14, legend: 13 } } as const;
const MM_PER_PT = 25.4 / 72;

/** Lines `text` takes at `pt` in a box `widthMm` wide; `em`: the font's mean character width. */
function linesOf(text: string, pt: number, widthMm: number, em: number): number {
  const perLine = Math.max(1, Math.floor(widthMm / (pt * em * MM_PER_PT)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > perLine && used > 0) {
      lines++;
      used = word.length;
    } else used = need;
  }
  return lines;
}

/**
 * The height of a poster page's header, estimated from its texts on the generous side (wide
 * mean character widths): the drawing is scaled to the room that is surely left, so a long
 * title or a legend of two rows can never push its labels under the size the page promises.
 */
export function headerMm(text: PageText, size: PageSize): number {
  const t = HEADER_PT[size.paper];
  const [w] = pageMm(size);
  const width = w - 2 * MARGIN_MM;
  const line = (pt: number) => pt * 1.2 * MM_PER_PT;
  const title = linesOf(text.title, t.title, width, 0.66) * t.title * 1.15 * MM_PER_PT;
  const caption = linesOf(text.caption, t.caption, width, 0.58) * line(t.caption);
  // The legend's items flow in rows: a swatch (10 mm), its label, and a 6 mm gap each.
  let rows = text.legenda.length ? 1 : 0;
  let used = 0;
  for (const e of ['Legenda', ...text.legenda.map((x) => x.label)]) {
    const item = 10 + 1.5 + e.length * t.legend * 0.58 * MM_PER_PT + 6;
    if (used + item > width && used > 0) {
      rows++;
      used = item;
    } else used += item;
  }
  return title + caption + line(t.caption) + rows * (line(t.legend) + 1) + CHROME_MM;
}
const PX_PER_MM = 96 / 25.4;
/** Mermaid's label font is 16 CSS px = 12 pt at scale 1. */
const LABEL_PT = 12;
/**
 * The smallest diagram text on a desk poster (posters.pdf, a region's PDF), in points:
 * read at arm's length, as body text is. Issue 16 measures it on every page.
 */
export const POSTER_PT = 9;
/** The scale at which mermaid's 16px labels print at `POSTER_PT`. */
export const MIN_POSTER_SCALE = POSTER_PT / LABEL_PT;
/**
 * Below this scale a diagram goes from A4 to A3 (and below it on A3, into parts or onto
 * several sheets): the same limit, so no page prints under `POSTER_PT`.
 */
export const MIN_A4_SCALE = MIN_POSTER_SCALE;
/** The column beside the drawing that holds a diagram's lists (the beleidsmodel's aannames). */
const LISTS_MM = { A4: 75, A3: 92 } as const;

function pageMm({ paper, landscape }: PageSize): [number, number] {
  const [w, h] = MM[paper];
  return landscape ? [h, w] : [w, h];
}

/**
 * How much a diagram of width × height CSS pixels is scaled to fit the page's drawing area;
 * `text`: what the page prints around it (its header's height, a column for its lists).
 */
export function fitScale(width: number, height: number, size: PageSize, text?: PageText): number {
  const [w, h] = pageMm(size);
  const aside = text?.lijsten?.length ? LISTS_MM[size.paper] : 0;
  const areaW = (w - 2 * MARGIN_MM - aside) * PX_PER_MM;
  const areaH = (h - 2 * MARGIN_MM - (text ? headerMm(text, size) : HEADER_MM)) * PX_PER_MM;
  return Math.min(areaW / width, areaH / height);
}

/** Diagrams are never blown up more than this: a pie at 10× looks like a mistake. */
export const MAX_UPSCALE = 3;
/** The size node labels get on paper, in points: the number a facilitator cares about. */
export function labelPoints(width: number, height: number, size: PageSize, text?: PageText): number {
  return LABEL_PT * Math.min(MAX_UPSCALE, fitScale(width, height, size, text));
}

/**
 * A4 when the diagram stays readable on it, A3 otherwise; the orientation that gives the
 * larger scale. `forced` fixes the paper (the orientation is still chosen).
 */
export function choosePage(width: number, height: number, forced?: Paper, text?: PageText): PageSize {
  const best = (paper: Paper): PageSize => {
    const l = { paper, landscape: true };
    const p = { paper, landscape: false };
    return fitScale(width, height, l, text) >= fitScale(width, height, p, text) ? l : p;
  };
  if (forced) return best(forced);
  const a4 = best('A4');
  return fitScale(width, height, a4, text) >= MIN_A4_SCALE ? a4 : best('A3');
}

export interface PosterInput {
  name: string;
  title: string;
  caption: string;
  /** Region name, or null for a national view. */
  regio: string | null;
  /** E.g. "2026-11-20 (git 16088d4)". */
  modelVersie: string;
  legenda: readonly LegendEntry[];
  svg: string;
  width: number;
  height: number;
  size: PageSize;
  /** Lists printed in a column beside the drawing (the beleidsmodel's aannames). */
  lijsten?: readonly { titel: string; items: readonly string[] }[] | undefined;
}

/** classDef style → CSS for a legend swatch (only the properties we use in the palette). */
function swatchCss(style: string): string {
  const props = new Map(style.split(',').map((kv) => kv.split(':') as [string, string]));
  const css = [`background:${props.get('fill') ?? '#fff'}`, `border:${props.get('stroke-width') ?? '1px'} ${props.has('stroke-dasharray') ? 'dashed' : 'solid'} ${props.get('stroke') ?? '#000'}`, `color:${props.get('color') ?? '#000'}`];
  // Only colours and lengths from our own palette reach here; keep it that way.
  return css.join(';').replace(/[^#\w:;. %-]/g, '');
}

const LINE_DASH: Record<string, string> = { solid: '', thick: '', dotted: ' stroke-dasharray="3 3"', open: '', invisible: ' stroke-opacity="0"' };

function legendItem(e: LegendEntry): string {
  if (e.style) return `<li><span class="swatch" style="${swatchCss(e.style)}"></span>${escapeHtml(e.label)}</li>`;
  const width = e.arrow === 'thick' ? 3.5 : 1.5;
  const head = e.arrow === 'open' ? '' : '<path d="M40 5 L33 1 L33 9 Z"/>';
  // A line with a linkStyle of its own (sterkte onbekend) shows that style's colour and dashes.
  const own = e.lineStyle ? new Map(e.lineStyle.split(',').map((kv) => kv.split(':') as [string, string])) : undefined;
  const stroke = (own?.get('stroke') ?? '#000').replace(/[^#\w]/g, '');
  const dash = own?.has('stroke-dasharray') ? ` stroke-dasharray="${own.get('stroke-dasharray')!.replace(/[^\d. ]/g, '')}"` : LINE_DASH[e.arrow ?? 'solid'];
  return `<li><svg class="line" viewBox="0 0 42 10" width="42" height="10" aria-hidden="true"><line x1="1" y1="5" x2="${e.arrow === 'open' ? 41 : 34}" y2="5" stroke="${stroke}" stroke-width="${width}"${dash}/>${head}</svg>${escapeHtml(e.label)}</li>`;
}

function legendList(entries: readonly LegendEntry[]): string {
  return `<ul class="legend" aria-label="legenda"><li><strong>Legenda</strong></li>${entries.map(legendItem).join('')}</ul>`;
}

/**
 * Chromium lays out SVG <text> (mermaid's titles, the pie's labels) with a font of the size
 * the text has on the page (font-size × the drawing's scale), and its font cache files that
 * font under a rounded size: the first page of a run that asks for a nearby size decides
 * which one every later page gets. So the same page printed 9.97 pt in one run and 9.98 pt
 * in another, depending on what the renderer printed before it (the HTML was identical).
 * geometricPrecision makes Chromium use the font at its own size and scale the glyphs as
 * vectors, whatever the scale: the drawing's SVG bytes are unchanged, the page looks the same.
 */
const SVG_TEXT_UNSCALED = 'svg text { text-rendering: geometricPrecision !important; }';

/**
 * A one-page HTML document for printing: CSP without scripts, the paper size, the type, a
 * `.page` box filling the printable area; `css` adds the layout of its kind of page.
 */
export function printPage(title: string, size: PageSize, css: string, body: string[]): string {
  const [w, h] = pageMm(size);
  const base = `
@page { size: ${size.paper} ${size.landscape ? 'landscape' : 'portrait'}; margin: ${MARGIN_MM}mm; }
html, body { margin: 0; padding: 0; }
body { print-color-adjust: exact; -webkit-print-color-adjust: exact; font-family: ${FONT_STACK}; color: #000; }
.page { width: ${w - 2 * MARGIN_MM}mm; height: ${h - 2 * MARGIN_MM - 0.5}mm; overflow: hidden; }
${SVG_TEXT_UNSCALED}`;
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${base}${css}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function posterHtml(p: PosterInput): string {
  const big = p.size.paper === 'A3';
  const css = `
.page { display: flex; flex-direction: column; }
header { flex: none; border-bottom: .6mm solid #000; padding-bottom: 1.5mm; margin-bottom: 2mm; }
h1 { font-size: ${big ? 28 : 20}pt; line-height: 1.15; margin: 0 0 1mm; }
header p { margin: 0; font-size: ${big ? 14 : 11}pt; }
header .meta { margin-top: .8mm; color: #252525; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin: 1.5mm 0 0; padding: 0; font-size: ${big ? 13 : 10}pt; }
ul.legend li { display: flex; align-items: center; gap: 1.5mm; }
.swatch { display: inline-block; width: ${big ? 10 : 8}mm; height: ${big ? 5 : 4}mm; box-sizing: border-box; }
main { flex: 1 1 auto; min-height: 0; display: flex; gap: 3mm; }
figure { flex: 1 1 auto; min-width: 0; margin: 0; display: flex; align-items: center; justify-content: center; }
aside { flex: none; width: ${p.lijsten?.length ? LISTS_MM[p.size.paper] - 3 : 0}mm; font-size: 9pt; line-height: 1.15; border-left: .3mm solid #969696; padding-left: 3mm; box-sizing: border-box; overflow: hidden; }
aside h2 { font-size: 10pt; margin: 0 0 1mm; }
aside ol + h2 { margin-top: 2mm; }
aside ol { margin: 0; padding: 0; list-style: none; }
aside li { margin: 0 0 1mm; break-inside: avoid; }
/* Mermaid measured its labels with the browser defaults; page styles must not reach them. */
figure > svg { line-height: normal; font-size: 16px; width: 100%; height: 100%; max-width: ${Math.round(p.width * MAX_UPSCALE)}px; max-height: ${Math.round(p.height * MAX_UPSCALE)}px; }
footer { flex: none; display: flex; justify-content: space-between; font-size: 9pt; color: #404040; border-top: .3mm solid #969696; padding-top: .8mm; margin-top: 1.5mm; }
`;
  const legend = p.legenda.length ? legendList(p.legenda) : '';
  return printPage(p.title, p.size, css, [
    '<header>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p>${escapeHtml(p.caption)}</p>`,
    `<p class="meta"><strong>${p.regio ? `Regio: ${escapeHtml(p.regio)}` : 'Landelijk'}</strong> · modelversie ${escapeHtml(p.modelVersie)}</p>`,
    legend,
    '</header>',
    // The list's items carry their own number (A1, A2, …): the drawing refers to them so.
    `<main><figure>${p.svg}</figure>${p.lijsten?.length ? `<aside>${p.lijsten.map((l) => `<h2>${escapeHtml(l.titel)}</h2><ol>${l.items.map((it) => `<li>${escapeHtml(it)}</li>`).join('')}</ol>`).join('')}</aside>` : ''}</main>`,
    `<footer><span>tocdin · diagrams/${escapeHtml(p.name)}.mmd</span><span>${p.size.paper} ${p.size.landscape ? 'liggend' : 'staand'}</span></footer>`,
  ]);
}

// ------------------------------------------------------------------ wall posters (tiles)

/**
 * Node labels on a wall poster, in points. From 2 m a letter at the limit of normal
 * (20/20) vision subtends 5 arc minutes: 2.9 mm, the cap height of ~11.5 pt type. 18 pt
 * is 1.6× that limit, the size at which people read a text at that distance rather than
 * decipher it.
 */
export const WALL_PT = 18;
/** At most 3 × 3 A3 sheets (about A1) per poster: beyond that a view is printed in parts. */
export const MAX_TILES = 9;
/** Each tile repeats this much of its neighbour's edge, so the sheets can be overlapped and taped. */
export const TILE_OVERLAP_MM = 10;
/** A wall sheet must be at least this much covered by the drawing: a nearly empty sheet is waste. */
export const MIN_TILE_FILL = 0.25;
/**
 * Fixed, so every tile has the same drawing area and the pieces line up. A wall sheet has no
 * legend (the poster's own page in posters.pdf has it); a desk poster's sheet keeps one.
 */
const TILE_HEADER_MM = 20;
const POSTER_TILE_HEADER_MM = 36;
const TILE_FOOTER_MM = 7;

/** What a tiling must reach: a text size, within at most this many sheets. */
export interface TilingGoal {
  pt: number;
  maxTiles: number;
  headerMm: number;
}
export const WALL_GOAL: TilingGoal = { pt: WALL_PT, maxTiles: MAX_TILES, headerMm: TILE_HEADER_MM };
/** A desk poster too big for one A3 page at `POSTER_PT` continues on more pages, never smaller. */
export const POSTER_TILE_GOAL: TilingGoal = { pt: POSTER_PT, maxTiles: Number.POSITIVE_INFINITY, headerMm: POSTER_TILE_HEADER_MM };

export interface Tiling {
  size: PageSize;
  cols: number;
  rows: number;
  /** CSS px of the poster per CSS px of the drawing. */
  scale: number;
  /** Label size on paper in points. */
  labelPt: number;
  /** The share of the emptiest sheet that the drawing covers (0–1). */
  fill: number;
  /** Whether the goal's size is reached within its number of sheets. */
  reached: boolean;
  headerMm: number;
}

function tileArea(size: PageSize, headerMm: number): [number, number] {
  const [w, h] = pageMm(size);
  return [(w - 2 * MARGIN_MM) * PX_PER_MM, (h - 2 * MARGIN_MM - headerMm - TILE_FOOTER_MM) * PX_PER_MM];
}

const OVERLAP_PX = TILE_OVERLAP_MM * PX_PER_MM;

/** Sheets needed along one side of `len` px at `scale`, each showing `area` px with the overlap. */
function sheetsAlong(len: number, scale: number, area: number): number {
  return Math.max(1, Math.ceil((len * scale - OVERLAP_PX) / (area - OVERLAP_PX) - 1e-9));
}

/** The largest scale at which `len` px fits on `n` sheets of `area` px. */
function scaleFor(len: number, n: number, area: number): number {
  return (n * (area - OVERLAP_PX) + OVERLAP_PX) / len;
}

/** How much of the last sheet along one side the drawing covers. */
function lastFill(len: number, scale: number, n: number, area: number): number {
  return Math.min(1, (len * scale - (n - 1) * (area - OVERLAP_PX)) / area);
}

/**
 * The A3 sheets that print a drawing of width × height CSS px at the goal's text size: of
 * the grids within the goal's number of sheets on which the text reaches that size, the one
 * with the fewest sheets whose emptiest sheet is at least `MIN_TILE_FILL` covered, the
 * drawing scaled up to fill its grid (larger text, fuller sheets; at most `MAX_UPSCALE`).
 * When no grid reaches the size, the one that comes closest, marked `reached: false`: the
 * caller prints the view in parts instead.
 */
export function tiling(width: number, height: number, goal: TilingGoal): Tiling {
  const target = goal.pt / LABEL_PT;
  const candidates: Tiling[] = [];
  for (const landscape of [true, false]) {
    const size: PageSize = { paper: 'A3', landscape };
    const [aw, ah] = tileArea(size, goal.headerMm);
    const minCols = sheetsAlong(width, target, aw);
    const minRows = sheetsAlong(height, target, ah);
    // Without a limit on sheets, the smallest grid at the target is the only one worth having.
    const maxCols = Number.isFinite(goal.maxTiles) ? goal.maxTiles : minCols;
    for (let cols = 1; cols <= maxCols; cols++) {
      const maxRows = Number.isFinite(goal.maxTiles) ? Math.floor(goal.maxTiles / cols) : minRows;
      for (let rows = 1; rows <= maxRows; rows++) {
        const scale = Math.min(scaleFor(width, cols, aw), scaleFor(height, rows, ah), MAX_UPSCALE);
        // A grid with a row or column the drawing does not reach is not a grid for it.
        if (sheetsAlong(width, scale, aw) !== cols || sheetsAlong(height, scale, ah) !== rows) continue;
        const fill = lastFill(width, scale, cols, aw) * lastFill(height, scale, rows, ah);
        candidates.push({ size, cols, rows, scale, labelPt: LABEL_PT * scale, fill, reached: scale >= target - 1e-9, headerMm: goal.headerMm });
      }
    }
  }
  const rank = (t: Tiling) => [t.reached ? 0 : 1, t.reached ? 0 : -t.scale, t.fill >= MIN_TILE_FILL ? 0 : 1, t.cols * t.rows, -t.fill, -t.scale];
  candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  });
  return candidates[0]!;
}

/** A wall poster: `WALL_PT` on at most `MAX_TILES` A3 sheets. */
export function wallTiling(width: number, height: number): Tiling {
  return tiling(width, height, WALL_GOAL);
}

export interface TileInput extends Omit<PosterInput, 'size' | 'legenda'> {
  tiling: Tiling;
  /** A desk poster's sheet prints the legend; a wall sheet does not (see `WALL_GOAL`). */
  legenda?: readonly LegendEntry[];
  col: number;
  row: number;
}

/** One sheet of a wall poster: the drawing at the tiling's scale, shifted to this tile's window. */
export function tileHtml(p: TileInput): string {
  const { size, cols, rows, scale, headerMm } = p.tiling;
  const [aw, ah] = tileArea(size, headerMm);
  const overlap = OVERLAP_PX;
  const x = p.col * (aw - overlap);
  const y = p.row * (ah - overlap);
  const n = p.row * cols + p.col + 1;
  const where = cols * rows === 1 ? '1 vel' : `vel ${n} van ${cols * rows}: rij ${p.row + 1} van ${rows}, kolom ${p.col + 1} van ${cols}`;
  // Where the next sheet's content begins: overlap it up to this line.
  const marks = [
    p.col < cols - 1 ? `<div class="mark v" style="left:${(aw - overlap).toFixed(1)}px"></div>` : '',
    p.row < rows - 1 ? `<div class="mark h" style="top:${(ah - overlap).toFixed(1)}px"></div>` : '',
  ].join('');
  const css = `
header { height: ${headerMm}mm; box-sizing: border-box; overflow: hidden; border-bottom: .6mm solid #000; padding-bottom: 1mm; }
h1 { font-size: 18pt; line-height: 1.15; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header p { margin: .5mm 0 0; font-size: 10pt; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .8mm 5mm; margin: 1mm 0 0; padding: 0; font-size: 10pt; }
ul.legend li { display: flex; align-items: center; gap: 1.5mm; }
.swatch { display: inline-block; width: 8mm; height: 4mm; box-sizing: border-box; }
.window { position: relative; width: ${aw.toFixed(1)}px; height: ${ah.toFixed(1)}px; overflow: hidden; }
/* Mermaid measured its labels with the browser defaults; page styles must not reach them. */
.window > svg { position: absolute; left: ${(-x).toFixed(1)}px; top: ${(-y).toFixed(1)}px; width: ${(p.width * scale).toFixed(1)}px; height: ${(p.height * scale).toFixed(1)}px; line-height: normal; font-size: 16px; }
.mark { position: absolute; border: 0 dashed #969696; }
.mark.v { top: 0; bottom: 0; border-left-width: .4mm; }
.mark.h { left: 0; right: 0; border-top-width: .4mm; }
footer { height: ${TILE_FOOTER_MM}mm; box-sizing: border-box; display: flex; justify-content: space-between; align-items: flex-end; font-size: 9pt; color: #404040; border-top: .3mm solid #969696; }
`;
  return printPage(p.title, size, css, [
    '<header>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p><strong>${escapeHtml(where)}</strong> · ${p.regio ? `regio ${escapeHtml(p.regio)}` : 'landelijk'} · modelversie ${escapeHtml(p.modelVersie)}${cols * rows > 1 ? ` · leg de vellen over elkaar tot de stippellijn` : ''}</p>`,
    p.legenda?.length ? legendList(p.legenda) : '',
    '</header>',
    `<div class="window">${p.svg}${marks}</div>`,
    `<footer><span>tocdin · diagrams/${escapeHtml(p.name)}.mmd · tekst ${Math.round(p.tiling.labelPt)} pt</span><span>A3 ${size.landscape ? 'liggend' : 'staand'}</span></footer>`,
  ]);
}
