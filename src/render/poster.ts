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
/** Room the title block, legend and footer take (measured on the bundled diagrams). */
const HEADER_MM = 48;
const PX_PER_MM = 96 / 25.4;
/**
 * Below this scale mermaid's 16px text drops under ~8pt on paper: too small to read at
 * arm's length, so the diagram goes to A3 instead.
 */
export const MIN_A4_SCALE = 0.65;

function pageMm({ paper, landscape }: PageSize): [number, number] {
  const [w, h] = MM[paper];
  return landscape ? [h, w] : [w, h];
}

/** How much a diagram of width × height CSS pixels is scaled to fit the page's drawing area. */
export function fitScale(width: number, height: number, size: PageSize): number {
  const [w, h] = pageMm(size);
  const areaW = (w - 2 * MARGIN_MM) * PX_PER_MM;
  const areaH = (h - 2 * MARGIN_MM - HEADER_MM) * PX_PER_MM;
  return Math.min(areaW / width, areaH / height);
}

/** Diagrams are never blown up more than this: a pie at 10× looks like a mistake. */
export const MAX_UPSCALE = 3;
/** Mermaid's label font is 16 CSS px = 12 pt at scale 1. */
const LABEL_PT = 12;

/** The size node labels get on paper, in points: the number a facilitator cares about. */
export function labelPoints(width: number, height: number, size: PageSize): number {
  return LABEL_PT * Math.min(MAX_UPSCALE, fitScale(width, height, size));
}

/**
 * A4 when the diagram stays readable on it, A3 otherwise; the orientation that gives the
 * larger scale. `forced` fixes the paper (the orientation is still chosen).
 */
