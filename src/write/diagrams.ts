/**
 * Puts generated files on disk (the Mermaid set, the SVGs): atomic writes, untouched when
 * unchanged, and removal of our files for views that no longer exist. In check mode
 * nothing is written; the result lists what differs so CI can fail with the file names.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagramSet } from '../render/diagrams.js';
import { writeFileAtomic } from '../io/atomic.js';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** In check mode: files that are missing, different or stale. */
  differing: string[];
}

/** Only files we generate are ever removed: each writer names the pattern of its own. */
const MERMAID_FILES = /^(?:.+\.mmd|README\.md)$/;
const SVG_FILES = /^.+\.svg$/;
const PDF_FILES = /^.+\.pdf$/;

export function writeDiagramSet(dir: string, set: DiagramSet, opts: { check?: boolean } = {}): WriteReport {
  return writeGenerated(dir, set.files, MERMAID_FILES, opts);
}

/** `.svg` next to each `.mmd`; SVGs of views that no longer exist are removed. */
export function writeSvgs(dir: string, drawn: readonly { name: string; svg: string }[]): WriteReport {
  const files = drawn.map((d) => ({ name: `${d.name}.svg`, content: `<?xml version="1.0" encoding="UTF-8"?>\n${d.svg}\n` }));
  return writeGenerated(dir, files, SVG_FILES);
}

/** One PDF per wall poster in its own folder; posters of views that no longer exist are removed. */
export function writeWallPosters(dir: string, posters: readonly { name: string; pdf: Uint8Array }[]): WriteReport {
  return writeGenerated(dir, posters.map((p) => ({ name: `${p.name}.pdf`, content: p.pdf })), PDF_FILES);
}

function writeGenerated(dir: string, files: readonly { name: string; content: string | Uint8Array }[], ours: RegExp, opts: { check?: boolean } = {}): WriteReport {
  const report: WriteReport = { written: [], unchanged: [], removed: [], differing: [] };
  const wanted = new Set(files.map((f) => f.name));
  for (const f of files) {
    const path = join(dir, f.name);
    if (opts.check) {
      let current: Buffer | undefined;
      try {
        current = readFileSync(path);
      } catch {
        current = undefined;
      }
      if (!current || Buffer.compare(current, typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content) !== 0) report.differing.push(f.name);
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
    if (!ours.test(name) || wanted.has(name)) continue;
    if (opts.check) report.differing.push(name);
    else {
      rmSync(join(dir, name), { force: true });
      report.removed.push(name);
    }
  }
  return report;
}
