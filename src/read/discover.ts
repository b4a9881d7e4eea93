/**
 * Which files a set of CLI paths means. Problems here are usage/I-O problems (exit 2), not
 * model problems, so they are kept apart from model diagnostics.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const MODEL_EXT = /\.ya?ml$/i;

export interface Discovery {
  files: string[];
  problems: Diagnostic[];
}

function display(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return (r && !r.startsWith('..') ? r : p).split(sep).join('/');
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Hidden folders and installed packages never hold the user's models.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && MODEL_EXT.test(entry.name)) out.push(full);
  }
}

export function discover(paths: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const problems: Diagnostic[] = [];
  const problem = (p: string, code: string, message: string, hint?: string) =>
    problems.push({ file: display(cwd, p), line: 1, column: 1, severity: 'error', code, message, ...(hint ? { hint } : {}) });
  for (const p of paths) {
    const abs = p.startsWith('/') ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      problem(p, 'pad-onbekend', `pad \`${p}\` bestaat niet`, 'controleer de spelling; standaard leest tocdin de mappen models en scenarios');
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      try {
        walk(abs, found);
      } catch (err) {
        problem(p, 'pad-onleesbaar', `map \`${p}\` kan niet gelezen worden: ${(err as Error).message}`);
        continue;
      }
      if (found.length === 0) problem(p, 'geen-modellen', `map \`${p}\` bevat geen .yaml- of .yml-bestanden`, 'maak een model aan, bijv. met `npx tocdin init-regio <regio-id>`');
      for (const f of found) files.add(display(cwd, f));
    } else {
      files.add(display(cwd, abs));
    }
  }
  return { files: [...files].sort(), problems };
}
