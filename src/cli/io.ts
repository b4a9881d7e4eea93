/**
 * What every command shares: where output goes, the exit codes, how diagnostics are printed,
 * and the small argument checks. Printing only; the work is done by the library.
 */
import { resolve } from 'node:path';
import { SEVERITY_ORDER, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summarize } from '../diagnostics/format.js';
import { didYouMean, suggest } from '../diagnostics/suggest.js';
import { discover } from '../read/discover.js';
import { checkWorkspace, type LoadOptions, type LoadOutcome } from '../pipeline.js';
import type { OptionSpec } from './command.js';
import type { CheckedWorkspace } from '../outputs.js';
import { requireChromium } from '../browser/chromium.js';
import { BrowserRenderer } from '../browser/render.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';
import { progressEnabled, terminalProgress } from './progress.js';
import { UsageError } from './command.js';
import { inputsOf, type Inputs } from '../write/guard.js';

export const EXIT_OK = 0;
export const EXIT_MODEL = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Diagnostics painted in colour (formatDiagnostic escapes the user's text itself); on a
   * terminal this keeps our own colour codes, which `out` would escape like any other.
   */
  outColoured?: (s: string) => void;
  /** Where the live progress line goes, raw: it moves the cursor on purpose. */
  progressOut?: (s: string) => void;
  cwd: string;
  color: boolean;
  /** Live "n van m" progress on stderr (terminals only). */
  progress?: boolean;
  /** For tests: the environment used to find Chromium. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Everything printed passes through escapeForTerminal: no text from a model (a key, a
 * comment shown under a diagnostic, a `tekst`) can clear the screen, set the title, colour
 * the output or reorder letters. The escapes are JSON's own, so JSON output still parses.
 */
export const defaultIo = (): Io => {
  const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && !process.env['CI'];
  return {
    out: (s) => process.stdout.write(escapeForTerminal(s)),
    err: (s) => process.stderr.write(escapeForTerminal(s)),
    outColoured: (s) => process.stdout.write(escapeForTerminal(s, { keepColour: color })),
    progressOut: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    color,
    progress: progressEnabled(process.stderr),
  };
};

/** Drawn SVGs and printed pages, keyed by content; safe to delete at any time. */
export const CACHE_DIR = '.tocdin-cache';
const DEFAULT_PATHS = ['models', 'scenarios'];

/**
 * With no paths given, read the default folders that exist; `scenarios/` may be empty.
 * Paths the user names explicitly must exist (exit 2 otherwise).
 */
export function pathsOrDefault(io: Io, positionals: string[]): string[] {
  if (positionals.length) return positionals;
  // A default folder that holds only problems (a FIFO, a broken link) is kept, so the
  // problems are shown instead of the folder silently disappearing.
  const present = DEFAULT_PATHS.filter((p) => {
    const found = discover([p], io.cwd);
    return found.files.length > 0 || found.problems.some((d) => d.code !== 'geen-modellen' && d.code !== 'pad-onbekend');
  });
  return present.length ? present : ['models'];
}

/**
 * What a writing command must never write into or over: the folders and files it read, and
 * the default model folders even when they are empty (`scenarios/` holds only a README today).
 */
export function protectedInputs(io: Io, paths: readonly string[], files: readonly string[]): Inputs {
  return inputsOf(io.cwd, [...new Set([...paths, ...DEFAULT_PATHS])], files);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, what = 'formaat'): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(String(value))) return value as T;
  const hint = didYouMean(String(value), allowed);
  throw new UsageError(`onbekend ${what} \`${String(value)}\`; kies ${allowed.join(', ')}${hint ? ` (${hint})` : ''}`);
}

/** `--fase JJJJ-H`: the current evaluation phase, checked like the models check `fase` (exit 2 otherwise). */
export function phaseOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value);
  if (/^20\d\d-[12]$/.test(v)) return v;
  throw new UsageError(`fase \`${v}\` klopt niet; schrijf een fase als jaar-halfjaar, bijv. 2025-1`);
}

