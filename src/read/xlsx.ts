/**
 * Stage 1 for spreadsheets: the bytes of an .xlsx file → its sheets as cells with typed
 * values and their place (sheet, row, column), or one honest reason why it cannot be read.
 * Nothing here knows what a DIN is (that is din-workbook.ts).
 *
 * What a user may hand us instead of a workbook is recognised before exceljs sees it: a
 * password-protected workbook (an OLE container with an EncryptedPackage), an old .xls, an
 * OpenDocument sheet, a CSV or other text renamed to .xlsx, a zip that holds no workbook.
 * A workbook is read without its data validations and merged ranges: tocdin needs neither,
 * and exceljs expands both into one entry per cell, so one `A1:XFD1048576` in a hostile or
 * carelessly saved file would take minutes and gigabytes. The uncompressed size is checked
 * from the zip directory before anything is inflated.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A workbook a region fills in is a few hundred kilobytes; this is far above any real one. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Uncompressed content of all parts together (XML compresses about tenfold). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 200;

/** What a cell holds, as tocdin reads it: formulas by their result, rich text and links as their text. */
export type CellValue = string | number | boolean | Date | { error: string };

export interface Cell {
  row: number;
  col: number;
  value: CellValue;
  /** The text of the cell's note (comment), if it has one. */
  note?: string;
}

export interface Sheet {
  name: string;
  /** Non-empty cells by row, then column. Empty strings and cells with only a style are left out. */
  rows: Map<number, Map<number, Cell>>;
  /** Cells that hold only a note (no value), so a note is never lost silently. */
  notesOnly: Cell[];
}

export interface Workbook {
  sheets: Sheet[];
}

export type WorkbookProblemCode = 'werkboek-onleesbaar' | 'werkboek-beveiligd';

export interface WorkbookProblem {
  code: WorkbookProblemCode;
  message: string;
  hint?: string;
}

export type ReadWorkbookResult = { book: Workbook; problem?: undefined } | { book?: undefined; problem: WorkbookProblem };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const unreadable = (message: string, hint?: string): ReadWorkbookResult => ({ problem: { code: 'werkboek-onleesbaar', message, ...(hint ? { hint } : {}) } });
const SAVE_AS_XLSX = 'open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)';

/** Why bytes that are not a zip cannot be a workbook, in the user's terms. */
function notAZip(bytes: Buffer): ReadWorkbookResult {
  if (bytes.length === 0) return unreadable('het bestand is leeg');
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_PACKAGE)) {
      return { problem: { code: 'werkboek-beveiligd', message: 'het werkboek is met een wachtwoord beveiligd (versleuteld); tocdin kan het niet openen', hint: 'haal in Excel het wachtwoord eraf (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: leeg maken) en sla het opnieuw op' } };
    }
    return unreadable('dit is een oud Excel-bestand (.xls, Excel 97-2003), geen .xlsx', SAVE_AS_XLSX);
  }
  const head = bytes.subarray(0, 4096).toString('utf8');
  // Text: no NUL bytes and (almost) no replacement characters in the first 4 KB.
  if (!head.includes('\u0000') && (head.match(/\uFFFD/g)?.length ?? 0) <= 2) {
    const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const csv = /[;,\t]/.test(firstLine);
    return unreadable(`dit is een tekstbestand${csv ? ' (het lijkt een CSV-bestand)' : ''} met de naam .xlsx, geen Excel-werkboek`, `${SAVE_AS_XLSX}; een CSV kan geen tabbladen bevatten, begin met \`npx tocdin export --sjabloon\``);
  }
  return unreadable('het bestand is geen Excel-werkboek (geen .xlsx: het begint niet als een zip-bestand)', SAVE_AS_XLSX);
}

/** The uncompressed size JSZip read from the zip directory (not inflated yet); undefined if it is not there. */
function uncompressedSize(file: JSZip.JSZipObject): number | undefined {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : undefined;
}

function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note.trim() || undefined;
  const texts = (note as { texts?: { text?: unknown }[] } | undefined)?.texts;
  if (!Array.isArray(texts)) return undefined;
  const text = texts.map((t) => (typeof t.text === 'string' ? t.text : '')).join('').trim();
  return text || undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unxml = (s: string) => s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : XML_ENTITIES[e]!));
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Every note (legacy comment) of every sheet, by sheet name and cell reference, read from the
 * package itself: exceljs attaches a note only to a cell that is in the sheet's data, and a
 * spreadsheet program does not write an empty cell, so a note on an empty cell would be lost.
 */
