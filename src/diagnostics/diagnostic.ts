/**
 * Diagnostics are data, not exceptions: every stage returns them, the CLI formats them.
 * Codes are stable identifiers that tests and users can rely on.
 */
import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  hint?: string;
  /** Extra locations, e.g. the first definition of a duplicate id. */
  related?: { file: string; line: number; column: number; message: string }[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Stable order so output and tests do not depend on discovery order. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Diagnostics counted per code, errors first, then by code: the overview `start` prints. */
export function countByCode(diags: readonly Diagnostic[]): { code: string; severity: Severity; n: number }[] {
  const byCode = new Map<string, { code: string; severity: Severity; n: number }>();
  for (const d of diags) {
    const e = byCode.get(d.code) ?? { code: d.code, severity: d.severity, n: 0 };
    e.n++;
    byCode.set(d.code, e);
  }
  return [...byCode.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : 1));
}