/** An unknown scenario id is a usage error (exit 2), with the closest id or the known ones. */
export function requireScenario(known: readonly string[], id: string): void {
  if (known.includes(id)) return;
  const s = suggest(id, [...known]);
  throw new UsageError(`onbekend scenario \`${id}\`${s ? `; bedoel je \`${s}\`?` : known.length ? `; bekende scenario’s: ${[...known].sort().join(', ')}` : "; er zijn geen scenario’s (bestanden met `soort: scenario`)"}`);
}

/** Unknown ids are usage errors (exit 2) with the closest known ids as suggestions. */
export function requireId(known: readonly string[], id: string, what: string): void {
  if (known.includes(id)) return;
  const s = suggest(id, [...known]);
  throw new UsageError(`onbekende ${what} \`${id}\`${s ? `; bedoel je \`${s}\`?` : ''}`);
}

export function reportDiagnostics(io: Io, outcome: LoadOutcome, fmt: 'text' | 'json', showInfo = false): void {
  const all = [...outcome.usageProblems, ...outcome.diagnostics];
  if (fmt === 'json') {
    io.out(JSON.stringify({ diagnostics: all.map(plainDiagnostic) }, null, 2) + '\n');
    return;
  }
  const hidden = printDiagnostics(io, all, { sources: outcome.sources, showInfo });
  if (hidden > 0) io.out(`(${hidden} info-meldingen niet getoond; zie ze met --info)\n`);
}

/**
 * Diagnostics for people, errors first (they are what stops the user), then file and line
 * order; infos (e.g. 39 regions without a DIN) would bury the errors, so they are one flag
 * away. Returns how many infos were left out.
 */
export function printDiagnostics(io: Io, diags: readonly Diagnostic[], opts: { sources?: ReadonlyMap<string, string>; showInfo?: boolean } = {}): number {
  const bySeverity = [...diags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const shown = opts.showInfo ? bySeverity : bySeverity.filter((d) => d.severity !== 'info');
  const write = io.color ? (io.outColoured ?? io.out) : io.out;
  for (const d of shown) write(formatDiagnostic(d, { color: io.color, ...(opts.sources ? { sources: opts.sources } : {}) }) + '\n\n');
  return diags.length - shown.length;
}

function plainDiagnostic(d: Diagnostic): Diagnostic {
  const { file, line, column, severity, code, message, hint, related } = d;
  return { file, line, column, severity, code, message, ...(hint ? { hint } : {}), ...(related ? { related } : {}) };
}

export function exitFor(outcome: LoadOutcome): number {
  if (outcome.usageProblems.length > 0) return EXIT_USAGE;
  return hasErrors(outcome.diagnostics) ? EXIT_MODEL : EXIT_OK;
}

/**
 * `--scenario ID`, the same on every command that shows the model: spread it into the
 * command's options and pass `scenarioOf(values)` to loadForAnalysis.
 */
export const SCENARIO_OPTION: Readonly<Record<'scenario', OptionSpec>> = {
  scenario: { type: 'string', value: 'ID', help: 'toon het model zoals dit scenario (uit scenarios/) het maakt' },
};

export function scenarioOf(values: Record<string, string | boolean | undefined>): LoadOptions {
  const id = values['scenario'];
  return typeof id === 'string' ? { scenario: id } : {};
}

/**
 * Load and check; on errors print them (an analysis of a broken model would mislead). With a
 * scenario, the model as the scenario makes it; an unknown scenario id is a usage error.
 */
export function loadForAnalysis(io: Io, paths: string[], fmt: 'text' | 'json', opts: LoadOptions = {}): { outcome: CheckedWorkspace; code: number } {
  const outcome = checkWorkspace(paths, io.cwd, opts);
  // A scenario file with errors is not known as a scenario: then its errors are the message.
  if (opts.scenario !== undefined && !outcome.scenario && !hasErrors(outcome.diagnostics)) {
    const known = [...outcome.workspace.elements.values()].filter((e) => e.type === 'scenario').map((e) => e.id);
    // A known scenario that could not be applied (a cycle) is a model error, printed below.
    requireScenario(known, opts.scenario);
  }
  const code = exitFor(outcome);
  if (code !== EXIT_OK) {
    reportDiagnostics(io, outcome, fmt);
    if (fmt === 'text') io.out(`${summarize([...outcome.usageProblems, ...outcome.diagnostics])}; los eerst de fouten op.\n`);
  }
  return { outcome, code };
}

export function pt(points: number): string {
  return `${points.toFixed(1).replace('.', ',')} pt`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/**
 * Chromium is optional: only the commands that need it fail (exit 2), with the fix.
 * A renderer for the length of `work`, always closed after it. `settle` clears the
 * progress line so the next message starts on a clean line.
 */
export async function withRenderer<T>(io: Io, work: (renderer: BrowserRenderer, settle: () => void) => Promise<T>): Promise<T> {
  const progress = io.progress ? terminalProgress(io.progressOut ?? io.err) : undefined;
  const renderer = new BrowserRenderer({
    executablePath: requireChromium(io.env ?? process.env),
    cacheDir: resolve(io.cwd, CACHE_DIR),
    ...(progress ? { onProgress: progress } : {}),
  });
  const settle = () => progress?.clear();
  try {
    return await work(renderer, settle);
  } finally {
    settle();
    await renderer.close();
  }
}
