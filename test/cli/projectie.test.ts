/**
 * `tocdin projectie` on the real models and the bundled scenario (a): the table, the JSON
 * against its schema, the Markdown with the chart, and usage errors with suggestions.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComparisonSchema } from '../../src/analyse/compare.js';
import { ProjectionSchema } from '../../src/analyse/projection.js';
import { runCli } from '../fixtures/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('tocdin projectie', () => {
  it('scenario (a): the hours lever for po, 2500 fte at full effect from 2026', async () => {
    const r = await runCli(['projectie', '--scenario', 'uren-po-landelijk', '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const p = ProjectionSchema.parse(JSON.parse(r.out));
    expect(p.sector).toBe('po');
    expect(p.scenario?.lijnen).toEqual(['uren']);
    expect(p.jaren.map((j) => [j.jaar, j.basis, j.scenario, j.verschil])).toEqual([
      [2022, 9100, 9100, 0],
      [2023, 9400, 9400, 0],
      [2024, 9711, 8877, 833],
      [2025, 10031, 8364, 1667],
      [2026, 10362, 7862, 2500],
      [2027, 10704, 8204, 2500],
      [2028, 11057, 8557, 2500],
      [2029, 11422, 8922, 2500],
      [2030, 11799, 9299, 2500],
    ]);
    // Each default has a bron; only the base year is an assumption of the model.
    expect(p.standaardwaarden.every((f) => f.bron)).toBe(true);
    expect(p.standaardwaarden.filter((f) => f.aanname).map((f) => f.naam)).toEqual(['basisjaar (po)']);
    expect(p.aannames.every((a) => a.aanname)).toBe(true);
  });

  it('text: the table and the assumptions under their own heading', async () => {
    const r = await runCli(['projectie', '--scenario', 'uren-po-landelijk'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  2030                         11.799               9.299           2.500         2.500');
    expect(r.out).toContain('\nAannames van het scenario (geen feiten)\n');
  });

  it('md: the chart as a mermaid block', async () => {
    const r = await runCli(['projectie', '--sector', 'vo', '--format', 'md'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('```mermaid\n---\nconfig:');
    expect(r.out).toContain('  line [1700, 1761, 1825, 1890, 1958, 2029, 2102, 2178, 2256]');
  });

  it('a region: says why not', async () => {
    const r = await runCli(['projectie', '--regio', 'almere-en-lelystad'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('geen projectie voor Almere & Lelystad: het regioregister heeft voor geen enkele regio de werkgelegenheid van leraren in fte');
  });

  it('unknown scenario, sector or region: exit 2 with a suggestion', async () => {
    const s = await runCli(['projectie', '--scenario', 'uren-po'], ROOT);
    expect([s.code, s.err]).toEqual([2, 'tocdin: onbekend scenario `uren-po`; bedoel je `uren-po-landelijk`?\nZie `tocdin projectie --help`.\n']);
    const v = await runCli(['projectie', '--sector', 'mbo'], ROOT);
    expect(v.code).toBe(2);
    expect(v.err).toContain('onbekende sector `mbo`');
  });

  it('the Markdown report shows the baseline of po and vo with their charts, before the diagrams', async () => {
    const r = await runCli(['report', '--format', 'md', '--out', '-'], ROOT);
    expect(r.code).toBe(0);
    const heads = r.out.split('\n').filter((l) => /^## (Projectie|Diagrammen)/.test(l));
    expect(heads).toEqual(['## Projectie lerarentekort po landelijk tot 2030', '## Projectie lerarentekort vo landelijk tot 2030', '## Diagrammen']);
    expect(r.out.match(/^xychart-beta$/gm)).toHaveLength(2);
  });
});

describe('tocdin vergelijk with a scenario that has levers', () => {
  it('text: the differences, then the projection table and where its chart is', async () => {
    const r = await runCli(['vergelijk', 'uren-po-landelijk'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nProjectie lerarentekort po landelijk tot 2030; scenario uren-po-landelijk: ');
    expect(r.out).toContain('  2026                         10.362               7.862           2.500         2.500\n');
    expect(r.out).toContain('diagrams/scenarios/uren-po-landelijk/projectie-po-uren-po-landelijk.mmd');
  });

  it('md: the chart inline; json: the projection under `projectie`, only for a scenario with levers', async () => {
    const md = await runCli(['vergelijk', 'uren-po-landelijk', '--format', 'md'], ROOT);
    expect(md.out).toContain('## Projectie lerarentekort po landelijk tot 2030');
    expect(md.out).toContain('  line [9100, 9400, 8877, 8364, 7862, 8204, 8557, 8922, 9299]');
    const json = ComparisonSchema.parse(JSON.parse((await runCli(['vergelijk', 'uren-po-landelijk', '--format', 'json'], ROOT)).out));
    expect(json.projectie?.jaren.at(-1)).toEqual({ jaar: 2030, basis: 11799, scenario: 9299, verschil: 2500, per_lijn: { uren: 2500, zij_instroom: 0, instroom_uitstroom: 0 } });
    const other = ComparisonSchema.parse(JSON.parse((await runCli(['vergelijk', 'zor-regionale-vervangingspool-vo', '--format', 'json'], ROOT)).out));
    expect(other.projectie).toBeUndefined();
  });
});
