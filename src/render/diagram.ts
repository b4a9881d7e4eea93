/**
 * One diagram type, tagged by stage: what `render` computes (Mermaid text, `stage: 'mermaid'`)
 * and what `browser` drew from it (the same diagram plus its SVG, `stage: 'drawn'`). Reports,
 * posters and writers take either and dispatch on the tag and on `view`, never on names.
 */
import type { LegendEntry } from './mermaid/builder.js';

/** Which view a diagram (or a part of one) comes from: what posters and splitting dispatch on. */
/**
 * `schakels`: the beleidsmodel with every element-level link, for screens (never printed);
 * `bewijs`: the beleidsmodel with each link drawn by the evidence on it.
 */
export type ViewKind = 'overzicht' | 'beleidsmodel' | 'schakels' | 'bewijs' | 'dekking' | 'din' | 'schuifjes' | 'projectie';

export interface Diagram {
  readonly stage: 'mermaid';
  view: ViewKind;
  /** File base name, e.g. `din-almere-en-lelystad`. */
  name: string;
  title: string;
  caption: string;
  mermaid: string;
  edges: number;
  /** Set when this diagram is one part of a view that was too big for one diagram. */
  deelVan?: string;
  /** The region the diagram is about; null for national views. */
  regio: string | null;
  /** The legend as data, so a poster can print it at a readable size beside the diagram. */
  legenda: LegendEntry[];
  /** Lists printed beside the drawing (the beleidsmodel's aannames), not drawn in it. */
  lijsten?: { titel: string; items: string[] }[];
}

export interface DrawnDiagram extends Omit<Diagram, 'stage'> {
  readonly stage: 'drawn';
  /** Well-formed XML: usable as a standalone `.svg` file and inline in HTML. */
  svg: string;
  width: number;
  height: number;
  /** Taken from the drawing cache instead of drawn again. */
  fromCache: boolean;
}

export type AnyDiagram = Diagram | DrawnDiagram;
