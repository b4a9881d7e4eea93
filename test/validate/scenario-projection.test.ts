/**
 * The `projectie:` block of a scenario: each mistake is a located diagnostic at its line and
 * column, with the existing codes (a percentage over 100, 0 hours in an fte, a word where a
 * number belongs, an unknown key, an employment figure without a region).
 */
import { describe, expect, it } from 'vitest';
import { readModelText } from '../../src/read/read.js';
import { validateFile } from '../../src/validate/validate.js';

function diagnose(yaml: string) {
  const read = readModelText('scenarios/t.yaml', yaml);
  expect(read.diagnostics).toEqual([]);
  return validateFile(read.file!).diagnostics.map((d) => [d.code, d.line, d.column, d.message]);
}

const head = 'soort: scenario\nid: t\nnaam: T\nlegt_over: lerarentekort\nprojectie:\n  sector: po\n';

describe('scenario projectie parameters', () => {
  it('a valid block has no diagnostics; a parameter may carry its toelichting and bron', () => {
    expect(diagnose(`${head}  uren:\n    deeltijders: { waarde: 10, toelichting: aanname }\n    aandeel_uitbreiders: { waarde: 25, bron: "003 r. 867" }\n    extra_uren: 4\n    uren_per_fte: 40\n    vanaf: 2024\n`)).toEqual([]);
  });

  it('each mistake at its place', () => {
    expect(diagnose(`${head}  uren: { deeltijders: veel, aandeel_uitbreiders: 250, extra_uren: 4, uren_per_fte: 0, vanaf: 2024, opbouw: 2 }\n`)).toEqual([
      ['type-ongeldig', 7, 24, '`deeltijders` heeft een onverwachte vorm (`veel`)'],
      ['waarde-ongeldig', 7, 51, '`aandeel_uitbreiders` (`250`): een percentage ligt tussen 0 en 100'],
      ['waarde-te-klein', 7, 85, '`uren_per_fte` moet groter dan 0 zijn (staat er: `0`)'],
      ['sleutel-onbekend', 7, 101, 'onbekende sleutel `opbouw`'],
    ]);
  });

  it('an employment figure without a region would be ignored: refused at its line', () => {
    expect(diagnose(`${head}  werkgelegenheid_fte: 100\n`)).toEqual([
      ['waarde-ongeldig', 7, 24, '`werkgelegenheid_fte` (`100`): geldt alleen voor een regio: zet er `regio:` bij, of laat het weg voor de landelijke projectie'],
    ]);
  });

  it('a sector the projection does not have', () => {
    expect(diagnose(head.replace('sector: po', 'sector: mbo')).map((d) => d.slice(0, 3))).toEqual([['waarde-ongeldig', 6, 11]]);
  });
});
