/**
 * Reading a workbook: what a user may hand `tocdin import` instead of a DIN workbook (empty,
 * a CSV renamed to .xlsx, random bytes, a truncated or foreign zip, an old .xls, an .ods, a
 * password-protected workbook, a zip bomb, another program's workbook) gets one clear Dutch
 * reason and exit 2; and cells are read as the spreadsheet typed them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/pipeline.js';
import { readWorkbook } from '../../src/read/xlsx.js';
import { exportTemplate, importWorkbook } from '../../src/spreadsheets.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'spreadsheets', 'volledig');
const ENCRYPTED = resolve(import.meta.dirname, '..', 'fixtures', 'spreadsheets', 'beveiligd.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'tocdin-xlsx-'));
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function problem(bytes: Uint8Array) {
  const r = await readWorkbook(bytes);
  expect(r.book).toBeUndefined();
  return r.problem!;
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: 'uint8array' });
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('not a workbook: one clear reason', () => {
  it('an empty file', async () => {
    expect(await problem(new Uint8Array())).toMatchObject({ code: 'werkboek-onleesbaar', message: 'het bestand is leeg' });
  });

  it('a CSV renamed to .xlsx', async () => {
    const p = await problem(Buffer.from('\uFEFFid;tekst\nzs-loket;Regionaal loket\n'));
    expect(p.code).toBe('werkboek-onleesbaar');
    expect(p.message).toBe('dit is een tekstbestand (het lijkt een CSV-bestand) met de naam .xlsx, geen Excel-werkboek');
    expect(p.hint).toContain('npx tocdin export --sjabloon');
  });

  it('random bytes', async () => {
    const bytes = Buffer.alloc(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    expect(await problem(bytes)).toMatchObject({ code: 'werkboek-onleesbaar', message: 'het bestand is geen Excel-werkboek (geen .xlsx: het begint niet als een zip-bestand)' });
  });

  it('a truncated workbook', async () => {
    const whole = await workbook((wb) => wb.addWorksheet('DIN').addRow(['veld', 'waarde']));
    const p = await problem(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(p.code).toBe('werkboek-onleesbaar');
    expect(p.message).toMatch(/^het (zip-bestand|werkboek) is beschadigd/);
  });

  it('a zip without a workbook, a Word document, an OpenDocument sheet', async () => {
    expect((await problem(await zipOf({ 'a.txt': 'x' }))).message).toBe('dit is een zip-bestand zonder Excel-werkboek erin');
    expect((await problem(await zipOf({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' }))).message).toBe('dit is een Word-document (.docx) met de naam .xlsx, geen Excel-werkboek');
    expect((await problem(await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).message).toBe('dit is een OpenDocument-rekenblad (.ods), geen .xlsx');
  });

  it('an old .xls (an OLE container without encryption)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from('Workbook', 'utf16le')]);
    expect(await problem(ole)).toMatchObject({ code: 'werkboek-onleesbaar', message: 'dit is een oud Excel-bestand (.xls, Excel 97-2003), geen .xlsx' });
  });

  it('a password-protected workbook (encrypted by Excel\'s method, made with msoffcrypto-tool)', async () => {
    const p = await problem(readFileSync(ENCRYPTED));
    expect(p.code).toBe('werkboek-beveiligd');
    expect(p.message).toBe('het werkboek is met een wachtwoord beveiligd (versleuteld); tocdin kan het niet openen');
    expect(p.hint).toContain('wachtwoord');
  });

  it('a zip bomb is refused from the zip directory, before anything is inflated', async () => {
    const z = new JSZip();
    z.file('xl/workbook.xml', '<workbook/>', { createFolders: false });
    z.file('xl/worksheets/sheet1.xml', 'x', { createFolders: false });
    const bytes = Buffer.from(await z.generateAsync({ type: 'uint8array' }));
    // Claim 300 MB for each entry in the central directory (uncompressed size at offset 24).
    for (let at = bytes.indexOf(CENTRAL); at >= 0; at = bytes.indexOf(CENTRAL, at + 4)) bytes.writeUInt32LE(300 * 1024 * 1024, at + 24);
    const p = await problem(bytes);
    expect(p.code).toBe('werkboek-onleesbaar');
    expect(p.message).toMatch(/^uitgepakt is het werkboek 600 MB; een DIN-werkboek is veel kleiner/);
  });

  it('a data validation and a merged range over a whole sheet (A1:XFD1048576) do not make reading slow', async () => {
    const plain = await workbook((wb) => wb.addWorksheet('DIN').addRow(['veld', 'waarde']));
    const zip = await JSZip.loadAsync(plain);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const hostile = '</sheetData><mergeCells count="1"><mergeCell ref="C3:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    expect(sheet).toContain('</sheetData>');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', hostile));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const t = Date.now();
    const r = await readWorkbook(bytes);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.book!.sheets[0]!.rows.get(1)!.get(2)!.value).toBe('waarde');
  });
});

describe('cells as the spreadsheet typed them', () => {
  it('text trimmed, numbers, booleans, dates, formula results, rich text, links, error values, notes (also on empty cells)', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Blad');
      ws.getCell('A1').value = '  tekst met spaties \r\n tweede regel ';
      ws.getCell('B1').value = 2024;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = new Date(Date.UTC(2024, 4, 1));
      ws.getCell('E1').value = { formula: '1+1', result: 2 };
      ws.getCell('F1').value = { richText: [{ text: 'vet ' }, { text: 'en gewoon' }] };
      ws.getCell('G1').value = { text: 'een link', hyperlink: 'https://example.org' };
      ws.getCell('H1').value = { error: '#N/A' };
      ws.getCell('I1').value = '   ';
      ws.getCell('A1').note = 'een notitie';
      ws.getCell('A2').note = 'notitie bij een lege cel';
      ws.getCell('J1').value = { formula: 'A1' } as ExcelJS.CellFormulaValue;
    });
    const sheet = (await readWorkbook(bytes)).book!.sheets[0]!;
    const row = sheet.rows.get(1)!;
    const v = (c: number) => row.get(c)?.value;
    expect(v(1)).toBe('tekst met spaties \n tweede regel');
    expect(row.get(1)!.note).toBe('een notitie');
    expect(v(2)).toBe(2024);
    expect(v(3)).toBe(true);
    expect(v(4)).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(v(5)).toBe(2);
    expect(v(6)).toBe('vet en gewoon');
    expect(v(7)).toBe('een link');
    expect(v(8)).toEqual({ error: '#N/A' });
    expect(row.has(9)).toBe(false);
    expect(v(10)).toEqual({ error: 'formule zonder uitkomst' });
    expect(sheet.notesOnly).toEqual([{ row: 2, col: 1, value: '', note: 'notitie bij een lege cel' }]);
  });
});

describe('import refuses what it cannot read (exit 2 problems, nothing else)', () => {
  const checked = checkWorkspace(['.'], FIXTURE);

  it('another program\'s workbook: not one of ours, naming its sheets', async () => {
    const path = join(tmp, 'begroting.xlsx');
    writeFileSync(path, await workbook((wb) => wb.addWorksheet('Begroting 2025').addRow(['post', 'bedrag'])));
    const out = await importWorkbook({ path, cwd: FIXTURE, modelPaths: ['.'] });
    expect(out.usageProblems).toEqual([
      { file: 'begroting.xlsx', line: 1, column: 1, severity: 'error', code: 'werkboek-onbekend', message: 'dit is geen DIN-werkboek van tocdin: de tabbladen DIN en Inspanningen ontbreken (het heeft `Begroting 2025`)', hint: 'begin met `npx tocdin export --sjabloon --regio <regio-id>` en vul dat werkboek in' },
    ]);
    expect(out.diagnostics).toEqual([]);
    expect(out.yaml).toBeUndefined();
  });

  it('a path that does not exist, a folder, a CSV: each its own problem', async () => {
    const missing = await importWorkbook({ path: join(tmp, 'nergens.xlsx'), cwd: FIXTURE, modelPaths: ['.'] });
    expect(missing.usageProblems.map((d) => d.code)).toEqual(['pad-onbekend']);
    mkdirSync(join(tmp, 'map.xlsx'));
    const folder = await importWorkbook({ path: join(tmp, 'map.xlsx'), cwd: FIXTURE, modelPaths: ['.'] });
    expect(folder.usageProblems.map((d) => [d.code, d.message.endsWith('is een map, geen werkboek')])).toEqual([['pad-onleesbaar', true]]);
    writeFileSync(join(tmp, 'tabel.xlsx'), 'id;tekst\n');
    const csv = await importWorkbook({ path: join(tmp, 'tabel.xlsx'), cwd: FIXTURE, modelPaths: ['.'] });
    expect(csv.usageProblems.map((d) => [d.file, d.code])).toEqual([['tabel.xlsx', 'werkboek-onleesbaar']]);
  });

  it('a workbook of ours stays readable after a round through exceljs (as a spreadsheet program saves it)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await exportTemplate(checked, 'regio-noord')).workbook) as unknown as ArrayBuffer);
    const path = join(tmp, 'opgeslagen.xlsx');
    await wb.xlsx.writeFile(path);
    const out = await importWorkbook({ path, cwd: FIXTURE, modelPaths: ['.'] });
    expect(out.usageProblems).toEqual([]);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.yaml).toBeDefined();
  });
});
