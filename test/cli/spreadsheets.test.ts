/**
 * `tocdin export` and `tocdin import` as a user runs them, on a copy of the bundled models:
 * the defaults, the exit codes, the Dutch messages, and the whole story of issue 21 — export
 * the empty workbook of zuidwest-samen, fill it in (with exceljs, as a spreadsheet program
 * would save it), import it with mistakes (exit 1, every problem at its cell, nothing
 * written), fix them, import again, and `validate` passes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'tocdin-cli-werkboek-'));
  cpSync(join(ROOT, 'models'), join(cwd, 'models'), { recursive: true });
  cpSync(join(ROOT, 'schemas'), join(cwd, 'schemas'), { recursive: true });
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd, color: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Fills the empty workbook as a project leader would; `fouten` adds three mistakes. */
async function fill(path: string, fouten: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = (n: string) => wb.getWorksheet(n)!;
  ws('DIN').getCell('B6').value = 'Plan van aanpak Zuidwest Samen 2025 (voorbeeld voor de test)';
  ws('Ambitie').getCell('B2').value = 'Voldoende goed opgeleide leraren voor elke leerling in Zuidwest';
  ws('ER-doelen').getCell('A2').value = 'zs-er-meer-zij-instroom';
  ws('ER-doelen').getCell('B2').value = 'Meer zij-instromers vinden de weg naar het onderwijs';
  const cd = ws('Concrete doelen');
  for (const [ref, v] of [['A2', 'zs-cd-route'], ['B2', 'Elke geïnteresseerde heeft binnen een maand een passende route'], ['C2', 'zs-er-meer-zij-instroom'], ['D2', 'tekortpercentage-leraren-po']]) cd.getCell(ref!).value = v!;
  const ins = ws('Inspanningen');
  for (const [ref, v] of [['A2', 'zs-loket'], ['B2', 'Regionaal loket voor zij-instromers'], ['C2', fouten ? 'werving' : 'werven'], ['E2', 'gezamenlijk-werven'], ['F2', 'regio'], ['G2', 'lopend']]) ins.getCell(ref!).value = v!;
  for (const [ref, v] of [['A3', 'zs-buddy'], ['B3', 'Buddy voor elke startende leraar'], ['C3', 'begeleiden'], ['E3', 'gezamenlijk-begeleiden'], ['F3', 'schoolbesturen']]) ins.getCell(ref!).value = v!;
  if (fouten) ins.getCell('B3').value = 2024;
  ins.getCell('A3').note = 'Besproken in de stuurgroep van maart.';
  const bij = ws('Bijdragen');
  for (const [ref, v] of [['A2', 'zs-loket'], ['B2', fouten ? 'zs-cd-rout' : 'zs-cd-route'], ['C2', 'sterk'], ['A3', 'zs-buddy'], ['B3', 'zs-cd-route'], ['C3', 'zwak']]) bij.getCell(ref!).value = v!;
  for (const [ref, v] of [['A2', 'zs-loket'], ['B2', 'autonoom'], ['C2', 'gezamenlijk'], ['D2', 'regionaal']]) ws('Schuifjes').getCell(ref!).value = v!;
  wb.lastModifiedBy = 'Projectleider Zuidwest';
  wb.modified = new Date();
  await wb.xlsx.writeFile(path);
}

