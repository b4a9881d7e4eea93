/**
 * The tables of an analysis: golden CSVs on the mini fixture (hostile labels), the workbook
 * opened with exceljs and checked cell by cell, and byte-identical repeated exports.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/render/csv.js';
import { analysisTables } from '../../src/render/tables.js';
import { FIXED_DATE, STATUS_COLOURS, tablesWorkbook } from '../../src/render/xlsx.js';
import { national, regional } from '../fixtures/mini.js';

const GOLDEN = join(import.meta.dirname, '__golden__', 'tabellen');
const tables = analysisTables(national);

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('tables of the analysis', () => {
  it('one table per thing tocdin computes, with unique sheet and file names that Excel accepts', () => {
    expect(tables.map((t) => t.file)).toEqual(['onderzoeksvragen', 'deelvragen', 'gaten', 'deelvraag-regio', 'functie-regio', 'stap-regio', 'hefboompunten', 'din-gaten', 'schuifjes', 'indicatoren']);
    for (const t of tables) {
      expect(t.sheet.length).toBeLessThanOrEqual(31);
      expect(t.sheet).not.toMatch(/[\\/?*[\]:]/);
      for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
    }
    expect(new Set(tables.map((t) => t.sheet.toLowerCase())).size).toBe(tables.length);
  });

  it('rows follow the analysis: every deelvraag once, the gaps worst first, the matrix as computed', () => {
    const dv = tables.find((t) => t.file === 'deelvragen')!;
    expect(dv.rows.map((r) => r[0])).toEqual(national.dekking.deelvragen.map((d) => d.id));
    const gaps = tables.find((t) => t.file === 'gaten')!;
    const order = { gat: 0, deels: 1, gedekt: 2 } as const;
    const statuses = gaps.rows.map((r) => order[r[0] as keyof typeof order]);
    expect(statuses).toEqual([...statuses].sort());
    expect(gaps.rows.length).toBe(national.dekking.deelvragen.filter((d) => d.status !== 'gedekt').length);
    const m = tables.find((t) => t.file === 'functie-regio')!;
    expect(m.rows.map((r) => r.slice(1))).toEqual(national.matrices.functie_regio.cellen);
    expect(m.columns.slice(1).map((c) => c.header)).toEqual(national.matrices.functie_regio.kolommen.map((k) => k.label));
  });

  it.each(tables.map((t) => [t.file, t] as const))('%s.csv matches its golden file (;, BOM, CRLF)', async (file, t) => {
    await expect(tableCsv(t)).toMatchFileSnapshot(join(GOLDEN, `${file}.csv`));
  });

  it('CSV: BOM, ; by default and , on request; quotes where the text needs them; a formula-like text is defused', () => {
    const t = { sheet: 'T', file: 't', title: 't', columns: [{ header: 'a', type: 'text' as const, width: 5 }, { header: 'b', type: 'number' as const, width: 5 }], rows: [['x;y "z"\nregel 2', 1.5], ['=HYPERLINK("http://x")', -2], ['-3 is tekst', 0]] };
    const semi = tableCsv(t);
    expect(semi.startsWith('\uFEFFa;b\r\n')).toBe(true);
    expect(semi).toContain('"x;y ""z""\nregel 2";1,5\r\n');
    expect(semi).toContain(`"'=HYPERLINK(""http://x"")";-2\r\n`);
    expect(semi).toContain("'-3 is tekst;0\r\n");
    const comma = tableCsv(t, ',');
    expect(comma).toContain('"x;y ""z""\nregel 2",1.5\r\n');
  });

  it('the workbook, cell by cell: sheets, headers, values, number formats, status colours, frozen header, autofilter', async () => {
    const wb = await open(await tablesWorkbook(tables, 'tocdin — tabellen landelijk'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inhoud', ...tables.map((t) => t.sheet)]);
    expect(wb.creator).toBe('tocdin');
    expect(wb.modified?.getTime()).toBe(FIXED_DATE.getTime());
    for (const t of tables) {
      const ws = wb.getWorksheet(t.sheet)!;
      expect(ws.getRow(1).values).toEqual([undefined, ...t.columns.map((c) => c.header)]);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = `${String.fromCharCode(64 + t.columns.length)}${t.rows.length + 1}`;
      if (t.columns.length <= 26) expect(ws.autoFilter).toBe(`A1:${last}`);
      t.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = ws.getRow(r + 2).getCell(c + 1);
          // Numbers stay numbers; empty strings are empty cells.
          expect(cell.value ?? '').toEqual(value);
          const col = t.columns[c]!;
          if (col.type === 'number') {
            expect(typeof cell.value === 'number' || value === '').toBe(true);
            expect(cell.numFmt).toBe(t.zeroIsGap ? '0;-0;"–"' : '0');
          }
          if (col.type === 'status') {
            const s = STATUS_COLOURS[value as keyof typeof STATUS_COLOURS];
            expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(s.fill);
            expect(cell.font?.color?.argb).toBe(s.font);
          }
        }),
      );
    }
  });

  it('status colours are the diagrams\' colours', () => {
    expect(STATUS_COLOURS.gat).toEqual({ fill: 'FFA50F15', font: 'FFFFFFFF' });
    expect(STATUS_COLOURS.gedekt).toEqual({ fill: 'FFE5F5E0', font: 'FF000000' });
    expect(STATUS_COLOURS.deels).toEqual({ fill: 'FFFEE391', font: 'FF000000' });
  });

  it('two exports are byte for byte the same, a second apart (fixed dates in the workbook and in the zip)', async () => {
    const a = await tablesWorkbook(tables, 'x');
    await new Promise((r) => setTimeout(r, 2100));
    const b = await tablesWorkbook(tables, 'x');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const zip = await JSZip.loadAsync(a);
    for (const f of Object.values(zip.files)) expect(f.date.getTime()).toBe(FIXED_DATE.getTime());
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>');
  });

  it('a region\'s tables hold only that region', () => {
    const r = regional[0]!;
    const t = analysisTables(r);
    const matrix = t.find((x) => x.file === 'deelvraag-regio')!;
    expect(matrix.columns.slice(2).map((c) => c.header)).toEqual(r.matrices.deelvraag_regio.kolommen.map((k) => k.label));
    expect(r.matrices.deelvraag_regio.kolommen).toHaveLength(1);
  });
});
