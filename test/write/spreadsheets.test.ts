/**
 * The exports replace only what tocdin can prove it wrote and nobody changed since: a
 * workbook with creator tocdin and the fixed modified date (a spreadsheet program changes it
 * on save, so a filled-in template is never overwritten), CSV files whose hash the folder's
 * manifest holds. Nothing goes over a model or into a model folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/io/errors.js';
import { tablesWorkbook } from '../../src/render/xlsx.js';
import { CSV_MANIFEST, isUntouchedWorkbook, writeCsvFolder, writeWorkbookFile } from '../../src/write/spreadsheets.js';

const tmp = mkdtempSync(join(tmpdir(), 'tocdin-uitvoer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const table = (n: number) => [{ sheet: 'T', file: 't', title: 't', columns: [{ header: 'n', type: 'number' as const, width: 5 }], rows: [[n]] }];

async function refused(p: Promise<unknown> | (() => unknown)): Promise<OutputError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    return err as OutputError;
  }
  throw new Error('not refused');
}

describe('writing workbooks', () => {
  it('writes a new file, leaves the same bytes alone, replaces its own untouched export', async () => {
    const path = join(tmp, 'a', 'tabellen.xlsx');
    expect(await writeWorkbookFile(path, await tablesWorkbook(table(1), 'x'))).toBe('written');
    expect(await isUntouchedWorkbook(path)).toBe(true);
    expect(await writeWorkbookFile(path, await tablesWorkbook(table(1), 'x'))).toBe('unchanged');
    expect(await writeWorkbookFile(path, await tablesWorkbook(table(2), 'x'))).toBe('written');
  });

  it('never replaces a workbook someone saved (a filled-in template), nor one tocdin did not make', async () => {
    const path = join(tmp, 'b', 'din.xlsx');
    await writeWorkbookFile(path, await tablesWorkbook(table(1), 'x'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('T')!.getCell('A3').value = 'ingevuld';
    wb.modified = new Date();
    await wb.xlsx.writeFile(path);
    const before = readFileSync(path);
    expect(await isUntouchedWorkbook(path)).toBe(false);
    const e = await refused(writeWorkbookFile(path, await tablesWorkbook(table(2), 'x')));
    expect(e.reason).toBe('uitvoer-niet-van-tocdin');
    expect(e.message).toContain('is daarna bewerkt en opgeslagen; tocdin schrijft er niet overheen');
    expect(readFileSync(path).equals(before)).toBe(true);

    const foreign = join(tmp, 'b', 'begroting.xlsx');
    writeFileSync(foreign, 'niet van tocdin');
    expect((await refused(writeWorkbookFile(foreign, await tablesWorkbook(table(1), 'x')))).reason).toBe('uitvoer-niet-van-tocdin');
    expect(readFileSync(foreign, 'utf8')).toBe('niet van tocdin');
  });

  it('nothing over a model file or into a model folder', async () => {
    const models = join(tmp, 'models');
    mkdirSync(models);
    writeFileSync(join(models, 'din.yaml'), 'soort: din\n');
    const inputs = { files: [join(models, 'din.yaml')], dirs: [models] };
    expect((await refused(writeWorkbookFile(join(models, 'tabellen.xlsx'), await tablesWorkbook(table(1), 'x'), { inputs }))).reason).toBe('uitvoer-is-invoer');
    expect((await refused(() => writeCsvFolder(join(models, 'tabellen'), [{ name: 't.csv', content: 'a' }], { inputs }))).reason).toBe('uitvoer-is-invoer');
    expect(existsSync(join(models, 'tabellen.xlsx'))).toBe(false);
  });
});

describe('writing a CSV folder', () => {
  it('writes the files and a manifest; a second run replaces them and removes its own stale files', () => {
    const dir = join(tmp, 'csv');
    expect(writeCsvFolder(dir, [{ name: 'a.csv', content: '1' }, { name: 'b.csv', content: '2' }])).toEqual({ written: ['a.csv', 'b.csv'], unchanged: [], removed: [] });
    expect(JSON.parse(readFileSync(join(dir, CSV_MANIFEST), 'utf8')).bestanden).toHaveProperty('a.csv');
    expect(writeCsvFolder(dir, [{ name: 'a.csv', content: '1' }, { name: 'c.csv', content: '3' }])).toEqual({ written: ['c.csv'], unchanged: ['a.csv'], removed: ['b.csv'] });
    expect(existsSync(join(dir, 'b.csv'))).toBe(false);
  });

  it('refuses a folder with a file of the user, or a CSV someone changed; nothing is written', async () => {
    const dir = join(tmp, 'csv2');
    writeCsvFolder(dir, [{ name: 'a.csv', content: '1' }]);
    writeFileSync(join(dir, 'a.csv'), '1;bewerkt');
    const e = await refused(() => writeCsvFolder(dir, [{ name: 'a.csv', content: '2' }]));
    expect(e.message).toContain('`a.csv`');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('1;bewerkt');

    const dir2 = join(tmp, 'csv3');
    mkdirSync(dir2);
    writeFileSync(join(dir2, 'notities.txt'), 'van mij');
    expect((await refused(() => writeCsvFolder(dir2, [{ name: 'a.csv', content: '1' }]))).reason).toBe('uitvoer-niet-van-tocdin');
    expect(existsSync(join(dir2, 'a.csv'))).toBe(false);
  });
});
