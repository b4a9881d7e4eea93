/** Markdown views of the analysis: tables GitHub renders as is. All user text is escaped. */
import type { Analysis, Matrix } from '../analyse/schema.js';

/** Escape what Markdown or inline HTML would interpret in a table cell. */
export function mdCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}\[\]<>()#+!|~&]/g, (c) => `&#${c.codePointAt(0)};`)
    .trim();
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n') + '\n';
}

/** Regions as rows (they are many), the matrix rows as columns; 0 shown as a visible gap. */
export function transposedTable(m: Matrix, columnLabel: (id: string, label: string) => string): string {
  const header = ['regio', ...m.rijen.map((r) => columnLabel(r.id, r.label))];
  const rows = m.kolommen.map((k, c) => [mdCell(k.label), ...m.rijen.map((_, r) => (m.cellen[r]![c] === 0 ? '**–**' : String(m.cellen[r]![c])))]);
  return table(header, rows);
}

export function questionsByRegion(a: Analysis): Matrix {
  const m = a.matrices.deelvraag_regio;
  const qs = a.dekking.onderzoeksvragen.filter((q) => q.nummer !== null);
  const rowIndex = new Map(m.rijen.map((r, i) => [r.id, i] as const));
  return {
    rijen: qs.map((q) => ({ id: q.id, label: `OV${q.nummer}` })),
    kolommen: m.kolommen,
    cellen: qs.map((q) => m.kolommen.map((_, c) => q.deelvragen.filter((d) => (m.cellen[rowIndex.get(d) ?? -1]?.[c] ?? 0) > 0).length)),
  };
}

export function renderMarkdown(a: Analysis): string {
  const out: string[] = [];
  out.push(`# tocdin-analyse${a.regio_filter ? `: ${mdCell(a.regio_filter)}` : ''}\n`);
  out.push('## Dekking per onderzoeksvraag\n');
  out.push(table(['vraag', 'status', 'gedekt', 'deels', 'gat'], a.dekking.onderzoeksvragen.map((q) => [q.nummer !== null ? `OV${q.nummer}` : mdCell(q.label), q.status, String(q.gedekt), String(q.deels), String(q.gat)])));
  out.push('\n## Gaten\n');
  for (const d of a.dekking.deelvragen.filter((x) => x.status !== 'gedekt')) out.push(`- **${d.status}** \`${d.id}\`: ${mdCell(d.label)}. ${d.redenen.map(mdCell).join('; ')}`);
  out.push('\n## Functies per regio (aantal inspanningen; **–** = geen)\n');
  out.push(transposedTable(a.matrices.functie_regio, (id) => id));
  out.push('\n## Onderzoeksvragen per regio (aantal deelvragen waarvoor de regio bewijs levert)\n');
  out.push(transposedTable(questionsByRegion(a), (_id, label) => label));
  return out.join('\n') + '\n';
}