async function notesBySheet(zip: JSZip): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const read = async (path: string) => (zip.files[path] ? zip.files[path].async('string') : undefined);
  const workbook = (await read('xl/workbook.xml')) ?? '';
  const wbRels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
  const targetOf = (rels: string, pred: (tag: string) => boolean) => [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter(pred);
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    if (!name || !rid) continue;
    const target = targetOf(wbRels, (t) => attr(t, 'Id') === rid).map((t) => attr(t, 'Target'))[0];
    if (!target) continue;
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = (await read(relsPath)) ?? '';
    for (const rel of targetOf(rels, (t) => /\/comments"?$/.test(attr(t, 'Type') ?? ''))) {
      const t = attr(rel, 'Target')!;
      const path = t.startsWith('/') ? t.slice(1) : new URL(t, `file:///${sheetPath}`).pathname.slice(1);
      const xml = (await read(path)) ?? '';
      const notes = new Map<string, string>();
      for (const c of xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
        const ref = attr(` ${c[1]}`, 'ref');
        const text = unxml([...c[2]!.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('')).trim();
        if (ref && text) notes.set(ref, text);
      }
      out.set(name, notes);
    }
  }
  return out;
}

/** `B12` → row 12, column 2. */
function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** A cell's value as tocdin reads it; undefined for an empty cell. Strings are trimmed, line ends made \n. */
export function cellValue(raw: ExcelJS.CellValue): CellValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const s = raw.replace(/\r\n?/g, '\n').trim();
    return s === '' ? undefined : s;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : { error: String(raw) };
  if (typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    if ('error' in raw) return { error: String(raw.error) };
    if ('richText' in raw && Array.isArray(raw.richText)) return cellValue(raw.richText.map((r) => r.text).join(''));
    // A formula: its last computed result, as the spreadsheet program showed it.
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = (raw as { result?: unknown }).result;
      if (result === undefined) return { error: 'formule zonder uitkomst' };
      return cellValue(result as ExcelJS.CellValue);
    }
    if ('text' in raw) return cellValue((raw as { text: ExcelJS.CellValue }).text);
  }
  return { error: 'onbekende celinhoud' };
}

/** Bytes → sheets and cells, or the reason it is not a workbook tocdin can read. */
export async function readWorkbook(input: Uint8Array): Promise<ReadWorkbookResult> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length > MAX_WORKBOOK_BYTES) return unreadable(`het bestand is ${Math.round(bytes.length / 1024 / 1024)} MB; een DIN-werkboek is veel kleiner (grens ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB)`);
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) return notAZip(bytes);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    return unreadable(`het zip-bestand is beschadigd (${(err as Error).message})`, SAVE_AS_XLSX);
  }
  const names = Object.keys(zip.files);
  if (!names.includes('xl/workbook.xml')) {
    const mimetype = zip.files['mimetype'] ? (await zip.files['mimetype'].async('string')).trim() : '';
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return unreadable('dit is een OpenDocument-rekenblad (.ods), geen .xlsx', SAVE_AS_XLSX);
    if (names.includes('word/document.xml')) return unreadable('dit is een Word-document (.docx) met de naam .xlsx, geen Excel-werkboek');
    return unreadable('dit is een zip-bestand zonder Excel-werkboek erin', SAVE_AS_XLSX);
  }
  let unpacked = 0;
  for (const f of Object.values(zip.files)) unpacked += uncompressedSize(f) ?? 0;
  if (unpacked > MAX_UNPACKED_BYTES) return unreadable(`uitgepakt is het werkboek ${Math.round(unpacked / 1024 / 1024)} MB; een DIN-werkboek is veel kleiner (grens ${MAX_UNPACKED_BYTES / 1024 / 1024} MB)`);

  const wb = new ExcelJS.Workbook();
  try {
    // `ignoreNodes` and the maxima are options of exceljs's reader that its types leave out.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'mergeCells', 'conditionalFormatting', 'extLst'], maxRows: MAX_ROWS, maxCols: MAX_COLUMNS } as object);
  } catch (err) {
    return unreadable(`het werkboek is beschadigd en kan niet gelezen worden (${(err as Error).message})`, SAVE_AS_XLSX);
  }

  let notes: Map<string, Map<string, string>>;
  try {
    notes = await notesBySheet(zip);
  } catch {
    notes = new Map();
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows = new Map<number, Map<number, Cell>>();
    const notesOnly: Cell[] = [];
    // exceljs's own iterators skip a cell that holds only a note, or visit every column up to
    // the last one (16,384 for a cell in column XFD); its sparse arrays visit what is there.
    for (const row of (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows) {
      if (!row) continue;
      for (const c of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells) {
        if (!c) continue;
        const value = c.type === ExcelJS.ValueType.Merge ? undefined : cellValue(c.value);
        const note = noteText(c.note);
        const at = { row: Number(c.row), col: Number(c.col) };
        if (value === undefined) {
          if (note !== undefined) notesOnly.push({ ...at, value: '', note });
          continue;
        }
        let cells = rows.get(at.row);
        if (!cells) rows.set(at.row, (cells = new Map()));
        cells.set(at.col, { ...at, value, ...(note !== undefined ? { note } : {}) });
      }
    }
    // Notes on cells exceljs did not give us (empty cells a spreadsheet program left out).
    const seen = new Set([...[...rows.values()].flatMap((r) => [...r.values()]), ...notesOnly].map((c) => `${c.row}:${c.col}`));
    for (const [ref, note] of notes.get(ws.name) ?? []) {
      const at = parseRef(ref);
      if (at && !seen.has(`${at.row}:${at.col}`)) notesOnly.push({ ...at, value: '', note });
    }
    notesOnly.sort((a, b) => a.row - b.row || a.col - b.col);
    sheets.push({ name: ws.name, rows, notesOnly });
  }
  return { book: { sheets } };
}
