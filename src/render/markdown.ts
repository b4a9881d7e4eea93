/**
 * Markdown views of the analysis: the report document serialised for GitHub and GitLab
 * (tables, and diagrams as ```mermaid blocks, which both render). All user text is escaped.
 */
import { escapeForTerminal } from '../diagnostics/terminal.js';
import type { Analysis, Matrix } from '../analyse/schema.js';
import type { Evidence } from '../analyse/evidence.js';
import { evidenceBlocks } from './evidence.js';
import { buildReport, transposed, type Block, type Cell, type Inline, type ReportDoc, type ReportOptions } from './report.js';

/** Escape what Markdown or inline HTML would interpret in a table cell. Parentheses stay: with `[` and `]` escaped they cannot form a link. */
export function mdCell(text: string): string {
  return mdText(text).trim();
}

/** As mdCell, but keeps a leading or trailing space (for text between inline parts). */
function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}\[\]<>#+!|~&]/g, (c) => `&#${c.codePointAt(0)};`);
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return mdText(p);
      if ('strong' in p) return `**${mdCell(p.strong)}**`;
      // Backticks cannot be escaped inside a code span; ids never contain them (validated).
      return `\`${p.code.replace(/`/g, "'")}\``;
    })
    .join('');
}

function cell(c: Cell): string {
  if (typeof c === 'number') return String(c);
  if (typeof c === 'string') return mdCell(c);
  if ('gap' in c) return '**–**';
  if ('mark' in c) return c.tone === 'ev-leeg' ? '**–**' : mdCell(c.mark);
  return c.status === 'gedekt' ? c.status : `**${c.status}**`;
}

function table(header: string[], rows: Cell[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const numeric = header.map((_, i) => i > 0 && rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || (typeof r[i] === 'object' && 'gap' in (r[i] as object)) || r[i] === ''));
  return [line(header.map(mdCell)), line(header.map((_, i) => (numeric[i] ? '---:' : '---'))), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdCell(b.text)}`;
    case 'paragraph':
      return inline(b.content);
    case 'list':
      return b.items.map((i) => `- ${inline(i)}`).join('\n');
    case 'table':
      return table(b.header, b.rows);
    case 'diagram':
      return [`### ${mdCell(b.title)}`, '', mdCell(b.caption), '', '```mermaid', b.mermaid.trimEnd(), '```'].join('\n');
  }
}

export function serializeMarkdown(doc: ReportDoc): string {
  return doc.blocks.map(block).join('\n\n') + '\n';
}

export function renderMarkdown(a: Analysis, opts: ReportOptions = {}): string {
  // Control, bidi and zero-width characters from the models shown as visible escapes.
  return escapeForTerminal(serializeMarkdown(buildReport(a, opts)));
}

/** Regions as rows for the diagram index (kept for the README next to the diagrams). */
export function transposedTable(m: Matrix, columnLabel: (id: string, label: string) => string): string {
  const t = transposed(m, columnLabel);
  return table(t.header, t.rows) + '\n';
}

/** `tocdin bewijs --format md`: the evidence section of the report on its own. */
export function renderEvidenceMarkdown(e: Evidence): string {
  const blocks = evidenceBlocks(e, (level, text, id) => ({ kind: 'heading', level: level === 2 ? 1 : 2, text, id }));
  return escapeForTerminal(serializeMarkdown({ title: 'Stand van het bewijs', blocks }));
}
