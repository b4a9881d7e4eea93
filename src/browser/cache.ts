/**
 * A content-addressed cache on disk: the key is a hash of everything that determines the
 * output (input text, renderer settings, mermaid and browser build), so a hit can be used
 * without checking anything else, and a stale entry is simply never asked for again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';

export function contentKey(...parts: readonly string[]): string {
  const h = createHash('sha256');
  // Length-prefixed, so ('ab','c') and ('a','bc') differ.
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest('hex');
}

export class ContentCache {
  hits = 0;
  misses = 0;
  constructor(readonly dir: string | undefined) {}

  get(kind: string, key: string): Buffer | undefined {
    if (!this.dir) return undefined;
    try {
      const b = readFileSync(join(this.dir, kind, key));
      this.hits++;
      return b;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  put(kind: string, key: string, content: string | Uint8Array): void {
    if (!this.dir) return;
    try {
      mkdirSync(join(this.dir, kind), { recursive: true });
      writeFileAtomic(join(this.dir, kind, key), content);
    } catch {
      // A cache that cannot be written only costs time, never correctness.
    }
  }
}
