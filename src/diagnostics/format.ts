/**
 * Diagnostics for people: `file:line:col severity code message`, the offending source line
 * and a caret, then the hint. Colour only on a terminal (and never with NO_COLOR).
 *
 * Everything in a diagnostic that can come from the user (the file name, the message and
 * hint that quote the model, the source line) is made safe here, so the formatted text acts
 * on no terminal: control, bidi and zero-width characters are shown as `\u001b`-style
 * escapes, a message never spans lines, and a file name with such characters or a newline is
 * shown quoted, so no name can print a line that looks like a diagnostic of its own.
 */
import { styleText } from 'node:util';
import type { Diagnostic, Severity } from './diagnostic.js';
import { escapeForTerminal, UNSAFE_CHARS } from './terminal.js';
import { isCellLocation, type CellLocation } from './cell.js';

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
    `${paint('bold', where(d))} ${paint(sevStyle, SEVERITY_NL[d.severity])} ${paint('dim', d.code)} ${oneLine(d.message)}`,
  ];
  const text = opts.sources?.get(d.file);
  if (text !== undefined) {
    const src = sourceLine(text, d.line);
    if (src !== undefined && src.trim() !== '') {
      const gutter = String(d.line).padStart(5) + ' | ';
      const cut = src.length > 160 ? src.slice(0, 160) + '…' : src;
      const shown = (s: string) => escapeForTerminal(s.replace(/\t/g, ' '));
      lines.push(paint('dim', gutter) + shown(cut));
      // The caret stands under the same character however many escapes precede it.
      const caretCol = shown(cut.slice(0, Math.min(Math.max(d.column - 1, 0), cut.length))).length;
      lines.push(' '.repeat(gutter.length + caretCol) + paint(sevStyle, '^'));
    }
  }
  if (d.hint) lines.push(`      ${paint('green', 'hint:')} ${oneLine(d.hint)}`);
  for (const r of d.related ?? []) lines.push(`      ${paint('dim', `zie ook ${where(r)}`)} ${oneLine(r.message)}`);
  return lines.join('\n');
}

/** `file:line:col`, or for a spreadsheet cell just `werkboek.xlsx:Blad!C12` (the cell says row and column). */
export function where(loc: CellLocation): string {
  return isCellLocation(loc) ? showFileName(loc.file) : `${showFileName(loc.file)}:${loc.line}:${loc.column}`;
}

/** A file name as it is, or quoted and escaped (JSON string syntax) when it holds a line break, tab or an unsafe character. */
export function showFileName(file: string): string {
  return /[\n\t]/.test(file) || UNSAFE_CHARS.test(file) ? escapeForTerminal(JSON.stringify(file)) : file;
}

/** Text that quotes the model, kept on its one line. */
function oneLine(s: string): string {
  return escapeForTerminal(s).replace(/\n/g, '\\n');
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
