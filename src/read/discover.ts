/**
 * Which files a set of CLI paths means. Problems here are usage/I-O problems (exit 2), not
 * model problems, so they are kept apart from model diagnostics.
 *
 * Nothing is opened here, only stat'ed: a FIFO or a device named `x.yaml` is reported, never
 * read (reading a FIFO blocks forever, /dev/zero never ends). Symbolic links under a folder
 * are followed while they stay inside that folder; a link that leaves it, points nowhere or
 * loops is reported instead of skipped in silence. Each real file is read once, under the
 * first path that reaches it (a plain path before one through a link), so a link to a model
 * in the same tree does not define every id twice.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileKind } from '../io/bounded-read.js';

const MODEL_EXT = /\.ya?ml$/i;

export interface Discovery {
  files: string[];
  problems: Diagnostic[];
}

function display(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return (r && !r.startsWith('..') ? r : p).split(sep).join('/');
}

function errCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * A dangling link may have been a model or a folder of models; one named like another kind
 * of file (`LICENSE.md`) is none of tocdin's business.
 */
function mayBeModels(name: string): boolean {
  return MODEL_EXT.test(name) || extname(name) === '';
}

export function discover(paths: readonly string[], cwd: string): Discovery {
  /** real path → path as shown; the first path to reach a file keeps it. */
  const files = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const problem = (p: string, code: DiagnosticCode, message: string, hint?: string) =>
    problems.push({ file: display(cwd, p), line: 1, column: 1, severity: 'error', code, message, ...(hint ? { hint } : {}) });
  const add = (real: string, shown: string): void => {
    if (!files.has(real)) files.set(real, display(cwd, shown));
  };
  const notRegular = (shown: string, st: Stats) =>
    problem(shown, 'pad-onleesbaar', `\`${display(cwd, shown)}\` is geen gewoon bestand maar ${fileKind(st)}; tocdin leest alleen gewone bestanden`, 'geef het pad van een .yaml-bestand of van een map met modellen');
  const brokenLink = (shown: string, err: unknown) => {
    if (errCode(err) === 'ELOOP') {
      problem(shown, 'link-lus', `symbolische link \`${display(cwd, shown)}\` wijst (via andere links) naar zichzelf`, 'verwijder de link of laat hem naar een bestand of map wijzen');
    } else if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') {
      let to = '?';
      try {
        to = readlinkSync(shown);
      } catch {
        // keep '?': the link itself vanished meanwhile
      }
      problem(shown, 'link-hangt', `symbolische link \`${display(cwd, shown)}\` wijst naar \`${to}\`, dat niet bestaat`, 'herstel de link of verwijder hem');
    } else {
      problem(shown, 'pad-onleesbaar', `symbolische link \`${display(cwd, shown)}\` kan niet gevolgd worden: ${(err as Error).message}`);
    }
  };

  /** Walk one folder given on the command line; returns how many model files it reached (also ones reached before). */
  const walkTree = (rootShown: string, arg: string): number => {
    let found = 0;
    let root: string;
    try {
      root = realpathSync(rootShown);
    } catch (err) {
      problem(arg, 'pad-onleesbaar', `map \`${arg}\` kan niet gelezen worden: ${(err as Error).message}`);
      return 0;
    }
    const walked = new Set<string>();
    const links: { shown: string; at: string; parent: string; name: string }[] = [];

    /** `real` is the folder's real path, `shown` the path it was reached by (maybe via links). */
    const walkDir = (real: string, shown: string): void => {
      walked.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(real, { withFileTypes: true });
      } catch (err) {
        problem(shown, 'pad-onleesbaar', `map \`${display(cwd, shown)}\` kan niet gelezen worden: ${(err as Error).message}`);
        return;
      }
      // Sorted: which path keeps a file reached twice must not depend on the file system.
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        // Hidden folders and installed packages never hold the user's models.
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const at = join(real, entry.name);
        const full = join(shown, entry.name);
        if (entry.isDirectory()) walkDir(at, full);
        else if (entry.isSymbolicLink()) links.push({ shown: full, at, parent: real, name: entry.name });
        else if (!MODEL_EXT.test(entry.name)) continue;
        else if (entry.isFile()) {
          add(at, full);
          found++;
        }
        else {
          // A FIFO, socket or device named like a model: say so, never open it.
          try {
            notRegular(full, lstatSync(at));
          } catch (err) {
            problem(full, 'pad-onleesbaar', `\`${display(cwd, full)}\` kan niet gelezen worden: ${(err as Error).message}`);
          }
        }
      }
    };

    walkDir(root, rootShown);
    // Links after the plain tree, so a file reachable both ways keeps its plain path; a link
    // into a folder already walked adds nothing, which also ends link cycles between folders.
    for (let i = 0; i < links.length; i++) {
      const link = links[i]!;
      let target: string;
      let st: Stats;
      try {
        target = realpathSync(link.at);
        st = statSync(target);
      } catch (err) {
        if (errCode(err) === 'ELOOP' || mayBeModels(link.name)) brokenLink(link.shown, err);
        continue;
      }
      if (!st.isDirectory() && !MODEL_EXT.test(link.name)) continue;
      if (!inside(root, target)) {
        problem(
          link.shown,
          'link-buiten-map',
          `symbolische link \`${display(cwd, link.shown)}\` wijst naar \`${display(cwd, target)}\`, buiten de map \`${arg}\`; tocdin volgt alleen links die binnen de opgegeven map blijven`,
          `kopieer of verplaats het doel naar \`${arg}\`, of geef het doel zelf op als extra pad`,
        );
      } else if (st.isDirectory()) {
        if (inside(target, link.parent)) {
          problem(
            link.shown,
            'link-lus',
            `symbolische link \`${display(cwd, link.shown)}\` wijst naar \`${display(cwd, target)}\`, een map waar de link zelf in staat; volgen zou nooit eindigen`,
            'verwijder de link',
          );
        } else if (!walked.has(target)) {
          walkDir(target, link.shown);
        }
      } else if (st.isFile()) {
        add(target, link.shown);
        found++;
      } else {
        notRegular(link.shown, st);
      }
    }
    return found;
  };

  for (const p of paths) {
    const abs = p.startsWith('/') ? p : join(cwd, p);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (err) {
      let link = false;
      try {
        link = lstatSync(abs).isSymbolicLink();
      } catch {
        // not there at all
      }
      if (link) brokenLink(abs, err);
      else if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') problem(p, 'pad-onbekend', `pad \`${p}\` bestaat niet`, 'controleer de spelling; standaard leest tocdin de mappen models en scenarios');
      else problem(p, 'pad-onleesbaar', `pad \`${p}\` kan niet gelezen worden: ${(err as Error).message}`);
      continue;
    }
    if (st.isDirectory()) {
      const before = problems.length;
      const found = walkTree(abs, p);
      if (found === 0 && problems.length === before) {
        problem(p, 'geen-modellen', `map \`${p}\` bevat geen .yaml- of .yml-bestanden`, 'maak een model aan, bijv. met `npx tocdin init-regio <regio-id>`');
      }
    } else if (st.isFile()) {
      // A file named on the command line is read whatever its name or where its link points:
      // the user chose it.
      let real = abs;
      try {
        real = realpathSync(abs);
      } catch {
        // stat worked, so realpath can only fail on a race; the path itself will do
      }
      add(real, abs);
    } else {
      notRegular(abs, st);
    }
  }
  return { files: [...new Set(files.values())].sort(), problems };
}
