/**
 * Puts generated files on disk (the Mermaid set, the SVGs, the wall posters) under the
 * rules of guard.ts: atomic writes, untouched when unchanged, a folder holding files tocdin
 * did not make is refused before anything is written, and only marked files of the writer's
 * own kind are removed when their view no longer exists. In check mode nothing is written;
 * the result lists what differs so CI can fail with the file names.
 */
import type { DiagramSet } from '../render/diagrams.js';
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { scanOutputDir, type Inputs } from './guard.js';
import { writeGenerated, type WriteReport } from './output.js';

export type { WriteReport } from './output.js';

export interface WriteOptions {
  /** Compare only (render --check): nothing is written or removed. */
  check?: boolean;
  /** What the command reads: never written into (rule 3). */
  inputs?: Inputs;
  /**
   * Only part of the set was made (render --regio): nothing is removed as stale, since what
   * this run did not regenerate (the other regions' files) is not stale.
   */
  partial?: boolean;
}

/** Each writer removes only stale files of its own kind (and only with tocdin's marker). */
const MERMAID_FILES = /^(?:.+\.mmd|README\.md)$/;
const SVG_FILES = /^.+\.svg$/;
const PDF_FILES = /^.+\.pdf$/;
const REGION_PDFS = /^regio-.+\.pdf$/;
/** Matches no name: a partial run removes nothing. */
const NOTHING = /(?!)/;

function generatedOptions(stale: RegExp, opts: WriteOptions) {
  const { partial, ...rest } = opts;
  return { stale: partial ? NOTHING : stale, ...rest };
}

/** A set made for part of the models only (see outputs.ts regionSet) says so itself. */
export function writeDiagramSet(dir: string, set: DiagramSet & { partial?: boolean }, opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, set.files, generatedOptions(MERMAID_FILES, { ...opts, partial: Boolean(opts.partial || set.partial) }));
}

/** `.svg` next to each `.mmd`; SVGs of views that no longer exist are removed. */
export function writeSvgs(dir: string, drawn: readonly { name: string; svg: string }[], opts: WriteOptions = {}): Promise<WriteReport> {
  const files = drawn.map((d) => ({ name: `${d.name}.svg`, content: `<?xml version="1.0" encoding="UTF-8"?>\n${d.svg}\n` }));
  return writeGenerated(dir, files, generatedOptions(SVG_FILES, opts));
}

/** One PDF per wall poster in its own folder; posters of views that no longer exist are removed. */
export function writeWallPosters(dir: string, posters: readonly { name: string; pdf: Uint8Array }[], opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, posters.map((p) => ({ name: `${p.name}.pdf`, content: p.pdf })), generatedOptions(PDF_FILES, opts));
}

/** The schuifjes worksheets in their own folder (werkbladen/); worksheets of regions gone are removed. */
export function writeWorksheets(dir: string, sheets: readonly { name: string; pdf: Uint8Array }[], opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, sheets.map((p) => ({ name: `${p.name}.pdf`, content: p.pdf })), generatedOptions(PDF_FILES, opts));
}

/**
 * `regio-<id>.pdf` next to the diagrams; only marked files of that pattern are removed as
 * stale, so posters.pdf and the .mmd files in the same folder are never touched.
 */
export function writeRegionPdfs(dir: string, pdfs: readonly { regio: string; pdf: Uint8Array }[], opts: WriteOptions = {}): Promise<WriteReport> {
  return writeGenerated(dir, pdfs.map((p) => ({ name: `regio-${p.regio}.pdf`, content: p.pdf })), generatedOptions(REGION_PDFS, opts));
}

/**
 * One folder per scenario below `dir` (diagrams/scenarios/<id>/), each written like the
 * Mermaid set. A folder of a scenario that no longer exists is stale: its marked files are
 * removed (in check mode: reported) and the folder too once empty; a folder holding anything
 * tocdin did not make is left alone. `partial`: only these scenarios were made; nothing is stale.
 */
export async function writeScenarioDiagramSets(dir: string, sets: readonly { id: string; set: DiagramSet }[], opts: WriteOptions = {}): Promise<WriteReport> {
  const total: WriteReport = { written: [], unchanged: [], removed: [], differing: [] };
  const add = (sub: string, r: WriteReport) => {
    for (const k of ['written', 'unchanged', 'removed', 'differing'] as const) total[k].push(...r[k].map((f) => join(sub, f)));
  };
  for (const { id, set } of sets) add(id, await writeDiagramSet(join(dir, id), set, opts));
  // Only some scenarios were made (render --scenario): the others' folders are not stale.
  if (opts.partial) return total;
  const ids = new Set(sets.map((s) => s.id));
  const existing = existsSync(dir) ? (await scanOutputDir(dir)).folders : [];
  for (const name of existing.filter((f) => !ids.has(f))) {
    const stale = join(dir, name);
    const scan = await scanOutputDir(stale);
    if (scan.foreign.length || scan.folders.length) continue;
    add(name, await writeDiagramSet(stale, { files: [], diagrams: [], splits: [], oversized: [] }, { ...opts, partial: false }));
    if (!opts.check && readdirSync(stale).length === 0) rmdirSync(stale);
  }
  return total;
}
