/**
 * The region register against the seed's table (copied to test/fixtures), and the worked
 * DINs: each validates, shows up in the analysis and has its diagrams.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { filesOfKind } from '../../src/resolve/resolve.js';
import { slugify } from '../../src/validate/validate.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Minimal RFC 4180 reader for the fixture (quoted fields may hold commas). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/\r\n/g, '\n').trim().split('\n')) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

const outcome = checkWorkspace(['models'], ROOT);
const register = filesOfKind(outcome.workspace, 'regioregister')[0]!.model;
const [header, ...rows] = readCsv(readFileSync(join(ROOT, 'test/fixtures/regio-register-seed004.csv'), 'utf8'));
const col = (name: string) => header!.indexOf(name);

describe('regioregister', () => {
  it('has the 49 regions of the 2026 publication, in the table order, with slug ids', () => {
    expect(register.regios).toHaveLength(49);
    expect(rows).toHaveLength(49);
    expect(register.regios.map((r) => r.naam)).toEqual(rows.map((r) => r[col('naam')]));
    expect(register.regios.map((r) => r.id)).toEqual(rows.map((r) => slugify(r[col('naam')]!)));
  });

  it.each(rows.map((r) => [r[col('naam')]!, r] as const))('%s: key figures match the seed table', (_naam, row) => {
    const r = register.regios.find((x) => x.naam === row[col('naam')])!;
    const k = r.kerncijfers;
    expect([k.leerlingen_studenten, k.besturen_po, k.besturen_vo, k.mbo_instellingen, k.opleiders]).toEqual(
      ['leerlingen_studenten', 'besturen_po', 'besturen_vo', 'mbo_instellingen', 'opleiders'].map((c) => Number(row[col(c)])),
    );
    const csvGemeenten = row[col('gemeenten')]!.split(';').filter(Boolean);
    // Two CSV rows are cut short mid-name; the register takes those lists from the seed card
    // and says so in `notitie`. Every other list is the table's.
    if (csvGemeenten.some((g) => g.endsWith('-'))) expect(r.notitie).toMatch(/gemeente/i);
    else expect(r.gemeenten).toEqual(csvGemeenten);
  });

  it('keeps the seed oddities and records the doubt instead of correcting', () => {
    const a = register.regios.find((r) => r.id === 'rond-bommel-en-dommel-po')!;
    const b = register.regios.find((r) => r.id === 'onderwijsregio-rijk-van-nijmegen')!;
    expect(a.kerncijfers).toEqual(b.kerncijfers);
    expect(a.notitie ?? b.notitie).toBeTruthy();
  });

  it('reports municipality overlaps as info, never as errors', () => {
    const overlaps = outcome.diagnostics.filter((d) => d.code === 'gemeente-overlap');
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((d) => d.severity === 'info')).toBe(true);
  });
});

describe('worked DINs', () => {
  const dins = filesOfKind(outcome.workspace, 'din');
  const analysis = analyse(outcome.built, { diagnostics: outcome.diagnostics });

  it('the bundled models have no errors', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(outcome.usageProblems).toEqual([]);
  });

  it('covers the ten seed cases, each marked as an example with a bron', () => {
    expect(dins.map((d) => d.model.regio).sort()).toEqual([
      'almere-en-lelystad',
      'amsterdamse-onderwijsregio',
      'friesland-noordelijk-flevoland',
      'midden-nederland-leert-vo-mbo',
      'onderwijsregio-hollands-noorden',
      'onderwijsregio-limburg-po-vo-mbo',
      'onderwijsregio-noord-limburg-po',
      'onderwijsregio-oost-nederland',
      'onderwijsregio-zwolle-en-omgeving',
      'zeeuwse-onderwijsregio-zor',
    ]);
    for (const d of dins) {
      expect(d.model.voorbeeld).toBe(true);
      expect(d.model.bron).toMatch(/004_5b53dcb567dce07f/);
      for (const el of [d.model.ambitie, ...d.model.er_doelen, ...d.model.concrete_doelen, ...d.model.inspanningen]) expect(el.bron ?? d.model.bron).toBeTruthy();
    }
  });

  it.each(dins.map((d) => d.model.regio))('%s appears in the analysis and in diagrams/', (regio) => {
    expect(analysis.dins.some((d) => d.regio === regio)).toBe(true);
    expect(analysis.matrices.functie_regio.kolommen.some((k) => k.id === regio)).toBe(true);
    for (const prefix of ['din', 'schuifjes', 'dekking']) expect(existsSync(join(ROOT, 'diagrams', `${prefix}-${regio}.mmd`))).toBe(true);
  });

  it('every bundled element carries a bron', () => {
    const missing = [...outcome.workspace.elements.values()].filter((e) => !e.bron && e.type !== 'regio').map((e) => e.id);
    expect(missing).toEqual([]);
  });
});

describe('bad input in regions', () => {
  const write = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'tocdin-regio-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return checkWorkspace(['.'], dir);
  };
  const register = (extra = '') => `soort: regioregister\nregios:\n  - id: regio-a\n    naam: Regio A\n    sectoren: [po]\n${extra}`;
  const din = (regio: string) => `soort: din\nregio: ${regio}\nambitie: { id: x-ambitie, tekst: Ambitie }\n`;

  it('a DIN for a region not in the register is a located error with a suggestion', () => {
    const o = write({ 'register.yaml': register(), 'din.yaml': din('regio-b') });
    const d = o.diagnostics.find((x) => x.code === 'verwijzing-onbekend')!;
    expect(d).toMatchObject({ file: 'din.yaml', line: 2, column: 8, severity: 'error' });
    expect(d.hint).toContain('regio-a');
  });

  it('two regions with the same id: both locations', () => {
    const o = write({ 'register.yaml': register('  - id: regio-a\n    naam: Regio A bis\n    sectoren: [vo]\n') });
    const d = o.diagnostics.find((x) => x.code === 'id-dubbel')!;
    expect(d).toMatchObject({ file: 'register.yaml', line: 6, column: 9 });
    expect(d.related?.[0]).toMatchObject({ file: 'register.yaml', line: 3, column: 9 });
  });

  it('negative and fractional key figures are located errors', () => {
    const o = write({ 'register.yaml': register('    kerncijfers: { besturen_po: -3, opleiders: 2.5 }\n') });
    const errors = o.diagnostics.filter((x) => x.severity === 'error').map((x) => [x.code, x.line, x.column, x.message]);
    expect(errors).toEqual([
      ['waarde-te-klein', 6, 33, '`besturen_po` mag niet negatief zijn (staat er: `-3`)'],
      ['type-ongeldig', 6, 48, '`opleiders` moet een heel getal zijn, maar is het getal 2.5 (`2.5`)'],
    ]);
  });
});