describe('tocdin export and import', () => {
  it('the overall help lists both commands', async () => {
    const r = await run('--help');
    expect(r.out).toMatch(/\n {2}export \[PAD…\] +alle tabellen als XLSX-werkboek of CSV-bestanden/);
    expect(r.out).toMatch(/\n {2}import WERKBOEK\.xlsx +lees een ingevuld DIN-werkboek in/);
  });

  it('export: tabellen.xlsx by default; a second run changes nothing', async () => {
    const r = await run('export');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe('tabellen geschreven: tabellen.xlsx (10 tabbladen en een inhoudsblad)\n');
    const again = await run('export');
    expect(again.out).toBe('tabellen ongewijzigd: tabellen.xlsx (10 tabbladen en een inhoudsblad)\n');
  });

  it('export --format csv: a folder tabellen/ with one CSV per table; --scheiding , for others', async () => {
    const r = await run('export', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'tabellen')).filter((f) => f.endsWith('.csv'))).toHaveLength(10);
    expect(readFileSync(join(cwd, 'tabellen', 'onderzoeksvragen.csv'), 'utf8').startsWith('\uFEFFvraag;id;onderzoeksvraag;status;gedekt;deels;gat\r\n')).toBe(true);
    const comma = await run('export', '--format', 'csv', '--scheiding', ',', '--regio', 'almere-en-lelystad');
    expect(comma.code).toBe(0);
    expect(readFileSync(join(cwd, 'tabellen-almere-en-lelystad', 'onderzoeksvragen.csv'), 'utf8').startsWith('\uFEFFvraag,id,onderzoeksvraag,status')).toBe(true);
  });

  it('usage mistakes: exit 2 with the reason', async () => {
    expect(await run('export', '--scheiding', ',')).toMatchObject({ code: 2, err: expect.stringContaining('--scheiding hoort bij --format csv') });
    expect(await run('export', '--sjabloon', '--format', 'csv')).toMatchObject({ code: 2, err: expect.stringContaining('--sjabloon maakt altijd een .xlsx-werkboek') });
    expect(await run('export', '--out', 'tabellen.txt')).toMatchObject({ code: 2, err: expect.stringContaining('een werkboek eindigt op .xlsx') });
    expect(await run('export', '--regio', 'zuidwest-samn')).toMatchObject({ code: 2, err: expect.stringContaining('bedoel je `zuidwest-samen`?') });
    expect(await run('export', '--out', 'models/tabellen.xlsx')).toMatchObject({ code: 2, err: expect.stringContaining('een map waaruit tocdin de modellen leest') });
    expect(await run('import')).toMatchObject({ code: 2, err: expect.stringContaining('geef één werkboek') });
    expect(await run('import', 'x.xlsx', '--out', 'x.md')).toMatchObject({ code: 2, err: expect.stringContaining('een DIN-bestand eindigt op .yaml') });
  });

  it('import of a CSV renamed to .xlsx: exit 2, a clear message', async () => {
    writeFileSync(join(cwd, 'lijst.xlsx'), 'id;tekst\nzs-loket;Loket\n');
    const r = await run('import', 'lijst.xlsx');
    expect(r.code).toBe(2);
    expect(r.out).toContain('lijst.xlsx:1:1 fout werkboek-onleesbaar dit is een tekstbestand (het lijkt een CSV-bestand) met de naam .xlsx, geen Excel-werkboek');
  });

  it('the story: export the empty workbook, fill it in with mistakes, import (exit 1, at the cells, nothing written), fix, import, validate', async () => {
    const exported = await run('export', '--sjabloon', '--regio', 'zuidwest-samen');
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toBe('DIN-werkboek geschreven: din-zuidwest-samen.xlsx (leeg, voor regio zuidwest-samen)\nVul het in (Excel of LibreOffice) en lees het in met `npx tocdin import din-zuidwest-samen.xlsx`.\n');
    const path = join(cwd, 'din-zuidwest-samen.xlsx');
    const target = join(cwd, 'models', 'regios', 'zuidwest-samen.yaml');

    await fill(path, true);
    const wrong = await run('import', 'din-zuidwest-samen.xlsx');
    expect(wrong.code).toBe(1);
    expect(wrong.out.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      'din-zuidwest-samen.xlsx:Bijdragen!B2 fout verwijzing-onbekend `zs-cd-rout` verwijst naar niets: er is geen ambitie of ER-doel of concreet doel of inspanning met dit id',
      'din-zuidwest-samen.xlsx:Inspanningen!B3 fout type-ongeldig het getal 2024 staat waar `tekst` tekst moet zijn',
      'din-zuidwest-samen.xlsx:Inspanningen!C2 fout waarde-ongeldig `werving` is geen geldige waarde voor `functie`',
      '3 fouten, 0 waarschuwingen, 0 info; er is niets geschreven.',
    ]);
    expect(wrong.out).toContain('hint: bedoel je `zs-cd-route`?');
    expect(wrong.out).toContain('hint: bedoel je `werven`?');
    expect(existsSync(target)).toBe(false);

    // The filled-in workbook was saved by its user: a new export never replaces it.
    const before = readFileSync(path);
    const again = await run('export', '--sjabloon', '--regio', 'zuidwest-samen');
    expect(again.code).toBe(2);
    expect(again.err).toContain('is daarna bewerkt en opgeslagen; tocdin schrijft er niet overheen');
    expect(readFileSync(path).equals(before)).toBe(true);

    await fill(path, false);
    const check = await run('import', 'din-zuidwest-samen.xlsx', '--check');
    expect(check.code).toBe(0);
    expect(check.out).toContain('er is niets geschreven');
    expect(existsSync(target)).toBe(false);

    const ok = await run('import', 'din-zuidwest-samen.xlsx');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('DIN geschreven: models/regios/zuidwest-samen.yaml (1 ER-doelen, 1 concrete doelen, 2 inspanningen, 2 bijdragen, 1 met schuifjes, 0 streefwaarden, 0 regionale indicatoren, 0 databronnen)');
    const yaml = readFileSync(target, 'utf8');
    expect(yaml.startsWith('# yaml-language-server: $schema=../../schemas/din.schema.json\n')).toBe(true);
    expect(yaml).toContain('  # Besproken in de stuurgroep van maart.\n  - id: zs-buddy\n');

    const validate = await run('validate');
    expect(validate.code).toBe(0);
    expect(validate.out).not.toContain('zuidwest-samen.yaml:');

    const exists = await run('import', 'din-zuidwest-samen.xlsx');
    expect(exists.code).toBe(2);
    expect(exists.err).toContain('models/regios/zuidwest-samen.yaml bestaat al; er is niets overschreven');
    expect(await run('import', 'din-zuidwest-samen.xlsx', '--overschrijf')).toMatchObject({ code: 0, out: expect.stringContaining('DIN ongewijzigd: models/regios/zuidwest-samen.yaml') });
  });

  it('import never writes over another model, even with --overschrijf', async () => {
    const before = readFileSync(join(cwd, 'models', 'beleidsmodel.yaml'));
    const r = await run('import', 'din-zuidwest-samen.xlsx', '--out', 'models/beleidsmodel.yaml', '--overschrijf');
    expect(r.code).toBe(2);
    expect(r.err).toContain('models/beleidsmodel.yaml is een model van soort beleidsmodel; het DIN van regio `zuidwest-samen` komt daar niet');
    expect(readFileSync(join(cwd, 'models', 'beleidsmodel.yaml')).equals(before)).toBe(true);
  });
});
