/**
 * Puts generated files on disk (the Mermaid set, the SVGs, the wall posters) under the
 * rules of guard.ts: atomic writes, untouched when unchanged, a folder holding files tocdin
 * did not make is refused before anything is written, and only marked files of the writer's
 * own kind are removed when their view no longer exists. In check mode nothing is written;
 * the result lists what differs so CI can fail with the file names.
 */
import type { DiagramSet } from '../render/diagrams.js';
import type { Inputs } from './guard.js';
import { writeGenerated, type WriteReport } from './output.js';

export type { WriteReport } from './output.js';

export interface WriteOptions {
  /** Compare only (render --check): nothing is written or removed. */
  check?: boolean;
  /** What the command reads: never written into (rule 3). */
  inputs?: Inputs;
}

/** Each writer removes only stale files of its own kind (and only with tocdin's marker). */
const MERMAID_FILES = /^(?:.+\.mmd|README\.md)$/;
const SVG_FILES = /^.+\.svg$/;
const PDF_FILES = /^.+\.pdf$/;

export function writeDiagramSet(dir: string, set: DiagramSet, opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, set.files, { stale: MERMAID_FILES, ...opts });
}

/** `.svg` next to each `.mmd`; SVGs of views that no longer exist are removed. */
export function writeSvgs(dir: string, drawn: readonly { name: string; svg: string }[], opts: WriteOptions = {}): Promise<WriteReport> {
  const files = drawn.map((d) => ({ name: `${d.name}.svg`, content: `<?xml version="1.0" encoding="UTF-8"?>\n${d.svg}\n` }));
  return writeGenerated(dir, files, { stale: SVG_FILES, ...opts });
}

/** One PDF per wall poster in its own folder; posters of views that no longer exist are removed. */
export function writeWallPosters(dir: string, posters: readonly { name: string; pdf: Uint8Array }[], opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, posters.map((p) => ({ name: `${p.name}.pdf`, content: p.pdf })), { stale: PDF_FILES, ...opts });
}
