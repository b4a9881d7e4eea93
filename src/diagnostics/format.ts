/**
 * Diagnostics for people: `file:line:col severity code message`, the offending source line
 * and a caret, then the hint. Colour only on a terminal (and never with NO_COLOR).
 */
import { styleText } from 'node:util';
import type { Diagnostic, Severity } from './diagnostic.js';

export const SEVERITY_NL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'info' };

export interface FormatOptions {
  color?: boolean;
  /** Source text per file, to show the offending line. */
  sources?: ReadonlyMap<string, string>;
}

type Style = Parameters<typeof styleText>[0];

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const paint = (style: Style, s: string) => (opts.color ? styleText(style, s) : s);
  const sevStyle: Style = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  const lines = [
    `${paint('bold', `${d.file}:${d.line}:${d.column}`)} ${paint(sevStyle, SEVERITY_NL[d.severity])} ${paint('dim', d.code)} ${d.message}`,
  ];
  const text = opts.sources?.get(d.file);
  if (text !== undefined) {
    const src = sourceLine(text, d.line);
    if (src !== undefined && src.trim() !== '') {
      const gutter = String(d.line).padStart(5) + ' | ';
      const shown = src.length > 160 ? src.slice(0, 160) + '…' : src;
      lines.push(paint('dim', gutter) + shown.replace(/\t/g, ' '));
      const caretCol = Math.min(Math.max(d.column - 1, 0), shown.length);
      lines.push(' '.repeat(gutter.length + caretCol) + paint(sevStyle, '^'));
    }
  }
  if (d.hint) lines.push(`      ${paint('green', 'hint:')} ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`      ${paint('dim', `zie ook ${r.file}:${r.line}:${r.column}`)} ${r.message}`);
  return lines.join('\n');
}

function sourceLine(text: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

export function summarize(diags: readonly Diagnostic[]): string {
  const count = (s: Severity) => diags.filter((d) => d.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const i = count('info');
  return `${e} ${e === 1 ? 'fout' : 'fouten'}, ${w} ${w === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${i} info`;
}
