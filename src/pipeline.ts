/**
 * The library entry point: paths in, a resolved workspace and every diagnostic out. Each
 * stage only sees the output type of the stage before it.
 */
import { isAbsolute, join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { discover } from './read/discover.js';
import { readModelFile } from './read/read.js';
import { resolveWorkspace, type Workspace } from './resolve/resolve.js';
import { validateFile, type AnyValidatedFile } from './validate/validate.js';
import { buildGraph, type BuiltGraph } from './graph/build.js';
import { lint } from './lint/rules.js';

export interface LoadOutcome {
  /** Present when every file could be read; lint and analysis need a complete picture. */
  workspace: Workspace;
  diagnostics: Diagnostic[];
  /** Usage and I/O problems (exit code 2), kept apart from model diagnostics. */
  usageProblems: Diagnostic[];
  /** Source text per displayed path, for showing the offending line. */
  sources: Map<string, string>;
  files: string[];
  /** Files that failed to read or validate. */
  failedFiles: string[];
}

export function loadWorkspace(paths: readonly string[], cwd: string = process.cwd()): LoadOutcome {
  const { files, problems } = discover(paths, cwd);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const validated: AnyValidatedFile[] = [];
  const failedFiles: string[] = [];
  const usageProblems = [...problems];

  for (const path of files) {
    const { read, usageProblem } = readModelFile(isAbsolute(path) ? path : join(cwd, path), path);
    if (usageProblem) usageProblems.push(usageProblem);
    if (!read) {
      // Not read is not valid: the `validate` summary counts files minus failed files.
      failedFiles.push(path);
      continue;
    }
    diagnostics.push(...read.diagnostics);
    if (read.file) sources.set(path, read.file.source.text);
    if (!read.file || read.diagnostics.some((d) => d.severity === 'error')) {
      failedFiles.push(path);
      continue;
    }
    const v = validateFile(read.file);
    diagnostics.push(...v.diagnostics);
    if (v.file) validated.push(v.file);
    else failedFiles.push(path);
  }

  const { workspace, diagnostics: resolveDiags } = resolveWorkspace(validated);
  // A reference into a file that failed to validate looks dangling but may not be:
  // still show it, but do not let it pose as a certain error.
  for (const d of resolveDiags) {
    if (failedFiles.length > 0 && d.code === 'verwijzing-onbekend') {
      diagnostics.push({ ...d, severity: 'warning', hint: `${d.hint ?? ''}${d.hint ? '; ' : ''}het id staat mogelijk in een bestand met fouten (${failedFiles[0]}${failedFiles.length > 1 ? ', …' : ''})` });
    } else {
      diagnostics.push(d);
    }
  }
  return { workspace, diagnostics: sortDiagnostics(diagnostics), usageProblems: sortDiagnostics(usageProblems), sources, files, failedFiles };
}

/** Load, then build the graph and run the lint rules: what `validate` and `analyse` share. */
export function checkWorkspace(paths: readonly string[], cwd: string = process.cwd(), opts: { phase?: string } = {}): LoadOutcome & { built: BuiltGraph } {
  const outcome = loadWorkspace(paths, cwd);
  const built = buildGraph(outcome.workspace);
  const lintDiags = lint(built, undefined, opts);
  return { ...outcome, built, diagnostics: sortDiagnostics([...outcome.diagnostics, ...lintDiags]) };
}
