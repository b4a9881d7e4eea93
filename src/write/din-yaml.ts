/**
 * A DIN as YAML in the style of the bundled ones (models/regios/): the schema line for the
 * editor on top, the keys in the schema's order, a blank line before each part, lists of
 * ids on one line, long texts as folded blocks, and comments where the workbook had notes.
 * Used by `tocdin import`; the text is checked by reading it back before it is written.
 */
import { lstatSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { Document, isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { writeFileAtomic } from '../io/atomic.js';
import { DinSchema } from '../validate/schemas.js';

type AnySchema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** The schema at one key or list element, through optional/default wrappers. */
function inner(schema: AnySchema): AnySchema {
  const def = schema._zod.def;
  return def.type === 'optional' || def.type === 'default' || def.type === 'nullable' ? inner(def['innerType'] as AnySchema) : schema;
}

/** `value` with its object keys in the order the schema declares them (at every depth). */
function ordered(value: unknown, schema: AnySchema | undefined): unknown {
  const s = schema ? inner(schema) : undefined;
  if (Array.isArray(value)) return value.map((v) => ordered(v, s?._zod.def.type === 'array' ? (s._zod.def['element'] as AnySchema) : undefined));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const shape = s?._zod.def.type === 'object' ? (s._zod.def['shape'] as Record<string, AnySchema>) : {};
  const keys = Object.keys(value);
  const order = Object.keys(shape);
  keys.sort((a, b) => (order.includes(a) ? order.indexOf(a) : order.length) - (order.includes(b) ? order.indexOf(b) : order.length));
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k], Object.hasOwn(shape, k) ? shape[k] : undefined)]));
}

const LONG = 90;
const LINE_WIDTH = 110;
/** The parts of a DIN that get a blank line before them. */
const PARTS = new Set(['ambitie', 'er_doelen', 'concrete_doelen', 'inspanningen', 'databronnen', 'indicatoren']);

/** Comment text as the yaml package writes it: each line after `#` starts with a space. */
function commentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => ` ${l.trimEnd()}`)
    .join('\n');
}

/** The `$schema` reference from a DIN file at `file` to `schemas/din.schema.json` under `root`. */
export function schemaRefFor(file: string, schemaFile: string): string {
  return relative(dirname(file), schemaFile).split(sep).join('/');
}

export interface DinYamlOptions {
  /** The relative path to din.schema.json for the editor line. */
  schemaRef: string;
  /** Comments by model path (JSON of the path; `[]` is the top of the file). */
  comments?: ReadonlyMap<string, string>;
}

export function dinYaml(data: Record<string, unknown>, opts: DinYamlOptions): string {
  const doc = new Document(ordered(data, DinSchema as unknown as AnySchema));
  const top = opts.comments?.get('[]');
  doc.commentBefore = commentText(`yaml-language-server: $schema=${opts.schemaRef}${top ? `\n${top}` : ''}`);

  // Styles: one line for lists of ids, folded blocks for long texts, literal blocks for texts with line breaks.
  const style = (node: unknown, depth: number) => {
    if (isSeq(node)) {
      if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
      for (const i of node.items) style(i, depth + 1);
    } else if (isMap(node)) {
      for (const p of node.items) {
        if (depth === 0 && isScalar(p.key) && PARTS.has(String(p.key.value))) p.key.spaceBefore = true;
        style(p.value, depth + 1);
      }
    } else if (isScalar(node) && typeof node.value === 'string') {
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (node.value.length > LONG) node.type = Scalar.BLOCK_FOLDED;
    }
  };
  style(doc.contents, 0);

  for (const [key, text] of opts.comments ?? []) {
    const path = JSON.parse(key) as (string | number)[];
    if (path.length === 0) continue;
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    const last = path.at(-1)!;
    let target: Node | undefined;
    if (typeof last === 'number' && isSeq(parent)) target = parent.items[last] as Node | undefined;
    else if (isMap(parent)) target = (parent.items.find((p) => isScalar(p.key) && p.key.value === last) as Pair<Node, Node> | undefined)?.key;
    else if (path.length === 1 && isMap(doc.contents)) target = (doc.contents.items.find((p) => isScalar(p.key) && p.key.value === last) as Pair<Node, Node> | undefined)?.key;
    // A note on a cell whose value is absent has no node to hang on: it goes to the element.
    if (!target) continue;
    target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${commentText(text)}` : commentText(text);
  }
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 0, flowCollectionPadding: false });
}

/**
 * Writes the DIN file: created exclusively when `overwrite` is off (so an existing DIN is
 * never replaced, even if it appeared since the check), atomically replaced when it is on.
 * 'exists' when something is already at `path` and overwriting was not asked for. The
 * folder must exist (the caller checks it and says so).
 */
export function writeDinFile(path: string, text: string, overwrite: boolean): 'created' | 'replaced' | 'unchanged' | 'exists' {
  const existed = lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  if (overwrite && existed) return writeFileAtomic(path, text) === 'unchanged' ? 'unchanged' : 'replaced';
  try {
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
    return 'created';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw err;
  }
}