export function choosePage(width: number, height: number, forced?: Paper): PageSize {
  const best = (paper: Paper): PageSize => {
    const l = { paper, landscape: true };
    const p = { paper, landscape: false };
    return fitScale(width, height, l) >= fitScale(width, height, p) ? l : p;
  };
  if (forced) return best(forced);
  const a4 = best('A4');
  return fitScale(width, height, a4) >= MIN_A4_SCALE ? a4 : best('A3');
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
figure { flex: 1 1 auto; min-height: 0; margin: 0; display: flex; align-items: center; justify-content: center; }
/* Mermaid measured its labels with the browser defaults; page styles must not reach them. */
figure > svg { line-height: normal; font-size: 16px; width: 100%; height: 100%; max-width: ${Math.round(p.width * MAX_UPSCALE)}px; max-height: ${Math.round(p.height * MAX_UPSCALE)}px; }
footer { flex: none; display: flex; justify-content: space-between; font-size: 8pt; color: #404040; border-top: .3mm solid #969696; padding-top: .8mm; margin-top: 1.5mm; }
`;
  const legend = p.legenda.length ? `<ul class="legend" aria-label="legenda"><li><strong>Legenda</strong></li>${p.legenda.map(legendItem).join('')}</ul>` : '';
  return printPage(p.title, p.size, css, [
    '<header>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p>${escapeHtml(p.caption)}</p>`,
    `<p class="meta"><strong>${p.regio ? `Regio: ${escapeHtml(p.regio)}` : 'Landelijk'}</strong> · modelversie ${escapeHtml(p.modelVersie)}</p>`,
    legend,
    '</header>',
    `<figure>${p.svg}</figure>`,
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
/**
 * Fixed, so every tile has the same drawing area and the pieces line up. No legend here:
 * the drawing carries its own, and on the wall it is printed at the labels' size.
 */
const TILE_HEADER_MM = 20;
const TILE_FOOTER_MM = 7;

export interface Tiling {
  size: PageSize;
  cols: number;
  rows: number;
  /** CSS px of the poster per CSS px of the drawing. */
  scale: number;
  /** Label size on paper in points. */
  labelPt: number;
}

function tileArea(size: PageSize): [number, number] {
  const [w, h] = pageMm(size);
  return [(w - 2 * MARGIN_MM) * PX_PER_MM, (h - 2 * MARGIN_MM - TILE_HEADER_MM - TILE_FOOTER_MM) * PX_PER_MM];
}

function tilesNeeded(width: number, height: number, scale: number, size: PageSize): [number, number] {
  const [aw, ah] = tileArea(size);
  const overlap = TILE_OVERLAP_MM * PX_PER_MM;
  const n = (len: number, area: number) => Math.max(1, Math.ceil((len * scale - overlap) / (area - overlap) - 1e-9));
  return [n(width, aw), n(height, ah)];
}

/**
 * The A3 sheets that print a drawing of width × height CSS px with labels at `WALL_PT`:
 * the orientation with the fewest sheets, and within at most `MAX_TILES` sheets the largest
 * scale up to `WALL_PT` (so a small drawing stays one sheet, a big one gets ≤ 3 × 3).
 */
export function wallTiling(width: number, height: number): Tiling {
  const target = WALL_PT / LABEL_PT;
  let best: Tiling | undefined;
  for (const landscape of [true, false]) {
    const size: PageSize = { paper: 'A3', landscape };
    const [aw, ah] = tileArea(size);
    const overlap = TILE_OVERLAP_MM * PX_PER_MM;
    let scale = target;
    let [cols, rows] = tilesNeeded(width, height, scale, size);
    if (cols * rows > MAX_TILES) {
      // The largest grid within the limit decides the scale: try every cols × rows ≤ MAX_TILES.
      scale = 0;
      for (let c = 1; c <= MAX_TILES; c++) {
        for (let r = 1; c * r <= MAX_TILES; r++) {
          const s = Math.min((c * (aw - overlap) + overlap) / width, (r * (ah - overlap) + overlap) / height, target);
          if (s > scale) [scale, cols, rows] = [s, c, r];
        }
      }
      [cols, rows] = tilesNeeded(width, height, scale, size);
    }
    const t = { size, cols, rows, scale, labelPt: LABEL_PT * scale };
    if (!best || t.labelPt > best.labelPt + 1e-9 || (Math.abs(t.labelPt - best.labelPt) < 1e-9 && t.cols * t.rows < best.cols * best.rows)) best = t;
  }
  return best!;
}

export interface TileInput extends Omit<PosterInput, 'size' | 'legenda'> {
  tiling: Tiling;
  col: number;
  row: number;
}

/** One sheet of a wall poster: the drawing at the tiling's scale, shifted to this tile's window. */
export function tileHtml(p: TileInput): string {
  const { size, cols, rows, scale } = p.tiling;
  const [aw, ah] = tileArea(size);
  const overlap = TILE_OVERLAP_MM * PX_PER_MM;
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
header { height: ${TILE_HEADER_MM}mm; box-sizing: border-box; overflow: hidden; border-bottom: .6mm solid #000; padding-bottom: 1mm; }
h1 { font-size: 18pt; line-height: 1.15; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header p { margin: .5mm 0 0; font-size: 10pt; }
.window { position: relative; width: ${aw.toFixed(1)}px; height: ${ah.toFixed(1)}px; overflow: hidden; }
/* Mermaid measured its labels with the browser defaults; page styles must not reach them. */
.window > svg { position: absolute; left: ${(-x).toFixed(1)}px; top: ${(-y).toFixed(1)}px; width: ${(p.width * scale).toFixed(1)}px; height: ${(p.height * scale).toFixed(1)}px; line-height: normal; font-size: 16px; }
.mark { position: absolute; border: 0 dashed #969696; }
.mark.v { top: 0; bottom: 0; border-left-width: .4mm; }
.mark.h { left: 0; right: 0; border-top-width: .4mm; }
footer { height: ${TILE_FOOTER_MM}mm; box-sizing: border-box; display: flex; justify-content: space-between; align-items: flex-end; font-size: 8pt; color: #404040; border-top: .3mm solid #969696; }
`;
  return printPage(p.title, size, css, [
    '<header>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p><strong>${escapeHtml(where)}</strong> · ${p.regio ? `regio ${escapeHtml(p.regio)}` : 'landelijk'} · modelversie ${escapeHtml(p.modelVersie)}${cols * rows > 1 ? ` · leg de vellen over elkaar tot de stippellijn` : ''}</p>`,
    '</header>',
    `<div class="window">${p.svg}${marks}</div>`,
    `<footer><span>tocdin · diagrams/${escapeHtml(p.name)}.mmd · tekst ${Math.round(p.tiling.labelPt)} pt</span><span>A3 ${size.landscape ? 'liggend' : 'staand'}</span></footer>`,
  ]);
}
