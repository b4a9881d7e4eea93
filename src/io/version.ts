/**
 * "Which version of the model is this?" for printed pages: the date of the last git commit
 * that touched the files, or the files' modification date when they are not committed
 * (a workshop edit) or when there is no git at all. Never fails: a date is a label.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface ModelVersion {
  /** YYYY-MM-DD */
  datum: string;
  /** Short commit hash when every file is committed unchanged. */
  commit: string | null;
  /** Files with changes that are not committed (or no git): the date is a file date. */
  gewijzigd: boolean;
  /** The label printed on pages, e.g. "2026-11-20 (git 16088d4)". */
  label: string;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return undefined;
  }
}

function mtimeDate(files: readonly string[]): string {
  let latest = 0;
  for (const f of files) {
    try {
      latest = Math.max(latest, statSync(f).mtimeMs);
    } catch {
      // vanished since reading: ignore
    }
  }
  return new Date(latest || 0).toISOString().slice(0, 10);
}

/**
 * One git call for the whole set, not one per file: `git log` lists commits newest first,
 * so the first commit that names a file is its latest version.
 */
export function modelVersions(files: readonly string[], cwd: string): (group: readonly string[]) => ModelVersion {
  const abs = (f: string) => resolve(cwd, f);
  const top = git(['rev-parse', '--show-toplevel'], cwd)?.trim();
  const dirty = new Set<string>();
  // Newest first: the first commit that names a file is its latest version.
  const latest = new Map<string, { datum: string; commit: string; order: number }>();
  if (top && files.length) {
    const rel = files.map((f) => relative(cwd, abs(f)));
    // Porcelain and log paths are relative to the repository root, whatever the cwd.
    const status = git(['status', '--porcelain', '-z', '--', ...rel], cwd) ?? '';
    for (const entry of status.split('\0')) if (entry.length > 3) dirty.add(join(top, entry.slice(3)));
    const log = git(['log', '--format=%x01%cs %h', '--name-only', '--', ...rel], cwd) ?? '';
    log.split('\x01').slice(1).forEach((chunk, order) => {
      const [head, ...names] = chunk.split('\n').filter(Boolean);
      const [datum, commit] = head!.split(' ') as [string, string];
      for (const n of names) if (!latest.has(join(top, n))) latest.set(join(top, n), { datum, commit, order });
    });
  }
  return (group) => {
    const g = group.map(abs);
    const uncommitted = !top || g.some((f) => dirty.has(f) || !latest.has(f));
    if (uncommitted) {
      const datum = mtimeDate(g);
      return { datum, commit: null, gewijzigd: true, label: `${datum} (${top ? 'niet vastgelegde wijzigingen' : 'bestandsdatum'})` };
    }
    const newest = g.map((f) => latest.get(f)!).sort((a, b) => a.order - b.order)[0]!;
    return { datum: newest.datum, commit: newest.commit, gewijzigd: false, label: `${newest.datum} (git ${newest.commit})` };
  };
}
