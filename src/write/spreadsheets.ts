/**
 * Writing the spreadsheet exports under the same rules as every other output (guard.ts):
 * nothing is written over a model file or into a folder models are read from, and a file is
 * only ever replaced when tocdin can prove it wrote it and nobody changed it since.
 *
 * The proof differs from the text markers of marker.ts, because a workbook is a zip and a
 * CSV has no place for a marker:
 * - XLSX: the workbook's properties say creator `tocdin` and modified on the fixed date
 *   tocdin writes (render/xlsx.ts). A spreadsheet program sets `modified` when a person
 *   saves the file, so a filled-in DIN template, or tables someone edited, are never
 *   replaced: the user's work is safe even in a file tocdin once made.
 * - CSV: a folder of tables carries a hidden manifest (`.tocdin-tabellen.json`) with the
 *   SHA-256 of every file tocdin wrote there. A file is replaced or removed only while it
 *   still has that hash; any other file in the folder refuses the whole export, naming it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { lstatIfExists, notARegularFile, writeFileAtomic } from '../io/atomic.js';
import { readBounded } from '../io/bounded-read.js';
import { OutputRefused, outputErrorFor, shown } from '../io/errors.js';
import { ensureDir, inspectFilePlace, inspectPlace } from '../io/place.js';
import { CREATOR, FIXED_DATE } from '../render/xlsx.js';
import { assertNotInput, type Inputs } from './guard.js';

export const CSV_MANIFEST = '.tocdin-tabellen.json';
const MAX_OWN_WORKBOOK = 50 * 1024 * 1024;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Whether the workbook at `path` was written by tocdin and not saved by anyone since. */
export async function isUntouchedWorkbook(path: string): Promise<boolean> {
  const read = readBounded(path, MAX_OWN_WORKBOOK);
  if (read.kind !== 'ok') return false;
  try {
    const zip = await JSZip.loadAsync(read.bytes);
    const core = await zip.file('docProps/core.xml')?.async('string');
    if (!core) return false;
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1];
    const modified = /<dcterms:modified[^>]*>([^<]*)<\/dcterms:modified>/.exec(core)?.[1];
    return creator === CREATOR && modified !== undefined && new Date(modified).getTime() === FIXED_DATE.getTime();
  } catch {
    // Not a zip, or a broken one: nothing tocdin can prove it made.
    return false;
  }
}

export type WriteResult = 'written' | 'unchanged';

/** One workbook (tables or DIN template): only over nothing, over the same bytes, or over an untouched tocdin workbook. */
export async function writeWorkbookFile(path: string, bytes: Uint8Array, opts: { inputs?: Inputs } = {}): Promise<WriteResult> {
  const abs = resolve(path);
  inspectFilePlace(abs);
  if (opts.inputs) assertNotInput(abs, opts.inputs, 'file');
  const st = lstatIfExists(abs);
  if (st && !st.isFile()) throw notARegularFile(abs, st);
  if (st) {
    const current = readBounded(abs, MAX_OWN_WORKBOOK);
    const same = current.kind === 'ok' && Buffer.compare(current.bytes, Buffer.from(bytes)) === 0;
    if (same) return 'unchanged';
    if (!(await isUntouchedWorkbook(abs))) {
      throw new OutputRefused(
        'uitvoer-niet-van-tocdin',
        abs,
        `${shown(abs)} bestaat al en is niet door tocdin gemaakt, of is daarna bewerkt en opgeslagen; tocdin schrijft er niet overheen`,
        'Kies met --out een andere bestandsnaam, of verwijder of hernoem het bestand als het weg mag.',
      );
    }
  }
  ensureDir(dirname(abs));
  return writeFileAtomic(abs, bytes);
}

export interface CsvFile {
  name: string;
  content: string;
}

export interface CsvWriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

function readManifest(dir: string): Record<string, string> {
  const read = readBounded(join(dir, CSV_MANIFEST), 1024 * 1024);
  if (read.kind !== 'ok') return {};
  try {
    const m = JSON.parse(read.bytes.toString('utf8')) as { bestanden?: unknown };
    if (!m.bestanden || typeof m.bestanden !== 'object') return {};
    return Object.fromEntries(Object.entries(m.bestanden as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** A folder of CSV tables: refused as a whole if it holds anything tocdin did not write there unchanged. */
export function writeCsvFolder(dir: string, files: readonly CsvFile[], opts: { inputs?: Inputs } = {}): CsvWriteReport {
  const abs = resolve(dir);
  inspectPlace(abs);
  if (opts.inputs) assertNotInput(abs, opts.inputs, 'dir');
  for (const f of files) if (!/^[a-z0-9-]+\.csv$/.test(f.name)) throw new Error(`not a plain CSV file name: ${f.name}`);
  const manifest = readManifest(abs);
  let entries: string[] = [];
  try {
    entries = readdirSync(abs).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw outputErrorFor(err, abs) ?? err;
  }
  const ours: string[] = [];
  const foreign: string[] = [];
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const path = join(abs, name);
    const st = lstatIfExists(path);
    if (!st) continue;
    const hash = manifest[name];
    const read = st.isFile() && hash ? readBounded(path, 64 * 1024 * 1024) : undefined;
    if (read?.kind === 'ok' && sha256(read.bytes) === hash) ours.push(name);
    else foreign.push(name);
  }
  if (foreign.length) {
    const first = join(abs, foreign[0]!);
    const others = foreign.length - 1;
    throw new OutputRefused(
      'uitvoer-niet-van-tocdin',
      first,
      `${shown(abs)} bevat ${foreign.length === 1 ? 'een bestand dat' : `${foreign.length} bestanden die`} tocdin daar niet heeft geschreven, of dat daarna is gewijzigd: ${shown(foreign[0]!)}${others > 0 ? ` en ${others} ${others === 1 ? 'ander' : 'andere'}` : ''}; tocdin schrijft daar niet, zodat er niets van jou verloren gaat`,
      'Kies met --out een lege of nieuwe map, of haal die bestanden eerst weg.',
    );
  }
  ensureDir(abs);
  const report: CsvWriteReport = { written: [], unchanged: [], removed: [] };
  const next: Record<string, string> = {};
  for (const f of files) {
    (writeFileAtomic(join(abs, f.name), f.content) === 'written' ? report.written : report.unchanged).push(f.name);
    next[f.name] = sha256(f.content);
  }
  for (const name of ours) {
    if (Object.hasOwn(next, name)) continue;
    try {
      rmSync(join(abs, name), { force: true });
    } catch (err) {
      throw outputErrorFor(err, join(abs, name)) ?? err;
    }
    report.removed.push(name);
  }
  writeFileAtomic(join(abs, CSV_MANIFEST), JSON.stringify({ gemaakt_door: CREATOR, uitleg: 'tocdin vervangt of verwijdert alleen bestanden die nog deze inhoud hebben', bestanden: next }, null, 2) + '\n');
  return report;
}

