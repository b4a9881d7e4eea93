/**
 * One poster page per diagram, as a complete HTML document that prints to exactly one
 * page: title, caption, region, model version and the legend at a size readable from a
 * distance, and the diagram scaled to fill the rest. Pure: the browser stage prints it.
 */
import { escapeHtml } from './html.js';
import type { LegendEntry } from './mermaid/builder.js';

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

/**
 * A4 when the diagram stays readable on it, A3 otherwise; the orientation that gives the
 * larger scale. `forced` fixes the paper (the orientation is still chosen).
 */
/** Diagrams are never blown up more than this: a pie at 10× looks like a mistake. */
export const MAX_UPSCALE = 3;
/** Mermaid's label font is 16 CSS px = 12 pt at scale 1. */
const LABEL_PT = 12;

/** The size node labels get on paper, in points: the number a facilitator cares about. */
export function labelPoints(width: number, height: number, size: PageSize): number {
  return LABEL_PT * Math.min(MAX_UPSCALE, fitScale(width, height, size));
}

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
  return `<li><svg class="line" viewBox="0 0 42 10" width="42" height="10" aria-hidden="true"><line x1="1" y1="5" x2="${e.arrow === 'open' ? 41 : 34}" y2="5" stroke="#000" stroke-width="${width}"${LINE_DASH[e.arrow ?? 'solid']}/>${head}</svg>${escapeHtml(e.label)}</li>`;
}

export function posterHtml(p: PosterInput): string {
  const [w, h] = pageMm(p.size);
  const big = p.size.paper === 'A3';
  const css = `
@page { size: ${p.size.paper} ${p.size.landscape ? 'landscape' : 'portrait'}; margin: ${MARGIN_MM}mm; }
html, body { margin: 0; padding: 0; }
body { print-color-adjust: exact; -webkit-print-color-adjust: exact; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000; }
.page { width: ${w - 2 * MARGIN_MM}mm; height: ${h - 2 * MARGIN_MM - 0.5}mm; display: flex; flex-direction: column; overflow: hidden; }
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
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    '<header>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p>${escapeHtml(p.caption)}</p>`,
    `<p class="meta"><strong>${p.regio ? `Regio: ${escapeHtml(p.regio)}` : 'Landelijk'}</strong> · modelversie ${escapeHtml(p.modelVersie)}</p>`,
    legend,
    '</header>',
    `<figure>${p.svg}</figure>`,
    `<footer><span>tocdin · diagrams/${escapeHtml(p.name)}.mmd</span><span>${p.size.paper} ${p.size.landscape ? 'liggend' : 'staand'}</span></footer>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
