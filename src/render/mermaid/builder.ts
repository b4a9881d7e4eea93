/**
 * Safe Mermaid flowchart text. Node ids are generated (`n0`, `n1`, …), never user text.
 * Every label is quoted and every character other than letters, digits, marks and spaces
 * is written as a numeric entity (`#34;`), so no user text can add nodes, edges, `click`,
 * `style`, `classDef`, HTML or `%%{init}%%` directives — verified by a property test.
 *
 * Entities do not stop maths: mermaid turns `#36;` back into `$` (DOMPurify decodes every
 * entity once a label holds a tag such as our `<br/>`, and its markdown step turns `\$` into
 * `$`) and then renders `$$…$$` with KaTeX. So a `$` followed by `$` or `\` gets an empty
 * `<span></span>` after it: the text still reads `$$`, but no `$$` is left for KaTeX. That
 * keeps a committed `.mmd` safe wherever it is drawn (GitHub too); our own renderer also
 * switches KaTeX off (see mermaid-source.ts).
 */
import { FLOWCHART_CONFIG, frontMatter } from './config.js';

/** Mermaid's default limits; maxTextSize fails silently in the browser, so we check. */
export const MAX_EDGES = 500;
export const MAX_CHARS = 50_000;

const SAFE = /[\p{L}\p{N}\p{M} ]/u;

/** Between a `$` and a following `$` or `\`: invisible, and no `$$` survives any decoding. */
const MATHS_BREAK = '<span></span>';

export function encodeLabel(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const encoded = lines
    .map((line) => {
      let out = '';
      const chars = [...line];
      chars.forEach((ch, i) => {
        out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
        if (ch === '$' && (chars[i + 1] === '$' || chars[i + 1] === '\\')) out += MATHS_BREAK;
      });
      // Mermaid trims labels; spaces the user typed at the ends survive as entities.
      return out.replace(/^ +| +$/g, (sp) => '#32;'.repeat(sp.length));
    })
    .join('<br/>');
  // Mermaid trims surrounding spaces and rejects an empty label.
  return encoded.trim() === '' ? '#32;' : encoded;
}

/** Inverse of encodeLabel (for tests and for reading labels back). */
export function decodeLabel(label: string): string {
  return label.replace(/<br\s*\/?>|<span><\/span>|#(\d+);/g, (m: string, code: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : m.startsWith('<br') ? '\n' : '',
  );
}

export type Shape = 'rect' | 'round' | 'stadium' | 'hexagon' | 'parallelogram' | 'subroutine';
export type Arrow = 'solid' | 'thick' | 'dotted' | 'open' | 'invisible';

const SHAPES: Record<Shape, [string, string]> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  hexagon: ['{{', '}}'],
  parallelogram: ['[/', '/]'],
  subroutine: ['[[', ']]'],
};

const ARROWS: Record<Arrow, string> = { solid: '-->', thick: '==>', dotted: '-.->', open: '---', invisible: '~~~' };

export interface LegendEntry {
  label: string;
  /** A node style in classDef syntax (`fill:#…,stroke:#…`), for a box in the legend… */
  style?: string;
  /** …or the kind of line it explains… */
  arrow?: Arrow;
  /** …drawn with this linkStyle (`stroke:#…,stroke-dasharray:…`) on top of the arrow. */
  lineStyle?: string;
}

export class FlowchartBuilder {
  /** Filled by the views next to the in-diagram legend; not part of the Mermaid text. */
  readonly legendEntries: LegendEntry[] = [];
  private nextNode = 0;
  private nextGroup = 0;
  private readonly ids = new Map<string, string>();
  private readonly body: string[] = [];
  private readonly classDefs: string[] = [];
  private readonly classAssignments = new Map<string, string[]>();
  /** linkStyle → the indexes of the edges drawn with it (Mermaid numbers edges in order). */
  private readonly linkStyles = new Map<string, number[]>();
  private edgeCount = 0;
  /** Subgraph nesting depth, for indentation. */
  private depth = 0;

  constructor(
    private readonly direction: 'LR' | 'TB' | 'BT',
    private readonly title: string,
  ) {}

  private emit(line: string): void {
    const indent = '  '.repeat(this.depth + 1);
    this.body.push(indent + line);
  }

