/**
 * Outputs are written atomically (temp file in the same folder + rename) so a crash or
 * Ctrl-C never leaves a half-written diagram, PDF or schema behind, and unchanged files are
 * not touched at all (keeps mtimes and git quiet).
 *
 * Only ever onto a regular file: a FIFO would block the comparison read forever, and a
 * rename over a symbolic link, a device or a folder replaces something that is not a file
 * of ours. Failures are OutputErrors naming the target (a full disk, a read-only folder),
 * not internal errors.
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { OutputError, outputErrorFor, shown, withOutputErrors } from './errors.js';
import { describeKind, ensureDir } from './place.js';

/** lstat, or undefined when the path does not exist; other failures are OutputErrors. */
export function lstatIfExists(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw outputErrorFor(err, path) ?? err;
  }
}

/** The error for a target that exists but is not a regular file. */
export function notARegularFile(path: string, st: Stats): OutputError {
  if (st.isDirectory()) return new OutputError('uitvoer-map-geen-bestand', path, `${shown(path)} is een map, geen bestand`, 'Geef de naam van een bestand in die map.', 'EISDIR');
  return new OutputError('uitvoer-geen-gewoon-bestand', path, `${shown(path)} is ${describeKind(st)}, geen gewoon bestand; tocdin vervangt het niet`, 'Geef de naam van een gewoon bestand, of van een bestand dat nog niet bestaat.');
}

/** Two writes in one millisecond (the drawing cache runs workers in parallel) get different temp names. */
let sequence = 0;

export function writeFileAtomic(path: string, content: string | Uint8Array): 'written' | 'unchanged' {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const st = lstatIfExists(path);
  if (st && !st.isFile()) throw notARegularFile(path, st);
  if (st && st.size === bytes.length) {
    const current = withOutputErrors(path, () => readFileSync(path));
    if (Buffer.compare(current, bytes) === 0) return 'unchanged';
  }
  ensureDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}-${sequence++}`);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temp file could not even be made; the original error is the one to report.
    }
    throw outputErrorFor(err, path) ?? err;
  }
  return 'written';
}
