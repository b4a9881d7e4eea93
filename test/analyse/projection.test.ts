/**
 * The shortage projection on hand-built parameters: exact numbers per year for the baseline
 * and for each intervention line, the build-up and the retention, the floor at 0, and a
 * region with and without the figures it needs.
 */
import { describe, expect, it } from 'vitest';
import { leverEffects, project, ProjectionSchema, ramp } from '../../src/analyse/projection.js';
import { defaults, hours, register, scenario } from '../fixtures/projection.js';

describe('baseline: the shortage grows with the growth from the source', () => {
  it('po: 9100 fte growing 3.3 % a year, 2022-2030', () => {
    const p = project({ defaults, defaultsFile: 'models/projectie.yaml', sector: 'po' });
    expect(ProjectionSchema.parse(p)).toEqual(p);
    expect(p.jaren.map((j) => [j.jaar, j.basis])).toEqual([
      [2022, 9100], [2023, 9400], [2024, 9711], [2025, 10031], [2026, 10362], [2027, 10704], [2028, 11057], [2029, 11422], [2030, 11799],
    ]);
    expect(p.jaren.every((j) => j.scenario === null && j.verschil === null && j.per_lijn === null)).toBe(true);
    expect(p.standaardwaarden.map((f) => [f.naam, f.waarde, f.aanname])).toEqual([
      ['basisjaar (po)', 2022, true],
      ['lerarentekort po landelijk', 9100, false],
      ['groei van het tekort zonder beleidswijziging (po)', 3.3, false],
    ]);
    expect(p.kengetallen.map((k) => k.naam)).toEqual(['contract']);
    expect(p.aannames).toEqual([]);
  });

  it('vo: 1700 fte growing 3.6 % a year; po figures are not shown', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'vo' });
    expect(p.jaren.map((j) => j.basis)).toEqual([1700, 1761, 1825, 1890, 1958, 2029, 2102, 2178, 2256]);
    expect(p.kengetallen).toEqual([]);
  });
});

