/**
 * The library entry point: paths in, a resolved workspace and every diagnostic out. Each
 * stage only sees the output type of the stage before it.
 */
import { isAbsolute, join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { discover } from './read/discover.js';
import { readModelFile } from './read/read.js';
import { resolveWorkspace, type Workspace } from './resolve/resolve.js';
import { overlayScenarios, type ScenarioEffect } from './resolve/overlay.js';
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
  /** The scenario applied (`--scenario`): which one, on top of which, and what it added, removed and changed. */
  scenario?: ScenarioEffect;
  /** Every other scenario, applied and resolved, for checkWorkspace to run the lint rules on. */
  otherScenarios: { file: string; workspace: Workspace }[];
}

export interface LoadOptions {
  /** Apply this scenario (with the scenarios it builds on) before resolving: every command shows the model as it makes it. */
  scenario?: string;
}

export function loadWorkspace(paths: readonly string[], cwd: string = process.cwd(), opts: LoadOptions = {}): LoadOutcome {
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

/** A scenario's mistake can be found twice (checking it, and applying it): report it once. */
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
  const lintDiags = lint(built);
  // What the lint rules find in each other scenario's model, where that scenario wrote it.
  const scenarioDiags = outcome.otherScenarios.flatMap((o) => lint(buildGraph(o.workspace)).filter((d) => d.file === o.file));
  return { ...outcome, built, diagnostics: sortDiagnostics(unique([...outcome.diagnostics, ...lintDiags, ...scenarioDiags])) };
}
