/**
 * Tables → an XLSX workbook (one sheet per table), and what every workbook tocdin writes
 * shares: fixed dates and a deterministic zip, so two exports of the same models are byte
 * for byte the same and a test (or `git diff`) can compare them.
 *
 * exceljs stamps every zip entry with the time of writing and has no option against it;
 * the finished file is therefore re-zipped with one fixed date (JSZip writes DOS times in
 * UTC, so the time zone does not matter either). The workbook's own created/modified dates
 * are fixed too: a spreadsheet program sets `modified` when someone saves the file, which is
 * how tocdin later tells an untouched export from a file a person has worked in.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PALETTE } from './mermaid/views.js';
import type { Table } from './tables.js';

/** Created and modified date of every workbook tocdin writes, and the date of its zip entries. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
export const CREATOR = 'tocdin';
export const TABLES_SUBJECT = 'tocdin tabellen';

/** `fill:#e5f5e0,…,color:#000000` → ARGB colours for a cell. */
function colours(classDef: string): { fill: string; font: string } {
  const get = (k: string) => new RegExp(`(?:^|,)${k}:#([0-9a-fA-F]{6})`).exec(classDef)?.[1]?.toUpperCase() ?? 'FFFFFF';
  return { fill: `FF${get('fill')}`, font: `FF${get('color')}` };
}

/** The cell colours of a coverage status, the same as in the diagrams. */
export const STATUS_COLOURS = {
  gedekt: colours(PALETTE['gedekt']!),
  deels: colours(PALETTE['deels']!),
  gat: colours(PALETTE['gat']!),
} as const;

export const HEADER_FILL = 'FFF0F0F0';

/** Bold header row on a grey fill, frozen, with an autofilter over the table. */
export function styleHeader(ws: ExcelJS.Worksheet, columns: number, lastRow: number, opts: { filter?: boolean } = {}): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  for (let c = 1; c <= columns; c++) {
    const cell = header.getCell(c);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF969696' } } };
    cell.alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  if (opts.filter !== false) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(lastRow, 1), column: columns } };
}

/** The workbook's bytes: fixed dates, entries re-zipped in exceljs's order with one fixed date. */
export async function workbookBytes(wb: ExcelJS.Workbook, subject: string, title: string): Promise<Uint8Array> {
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.subject = subject;
  wb.title = title;
  const written = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    // Folder entries are optional in an OOXML package; Excel writes none.
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** One sheet per table plus a first sheet Inhoud that says what each sheet is. */
export async function tablesWorkbook(tables: readonly Table[], heading: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const index = wb.addWorksheet('Inhoud');
  index.columns = [{ width: 22 }, { width: 100 }, { width: 8 }];
  index.addRow(['tabblad', 'wat het toont', 'rijen']);
  for (const t of tables) index.addRow([t.sheet, t.title, t.rows.length]);
  index.addRow([]);
  index.addRow([heading]);
  index.getColumn(3).numFmt = '0';
  index.getColumn(2).alignment = { vertical: 'top', wrapText: true };
  styleHeader(index, 3, tables.length + 1);

  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet);
    ws.columns = t.columns.map((c) => ({ width: c.width }));
    ws.addRow(t.columns.map((c) => c.header));
    for (const r of t.rows) ws.addRow(r);
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.type === 'number') col.numFmt = t.zeroIsGap ? '0;-0;"–"' : '0';
      else if (c.width >= 60) col.alignment = { vertical: 'top', wrapText: true };
    });
    t.columns.forEach((c, i) => {
      if (c.type !== 'status') return;
      t.rows.forEach((row, r) => {
        const s = STATUS_COLOURS[row[i] as keyof typeof STATUS_COLOURS];
        if (!s) return;
        const cell = ws.getRow(r + 2).getCell(i + 1);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
        cell.font = { color: { argb: s.font }, bold: row[i] === 'gat' };
      });
    });
    styleHeader(ws, t.columns.length, t.rows.length + 1);
  }
  return workbookBytes(wb, TABLES_SUBJECT, heading);
}
