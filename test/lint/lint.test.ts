/**
 * One fixture folder per lint code (fixtures/lint/<code>/): a tiny workspace with exactly one
 * mistake. Each test checks the complete list of diagnostics, so a rule that also fires
 * elsewhere (or a second rule that fires) is caught, and the exact position of the finding.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli, fixture, load, where } from '../fixtures/engine.js';
import { checkWorkspace } from '../../src/pipeline.js';

type Where = ReturnType<typeof where>;

/** Every lint code with its fixture's complete, sorted list of diagnostics. */
const CASES: { code: string; dir?: string; expected: Where[]; message?: string }[] = [
  {
    code: 'schakel-achteruit',
    expected: [{ code: 'schakel-achteruit', severity: 'error', file: 'beleidsmodel.yaml', line: 15, column: 17 }],
    message: 'schakel van outcome `instroom` naar output `campagnes` gaat niet vooruit in het beleidsmodel',
  },
  {
    code: 'schakel-overgeslagen',
    expected: [{ code: 'schakel-overgeslagen', severity: 'warning', file: 'beleidsmodel.yaml', line: 9, column: 15 }],
    message: 'schakel van activiteit `werven` naar outcome `instroom` slaat een stap over',
  },
  {
    code: 'din-niveau-omgekeerd',
    expected: [{ code: 'din-niveau-omgekeerd', severity: 'error', file: 'din.yaml', line: 12, column: 22 }],
    message: 'ER-doel `n-er-behoud` draagt bij aan ER-doel `n-er-instroom`: een bijdrage gaat altijd een niveau omhoog',
  },
  {
    code: 'din-niveau-overgeslagen',
    expected: [{ code: 'din-niveau-overgeslagen', severity: 'warning', file: 'din.yaml', line: 21, column: 15 }],
    message: 'inspanning `n-campagne` draagt direct bij aan ER-doel `n-er-instroom` en slaat een niveau over',
  },
  {
    code: 'din-andere-regio',
    expected: [{ code: 'din-andere-regio', severity: 'warning', file: 'din-noord.yaml', line: 13, column: 37 }],
    message: '`n-cd-zij` (regio regio-noord) draagt bij aan `z-er-instroom` uit het DIN van regio regio-zuid',
  },
  {
    code: 'cyclus',
    expected: [{ code: 'cyclus', severity: 'error', file: 'beleidsmodel.yaml', line: 11, column: 9 }],
    message: 'kring in de keten: `minder-tekort` → `bevoegde-leraar` → `minder-tekort`',
  },
  {
    code: 'cyclus',
    dir: 'cyclus-zelf',
    expected: [{ code: 'cyclus', severity: 'error', file: 'beleidsmodel.yaml', line: 6, column: 9 }],
    message: 'kring in de keten: `bevoegde-leraar` → `bevoegde-leraar`',
  },
  {
    code: 'element-los',
    expected: [{ code: 'element-los', severity: 'warning', file: 'beleidsmodel.yaml', line: 12, column: 9 }],
    message: 'output `folders` hangt los: geen schakel ernaartoe of ervandaan',
  },
  {
    code: 'inspanning-zonder-doel',
    expected: [{ code: 'inspanning-zonder-doel', severity: 'warning', file: 'din.yaml', line: 20, column: 9 }],
    message: 'inspanning `n-idee` draagt aan geen concreet doel bij',
  },
  {
    code: 'doel-zonder-inspanning',
    expected: [{ code: 'doel-zonder-inspanning', severity: 'warning', file: 'din.yaml', line: 14, column: 9 }],
    message: 'aan concreet doel `n-cd-stage` draagt geen inspanning bij',
  },
  {
    code: 'doel-zonder-indicator',
    expected: [{ code: 'doel-zonder-indicator', severity: 'warning', file: 'din.yaml', line: 14, column: 9 }],
    message: 'concreet doel `n-cd-stage` heeft geen indicator en is dus niet meetbaar',
  },
  {
    code: 'er-doel-zonder-concreet-doel',
    expected: [{ code: 'er-doel-zonder-concreet-doel', severity: 'warning', file: 'din.yaml', line: 9, column: 9 }],
    message: 'aan ER-doel `n-er-behoud` draagt geen concreet doel bij',
  },
  {
    code: 'deelvraag-zonder-bewijs',
    expected: [{ code: 'deelvraag-zonder-bewijs', severity: 'warning', file: 'onderzoeksvragen.yaml', line: 15, column: 13 }],
    message: 'deelvraag `dv-zonder-bewijs` heeft geen indicator en geen methode: niets kan haar beantwoorden',
  },
  {
    code: 'bewijs-achterstallig',
    expected: [{ code: 'bewijs-achterstallig', severity: 'warning', file: 'onderzoeksvragen.yaml', line: 20, column: 16 }],
    message: 'deelvraag `dv-achterstallig` was gepland voor fase 2025-1, maar tot en met fase 2025-1 beantwoordt geen bevinding haar',
  },
  {
    code: 'indicator-zonder-databron',
    expected: [{ code: 'indicator-zonder-databron', severity: 'warning', file: 'indicatoren.yaml', line: 3, column: 9 }],
    message: 'indicator `ind-tekort` heeft geen databron',
  },
  {
    code: 'indicator-zonder-meetmoment',
    expected: [{ code: 'indicator-zonder-meetmoment', severity: 'warning', file: 'indicatoren.yaml', line: 6, column: 9 }],
    message: 'indicator `ind-tekort` heeft geen meetmoment',
  },
  {
    code: 'regio-zonder-din',
    expected: [{ code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 3, column: 9 }],
    message: 'regio `regio-noord` heeft nog geen DIN',
  },
  {
    code: 'gemeente-overlap',
    // De regio’s hebben (bewust) geen DIN; Kampen staat twee keer in één regio en telt niet; de
    // landelijke regio noemt Zwolle ook, maar valt buiten de geografische criteria (000 r. 529-530).
    expected: [
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 6, column: 9 },
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 11, column: 9 },
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 15, column: 9 },
      { code: 'gemeente-overlap', severity: 'info', file: 'regioregister.yaml', line: 18, column: 27 },
    ],
    message: 'gemeente Zwolle (vo) ligt ook in regio `regio-noord`, naast `regio-zuid`',
  },
  {
    code: 'regio-onder-minimum',
    // regio-klein: 14.999 po (kerncijfers); regio-breed: 8.999 mbo (meting). Zwijgt bij het
    // totaal van een regio met po, vo en mbo, bij leerlingen po in een po/vo-regio, bij 15.000
    // precies en bij een regio zonder cijfer.
    expected: [
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 4, column: 9 },
      { code: 'regio-onder-minimum', severity: 'warning', file: 'regioregister.yaml', line: 8, column: 29 },
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 9, column: 9 },
      { code: 'regio-onder-minimum', severity: 'warning', file: 'regioregister.yaml', line: 17, column: 17 },
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 22, column: 9 },
      { code: 'regio-zonder-din', severity: 'info', file: 'regioregister.yaml', line: 27, column: 9 },
    ],
    message:
      'regio `regio-klein` telt 14.999 leerlingen po/vo (kerncijfers `leerlingen_studenten`); een onderwijsregio telt minimaal 15.000 leerlingen po/vo (seed 000 §2.1.1, r. 520-522; ook voetnoot 33, r. 1069-1071)',
  },
  {
    code: 'deelvraag-te-breed',
    // Ten inspanningen, all carrying out `werven`, the one activity the deelvraag is about.
    expected: [{ code: 'deelvraag-te-breed', severity: 'info', file: 'onderzoeksvragen.yaml', line: 13, column: 13 }],
    message: 'voor deelvraag `dv-werven` tellen 10 van de 10 inspanningen (100 %): te breed om te laten zien waar de gaten zitten',
  },
];

