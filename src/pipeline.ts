/**
 * The library entry point: paths in, a resolved workspace and every diagnostic out. Each
 * stage only sees the output type of the stage before it.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { discover } from './read/discover.js';
import { readModelFile, type ModelFileResult } from './read/read.js';
import { resolveWorkspace, type Workspace } from './resolve/resolve.js';
import { overlayScenarios, type ScenarioEffect } from './resolve/overlay.js';
import { validateFile, type AnyValidatedFile, type ValidateResult } from './validate/validate.js';
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
  /** The scenario applied (`--scenario`): which one, on top of which, and what it added, removed and changed. */
  scenario?: ScenarioEffect;
  /** Every other scenario, applied and resolved, for checkWorkspace to run the lint rules on. */
  otherScenarios: { file: string; workspace: Workspace }[];
}

/**
 * Read and validated files kept between loads (`tocdin workshop` reloads on every save): a
 * file is read again only when its identity on disk changed (inode, size or mtime in ns;
 * an editor's save and tocdin's own atomic write both change it).
 */
export class FileMemo {
  private readonly entries = new Map<string, { stamp: string; read: ModelFileResult; validated?: ValidateResult }>();
  /** Files read from disk on the last load (for the benchmark and tests). */
  readCount = 0;

  read(absPath: string, displayPath: string): { result: ModelFileResult; validate: (f: () => ValidateResult) => ValidateResult } {
    let stamp = '';
    try {
      const st = statSync(absPath, { bigint: true });
      if (st.isFile()) stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    } catch {
      // Not there or not readable: readModelFile says what is wrong.
    }
    let entry = stamp ? this.entries.get(displayPath) : undefined;
    if (!entry || entry.stamp !== stamp) {
      this.readCount++;
      entry = { stamp, read: readModelFile(absPath, displayPath) };
      if (stamp) this.entries.set(displayPath, entry);
      else this.entries.delete(displayPath);
    }
    const e = entry;
    return { result: e.read, validate: (f) => (e.validated ??= f()) };
  }
}

export interface LoadOptions {
  /** Apply this scenario (with the scenarios it builds on) before resolving: every command shows the model as it makes it. */
  scenario?: string;
  /** The current evaluation phase for the evidence rules (`--fase`); else the latest in the register. */
  phase?: string;
  /** Files kept between loads (the workshop reloads on every save). */
  memo?: FileMemo;
}

export function loadWorkspace(paths: readonly string[], cwd: string = process.cwd(), opts: LoadOptions = {}): LoadOutcome {
  const { memo } = opts;
  const { files, problems } = discover(paths, cwd);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const validated: AnyValidatedFile[] = [];
  const failedFiles: string[] = [];
  const usageProblems = [...problems];

  for (const path of files) {
    const abs = isAbsolute(path) ? path : join(cwd, path);
    const cached = memo?.read(abs, path);
    const { read, usageProblem } = cached ? cached.result : readModelFile(abs, path);
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
    const file = read.file;
    const v = cached ? cached.validate(() => validateFile(file)) : validateFile(file);
    diagnostics.push(...v.diagnostics);
    if (v.file) validated.push(v.file);
    else failedFiles.push(path);
  }

  // Every scenario is checked; the selected one is applied to the validated models (copies).
  const overlay = overlayScenarios(validated, opts.scenario);
  const { workspace, diagnostics: resolveDiags } = resolveWorkspace(overlay.files);
  diagnostics.push(...overlay.diagnostics);
  for (const o of overlay.others) diagnostics.push(...o.diagnostics);
  // A reference into a file that failed to validate looks dangling but may not be:
  // still show it, but do not let it pose as a certain error.
  for (const d of resolveDiags) {
    if (failedFiles.length > 0 && d.code === 'verwijzing-onbekend') {
      diagnostics.push({ ...d, severity: 'warning', hint: `${d.hint ?? ''}${d.hint ? '; ' : ''}het id staat mogelijk in een bestand met fouten (${failedFiles[0]}${failedFiles.length > 1 ? ', …' : ''})` });
    } else {
      diagnostics.push(d);
    }
  }
  return { workspace, diagnostics: sortDiagnostics(unique(diagnostics)), usageProblems: sortDiagnostics(usageProblems), sources, files, failedFiles, otherScenarios: overlay.others.map((o) => ({ file: o.file, workspace: o.workspace })), ...(overlay.effect ? { scenario: overlay.effect } : {}) };
}

/** A scenario’s mistake can be found twice (checking it, and applying it): report it once. */
function unique(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Load, then build the graph and run the lint rules: what `validate` and `analyse` share. */
export function checkWorkspace(paths: readonly string[], cwd: string = process.cwd(), opts: LoadOptions = {}): LoadOutcome & { built: BuiltGraph } {
  const outcome = loadWorkspace(paths, cwd, opts);
  const built = buildGraph(outcome.workspace);
  const phase = opts.phase === undefined ? {} : { phase: opts.phase };
  const lintDiags = lint(built, undefined, phase);
  // What the lint rules find in each other scenario’s model, where that scenario wrote it.
  const scenarioDiags = outcome.otherScenarios.flatMap((o) => lint(buildGraph(o.workspace), undefined, phase).filter((d) => d.file === o.file));
  return { ...outcome, built, diagnostics: sortDiagnostics(unique([...outcome.diagnostics, ...lintDiags, ...scenarioDiags])) };
}
