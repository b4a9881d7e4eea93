/**
 * The DIN workbook template, opened with exceljs and checked cell by cell: sheets and
 * headers from the layout, dropdowns and input messages, text format, frozen header and
 * filter, the values and notes of a filled DIN, the empty template of a region, and
 * byte-identical repeated exports.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnLetters } from '../../src/diagnostics/cell.js';
import { LAYOUT } from '../../src/read/din-layout.js';
import { TEMPLATE_ROWS } from '../../src/render/din-workbook.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { filesOfKind } from '../../src/resolve/resolve.js';
import { exportTemplate } from '../../src/spreadsheets.js';
import { COOPERATION_LEVELS, EFFORT_STATUSES, FUNCTIONS, SCALES, STRENGTHS } from '../../src/vocabulary/vocabulary.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'spreadsheets', 'volledig');
const checked = checkWorkspace(['.'], FIXTURE);

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

let filled: ExcelJS.Workbook;
let filledBytes: Uint8Array;
beforeAll(async () => {
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  filledBytes = (await exportTemplate(checked, 'regio-noord')).workbook;
  filled = await open(filledBytes);
});

const sheet = (name: string) => filled.getWorksheet(name)!;
const netwerkdagSterkte = () => filesOfKind(checked.workspace, 'din')[0]!.model.inspanningen[1]!.draagt_bij_aan[0]!.sterkte;
const row = (name: string, r: number) => (sheet(name).getRow(r).values as unknown[]).slice(1);

describe('DIN workbook template', () => {
  it('has the sheets of the layout, with Uitleg first and Lijsten last', () => {
    expect(filled.worksheets.map((w) => w.name)).toEqual(['Uitleg', 'DIN', 'Ambitie', 'ER-doelen', 'Concrete doelen', 'Inspanningen', 'Bijdragen', 'Schuifjes', 'Streefwaarden', 'Indicatoren', 'Databronnen', 'Lijsten']);
    expect(filled.subject).toBe('tocdin DIN-werkboek');
    expect(String(sheet('Uitleg').getCell('A1').value)).toContain('DIN-werkboek van tocdin');
    expect(sheet('Uitleg').getColumn(1).values.join('\n')).toContain('npx tocdin import');
  });

  it('every table sheet: the headers, frozen, with a filter, text format for text columns, a validation with an input message on rows 2 to 1001', () => {
    for (const layout of LAYOUT) {
      if (layout.kind === 'fields') continue;
      const ws = sheet(layout.name);
      expect(row(layout.name, 1), layout.name).toEqual(layout.columns.map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${columnLetters(layout.columns.length)}${TEMPLATE_ROWS + 1}`);
      layout.columns.forEach((c, i) => {
        const letter = columnLetters(i + 1);
        expect(ws.getColumn(i + 1).numFmt, `${layout.name} ${c.header}`).toBe(c.kind === 'number' ? undefined : c.kind === 'int' ? '0' : '@');
        for (const r of [2, TEMPLATE_ROWS + 1]) {
          const dv = ws.getCell(`${letter}${r}`).dataValidation;
          expect(dv, `${layout.name}!${letter}${r}`).toBeDefined();
          expect(dv.showInputMessage).toBe(true);
          expect(dv.prompt).toBe(c.prompt);
        }
        expect(ws.getCell(`${letter}${TEMPLATE_ROWS + 2}`).dataValidation).toBeUndefined();
      });
    }
  });

  it('dropdowns: closed lists inline, ids from their sheet or from Lijsten; a wrong closed value is refused, an unknown id only warned about', () => {
    const dv = (name: string, ref: string) => sheet(name).getCell(ref).dataValidation;
    expect(dv('Inspanningen', 'C2')).toMatchObject({ type: 'list', formulae: [`"${FUNCTIONS.join(',')}"`], errorStyle: 'stop' });
    expect(dv('Inspanningen', 'G2')).toMatchObject({ type: 'list', formulae: [`"${EFFORT_STATUSES.join(',')}"`] });
    expect(dv('Inspanningen', 'E2')).toMatchObject({ type: 'list', formulae: ['Lijsten!$D$2:$D$2'], errorStyle: 'warning' });
    expect(dv('Bijdragen', 'A2')).toMatchObject({ type: 'list', formulae: ['Inspanningen!$A$2:$A$1001'], errorStyle: 'warning' });
    expect(dv('Bijdragen', 'B2')).toMatchObject({ type: 'list', formulae: ["'Concrete doelen'!$A$2:$A$1001"] });
    expect(dv('Bijdragen', 'C2')).toMatchObject({ type: 'list', formulae: [`"${STRENGTHS.join(',')}"`] });
    expect(dv('Schuifjes', 'B2')).toMatchObject({ type: 'list', formulae: [`"${COOPERATION_LEVELS.join(',')}"`] });
    expect(dv('Schuifjes', 'D2')).toMatchObject({ type: 'list', formulae: [`"${SCALES.join(',')}"`] });
    expect(dv('Streefwaarden', 'A2')).toMatchObject({ type: 'list', formulae: ["'Concrete doelen'!$A$2:$A$1001"] });
    expect(dv('Streefwaarden', 'B2')).toMatchObject({ type: 'list', formulae: ['Lijsten!$G$2:$G$3'] });
    expect(dv('Streefwaarden', 'D2')).toMatchObject({ type: 'whole', operator: 'between', formulae: [1900, 2100] });
    expect(dv('Streefwaarden', 'C2')).toMatchObject({ type: 'decimal' });
    expect(dv('DIN', 'B2')).toMatchObject({ type: 'list', formulae: ['Lijsten!$A$2:$A$3'] });
    expect(dv('DIN', 'B4')).toMatchObject({ type: 'list', formulae: ['"ja,nee"'] });
    // Free text: only the input message.
    expect(dv('Inspanningen', 'B2')).toMatchObject({ type: 'any', showInputMessage: true });
  });

  it('Lijsten: the register\'s regions, the beleidsmodel\'s activities, the national and this region\'s indicators, with their names', () => {
    expect(row('Lijsten', 1)).toEqual(['regio', 'naam', undefined, 'activiteit', 'omschrijving', undefined, 'indicator', 'naam']);
    expect(row('Lijsten', 2)).toEqual(['regio-noord', 'Onderwijsregio Noord', undefined, 'gezamenlijk-werven', 'Gezamenlijk werven van leraren', undefined, 'tekortpercentage-leraren-po', 'Tekortpercentage leraren po']);
    expect(row('Lijsten', 3)).toEqual(['regio-zuid', 'Onderwijsregio Zuid & Omstreken', undefined, undefined, undefined, undefined, 'noord-aantal-zij-instromers', 'Aantal zij-instromers']);
  });

  it('filled with the DIN: fields, elements, lists in one cell, [] for an explicitly empty list, ja/nee, numbers as numbers', () => {
    expect(row('DIN', 1)).toEqual(['veld', 'waarde']);
    expect(row('DIN', 2)).toEqual(['regio', 'regio-noord']);
    expect(row('DIN', 3)).toEqual(['naam', 'DIN "Noord": = geen formule']);
    expect(row('DIN', 4)).toEqual(['voorbeeld', 'nee']);
    expect(row('DIN', 5)).toEqual(['toelichting', 'Twee regels:\nde tweede met ë, ï en een – gedachtestreep.']);
    expect(row('Ambitie', 2)).toEqual(['noord-ambitie', 'Elke leerling een bevoegde leraar', 'De ambitie van de stuurgroep.', 'plan van aanpak 2025, §1']);
    expect(row('ER-doelen', 2)).toEqual(['noord-er-minder-tekort', 'Minder lerarentekort', undefined, undefined, 'plan van aanpak 2025, §2.1']);
    expect(row('ER-doelen', 3).slice(0, 3)).toEqual(['noord-er-sterker-netwerk', 'Een sterker regionaal netwerk', 'noord-ambitie']);
    expect(row('ER-doelen', 4)[2]).toBe('[]');
    expect(row('Concrete doelen', 2).slice(2, 5)).toEqual(['noord-er-minder-tekort, noord-er-sterker-netwerk', 'noord-aantal-zij-instromers, tekortpercentage-leraren-po', '2024']);
    expect(row('Concrete doelen', 3)[1]).toBe('ja');
    expect(row('Inspanningen', 2)).toEqual(['noord-wervingscampagne', 'Regionale wervingscampagne', 'werven', 'Werven van instroom/zij-instroom', 'gezamenlijk-werven', 'regio', 'lopend', expect.stringContaining('Een lange toelichting'), 'plan van aanpak 2025, §3']);
    expect(row('Inspanningen', 3).slice(0, 7)).toEqual(['noord-netwerkdag', '=Jaarlijkse netwerkdag (met een = vooraan)', 'professionaliseren', undefined, undefined, 'gemeente', 'idee']);
    // A text starting with = is a text cell, not a formula.
    expect(sheet('Inspanningen').getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect([2, 3, 4, 5].map((r) => row('Bijdragen', r))).toEqual([
      ['noord-wervingscampagne', 'noord-cd-meer-zij-instromers', 'sterk', 'Volgens de evaluatie van 2024.'],
      ['noord-wervingscampagne', 'noord-cd-netwerk', 'zwak'],
      // Without a sterkte in the YAML the cell shows what the schema makes of it (a default, or nothing).
      ['noord-netwerkdag', 'noord-cd-netwerk', ...[netwerkdagSterkte()].filter(Boolean)],
      [],
    ]);
    expect([2, 3].map((r) => row('Schuifjes', r))).toEqual([
      ['noord-wervingscampagne', 'autonoom', 'gezamenlijk', 'regionaal'],
      ['noord-netwerkdag', 'niet-handelen', 'kennis-delen'],
    ]);
    expect([2, 3].map((r) => row('Streefwaarden', r))).toEqual([
      ['noord-cd-meer-zij-instromers', 'noord-aantal-zij-instromers', 40, 2026, 'Het plan noemt 40 per jaar.', 'plan van aanpak 2025, p. 12'],
      ['noord-cd-meer-zij-instromers', 'tekortpercentage-leraren-po', 6.5],
    ]);
    expect(row('Indicatoren', 2).slice(4, 8)).toEqual(['noord-personeelsregistratie, duo', '2025; 2025-2; per kwartaal, vanaf 2026', 'noord-cd-meer-zij-instromers', 'dv-tekort']);
    expect(row('Databronnen', 2)).toEqual(['noord-personeelsregistratie', 'Personeelsregistratie van de besturen in regio Noord', 'Stichting Noord', 'Per schooljaar.', 'plan van aanpak 2025, bijlage']);
  });

  it('YAML comments become notes: the top of the file on DIN!A1, a part on its header, an element on its id cell', () => {
    const note = (name: string, ref: string) => {
      const n = sheet(name).getCell(ref).note as unknown;
      return typeof n === 'string' ? n : (n as { texts: { text: string }[] } | undefined)?.texts.map((t) => t.text).join('');
    };
    expect(note('DIN', 'A1')).toBe('Een DIN met elk veld dat het schema kent, om de weg werkboek → YAML volledig te toetsen.\nTeksten met lastige tekens: aanhalingstekens, een = vooraan, een getal als tekst, ja/nee.');
    expect(note('ER-doelen', 'A1')).toBe('Twee ER-doelen: één naar de ambitie (standaard), één met een expliciete lege lijst.');
    expect(note('Inspanningen', 'A2')).toBe('de campagne draagt vooral bij aan zij-instroom');
    expect(note('Inspanningen', 'A4')).toBe('nog niet begonnen');
    expect(note('Inspanningen', 'A3')).toBeUndefined();
  });

  it('empty template of a region without a DIN: region and name filled in, the ambitie id with the region\'s prefix, no other rows', async () => {
    const wb = await open((await exportTemplate(checked, 'regio-zuid')).workbook);
    const vals = (name: string, r: number) => (wb.getWorksheet(name)!.getRow(r).values as unknown[]).slice(1);
    expect(vals('DIN', 2)).toEqual(['regio', 'regio-zuid']);
    expect(vals('DIN', 3)).toEqual(['naam', 'DIN Onderwijsregio Zuid & Omstreken']);
    expect(vals('DIN', 4)).toEqual(['voorbeeld', 'nee']);
    expect(vals('Ambitie', 2)).toEqual(['rz-ambitie']);
    for (const name of ['ER-doelen', 'Concrete doelen', 'Inspanningen', 'Bijdragen', 'Schuifjes', 'Streefwaarden', 'Indicatoren', 'Databronnen']) expect(wb.getWorksheet(name)!.actualRowCount, name).toBe(1);
    // Another region's indicators are not offered.
    expect(wb.getWorksheet('Lijsten')!.getColumn(7).values.filter(Boolean)).toEqual(['indicator', 'tekortpercentage-leraren-po']);
  });

  it('without a region: nothing filled in', async () => {
    const wb = await open((await exportTemplate(checked)).workbook);
    expect((wb.getWorksheet('DIN')!.getRow(2).values as unknown[]).slice(1)).toEqual(['regio']);
    expect(wb.getWorksheet('Ambitie')!.actualRowCount).toBe(1);
  });

  it('two exports are byte for byte the same', async () => {
    const again = (await exportTemplate(checked, 'regio-noord')).workbook;
    expect(Buffer.compare(Buffer.from(filledBytes), Buffer.from(again))).toBe(0);
  });
});
