/**
 * Writing outputs under the rules of guard.ts: every file gets tocdin's marker, a folder is
 * checked whole before the first byte is written, unchanged files are left alone, and only
 * marked files of the writer's own kind are removed when their view no longer exists. In
 * check mode nothing is written; the report lists what differs (marker included).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OutputError, outputErrorFor, shown, withOutputErrors } from '../io/errors.js';
import { ensureDir, inspectFilePlace } from '../io/place.js';
import { lstatIfExists, notARegularFile, writeFileAtomic } from '../io/atomic.js';
import { assertNotInput, assertOutputDir, unmarkedFile, type Inputs } from './guard.js';
import { isOurFile, isOurPdf, kindOf, markContent, type OutputKind } from './marker.js';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** In check mode: files that are missing, different or stale. */
  differing: string[];
}

export interface GeneratedFile {
  name: string;
  content: string | Uint8Array;
}

export interface GeneratedOptions {
  /** Stale files of this writer: marked, matching this pattern and not written this time, are removed. */
  stale: RegExp;
  check?: boolean;
  inputs?: Inputs;
}

function kindFor(name: string): OutputKind {
  const kind = kindOf(name);
  if (!kind) throw new Error(`no output kind for ${name}`);
  return kind;
}

/** The bytes tocdin writes for a file: its content with the marker. */
export async function markedBytes(kind: OutputKind, content: string | Uint8Array): Promise<Buffer> {
  const marked = markContent(kind, content);
  const bytes = typeof marked === 'string' ? Buffer.from(marked, 'utf8') : Buffer.from(marked);
  // A PDF tocdin could not recognise later would lock the user out of their own folder.
  if (kind === 'pdf' && !(await isOurPdf(bytes))) throw new Error('a PDF to be written lacks Creator tocdin');
  return bytes;
}

function sameBytes(path: string, bytes: Buffer): boolean {
  const st = lstatIfExists(path);
  if (!st?.isFile() || st.size !== bytes.length) return false;
  return Buffer.compare(withOutputErrors(path, () => readFileSync(path)), bytes) === 0;
}

/** A set of files in one folder (the Mermaid set, the SVGs, the wall posters, the schemas). */
export async function writeGenerated(dir: string, files: readonly GeneratedFile[], opts: GeneratedOptions): Promise<WriteReport> {
  const abs = resolve(dir);
  for (const f of files) if (!f.name || /[\\/]/.test(f.name) || f.name.startsWith('.')) throw new Error(`not a plain output file name: ${f.name}`);
  const scan = (await assertOutputDir(abs, opts.inputs ? { inputs: opts.inputs } : {})).get('')!;
  const wanted = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await markedBytes(kindFor(f.name), f.content) })));
  const names = new Set(wanted.map((f) => f.name));
  for (const name of scan.folders) {
    if (names.has(name)) {
      const path = join(abs, name);
      throw new OutputError('uitvoer-map-geen-bestand', path, `${shown(path)} is een map; tocdin zou daar een bestand schrijven`, 'Verwijder of hernoem die map, of kies een andere map.', 'EISDIR');
    }
  }
  const stale = scan.ours.filter((name) => opts.stale.test(name) && !names.has(name));
  const report: WriteReport = { written: [], unchanged: [], removed: [], differing: [] };
  if (opts.check) {
    for (const f of wanted) (sameBytes(join(abs, f.name), f.bytes) ? report.unchanged : report.differing).push(f.name);
    report.differing.push(...stale);
    return report;
  }
  ensureDir(abs);
  for (const f of wanted) (writeFileAtomic(join(abs, f.name), f.bytes) === 'written' ? report.written : report.unchanged).push(f.name);
  for (const name of stale) {
    const path = join(abs, name);
    try {
      rmSync(path, { force: true });
    } catch (err) {
      throw outputErrorFor(err, path) ?? err;
    }
    report.removed.push(name);
  }
  return report;
}

export interface OutputFileOptions {
  /** The kind of content (for the marker); by default from the file name's extension. */
  kind?: OutputKind;
  inputs?: Inputs;
  /** Compare only: 'unchanged' or 'differing', nothing is written. */
  check?: boolean;
}

/**
 * One file (a report, posters.pdf): written only over nothing, over a file with tocdin's
 * marker, or over exactly these bytes; never over a model file or into a model folder.
 */
export async function writeOutputFile(path: string, content: string | Uint8Array, opts: OutputFileOptions = {}): Promise<'written' | 'unchanged' | 'differing'> {
  const abs = resolve(path);
  const kind = opts.kind ?? kindOf(abs);
  if (!kind) throw new OutputError('uitvoer-ongeldige-naam', abs, `${shown(abs)}: aan de naam is niet te zien wat voor bestand het wordt`, 'Geef een naam die eindigt op .md, .html, .mmd, .svg, .json of .pdf.');
  const bytes = await markedBytes(kind, content);
  inspectFilePlace(abs);
  if (opts.inputs) assertNotInput(abs, opts.inputs, 'file');
  const st = lstatIfExists(abs);
  if (st && !st.isFile()) throw notARegularFile(abs, st);
  if (st && sameBytes(abs, bytes)) return 'unchanged';
  if (st && !(await isOurFile(abs))) throw unmarkedFile(abs);
  if (opts.check) return 'differing';
  return writeFileAtomic(abs, bytes);
}
