/**
 * The comments of a DIN’s YAML, gathered per place the DIN workbook has a note for: the top
 * of the file, a field of the DIN, a part (the key `er_doelen:`), an element with everything
 * inside it, a contribution, a schuifjes row, a streefwaarde. `export --sjabloon` puts them
 * in cell notes and `import` turns the notes back into comments, so the reasoning people
 * write next to their model ("geen schuifjes: de case noemt …") survives the round trip.
 * The editor line `# yaml-language-server: $schema=…` is left out: import writes its own.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { pathKey } from './din-workbook.js';

type Seg = string | number;

const LIST_PARTS = new Set(['er_doelen', 'concrete_doelen', 'inspanningen', 'databronnen', 'indicatoren']);

/** The place in the workbook a comment at model path `path` belongs to. */
export function commentOwner(path: readonly Seg[]): Seg[] {
  const [top, index, key] = path;
  // A comment block at the top of the file, right above `soort:`, belongs to `soort` for the
  // yaml package; the workbook has no cell for `soort`, and the block is about the whole file.
  if (top === undefined || top === 'soort') return [];
  if (top === 'ambitie') return ['ambitie'];
  if (!LIST_PARTS.has(String(top))) return [top];
  if (index === undefined) return [top];
  if (top === 'inspanningen' && key === 'draagt_bij_aan' && path.length >= 4) return path.slice(0, 4) as Seg[];
  if (top === 'inspanningen' && key === 'schuifjes') return path.slice(0, 3) as Seg[];
  if (top === 'concrete_doelen' && key === 'streefwaarden' && path.length >= 4) return path.slice(0, 4) as Seg[];
  return [top, index];
}

/** `# tekst` as the yaml package keeps it (` tekst`) → `tekst`, line by line. */
function clean(comment: string): string {
  return comment
    .split('\n')
    .map((l) => l.replace(/^ /, '').trimEnd())
    .filter((l) => !/^yaml-language-server:/.test(l.trim()))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function dinComments(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const add = (path: readonly Seg[], comment: string | null | undefined) => {
    const text = comment ? clean(comment) : '';
    if (!text) return;
    const k = pathKey(commentOwner(path));
    const before = out.get(k);
    out.set(k, before ? `${before}\n${text}` : text);
  };
  const walk = (node: unknown, path: Seg[]) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    add(path, n.commentBefore);
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key)) {
          add([...path, key], (pair.key as Node).commentBefore);
          add([...path, key], (pair.key as Node).comment);
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, [...path, i]));
    }
    add(path, n.comment);
  };
  add([], doc.commentBefore);
  walk(doc.contents, []);
  add([], doc.comment);
  return out;
}
