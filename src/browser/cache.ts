/**
 * A content-addressed cache on disk: the key is a hash of everything that determines the
 * output (input text, renderer settings, mermaid and browser build), so a stale entry is
 * simply never asked for again.
 *
 * The cache folder is not trusted: an entry may be truncated (a full disk, a crash in
 * another tool), corrupt, copied under another key or planted. So every entry is written
 * in an envelope (a header naming its kind, its key, the sha256 and the length of the
 * payload) and `get` returns a payload only when all four match; anything else is removed
 * and reported as a miss, so the caller draws it again. Whether the payload is safe to use
 * is the caller's check (see active-content.ts): a valid envelope only says the entry is
 * whole and belongs to this key.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';

export function contentKey(...parts: readonly string[]): string {
  const h = createHash('sha256');
  // Length-prefixed, so ('ab','c') and ('a','bc') differ.
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest('hex');
}

const MAGIC = 'tocdin-cache/1';
/** A header is one short line; more than this before the newline is not ours. */
const MAX_HEADER = 256;
/** Larger than any drawing or printed page; a bigger file is not read at all. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes written for a payload: header line, then the payload unchanged. */
export function envelope(kind: string, key: string, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC} ${kind} ${key} ${sha256(payload)} ${payload.length}\n`, 'utf8'), payload]);
}

/** The payload of an envelope for (kind, key), or undefined when it is not exactly that. */
export function openEnvelope(kind: string, key: string, bytes: Buffer): Buffer | undefined {
  const nl = bytes.subarray(0, MAX_HEADER).indexOf(0x0a);
  if (nl < 0) return undefined;
  const [magic, k, entryKey, hash, length, ...rest] = bytes.subarray(0, nl).toString('latin1').split(' ');
  if (magic !== MAGIC || k !== kind || entryKey !== key || rest.length || !/^[0-9a-f]{64}$/.test(hash ?? '') || !/^\d+$/.test(length ?? '')) return undefined;
  const payload = bytes.subarray(nl + 1);
  if (payload.length !== Number(length) || sha256(payload) !== hash) return undefined;
  return payload;
}

/**
 * Reads a regular file of at most `max` bytes without following a symbolic link and
 * without blocking on a FIFO; undefined for anything else.
 */
function readRegularFile(path: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === st.size ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Safe as a file name: what contentKey makes (and what tests use). */
const KEY = /^[0-9a-f]{16,128}$/;
const KIND = /^[a-z][a-z0-9-]{0,31}$/;

export class ContentCache {
  hits = 0;
  misses = 0;
  /** Entries that existed but failed a check (envelope or content) and were removed. */
  rejected = 0;
  constructor(readonly dir: string | undefined) {}

  path(kind: string, key: string): string | undefined {
    if (!this.dir || !KIND.test(kind) || !KEY.test(key)) return undefined;
    return join(this.dir, kind, key);
  }

  /** The payload stored under (kind, key), verified to be whole and to belong to this key. */
  get(kind: string, key: string): Buffer | undefined {
    const path = this.path(kind, key);
    if (!path) return undefined;
    const raw = readRegularFile(path, MAX_ENTRY_BYTES + MAX_HEADER);
    const payload = raw && openEnvelope(kind, key, raw);
    if (payload) {
      this.hits++;
      return payload;
    }
    this.misses++;
    // Something is there that is not a valid entry (or nothing: then drop does nothing).
    if (raw || this.exists(path)) this.drop(kind, key);
    return undefined;
  }

  /**
   * Removes an entry that failed a check, so it is drawn again and replaced. Only the name
   * is removed (a file, a link, a FIFO; never what a link points to), never a folder.
   */
  drop(kind: string, key: string): void {
    const path = this.path(kind, key);
    if (!path) return;
    this.rejected++;
    // A hit that the caller then found unusable is not a hit.
    try {
      const st = lstatSync(path);
      if (!st.isDirectory()) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove: put() will fail to replace it and it stays a miss.
    }
  }

  /** For the caller's content check: the entry was read but is not usable. */
  reject(kind: string, key: string): void {
    this.hits--;
    this.misses++;
    this.drop(kind, key);
  }

  put(kind: string, key: string, content: string | Uint8Array): void {
    const path = this.path(kind, key);
    if (!path) return;
    try {
      const folder = join(this.dir!, kind);
      mkdirSync(folder, { recursive: true });
      // A link planted in place of the folder would send our writes somewhere else.
      if (!lstatSync(folder).isDirectory()) return;
      writeFileAtomic(path, envelope(kind, key, typeof content === 'string' ? Buffer.from(content, 'utf8') : content));
    } catch {
      // A cache that cannot be written only costs time, never correctness.
    }
  }

  private exists(path: string): boolean {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  }
}