  /** Declare a node for a model key; returns its generated id. Re-declaring returns the id. */
  node(key: string, label: string, opts: { shape?: Shape; cls?: string } = {}): string {
    const existing = this.ids.get(key);
    if (existing) return existing;
    const id = `n${this.nextNode++}`;
    this.ids.set(key, id);
    const [open, close] = SHAPES[opts.shape ?? 'rect'];
    this.emit(`${id}${open}"${encodeLabel(label)}"${close}`);
    if (opts.cls) this.addClass(opts.cls, id);
    return id;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** Subgraphs get ids too, so they can be linked (e.g. the doeltreffendheid arrow). */
  subgraph(key: string, title: string, fill: () => void, direction?: 'LR' | 'TB'): string {
    const id = `g${this.nextGroup++}`;
    this.ids.set(key, id);
    this.emit(`subgraph ${id}["${encodeLabel(title)}"]`);
    this.depth++;
    if (direction) this.emit(`direction ${direction}`);
    fill();
    this.depth--;
    this.emit('end');
    return id;
  }

  /**
   * `style`: a linkStyle for this edge, for a kind of line Mermaid has no arrow for (e.g. a
   * contribution of unknown strength). Only our own constant styles come here, never user text.
   */
  edge(fromKey: string, toKey: string, opts: { arrow?: Arrow; label?: string; style?: string } = {}): void {
    const from = this.ids.get(fromKey);
    const to = this.ids.get(toKey);
    if (!from || !to) throw new Error(`edge between undeclared nodes ${fromKey} → ${toKey}`);
    const arrow = ARROWS[opts.arrow ?? 'solid'];
    const label = opts.label !== undefined ? `|"${encodeLabel(opts.label)}"|` : '';
    this.emit(`${from} ${arrow}${label} ${to}`);
    if (opts.style) this.linkStyles.set(opts.style, [...(this.linkStyles.get(opts.style) ?? []), this.edgeCount]);
    this.edgeCount++;
  }

  classDef(name: string, style: string): void {
    this.classDefs.push(`classDef ${name} ${style}`);
  }

  addClass(name: string, id: string): void {
    const list = this.classAssignments.get(name) ?? [];
    list.push(id);
    this.classAssignments.set(name, list);
  }

  get edges(): number {
    return this.edgeCount;
  }

  toString(): string {
    // Front matter: the title (a YAML string we quote ourselves) and our look, so the file
    // draws the same wherever it is opened (see config.ts).
    const lines = [frontMatter(FLOWCHART_CONFIG, this.title).trimEnd(), `flowchart ${this.direction}`, ...this.body];
    for (const c of this.classDefs) lines.push('  ' + c);
    for (const [name, ids] of this.classAssignments) lines.push(`  class ${ids.join(',')} ${name}`);
    for (const [style, indexes] of this.linkStyles) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
    return lines.join('\n') + '\n';
  }
}

export function fits(size: { chars: number; edges: number }): boolean {
  return size.chars <= MAX_CHARS && size.edges <= MAX_EDGES;
}

/**
 * Safe Mermaid block-diagram text (`block-beta`): a grid whose columns we choose, for a
 * figure that must read as a fixed layout (the beleidsmodel's stages left to right), where
 * a flowchart's layered layout staggers the columns and grows too tall for one page. Ids
 * are generated and every label is encoded exactly as in the flowchart.
 */
export class BlockBuilder {
  /** Filled by the views; printed by the page around the diagram. */
  readonly legendEntries: LegendEntry[] = [];
  private nextId = 0;
  private readonly ids = new Map<string, string>();
  private readonly body: string[] = [];
  private readonly links: string[] = [];
  private readonly classDefs: string[] = [];
  private readonly classAssignments = new Map<string, string[]>();
  private depth = 0;

  constructor(
    private readonly columns: number,
    private readonly title: string,
  ) {}

  private emit(line: string): void {
    this.body.push('  '.repeat(this.depth + 1) + line);
  }

  /**
   * A block with a label, `span` columns wide. No parallelograms: mermaid stretches every
   * block of a column to the same height, and a tall parallelogram leans across its neighbour.
   */
  block(key: string, label: string, opts: { cls?: string; span?: number; shape?: 'rect' | 'round' } = {}): string {
    const id = `b${this.nextId++}`;
    this.ids.set(key, id);
    const [open, close] = opts.shape === 'round' ? ['(', ')'] : ['[', ']'];
    this.emit(`${id}${open}"${encodeLabel(label)}"${close}${opts.span && opts.span > 1 ? `:${opts.span}` : ''}`);
    if (opts.cls) this.classAssignments.set(opts.cls, [...(this.classAssignments.get(opts.cls) ?? []), id]);
    return id;
  }

  /** A nested grid of `columns` columns, `span` columns wide. */
  group(key: string, span: number, columns: number, fill: () => void): string {
    const id = `g${this.nextId++}`;
    this.ids.set(key, id);
    this.emit(`block:${id}:${span}`);
    this.depth++;
    this.emit(`columns ${columns}`);
    fill();
    this.depth--;
    this.emit('end');
    return id;
  }

  /** Empty cells, to keep a later block in its column. */
  space(span = 1): void {
    this.emit(span > 1 ? `space:${span}` : 'space');
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  link(fromKey: string, toKey: string, arrow: 'solid' | 'dotted' = 'solid'): void {
    const from = this.ids.get(fromKey);
    const to = this.ids.get(toKey);
    if (!from || !to) throw new Error(`link between undeclared blocks ${fromKey} → ${toKey}`);
    this.links.push(`  ${from} ${arrow === 'dotted' ? '-.->' : '-->'} ${to}`);
  }

  classDef(name: string, style: string): void {
    this.classDefs.push(`classDef ${name} ${style}`);
  }

  get edges(): number {
    return this.links.length;
  }

  toString(): string {
    // The flowchart's look (theme, font); its flowchart keys do not apply to blocks.
    const lines = [frontMatter(FLOWCHART_CONFIG, this.title).trimEnd(), 'block-beta', `  columns ${this.columns}`, ...this.body, ...this.links];
    for (const c of this.classDefs) lines.push('  ' + c);
    for (const [name, ids] of this.classAssignments) lines.push(`  class ${ids.join(',')} ${name}`);
    return lines.join('\n') + '\n';
  }
}
