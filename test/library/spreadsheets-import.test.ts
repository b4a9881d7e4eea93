/**
 * One fixture per diagnostic `tocdin import` can give: each is the exported workbook of the
 * fixture DIN (test/fixtures/spreadsheets/volledig) with one change, made the way a person
 * would in a spreadsheet program (here with exceljs), then imported. Each asserts the exact
 * code, severity, cell and message, the same codes and wording as for YAML where the problem
 * is the same, and that nothing is offered for writing when there is an error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { exportTemplate, importWorkbook, type ImportOutcome } from '../../src/spreadsheets.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'spreadsheets', 'volledig');
const tmp = mkdtempSync(join(tmpdir(), 'tocdin-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let template: Buffer;
beforeAll(async () => {
  template = Buffer.from((await exportTemplate(checkWorkspace(['.'], FIXTURE), 'regio-noord')).workbook);
});

/** The fixture workbook with one change, saved as `<name>.xlsx`, then imported. */
async function imported(name: string, edit: (wb: ExcelJS.Workbook, ws: (n: string) => ExcelJS.Worksheet) => void, out?: string): Promise<ImportOutcome> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  edit(wb, (n) => wb.getWorksheet(n)!);
  const path = join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(path);
  return importWorkbook({ path, cwd: FIXTURE, modelPaths: ['.'], ...(out ? { out } : {}) });
}

const line = (d: Diagnostic) => formatDiagnostic(d).split('\n')[0];
const errors = (o: ImportOutcome) => o.diagnostics.filter((d) => d.severity === 'error');

