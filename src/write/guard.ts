/**
 * The rules every output obeys, checked before anything is written:
 *
 * 1. A file may be replaced only when it is absent, carries tocdin's marker, or already
 *    holds exactly the bytes being written; only marked files are ever removed.
 * 2. A folder tocdin writes a set of files into (diagrams/, muur/, schemas/) may hold only
 *    tocdin's files: one non-hidden file without the marker and the whole run is refused,
 *    naming it. Hidden files (`.gitkeep`) are ignored and never touched.
 * 3. Nothing is written into a folder models are read from, nor over a model file.
 *
 * Refusals are OutputRefused, other I/O problems OutputError (src/io/errors.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { OutputRefused, outputErrorFor, shown } from '../io/errors.js';
import { canonicalPath, inspectFilePlace, inspectPlace } from '../io/place.js';
import { lstatIfExists, notARegularFile } from '../io/atomic.js';
import { isOurFile } from './marker.js';

/** What a command reads: model files, and folders models are read from. */
export interface Inputs {
  files: readonly string[];
  dirs: readonly string[];
}

/**
 * The inputs of a command: each path the user gave (or the defaults) that is a folder, and
 * every model file that was read. Relative paths are taken from `cwd`; paths that do not
 * exist are left out.
 */
export function inputsOf(cwd: string, paths: readonly string[], files: readonly string[] = []): Inputs {
  const dirs: string[] = [];
  const all = [...files.map((f) => resolve(cwd, f))];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      continue;
    }
    (isDir ? dirs : all).push(abs);
  }
  return { files: all, dirs };
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Rule 3. `kind: 'file'`: `target` is a file to write; refused when it is a model file that
 * was read, or lies in a folder models are read from. `kind: 'dir'`: `target` is a folder to
 * write files into; refused when it is, or lies in, a folder models are read from. (A folder
 * that merely holds a model folder, like `.`, is left to rule 2.)
 */
export function assertNotInput(target: string, inputs: Inputs, kind: 'file' | 'dir' = 'file'): void {
  const t = canonicalPath(target);
  if (kind === 'file') {
    const model = inputs.files.find((f) => canonicalPath(f) === t);
    if (model !== undefined) {
      throw new OutputRefused('uitvoer-is-invoer', target, `${shown(target)} is een modelbestand dat tocdin leest; tocdin schrijft er nooit overheen`, 'Kies met --out een andere bestandsnaam, buiten de modellen.');
    }
  }
  const folder = kind === 'dir' ? t : dirname(t);
  const d = inputs.dirs.find((d) => inside(canonicalPath(d), folder));
  if (d !== undefined) {
    throw new OutputRefused('uitvoer-is-invoer', target, `${shown(target)} ligt in ${shown(d)}, een map waaruit tocdin de modellen leest; tocdin schrijft daar niet`, 'Kies met --out een plek buiten de modellen, bijvoorbeeld diagrams.');
  }
}

export interface DirScan {
  /** Non-hidden regular files carrying tocdin's marker (names in the folder). */
  ours: string[];
  /** Non-hidden entries that are not: unmarked files, links, FIFOs, devices. */
  foreign: string[];
  /** Non-hidden subfolders (never looked into here). */
  folders: string[];
}

/** What a folder holds, by tocdin's marker. A folder that does not exist holds nothing. */
export async function scanOutputDir(dir: string): Promise<DirScan> {
  const scan: DirScan = { ours: [], foreign: [], folders: [] };
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return scan;
    throw outputErrorFor(err, dir) ?? err;
  }
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = lstatIfExists(path);
    if (!st) continue;
    if (st.isDirectory()) scan.folders.push(name);
    else if (st.isFile() && (await isOurFile(path))) scan.ours.push(name);
    else scan.foreign.push(name);
  }
  return scan;
}

function refuseForeign(dir: string, shownDir: string, foreign: readonly string[]): never {
  const first = join(dir, foreign[0]!);
  const others = foreign.length - 1;
  throw new OutputRefused(
    'uitvoer-niet-van-tocdin',
    first,
    `${shownDir} bevat ${foreign.length === 1 ? 'een bestand dat' : `${foreign.length} bestanden die`} tocdin niet heeft gemaakt: ${shown(foreign[0]!)}${others > 0 ? ` en ${others} ${others === 1 ? 'ander' : 'andere'}` : ''}; tocdin schrijft daar niet, zodat er niets van jou verloren gaat`,
    'Kies een lege map of een map met alleen bestanden van tocdin (die herkent tocdin aan de regel "gemaakt door tocdin"). Bestanden van een oudere tocdin zonder die regel: verwijder ze eerst.',
  );
}

export interface OutputDirOptions {
  /** What the command reads (rule 3). */
  inputs?: Inputs;
  /** Subfolders the command also writes into (e.g. `muur`): checked the same way. */
  subdirs?: readonly string[];
}

/**
 * Rules 2–4 for a folder tocdin is about to write files into, before anything is written
 * and without creating anything: an ordinary folder (or one that can be made), not a model
 * folder, holding only tocdin's files; the same for each subfolder named in `subdirs`.
 * Returns the scans (keyed '' for `dir`, then each subfolder) for the writer to reuse.
 */
export async function assertOutputDir(dir: string, opts: OutputDirOptions = {}): Promise<Map<string, DirScan>> {
  const abs = resolve(dir);
  const scans = new Map<string, DirScan>();
  for (const sub of ['', ...(opts.subdirs ?? [])]) {
    const d = sub ? join(abs, sub) : abs;
    inspectPlace(d);
    if (opts.inputs) assertNotInput(d, opts.inputs, 'dir');
    const scan = await scanOutputDir(d);
    if (scan.foreign.length) refuseForeign(d, shown(d), scan.foreign);
    scans.set(sub, scan);
  }
  return scans;
}

/**
 * Rules 1, 3 and 4 for one file about to be written (a report, posters.pdf), before its
 * content exists: its folder is ordinary, it is no model file and not among the models,
 * and it is absent or a regular file with tocdin's marker. (`writeOutputFile` also accepts
 * an unmarked file holding exactly the bytes it would write.)
 */
export async function assertOutputFile(path: string, opts: { inputs?: Inputs } = {}): Promise<void> {
  const abs = resolve(path);
  inspectFilePlace(abs);
  if (opts.inputs) assertNotInput(abs, opts.inputs, 'file');
  const st = lstatIfExists(abs);
  if (!st) return;
  if (!st.isFile()) throw notARegularFile(abs, st);
  if (await isOurFile(abs)) return;
  throw unmarkedFile(abs);
}

/** Rule 1's refusal for a single file. */
export function unmarkedFile(path: string): OutputRefused {
  return new OutputRefused(
    'uitvoer-niet-van-tocdin',
    path,
    `${shown(path)} bestaat al en is niet door tocdin gemaakt; tocdin schrijft er niet overheen`,
    'Kies een andere bestandsnaam, of verwijder het bestand eerst als het weg mag.',
  );
}
