/**
 * Maps a path in the model (as zod and the resolver see it) back to a position in the user's
 * YAML text. Always returns a position: when the path does not exist (a missing field) the
 * deepest existing ancestor is used, so every diagnostic can be located.
 */
import { isMap, isScalar, isSeq, isPair, type Node, type Document } from 'yaml';
import { positionOf, type SourceText } from './read.js';

export type ModelPath = readonly PropertyKey[];

export interface Location {
  file: string;
  line: number;
  column: number;
  /** The exact text the user wrote at that place (for quoting in messages). */
  text?: string;
}

const squash = (s: string) => s.replace(/[\s"']/g, '');

/**
 * Whether a pair's key is `seg` of the plain JS value: a scalar by its value; a collection
 * used as a key (`[a, b]: x`) by the string the yaml package made of it (`[ a, b ]`),
 * compared without spaces and quotes.
 */
function isKey(key: unknown, seg: PropertyKey): boolean {
  if (isScalar(key)) return String(key.value) === String(seg);
  if (isMap(key) || isSeq(key)) return squash(JSON.stringify(key.toJSON())) === squash(String(seg));
  return false;
}

export class Locator {
  constructor(
    readonly source: SourceText,
    private readonly doc: Document.Parsed,
  ) {}

  /** Position of the value at `path`, or of its key when `key` is set (unknown keys). */
  locate(path: ModelPath, opts: { key?: boolean } = {}): Location {
    let node: unknown = this.doc.contents;
    let best: Node | null = isMap(node) || isSeq(node) || isScalar(node) ? (node as Node) : null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isKey(p.key, seg));
        if (!pair) break;
        if (last && opts.key && (pair.key as Node | null)?.range) {
          best = pair.key as Node;
          node = null;
          break;
        }
        node = pair.value;
        // A key with an empty value has no value node; the key still locates it.
        if (node === null || node === undefined) {
          best = pair.key as Node;
          break;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (node === undefined) break;
      } else {
        break;
      }
      if (node && (node as Node).range) best = node as Node;
    }
    return this.at(best);
  }

  private at(node: Node | null): Location {
    const range = node?.range;
    if (!range) return { file: this.source.path, line: 1, column: 1 };
    const { line, column } = positionOf(this.source, range[0]);
    return { file: this.source.path, line, column, text: this.source.text.slice(range[0], range[1]) };
  }
}