describe('import: one fixture per diagnostic, located at the cell', () => {
  it('unchanged: no errors, the YAML is offered', async () => {
    const o = await imported('ongewijzigd', () => {});
    expect(errors(o)).toEqual([]);
    expect(o.yaml).toContain('soort: din');
  });

  it('veld-ontbreekt: an empty required cell', async () => {
    const o = await imported('leeg', (_, ws) => (ws('Inspanningen').getCell('B2').value = null));
    expect(errors(o).map(line)).toEqual(['leeg.xlsx:Inspanningen!B2 fout veld-ontbreekt verplicht veld `tekst` ontbreekt']);
    expect(errors(o)[0]!.hint).toBe('vul de cel in (verwacht tekst)');
    expect(o.yaml).toBeUndefined();
  });

  it('veld-ontbreekt: no ambitie at all (and what pointed at it now dangles)', async () => {
    const o = await imported('geen-ambitie', (_, ws) => ws('Ambitie').spliceRows(2, 1));
    expect(errors(o).map(line)).toEqual([
      "geen-ambitie.xlsx:'ER-doelen'!C3 fout verwijzing-onbekend `noord-ambitie` verwijst naar niets: er is geen ambitie of ER-doel of concreet doel of inspanning met dit id",
      'geen-ambitie.xlsx:Ambitie!A2 fout veld-ontbreekt de ambitie ontbreekt',
    ]);
    // No placeholder of tocdin's own shows up in a hint.
    for (const d of o.diagnostics) expect(d.hint ?? '').not.toContain('tocdin-onleesbaar');
  });

  it('veld-ontbreekt: a row of Bijdragen without its inspanning', async () => {
    const o = await imported('zonder-inspanning', (_, ws) => {
      ws('Bijdragen').getCell('B5').value = 'noord-cd-netwerk';
      ws('Bijdragen').getCell('C5').value = 'zwak';
    });
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ['zonder-inspanning.xlsx:Bijdragen!A5 fout veld-ontbreekt verplicht veld `inspanning` ontbreekt: bij welke inspanning hoort rij 5?', 'vul het id van een inspanning uit het tabblad Inspanningen in'],
    ]);
  });

  it('type-ongeldig: a number where text belongs, a date, text where a number belongs, ja/nee', async () => {
    const o = await imported('types', (_, ws) => {
      ws('Inspanningen').getCell('B3').value = 2024;
      // A date only where the cell has a date format (the template's text format keeps typed dates as text).
      ws('ER-doelen').getCell('B2').value = new Date(Date.UTC(2024, 4, 1));
      // (A fresh style object: exceljs shares loaded styles between cells.)
      ws('ER-doelen').getCell('B2').style = { ...ws('ER-doelen').getCell('B2').style, numFmt: 'd-m-yyyy' };
      ws('Streefwaarden').getCell('C2').value = '40';
      ws('DIN').getCell('B4').value = 'misschien';
    });
    expect(errors(o).map(line)).toEqual([
      "types.xlsx:'ER-doelen'!B2 fout type-ongeldig de datum 2024-05-01 staat waar `tekst` tekst moet zijn",
      'types.xlsx:DIN!B4 fout type-ongeldig tekst (`misschien`) staat waar `voorbeeld` ja of nee moet zijn',
      'types.xlsx:Inspanningen!B3 fout type-ongeldig het getal 2024 staat waar `tekst` tekst moet zijn',
      'types.xlsx:Streefwaarden!C2 fout type-ongeldig tekst (`40`) staat waar `waarde` een getal moet zijn',
    ]);
    const hint = (ref: string) => errors(o).find((d) => d.file.endsWith(ref))!.hint;
    expect(hint('Inspanningen!B3')).toContain("typ een apostrof ervoor ('2024)");
    expect(hint("'ER-doelen'!B2")).toContain('datum');
    expect(hint('DIN!B4')).toBe('kies ja of nee');
  });

  it('waarde-ongeldig: a word that is not in the list, with "bedoel je"; a cell with an error value', async () => {
    const o = await imported('waarde', (_, ws) => {
      ws('Inspanningen').getCell('C2').value = 'Werving';
      ws('Inspanningen').getCell('D2').value = { error: '#N/A' };
    });
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ['waarde.xlsx:Inspanningen!C2 fout waarde-ongeldig `Werving` is geen geldige waarde voor `functie`', 'bedoel je `werven`?'],
      ['waarde.xlsx:Inspanningen!D2 fout waarde-ongeldig de cel bevat de foutwaarde `#N/A`, geen waarde voor `thema`', 'herstel de formule of typ de waarde zelf in'],
    ]);
  });

  it('id-ongeldig: an id that is not a slug, with a suggestion; what referred to it now dangles', async () => {
    const o = await imported('id', (_, ws) => (ws('ER-doelen').getCell('A2').value = 'Noord ER Minder'));
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ["id.xlsx:'Concrete doelen'!C2 fout verwijzing-onbekend `noord-er-minder-tekort` verwijst naar niets: er is geen ambitie of ER-doel of concreet doel of inspanning met dit id", 'bedoel je `noord-er-minder`?'],
      ["id.xlsx:'ER-doelen'!A2 fout id-ongeldig `Noord ER Minder` is geen geldig id: een id bestaat uit kleine letters, cijfers en koppeltekens (bijv. \"regionaal-loket\")", 'bijvoorbeeld `noord-er-minder`'],
    ]);
  });

  it('verwijzing-onbekend with "bedoel je": a concreet doel, an activiteit of the beleidsmodel, an indicator', async () => {
    const o = await imported('verwijzing', (_, ws) => {
      ws('Bijdragen').getCell('B2').value = 'noord-cd-meer-zij-instromer';
      ws('Inspanningen').getCell('E2').value = 'gezamenlijk-werve';
      ws('Streefwaarden').getCell('B3').value = 'tekortpercentage-leraren-p';
    });
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ['verwijzing.xlsx:Bijdragen!B2 fout verwijzing-onbekend `noord-cd-meer-zij-instromer` verwijst naar niets: er is geen ambitie of ER-doel of concreet doel of inspanning met dit id', 'bedoel je `noord-cd-meer-zij-instromers`?'],
      ['verwijzing.xlsx:Inspanningen!E2 fout verwijzing-onbekend `gezamenlijk-werve` verwijst naar niets: er is geen activiteit met dit id', 'bedoel je `gezamenlijk-werven`?'],
      ['verwijzing.xlsx:Streefwaarden!B3 fout verwijzing-onbekend `tekortpercentage-leraren-p` verwijst naar niets: er is geen indicator met dit id', 'bedoel je `tekortpercentage-leraren-po`?'],
    ]);
  });

  it('verwijzing-onbekend: a row of Bijdragen for an inspanning that is not on the sheet Inspanningen', async () => {
    const o = await imported('ouder', (_, ws) => (ws('Bijdragen').getCell('A2').value = 'noord-wervingscampagn'));
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ['ouder.xlsx:Bijdragen!A2 fout verwijzing-onbekend `noord-wervingscampagn` verwijst naar niets: er is geen inspanning met dit id in het tabblad Inspanningen', 'bedoel je `noord-wervingscampagne`?'],
    ]);
  });

  it('verwijzing-soort: an ambitie where an activiteit is expected', async () => {
    const o = await imported('soort', (_, ws) => (ws('Inspanningen').getCell('E2').value = 'noord-ambitie'));
    expect(errors(o).map(line)).toEqual(['soort.xlsx:Inspanningen!E2 fout verwijzing-soort `noord-ambitie` is een ambitie (soort.xlsx:Ambitie!A2), maar hier wordt een activiteit verwacht']);
    // A YAML location in the same message keeps its line (verwijzing-soort names no column).
    const yaml = await imported('soort-yaml', (_, ws) => (ws('Inspanningen').getCell('E2').value = 'meer-instroom'));
    expect(errors(yaml).map(line)).toEqual(['soort-yaml.xlsx:Inspanningen!E2 fout verwijzing-soort `meer-instroom` is een outcome (beleidsmodel.yaml:10), maar hier wordt een activiteit verwacht']);
  });

  it('id-dubbel: twice in the workbook, and an id that another model file already has', async () => {
    const o = await imported('dubbel', (_, ws) => {
      ws('Databronnen').getCell('A2').value = 'gezamenlijk-werven';
      ws('Indicatoren').getCell('E2').value = 'gezamenlijk-werven, duo';
      ws('ER-doelen').getCell('A4').value = 'noord-er-sterker-netwerk';
    });
    const dubbel = errors(o).filter((d) => d.code === 'id-dubbel');
    expect(dubbel.map((d) => [line(d), d.related?.map((r) => `${r.file}:${r.line}:${r.column}`)])).toEqual([
      ["dubbel.xlsx:'ER-doelen'!A4 fout id-dubbel id `noord-er-sterker-netwerk` bestaat al (ER-doel in dubbel.xlsx:'ER-doelen'!A3)", ["dubbel.xlsx:'ER-doelen'!A3:3:1"]],
      ['dubbel.xlsx:Databronnen!A2 fout id-dubbel id `gezamenlijk-werven` bestaat al (activiteit in beleidsmodel.yaml:6:9)', ['beleidsmodel.yaml:6:9']],
    ]);
    // The formatter prints the related cell without row and column again.
    expect(formatDiagnostic(dubbel[0]!)).toContain("zie ook dubbel.xlsx:'ER-doelen'!A3 eerste definitie");
  });

  it('din-dubbel: the region already has a DIN in another file', async () => {
    const o = await imported('twee', () => {}, 'ander-din.yaml');
    expect(errors(o).filter((d) => d.code === 'din-dubbel').map(line)).toEqual(['twee.xlsx:DIN!B2 fout din-dubbel regio `regio-noord` heeft al een DIN in din-noord.yaml']);
  });

  it('werkboek-kolom: a required column renamed, or a header twice; the rows pointing into that sheet are not reported again', async () => {
    const o = await imported('kolom', (_, ws) => {
      ws('Inspanningen').getCell('C1').value = 'kernfunctie';
      ws('ER-doelen').getCell('D1').value = 'tekst';
    });
    expect(errors(o).map((d) => [line(d), d.hint])).toEqual([
      ["kolom.xlsx:'ER-doelen'!D1 fout werkboek-kolom de kolom `tekst` staat twee keer in het tabblad ER-doelen", 'verwijder of hernoem een van de twee'],
      ['kolom.xlsx:Inspanningen!J1 fout werkboek-kolom het tabblad Inspanningen heeft geen kolom `functie`; het tabblad wordt niet gelezen', 'zet de kop `functie` in rij 1, zoals in het sjabloon (verwachte kolommen: id, tekst, functie, thema, activiteit, uitvoerder, status, toelichting, bron)'],
    ]);
  });

  it('werkboek-rij: a second ambitie, a second schuifjes row for one inspanning', async () => {
    const o = await imported('rij', (_, ws) => {
      ws('Ambitie').getCell('A3').value = 'noord-ambitie-2';
      ws('Ambitie').getCell('B3').value = 'Nog een ambitie';
      for (const [ref, v] of [['A4', 'noord-netwerkdag'], ['B4', 'afstemmen'], ['C4', 'integreren']]) ws('Schuifjes').getCell(ref!).value = v!;
    });
    expect(errors(o).map(line)).toEqual([
      'rij.xlsx:Ambitie!A3 fout werkboek-rij een DIN heeft één ambitie; rij 3 van het tabblad Ambitie is een tweede',
      'rij.xlsx:Schuifjes!A4 fout werkboek-rij inspanning `noord-netwerkdag` heeft al schuifjes in rij 3 van het tabblad Schuifjes',
    ]);
  });

  it('werkboek-genegeerd: a column, a sheet and a note tocdin does not read are warnings; the rest is imported', async () => {
    const o = await imported('genegeerd', (wb, ws) => {
      ws('Inspanningen').getCell('J1').value = 'opmerking';
      ws('Inspanningen').getCell('J3').value = 'nog navragen';
      wb.addWorksheet('Notities').getCell('B2').value = 'overleg 12 maart';
      ws('Bijdragen').getCell('A1').note = 'deze notitie heeft geen plek';
    });
    expect(errors(o)).toEqual([]);
    expect(o.diagnostics.filter((d) => d.code === 'werkboek-genegeerd').map(line)).toEqual([
      'genegeerd.xlsx:Bijdragen!A1 waarschuwing werkboek-genegeerd de notitie bij deze cel komt niet in het model (`deze notitie heeft geen plek`)',
      'genegeerd.xlsx:Inspanningen!J3 waarschuwing werkboek-genegeerd kolom `opmerking` in het tabblad Inspanningen wordt niet gelezen (1 cel)',
      'genegeerd.xlsx:Notities!B2 waarschuwing werkboek-genegeerd het tabblad Notities wordt niet gelezen (tocdin leest DIN, Ambitie, ER-doelen, Concrete doelen, Inspanningen, Bijdragen, Schuifjes, Streefwaarden, Indicatoren, Databronnen)',
    ]);
    expect(o.yaml).toBeDefined();
  });

  it('all problems in one run: a schema error does not hide a reference error elsewhere', async () => {
    const o = await imported('alles', (_, ws) => {
      ws('Inspanningen').getCell('C2').value = 'werving';
      ws('Bijdragen').getCell('B3').value = 'noord-cd-netwerken';
      ws('Inspanningen').getCell('B3').value = 2024;
    });
    expect(errors(o).map((d) => `${d.file} ${d.code}`)).toEqual([
      'alles.xlsx:Bijdragen!B3 verwijzing-onbekend',
      'alles.xlsx:Inspanningen!B3 type-ongeldig',
      'alles.xlsx:Inspanningen!C2 waarde-ongeldig',
    ]);
    expect(o.yaml).toBeUndefined();
  });

  it('notes become comments at their element; moved columns and empty rows change nothing', async () => {
    const o = await imported('notities', (_, ws) => {
      const s = ws('Inspanningen');
      s.getCell('B3').note = 'Datum nog afspreken.';
      // Swap the columns thema (D) and uitvoerder (F), header and values.
      for (let r = 1; r <= 4; r++) {
        const d = s.getCell(`D${r}`).value;
        s.getCell(`D${r}`).value = s.getCell(`F${r}`).value;
        s.getCell(`F${r}`).value = d;
      }
      ws('ER-doelen').insertRow(3, []);
    });
    expect(errors(o)).toEqual([]);
    expect(o.yaml).toContain('  # tekst: Datum nog afspreken.\n  - id: noord-netwerkdag\n');
    const original = checkWorkspace(['.'], FIXTURE).workspace.files.find((f) => f.kind === 'din')!.model;
    expect(o.model).toEqual(original);
  });
});
