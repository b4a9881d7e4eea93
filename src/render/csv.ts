/**
 * A table → CSV text, written by csv-stringify (quoting of separators, quotes and line
 * breaks inside cells is its job, not string joins). UTF-8 with a byte order mark, so Excel
 * opens ë and – right; `;` as the separator by default because Dutch Excel expects it. With
 * `;` numbers get a decimal comma (the Dutch convention that goes with it), with `,` a point.
 * Line ends are CRLF, as RFC 4180 and Excel write them.
 *
 * A text that starts with = + - @, a tab or a carriage return gets an apostrophe in front:
 * Excel and LibreOffice run such a cell as a formula when they open a CSV (quotes do not
 * stop that), and model texts are user input (OWASP, "CSV injection"). Numbers are numbers
 * and are never prefixed. The XLSX export needs none of this: its text cells are text.
 */
import { stringify } from 'csv-stringify/sync';
import type { Table, TableCell } from './tables.js';

export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

function cellText(c: TableCell, separator: CsvSeparator): string {
  if (typeof c === 'number') return separator === ';' ? String(c).replace('.', ',') : String(c);
  return /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
}

export function tableCsv(t: Table, separator: CsvSeparator = ';'): string {
  const records = [t.columns.map((c) => cellText(c.header, separator)), ...t.rows.map((r) => r.map((c) => cellText(c, separator)))];
  return stringify(records, { bom: true, delimiter: separator, record_delimiter: 'windows' });
}
