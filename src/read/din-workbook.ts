/**
 * A DIN workbook's cells → the DIN as plain data (what the YAML reader would have produced
 * for the same DIN), with the cell behind every model path, so the schema check and the
 * reference check downstream can point at `werkboek.xlsx:Inspanningen!C12`.
 *
 * Values are passed on as the spreadsheet typed them: a number in a text column stays a
 * number, so the schema check reports it (a number where text belongs) at its cell instead
 * of tocdin guessing. Only the cell formats of lists (ids separated by commas) and ja/nee are
 * interpreted here. Notes on cells become comments in the YAML.
 */
import { cellLocation, columnLetters } from '../diagnostics/cell.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { parseDocument } from 'yaml';
import { Locator, type Location, type ModelPath } from './locate.js';
import type { SourceText } from './read.js';
import { headerKey, INFO_SHEETS, LAYOUT, NO, REQUIRED_SHEETS, SHEET, YES, type ChildSheet, type Column, type ElementSheet, type FieldSheet } from './din-layout.js';
import type { Cell, CellValue, Sheet, Workbook } from './xlsx.js';

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  /** What the cell shows, for quoting in messages ('' for an empty cell). */
  text: string;
  /** The column's header, to name the field in messages. */
  header: string;
}

export interface WorkbookDin {
  /** The DIN as plain data, before the schema check. */
  data: Record<string, unknown>;
  /** The cell behind each model path (`pathKey`); empty cells of a row are included, so a missing field points at its own cell. */
  cells: Map<string, CellRef>;
  /** Comments from the cells' notes, by the model path they belong to (`[]` is the top of the file). */
  comments: Map<string, string>;
  /** Problems with the workbook's layout and links between its sheets. */
  diagnostics: Diagnostic[];
  /** Sheets that could not be read (a required column missing): references into them cannot be judged. */
  unreadSheets: string[];
}

export const pathKey = (path: ModelPath): string => JSON.stringify(path);

