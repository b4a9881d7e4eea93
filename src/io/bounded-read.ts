/**
 * Reading a file the user named without trusting it: a FIFO blocks `readFileSync` forever,
 * /dev/zero never ends, and a sparse 1.5 GB file is read whole before any size limit applies.
 * So: stat first (regular file? how big?), open without blocking, check again on the open
 * descriptor (the path may have been swapped in between), and read at most `limit + 1` bytes
 * (a file that grows while being read, or a /proc file that reports size 0, cannot go past it).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type BoundedRead =
  | { kind: 'ok'; bytes: Buffer }
  /** Not a regular file; `what` names it in Dutch (a FIFO, a device, a folder …). */
  | { kind: 'notRegular'; what: string }
  /**
   * Larger than the limit: `size` is what stat said; when the file only turned out too large
   * while reading (it grew, or stat reported less), `atLeast` is set and `size` is a lower bound.
   */
  | { kind: 'tooLarge'; size: number; atLeast?: boolean }
  | { kind: 'error'; error: NodeJS.ErrnoException };

/** Dutch name of what a non-regular path is, for messages ("… is geen gewoon bestand maar …"). */
export function fileKind(st: Stats): string {
  if (st.isFile()) return 'een bestand';
  if (st.isDirectory()) return 'een map';
  if (st.isFIFO()) return 'een named pipe (FIFO)';
  if (st.isSocket()) return 'een socket';
  if (st.isCharacterDevice()) return 'een apparaat (character device)';
  if (st.isBlockDevice()) return 'een apparaat (block device)';
  if (st.isSymbolicLink()) return 'een symbolische link';
  return 'geen gewoon bestand';
}

const CHUNK = 64 * 1024;

export function readBounded(path: string, limit: number): BoundedRead {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    return { kind: 'error', error: err as NodeJS.ErrnoException };
  }
  if (!st.isFile()) return { kind: 'notRegular', what: fileKind(st) };
  if (st.size > limit) return { kind: 'tooLarge', size: st.size };

  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, open returns at once
    // instead of waiting for a writer; on a regular file the flag changes nothing.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { kind: 'error', error: err as NodeJS.ErrnoException };
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) return { kind: 'notRegular', what: fileKind(fst) };
    if (fst.size > limit) return { kind: 'tooLarge', size: fst.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // limit + 1: one byte past the limit is enough to know the file is too large.
    while (total <= limit) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > limit) return { kind: 'tooLarge', size: total, atLeast: true };
    return { kind: 'ok', bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { kind: 'error', error: err as NodeJS.ErrnoException };
  } finally {
    closeSync(fd);
  }
}