function diagsOf(dir: string): Diagnostic[] {
  const o = load('lint', dir);
  expect(o.usageProblems).toEqual([]);
  expect(o.failedFiles).toEqual([]);
  return o.diagnostics;
}

describe('lintregels', () => {
  it('heeft een fixture voor elke code in RULES (en geen onbekende codes)', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(codes));
    expect(codes).toHaveLength(19);
  });

  it.each(CASES.map((c) => [c.dir ?? c.code, c] as const))('%s: code, ernst, bestand, regel en kolom', (dir, c) => {
    const diags = diagsOf(dir);
    expect(diags.map(where)).toEqual(c.expected);
    const rule = RULES.find((r) => r.code === c.code)!;
    const hit = diags.find((d) => d.code === c.code)!;
    expect(hit.severity).toBe(rule.severity);
    expect(hit.message).toBe(c.message);
    expect(hit.hint).toBeTruthy();
  });

  it('regio-onder-minimum: de tweede melding noemt de meting en zegt wat de seed openlaat', () => {
    const d = diagsOf('regio-onder-minimum').filter((x) => x.code === 'regio-onder-minimum')[1]!;
    expect(d.message).toBe(
      'regio `regio-breed` telt 8.999 mbo-studenten (meting `mbo-studenten`, 2024/2025); een onderwijsregio telt minimaal 9.000 mbo-studenten (seed 000 §2.1.1, r. 520-522; ook voetnoot 33, r. 1069-1071)',
    );
    expect(d.hint).toBe('controleer het cijfer en of de regio een uitzondering heeft; de seed zegt niet hoe het minimum telt voor een regio met po, vo en mbo');
  });

  it('bewijs-achterstallig: met --fase 2025-2 zijn ook de deelvragen van die fase achterstallig', () => {
    const o = checkWorkspace(['.'], fixture('lint', 'bewijs-achterstallig'), { phase: '2025-2' });
    expect(o.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [20, 'deelvraag `dv-achterstallig` was gepland voor de fasen 2025-1, 2025-2, maar tot en met fase 2025-2 beantwoordt geen bevinding haar'],
      [24, 'deelvraag `dv-later` was gepland voor fase 2025-2, maar tot en met fase 2025-2 beantwoordt geen bevinding haar'],
    ]);
  });

  it('bewijs-achterstallig: zonder register en zonder --fase is er geen huidige fase en dus niets achterstallig', () => {
    expect(load('lint', 'deelvraag-zonder-bewijs').diagnostics.map((d) => d.code)).not.toContain('bewijs-achterstallig');
  });

  it('vindt in de schone fixture geen enkele lintmelding', () => {
    const codes = new Set(RULES.map((r) => r.code));
    const o = load('schoon');
    expect(o.diagnostics.filter((d) => codes.has(d.code))).toEqual([]);
    expect(o.diagnostics).toEqual([]);
  });

  it('meldt in de analysefixture precies de verwachte waarschuwingen en infos', () => {
    expect(load('analyse').diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      'onderzoeksvragen.yaml:23:13 warning deelvraag-zonder-bewijs',
      'onderzoeksvragen.yaml:37:13 warning deelvraag-zonder-bewijs',
      'onderzoeksvragen.yaml:40:13 warning deelvraag-zonder-bewijs',
      'regioregister.yaml:10:17 info gemeente-overlap',
      'regioregister.yaml:11:9 info regio-zonder-din',
      'regios/noord.yaml:28:9 warning doel-zonder-indicator',
      'regios/noord.yaml:31:9 warning doel-zonder-indicator',
      'regios/noord.yaml:34:9 warning doel-zonder-indicator',
      'regios/noord.yaml:85:9 warning inspanning-zonder-doel',
    ]);
  });
});

