/**
 * The browser outputs, composed from the stages: diagrams (render) → SVG and one-page PDFs
 * (browser, cached). The CLI calls these and writes the results; tests and the benchmark too.
 */
import { BrowserRenderer, type RenderedSvg } from './browser/render.js';
import type { Diagram } from './render/mermaid/views.js';
import { choosePage, fitScale, labelPoints, posterHtml, type PageSize, type Paper } from './render/poster.js';
import type { ReportDiagram } from './render/report.js';

export type DrawnDiagram = Diagram & Omit<RenderedSvg, 'name'>;

export async function drawDiagrams(diagrams: readonly Diagram[], renderer: BrowserRenderer): Promise<DrawnDiagram[]> {
  const svgs = await renderer.renderSvgs(diagrams.map((d) => ({ name: d.name, mermaid: d.mermaid })));
  return diagrams.map((d, i) => {
    const { name: _name, ...drawn } = svgs[i]!;
    return { ...d, ...drawn };
  });
}

export function asReportDiagrams(drawn: readonly (Diagram & Partial<RenderedSvg>)[]): ReportDiagram[] {
  return drawn.map((d) => ({ name: d.name, title: d.title, caption: d.caption, mermaid: d.mermaid, ...(d.svg ? { svg: d.svg, width: d.width!, height: d.height! } : {}) }));
}

export interface PosterOptions {
  papier?: Paper;
  /** Display name of a region id. */
  regioNaam: (id: string) => string;
  /** Model version label for a diagram (git date of the files it was drawn from). */
  versie: (d: Diagram) => string;
  title: string;
  date: Date;
  /** The parts of a view (see render/diagrams.ts partsOf), for views too big for paper. */
  partsOf?: (d: Diagram) => Diagram[];
}

export interface PosterResult {
  pdf: Uint8Array;
  /** labelPt: the size of the diagram's node labels on paper (12 pt = drawn at 100 %). */
  pages: { name: string; size: PageSize; labelPt: number }[];
  /** Views printed in parts because whole they would be unreadable on paper. */
  split: { view: string; parts: number }[];
}

/**
 * Below this scale on its page a diagram's 16px labels print under 9 pt; a view that has
 * parts (DIN per ER-doel, coverage per onderzoeksvraag) is then printed in parts.
 */
export const SPLIT_BELOW_SCALE = 0.75;

export async function renderPosters(drawn: readonly DrawnDiagram[], renderer: BrowserRenderer, opts: PosterOptions): Promise<PosterResult> {
  // Which views are too small to read whole; their parts are drawn in one batch.
  const partsFor = new Map<string, Diagram[]>();
  for (const d of drawn) {
    const size = choosePage(d.width, d.height, opts.papier);
    if (fitScale(d.width, d.height, size) >= SPLIT_BELOW_SCALE) continue;
    const parts = opts.partsOf?.(d) ?? [];
    if (parts.length) partsFor.set(d.name, parts);
  }
  const drawnParts = new Map((await drawDiagrams([...partsFor.values()].flat(), renderer)).map((p) => [p.name, p] as const));
  const onPaper = drawn.flatMap((d) => (partsFor.get(d.name)?.map((p) => drawnParts.get(p.name)!) ?? [d]));
  const pages = onPaper.map((d) => {
    const size = choosePage(d.width, d.height, opts.papier);
    const html = posterHtml({
      name: d.deelVan ?? d.name,
      title: d.title,
      caption: d.caption,
      regio: d.regio ? opts.regioNaam(d.regio) : null,
      modelVersie: opts.versie(d),
      legenda: d.legenda,
      svg: d.svg,
      width: d.width,
      height: d.height,
      size,
    });
    return { name: d.name, size, html, labelPt: labelPoints(d.width, d.height, size) };
  });
  const pdf = await renderer.renderPdf(pages, { title: opts.title, date: opts.date });
  return { pdf, pages: pages.map(({ name, size, labelPt }) => ({ name, size, labelPt })), split: [...partsFor].map(([view, parts]) => ({ view, parts: parts.length })) };
}
