/**
 * Where an output may go, checked before anything is created. `mkdirSync(p, { recursive })`
 * loops forever under /proc (mkdir says ENOENT, Node creates the parent, which exists, and
 * tries again), and a file in the middle of a path gives a bare ENOTDIR. So: walk up to the
 * nearest folder that exists, refuse kernel file systems by its real path, and create the
 * missing folders one at a time: at most one mkdir per missing path component.
 */
import { lstatSync, mkdirSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { OutputError, outputErrorFor, shown } from './errors.js';

/** Folders of the operating system that look like folders but are no place for files. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** statfs magic numbers of kernel file systems (proc, sysfs, cgroup, cgroup2, debugfs, securityfs, tracefs, devpts, bpf). */
const KERNEL_FS = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x73636673, 0x74726163, 0x1cd1, 0xcafe4a11]);

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** Dutch name of what a path is, for "… is X, geen gewoon bestand". */
export function describeKind(st: Stats): string {
  if (st.isFile()) return 'een bestand';
  if (st.isDirectory()) return 'een map';
  if (st.isSymbolicLink()) return 'een symbolische link';
  if (st.isFIFO()) return 'een named pipe (FIFO)';
  if (st.isSocket()) return 'een socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'een apparaat';
  return 'geen gewoon bestand';
}

function systemRootOf(p: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  return SYSTEM_ROOTS.find((root) => p === root || p.startsWith(root + sep));
}

function refuseSystem(path: string, root: string): never {
  throw new OutputError(
    'uitvoer-geen-gewone-map',
    path,
    `${shown(path)} ligt in ${root}, een bestandssysteem van het besturingssysteem en geen gewone map; tocdin schrijft daar niet`,
    'Kies een gewone map, bijvoorbeeld in je project.',
  );
}

function isKernelFs(real: string): boolean {
  try {
    return KERNEL_FS.has(Number(statfsSync(real).type));
  } catch {
    return false;
  }
}

export interface Place {
  /** The absolute folder asked for. */
  dir: string;
  /** Its nearest existing ancestor (or the folder itself when it exists). */
  existing: string;
  /** Path components below `existing` that do not exist yet, top first. */
  missing: string[];
}

/**
 * Checks that `dir` is, or can become, an ordinary folder, without creating anything:
 * every existing component is a folder, and none lies on a kernel file system. Throws an
 * OutputError saying what is in the way.
 */
export function inspectPlace(dir: string): Place {
  const abs = resolve(dir);
  const lexical = systemRootOf(abs);
  if (lexical) refuseSystem(abs, lexical);
  let p = abs;
  const missing: string[] = [];
  for (;;) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      const code = errno(err);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) {
        // A link pointing nowhere exists, yet cannot be followed or replaced by a folder.
        let l: Stats | undefined;
        try {
          l = lstatSync(p);
        } catch {
          l = undefined;
        }
        if (l?.isSymbolicLink()) throw new OutputError('uitvoer-geen-gewoon-bestand', p, `${shown(p)} is een symbolische link die nergens heen wijst; daar kan geen map komen`, 'Verwijder de link of kies een andere plek.');
        missing.unshift(basename(p));
        p = dirname(p);
        continue;
      }
      throw outputErrorFor(err, p) ?? err;
    }
    if (!st.isDirectory()) {
      throw new OutputError('uitvoer-bestand-geen-map', p, `${shown(p)} is ${describeKind(st)}, geen map${p === abs ? '' : ` (in het pad ${shown(abs)})`}`, 'Kies een map, of een nieuwe naam die nog niet bestaat.');
    }
    break;
  }
  let real: string;
  try {
    real = realpathSync(p);
  } catch (err) {
    throw outputErrorFor(err, p) ?? err;
  }
  const root = systemRootOf(real);
  if (root) refuseSystem(abs, root);
  if (isKernelFs(real)) refuseSystem(abs, real);
  return { dir: abs, existing: p, missing };
}

/** inspectPlace for the folder of a file to write; a file under /proc, /sys or /dev is named itself. */
export function inspectFilePlace(file: string): Place {
  const abs = resolve(file);
  const root = systemRootOf(abs);
  if (root) refuseSystem(abs, root);
  return inspectPlace(dirname(abs));
}

/** Creates `dir` (and missing parents) after inspectPlace: bounded, never a loop. */
export function ensureDir(dir: string): void {
  const place = inspectPlace(dir);
  let cur = place.existing;
  for (const part of place.missing) {
    cur = join(cur, part);
    try {
      mkdirSync(cur);
    } catch (err) {
      // Someone else made it in the meantime: fine, as long as it is a folder.
      if (errno(err) === 'EEXIST') {
        let isDir = false;
        try {
          isDir = statSync(cur).isDirectory();
        } catch {
          isDir = false;
        }
        if (isDir) continue;
      }
      throw outputErrorFor(err, cur) ?? err;
    }
  }
}

/**
 * The canonical form of a path that may not exist yet: the real path of its nearest
 * existing ancestor plus the rest. Two spellings of one place (a link, `..`) compare equal.
 */
export function canonicalPath(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(p), ...rest);
    } catch {
      if (dirname(p) === p) return join(p, ...rest);
      rest.unshift(basename(p));
      p = dirname(p);
    }
  }
}