describe('tocdin validate toont de lintmeldingen', () => {
  it('alleen waarschuwingen: exit 0, de melding staat in de uitvoer', async () => {
    const r = await cli(['validate', fixture('lint', 'schakel-overgeslagen')], fixture('lint', 'schakel-overgeslagen'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('beleidsmodel.yaml:9:15 waarschuwing schakel-overgeslagen');
    expect(r.out).toContain('1 bestand gelezen (1 geldig): 0 fouten, 1 waarschuwing');
  });

  it('een kring (fout): exit 1', async () => {
    const r = await cli(['validate', fixture('lint', 'cyclus')], fixture('lint', 'cyclus'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('beleidsmodel.yaml:11:9 fout cyclus');
  });

  it('--format json bevat de lintmelding met plaats', async () => {
    const r = await cli(['validate', '--format', 'json', '.'], fixture('lint', 'din-niveau-omgekeerd'));
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics.map(where)).toEqual([{ code: 'din-niveau-omgekeerd', severity: 'error', file: 'din.yaml', line: 12, column: 22 }]);
  });

  it('infos alleen met --info', async () => {
    const dir = fixture('lint', 'regio-zonder-din');
    const zonder = await cli(['validate', '.'], dir);
    expect(zonder.code).toBe(0);
    expect(zonder.out).not.toContain('regio-zonder-din');
    expect(zonder.out).toContain('(1 info-meldingen niet getoond; zie ze met --info)');
    const met = await cli(['validate', '--info', '.'], dir);
    expect(met.out).toContain('regioregister.yaml:3:9 info regio-zonder-din');
  });

  it('analyse weigert een model met een lintfout (exit 1)', async () => {
    const r = await cli(['analyse', '.'], fixture('lint', 'cyclus'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('los eerst de fouten op');
  });

  it('de schone fixture valideert zonder meldingen', async () => {
    const r = await cli(['validate', '.'], fixture('schoon'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('6 bestanden gelezen (6 geldig): 0 fouten, 0 waarschuwingen, 0 info\n');
  });
});