describe('levers along the three intervention lines', () => {
  it('hours: 100000 part-timers × 25 % × 4 h / 40 h = 2500 fte, built up over 3 years from 2024', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'po', scenario: scenario({ sector: 'po', uren: hours }) });
    expect(p.jaren.map((j) => [j.jaar, j.basis, j.scenario, j.verschil, j.per_lijn!.uren])).toEqual([
      [2022, 9100, 9100, 0, 0],
      [2023, 9400, 9400, 0, 0],
      [2024, 9711, 8877, 833, 833],
      [2025, 10031, 8364, 1667, 1667],
      [2026, 10362, 7862, 2500, 2500],
      [2027, 10704, 8204, 2500, 2500],
      [2028, 11057, 8557, 2500, 2500],
      [2029, 11422, 8922, 2500, 2500],
      [2030, 11799, 9299, 2500, 2500],
    ]);
    expect(p.scenario).toEqual({ id: 's', naam: 'S', bestand: 'scenarios/s.yaml', lijnen: ['uren'] });
    // Every parameter is an assumption of the scenario, even the one that cites a source.
    expect(p.aannames.map((a) => [a.naam, a.waarde, a.eenheid, a.aanname, a.bron ?? null])).toEqual([
      ['leraren in deeltijd die de maatregel bereikt', 100000, 'personen', true, null],
      ['deel van hen dat uren uitbreidt', 25, 'procent', true, '003 r. 867'],
      ['extra uren per leraar die uitbreidt', 4, 'uur per week', true, null],
      ['uren in één fte', 40, 'uur per week', true, null],
      ['ingang', 2024, 'jaartal', true, null],
      ['opbouw tot het volle effect', 3, 'jaar', true, null],
    ]);
  });

  it('zij-instroom: each cohort counts whole in its first year, then 90 % stays each year', () => {
    const p = scenario({ sector: 'po', zij_instroom: { extra_per_jaar: 1000, fte_per_persoon: 0.8, behoud: 90, vanaf: 2023 } }).model.projectie!;
    expect([2022, 2023, 2024, 2025].map((t) => leverEffects(p, t, 2022).zij_instroom)).toEqual([0, 800, 800 + 720, 800 + 720 + 648.0000000000001]);
  });

  it('instroom and uitstroom: both accumulate, counted from the base year when the start is earlier', () => {
    const p = scenario({ sector: 'po', instroom_uitstroom: { extra_instroom_fte: 100, minder_uitstroom_fte: 50, vanaf: 2020 } }).model.projectie!;
    expect([2022, 2023, 2024].map((t) => leverEffects(p, t, 2022).instroom_uitstroom)).toEqual([150, 300, 450]);
  });

  it('all three lines add up; the table columns are per line', () => {
    const p = project({
      defaults, defaultsFile: 'm', sector: 'po',
      scenario: scenario({ sector: 'po', uren: hours, zij_instroom: { extra_per_jaar: 1000, fte_per_persoon: 0.8, behoud: 90, vanaf: 2023 }, instroom_uitstroom: { extra_instroom_fte: 100, minder_uitstroom_fte: 50, vanaf: 2025 } }),
    });
    const y2025 = p.jaren.find((j) => j.jaar === 2025)!;
    expect(y2025.per_lijn).toEqual({ uren: 1667, zij_instroom: 2168, instroom_uitstroom: 150 });
    // 10030.957 − 1666.667 − 2168 − 150 = 6046.29
    expect([y2025.basis, y2025.scenario, y2025.verschil]).toEqual([10031, 6046, 3985]);
    expect(p.scenario!.lijnen).toEqual(['uren', 'zij_instroom', 'instroom_uitstroom']);
  });

  it('the shortage never goes below 0, and the output says so', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'vo', scenario: scenario({ sector: 'vo', instroom_uitstroom: { extra_instroom_fte: 1000, minder_uitstroom_fte: 0, vanaf: 2022 } }) });
    expect(p.jaren.map((j) => j.scenario)).toEqual([700, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.jaren[2]!.verschil).toBe(1825);
    expect(p.opmerkingen).toEqual(['In sommige jaren nemen de hefbomen meer weg dan het tekort; het tekort is daar 0 (een overschot rekent de projectie niet).']);
  });

  it('a scenario for the other sector leaves the projection at the baseline and says why', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'vo', scenario: scenario({ sector: 'po', uren: hours }) });
    expect(p.jaren.every((j) => j.scenario === null)).toBe(true);
    expect(p.opmerkingen).toEqual(['Het scenario gaat over het po; zijn hefbomen tellen hier niet mee.']);
  });

  it('ramp: 0 before the start, then linear to 1', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((t) => ramp(t, 2024, 4))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('regions', () => {
  const [a, b] = register.regios;

  it('with the register percentage and an employment the scenario states: the same arithmetic from the peiljaar', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'po', region: a!, scenario: scenario({ sector: 'po', regio: 'a', werkgelegenheid_fte: { waarde: 2000, toelichting: 'aanname' } }) });
    expect(p.mogelijk).toBe(true);
    expect(p.basisjaar).toBe(2024);
    // 23.6 % of 2000 fte = 472 fte in 2024, growing with the national 3.3 %.
    expect(p.jaren.slice(0, 3).map((j) => j.basis)).toEqual([472, 488, 504]);
    expect(p.standaardwaarden[0]).toMatchObject({ naam: 'tekortpercentage leraren po in Regio A (peiljaar 2024)', waarde: 23.6, bron: '000 Tabel 3', aanname: false });
    expect(p.aannames.map((x) => [x.lijn, x.naam, x.waarde])).toEqual([
      ['regio', 'werkgelegenheid leraren po in Regio A', 2000],
      ['regio', 'groei van het tekort in Regio A: de landelijke groei (po)', 3.3],
    ]);
    expect(p.opmerkingen).toEqual(['Tekort in 2024: 23,6 % van 2000 fte = 472 fte.']);
  });

  it('without an employment figure: no projection, and why', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'po', region: a! });
    expect(p.mogelijk).toBe(false);
    expect(p.jaren).toEqual([]);
    expect(p.reden).toBe(
      'geen projectie voor Regio A: het regioregister heeft voor geen enkele regio de werkgelegenheid van leraren in fte (seed 000 Tabel 2 geeft alleen gemiddelden, minima en maxima per soort regio, van al het personeel); een scenario kan haar als aanname geven (`projectie.regio` en `projectie.werkgelegenheid_fte`)',
    );
  });

  it('without a shortage percentage: says which indicator is missing', () => {
    const p = project({ defaults, defaultsFile: 'm', sector: 'vo', region: b!, scenario: scenario({ sector: 'vo', regio: 'b', werkgelegenheid_fte: 1000 }) });
    expect(p.mogelijk).toBe(false);
    expect(p.reden).toBe('geen projectie voor Regio B: het regioregister heeft voor Regio B geen tekortpercentage leraren vo (indicator `tekortpercentage-leraren-vo`)');
  });
});
