/**
 * Puts a DiagramSet on disk: atomic writes, untouched when unchanged, and removal of
 * diagrams of views that no longer exist. In check mode nothing is written; the result
 * lists what differs so CI can fail with the file names.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagramSet } from '../render/diagrams.js';
import { writeFileAtomic } from './atomic.js';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** In check mode: files that are missing, different or stale. */
  differing: string[];
}

/** Only files we generate are ever removed. */
const OURS = /^(?:.+\.mmd|README\.md)$/;

export function writeDiagramSet(dir: string, set: DiagramSet, opts: { check?: boolean } = {}): WriteReport {
  const report: WriteReport = { written: [], unchanged: [], removed: [], differing: [] };
  const wanted = new Set(set.files.map((f) => f.name));
  for (const f of set.files) {
    const path = join(dir, f.name);
    if (opts.check) {
      let current: string | undefined;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== f.content) report.differing.push(f.name);
      else report.unchanged.push(f.name);
      continue;
    }
    (writeFileAtomic(path, f.content) === 'written' ? report.written : report.unchanged).push(f.name);
  }
  let existing: string[] = [];
  try {
    existing = readdirSync(dir);
  } catch {
    existing = [];
  }
  for (const name of existing.sort()) {
    if (!OURS.test(name) || wanted.has(name)) continue;
    if (opts.check) report.differing.push(name);
    else {
      rmSync(join(dir, name), { force: true });
      report.removed.push(name);
    }
  }
  return report;
}
