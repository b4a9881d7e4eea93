/**
 * A spreadsheet cell as a diagnostic location. A diagnostic has a file, a line and a column;
 * for a cell the file is `werkboek.xlsx:Inspanningen!C12` (workbook, sheet, cell, written as
 * Excel's name box accepts it) and line and column are the cell's row and column number. The
 * formatter recognises such a location by that agreement (the file ends in the reference of
 * exactly that row and column) and does not print the row and column a second time, so the
 * line reads `werkboek.xlsx:Inspanningen!C12 fout code bericht`.
 */

export interface CellLocation {
  file: string;
  line: number;
  column: number;
}

/** 1 → A, 27 → AA, 703 → AAA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word (`'ER-doelen'`). */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Inspanningen!C12` */
export function cellReference(sheet: string, row: number, col: number): string {
  return `${sheetReference(sheet)}!${columnLetters(col)}${row}`;
}

export function cellLocation(book: string, sheet: string, row: number, col: number): CellLocation {
  return { file: `${book}:${cellReference(sheet, row, col)}`, line: row, column: col };
}

/** Whether a location is a cell made by cellLocation (its file ends in the reference of its own row and column). */
export function isCellLocation(loc: CellLocation): boolean {
  return loc.line >= 1 && loc.column >= 1 && loc.file.endsWith(`!${columnLetters(loc.column)}${loc.line}`);
}

/** A location inside a message: a cell as `werkboek.xlsx:Blad!C12`, a file as `file:line` (with `:column` when asked). */
export function locationText(loc: CellLocation, withColumn = true): string {
  if (isCellLocation(loc)) return loc.file;
  return `${loc.file}:${loc.line}${withColumn ? `:${loc.column}` : ''}`;
}