export function cellText(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** A list cell: ids separated by commas, semicolons or line breaks; `[]` is an explicitly empty list. */
function listValue(v: CellValue, separators: RegExp): unknown[] {
  if (typeof v !== 'string') return [v];
  if (v.replace(/\s+/g, '') === '[]') return [];
  return v.split(separators).map((s) => s.trim()).filter((s) => s !== '');
}

/** The model value of one cell of a column (undefined: leave the key out). */
function modelValue(col: Column, v: CellValue): unknown {
  switch (col.kind) {
    case 'refs':
      return listValue(v, /[,;\n]/);
    case 'moments':
      // Meetmomenten may hold commas ("per kwartaal, vanaf 2025"): only ; and line breaks separate.
      return listValue(v, /[;\n]/).map((m) => (typeof m === 'string' && /^\d{1,6}$/.test(m) ? Number(m) : m));
    case 'enum':
      return typeof v === 'string' ? v.toLowerCase() : v;
    case 'bool': {
      if (typeof v !== 'string') return v;
      const w = v.toLowerCase();
      if ((YES as readonly string[]).includes(w)) return true;
      if ((NO as readonly string[]).includes(w)) return false;
      return v;
    }
    default:
      return v;
  }
}

interface Columns {
  /** Column number of each layout column found in the header row. */
  at: Map<string, number>;
  /** Header cells that are not ours, by column number. */
  extra: Map<number, string>;
}

export function dinFromWorkbook(book: Workbook, display: string): WorkbookDin {
  const data: Record<string, unknown> = { soort: 'din' };
  const cells = new Map<string, CellRef>();
  const comments = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const sheetByName = new Map(book.sheets.map((s) => [s.name.toLowerCase(), s] as const));
  const sheet = (name: string) => sheetByName.get(name.toLowerCase());

  const at = (sheetName: string, row: number, col: number) => cellLocation(display, sheetName, row, col);
  const diag = (sheetName: string, row: number, col: number, severity: Diagnostic['severity'], code: DiagnosticCode, message: string, hint?: string) => {
    diagnostics.push({ ...at(sheetName, row, col), severity, code, message, ...(hint ? { hint } : {}) });
  };
  const register = (path: ModelPath, s: Sheet, row: number, col: number, c: Cell | undefined, header: string) => cells.set(pathKey(path), { sheet: s.name, row, col, text: cellText(c?.value), header });
  /** Notes that found a place, so the rest can be reported instead of lost. */
  const placed = new Set<string>();
  const place = (s: Sheet, c: { row: number; col: number }) => placed.add(`${s.name}\u0000${c.row}\u0000${c.col}`);
  const addComment = (path: ModelPath, text: string) => {
    const k = pathKey(path);
    const before = comments.get(k);
    comments.set(k, before ? `${before}\n${text}` : text);
  };

  // The root and `soort` (never in the workbook) point at the DIN sheet.
  const din = sheet(SHEET.din);
  cells.set(pathKey([]), { sheet: din?.name ?? SHEET.din, row: 1, col: 1, text: '', header: 'DIN' });
  cells.set(pathKey(['soort']), { sheet: din?.name ?? SHEET.din, row: 1, col: 1, text: '', header: 'soort' });

  /** Finds the layout's columns in row 1; a missing required column or a doubled header is an error (the sheet is then skipped). */
  function columnsOf(s: Sheet, columns: readonly Column[]): Columns | undefined {
    const header = s.rows.get(1) ?? new Map<number, Cell>();
    const found = new Map<string, number>();
    const extra = new Map<number, string>();
    let ok = true;
    for (const [col, c] of [...header.entries()].sort((a, b) => a[0] - b[0])) {
      const text = cellText(c.value);
      const spec = columns.find((k) => headerKey(k.header) === headerKey(text));
      if (!spec) {
        extra.set(col, text);
        continue;
      }
      if (found.has(spec.key)) {
        diag(s.name, 1, col, 'error', 'werkboek-kolom', `de kolom \`${spec.header}\` staat twee keer in het tabblad ${s.name}`, 'verwijder of hernoem een van de twee');
        ok = false;
        continue;
      }
      found.set(spec.key, col);
    }
    const lastCol = Math.max(0, ...header.keys());
    for (const spec of columns) {
      if (spec.required && !found.has(spec.key)) {
        diag(s.name, 1, lastCol + 1, 'error', 'werkboek-kolom', `het tabblad ${s.name} heeft geen kolom \`${spec.header}\`; het tabblad wordt niet gelezen`, `zet de kop \`${spec.header}\` in rij 1, zoals in het sjabloon (verwachte kolommen: ${columns.map((k) => k.header).join(', ')})`);
        ok = false;
      }
    }
    return ok ? { at: found, extra } : undefined;
  }

  /** Warns once per extra column that holds data (tocdin does not read it). */
  function warnExtra(s: Sheet, cols: Columns) {
    for (const [col, header] of cols.extra) {
      const used = [...s.rows.entries()].filter(([r, row]) => r > 1 && row.has(col)).map(([r]) => r);
      if (used.length === 0 && header === '') continue;
      const first = used[0] ?? 1;
      diag(s.name, first, col, 'warning', 'werkboek-genegeerd', `kolom \`${header || '(zonder kop)'}\` in het tabblad ${s.name} wordt niet gelezen${used.length ? ` (${used.length} ${used.length === 1 ? 'cel' : 'cellen'})` : ''}`, 'zet de inhoud in een kolom die tocdin leest (bijv. toelichting), of in een notitie bij de cel');
    }
  }

  /** The data rows of a sheet (row 2 on) that have something in a column tocdin reads, in order. */
  function dataRows(s: Sheet, cols: Columns): [number, Map<number, Cell>][] {
    const read = new Set(cols.at.values());
    return [...s.rows.entries()].filter(([r, row]) => r > 1 && [...row.keys()].some((c) => read.has(c))).sort((a, b) => a[0] - b[0]);
  }

  /** Notes in a row (any column) as one comment, the column's header before notes outside the id column. */
  function rowNotes(s: Sheet, row: number, cells0: Map<number, Cell>, first: number): string | undefined {
    const notes: string[] = [];
    const headerOf = (col: number) => cellText(s.rows.get(1)?.get(col)?.value);
    const all = [...cells0.values(), ...s.notesOnly.filter((n) => n.row === row)].sort((a, b) => a.col - b.col);
    for (const c of all) {
      if (!c.note) continue;
      notes.push(c.col === first ? c.note : `${headerOf(c.col) || 'notitie'}: ${c.note}`);
      place(s, c);
    }
    return notes.length ? notes.join('\n') : undefined;
  }

  // ---- the DIN’s own fields
  const fieldSheet = LAYOUT.find((l): l is FieldSheet => l.kind === 'fields')!;
  if (din) {
    const seen = new Map<string, number>();
    const a1 = din.rows.get(1)?.get(1)?.note ?? din.notesOnly.find((n) => n.row === 1 && n.col === 1)?.note;
    if (a1) {
      addComment([], a1);
      place(din, { row: 1, col: 1 });
    }
    for (const [r, row] of [...din.rows.entries()].sort((a, b) => a[0] - b[0])) {
      if (r === 1) continue;
      const label = row.get(1);
      const value = row.get(2);
      const spec = label ? fieldSheet.columns.find((c) => headerKey(c.header) === headerKey(cellText(label.value))) : undefined;
      if (!spec) {
        const c = value ?? label ?? [...row.values()][0]!;
        if (value || !label) diag(din.name, r, c.col, 'warning', 'werkboek-genegeerd', `rij ${r} van het tabblad ${din.name} (\`${cellText(label?.value) || '(zonder veldnaam)'}\`) wordt niet gelezen`, `kolom A noemt het veld: ${fieldSheet.columns.map((k) => k.header).join(', ')}`);
        continue;
      }
      if (seen.has(spec.key)) {
        diag(din.name, r, 1, 'error', 'werkboek-rij', `het veld \`${spec.header}\` staat twee keer in het tabblad ${din.name} (ook in rij ${seen.get(spec.key)})`, 'verwijder een van de twee rijen');
        continue;
      }
      seen.set(spec.key, r);
      register([spec.key], din, r, 2, value, spec.header);
      if (value) data[spec.key] = modelValue(spec, value.value);
      const note = value?.note ?? din.notesOnly.find((n) => n.row === r && n.col === 2)?.note;
      if (note) {
        addComment([spec.key], note);
        place(din, { row: r, col: 2 });
      }
    }
    for (const [r, row] of din.rows) for (const [c, cell] of row) if (r > 1 && c > 2) diag(din.name, r, c, 'warning', 'werkboek-genegeerd', `cel in kolom ${columnLetters(c)} van het tabblad ${din.name} wordt niet gelezen (\`${cellText(cell.value).slice(0, 40)}\`)`, 'het tabblad DIN heeft alleen de kolommen veld (A) en waarde (B)');
  }

  // ---- element sheets
  /** Sections whose sheet could not be read: rows pointing into them are not reported again. */
  const unread = new Set<string>();
  const unreadSheets: string[] = [];

  const ids = new Map<string, Map<string, number>>();
  for (const layout of LAYOUT) {
    if (layout.kind !== 'elements') continue;
    const s = sheet(layout.name);
    const known = new Map<string, number>();
    ids.set(layout.section, known);
    if (!s) continue;
    readElements(s, layout, known);
  }

  function readElements(s: Sheet, layout: ElementSheet, known: Map<string, number>) {
    const cols = columnsOf(s, layout.columns);
    if (!cols) {
      unread.add(layout.section);
      unreadSheets.push(s.name);
      return;
    }
    warnExtra(s, cols);
    const idCol = cols.at.get('id')!;
    const headerNote = s.rows.get(1)?.get(idCol)?.note ?? s.notesOnly.find((n) => n.row === 1 && n.col === idCol)?.note;
    if (headerNote) {
      addComment([layout.section], headerNote);
      place(s, { row: 1, col: idCol });
    }
    const rows = dataRows(s, cols);
    const list: Record<string, unknown>[] = [];
    if (layout.single) register([layout.section], s, rows[0]?.[0] ?? 2, idCol, rows[0]?.[1].get(idCol), layout.name);
    rows.forEach(([r, row], n) => {
      if (layout.single && n > 0) {
        diag(s.name, r, idCol, 'error', 'werkboek-rij', `een DIN heeft één ambitie; rij ${r} van het tabblad ${s.name} is een tweede`, `zet de ambitie in rij ${rows[0]![0]} en verwijder deze rij, of maak er een ER-doel van`);
        return;
      }
      const base: ModelPath = layout.single ? [layout.section] : [layout.section, list.length];
      const obj: Record<string, unknown> = {};
      register(base, s, r, idCol, row.get(idCol), 'id');
      for (const col of layout.columns) {
        const c = cols.at.get(col.key);
        if (c === undefined) continue;
        const cell = row.get(c);
        register([...base, col.key], s, r, c, cell, col.header);
        if (cell) obj[col.key] = modelValue(col, cell.value);
      }
      const note = rowNotes(s, r, row, idCol);
      if (note) addComment(base, note);
      if (typeof obj['id'] === 'string' && !known.has(obj['id'])) known.set(obj['id'], list.length);
      list.push(obj);
    });
    if (layout.single) {
      if (list[0]) data[layout.section] = list[0];
    } else if (list.length) {
      data[layout.section] = list;
    }
  }

  // ---- sheets whose rows belong to an element of another sheet
  for (const layout of LAYOUT) {
    if (layout.kind !== 'children') continue;
    const s = sheet(layout.name);
    if (s) readChildren(s, layout);
  }

  function readChildren(s: Sheet, layout: ChildSheet) {
    const cols = columnsOf(s, layout.columns);
    if (!cols) unreadSheets.push(s.name);
    if (!cols || unread.has(layout.parent)) return;
    warnExtra(s, cols);
    const parentSpec = layout.columns.find((c) => c.kind === 'parent')!;
    const parentCol = cols.at.get(parentSpec.key)!;
    const parentLayout = LAYOUT.find((l): l is ElementSheet => l.kind === 'elements' && l.section === layout.parent)!;
    const parents = (data[layout.parent] as Record<string, unknown>[] | undefined) ?? [];
    const known = ids.get(layout.parent)!;
    const taken = new Map<number, number>();
    for (const [r, row] of dataRows(s, cols)) {
      const pcell = row.get(parentCol);
      const what = parentSpec.header;
      if (!pcell) {
        diag(s.name, r, parentCol, 'error', 'veld-ontbreekt', `verplicht veld \`${what}\` ontbreekt: bij welke ${what} hoort rij ${r}?`, `vul het id van een ${what} uit het tabblad ${parentLayout.name} in`);
        continue;
      }
      const pid = cellText(pcell.value);
      const index = typeof pcell.value === 'string' ? known.get(pid) : undefined;
      if (index === undefined) {
        const s2 = suggest(pid, [...known.keys()]);
        diag(s.name, r, parentCol, 'error', 'verwijzing-onbekend', `\`${pid}\` verwijst naar niets: er is geen ${what} met dit id in het tabblad ${parentLayout.name}`, s2 ? `bedoel je \`${s2}\`?` : `voeg een ${what} met id \`${pid}\` toe in het tabblad ${parentLayout.name}`);
        continue;
      }
      const parent = parents[index]!;
      let base: ModelPath;
      if (layout.single) {
        const before = taken.get(index);
        if (before !== undefined) {
          diag(s.name, r, parentCol, 'error', 'werkboek-rij', `${what} \`${pid}\` heeft al ${layout.name.toLowerCase()} in rij ${before} van het tabblad ${s.name}`, 'één rij per inspanning: voeg de twee rijen samen of verwijder er één');
          continue;
        }
        taken.set(index, r);
        base = [layout.parent, index, layout.key];
      } else {
        const list = ((parent[layout.key] as unknown[] | undefined) ??= []);
        base = [layout.parent, index, layout.key, list.length];
      }
      const obj: Record<string, unknown> = {};
      register(base, s, r, parentCol, pcell, what);
      for (const col of layout.columns) {
        if (col.kind === 'parent') continue;
        const c = cols.at.get(col.key);
        if (c === undefined) continue;
        const cell = row.get(c);
        register([...base, col.key], s, r, c, cell, col.header);
        if (cell) obj[col.key] = modelValue(col, cell.value);
      }
      const note = rowNotes(s, r, row, parentCol);
      if (note) addComment(base, note);
      if (layout.single) parent[layout.key] = obj;
      else (parent[layout.key] as unknown[]).push(obj);
    }
  }

  // ---- notes that found no place (on a header, an empty row, a skipped row)
  for (const layout of LAYOUT) {
    const s = sheet(layout.name);
    if (!s) continue;
    const notes = [...[...s.rows.values()].flatMap((row) => [...row.values()]), ...s.notesOnly].filter((c) => c.note && !placed.has(`${s.name}\u0000${c.row}\u0000${c.col}`));
    for (const c of notes.sort((a, b) => a.row - b.row || a.col - b.col)) {
      diag(s.name, c.row, c.col, 'warning', 'werkboek-genegeerd', `de notitie bij deze cel komt niet in het model (\`${c.note!.replace(/\s+/g, ' ').slice(0, 40)}\`)`, 'notities bij de cellen van een ingevulde rij worden commentaar in de YAML; zet de notitie daar');
    }
  }

  // ---- sheets tocdin does not know
  const ours = new Set([...LAYOUT.map((l) => l.name.toLowerCase()), ...INFO_SHEETS.map((n) => n.toLowerCase())]);
  for (const s of book.sheets) {
    if (ours.has(s.name.toLowerCase())) continue;
    const first = [...s.rows.entries()].sort((a, b) => a[0] - b[0])[0];
    if (!first) continue;
    const col = Math.min(...first[1].keys());
    diag(s.name, first[0], col, 'warning', 'werkboek-genegeerd', `het tabblad ${s.name} wordt niet gelezen (tocdin leest ${LAYOUT.map((l) => l.name).join(', ')})`, 'zet de inhoud in een tabblad dat tocdin leest, of laat het zo als het alleen aantekeningen zijn');
  }
  return { data, cells, comments, diagnostics, unreadSheets };
}

/** Whether a workbook has the sheets that make it a DIN workbook of tocdin. */
export function isDinWorkbook(book: Workbook): boolean {
  const names = new Set(book.sheets.map((s) => s.name.toLowerCase()));
  return REQUIRED_SHEETS.every((n) => names.has(n.toLowerCase()));
}

/**
 * Locates a model path at its cell, for the stages after validation (references, lint),
 * which ask a file's locator where a path is. The deepest registered ancestor answers when
 * the path itself has no cell (an item in a list cell: the list's cell).
 */
export class CellLocator extends Locator {
  constructor(
    source: SourceText,
    private readonly display: string,
    private readonly cells: ReadonlyMap<string, CellRef>,
  ) {
    super(source, parseDocument('', { lineCounter: source.lineCounter }));
  }

  cellOf(path: ModelPath): CellRef | undefined {
    for (let n = path.length; n >= 0; n--) {
      const c = this.cells.get(pathKey(path.slice(0, n)));
      if (c) return c;
    }
    return undefined;
  }

  override locate(path: ModelPath): Location {
    const c = this.cellOf(path);
    if (!c) return { file: this.display, line: 1, column: 1 };
    return { ...cellLocation(this.display, c.sheet, c.row, c.col), ...(c.text ? { text: c.text } : {}) };
  }
}
