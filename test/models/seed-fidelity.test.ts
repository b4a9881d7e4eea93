/**
 * Corrections from the line-by-line audit of the bundled models against the seeds (issue 15).
 * Each assertion is a fact a seed states (line numbers in the models' `bron`), so a later
 * edit that drops or contradicts it fails here. Also the schema points: no strength nobody
 * stated (15.1), continuïteit (15.2), the region criteria as register checks (15.3).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace } from '../../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..', '..');
const model = (p: string) => parse(readFileSync(join(ROOT, 'models', p), 'utf8'));

type Measurement = { indicator: string; waarde: number };
const register = model('regioregister.yaml') as { regios: { id: string; notitie?: string; metingen?: Measurement[] }[] };
const region = (id: string) => register.regios.find((r) => r.id === id)!;
const measured = (id: string, indicator: string) => region(id).metingen?.find((m) => m.indicator === indicator)?.waarde;

describe('register: figures seed 000 gives', () => {
  it('Haaglanden: 159,070 pupils and 19,105 staff (000 l.997-999, l.1079)', () => {
    expect(measured('onderwijsregio-haaglanden', 'leerlingen-po-vo')).toBe(159070);
    expect(measured('onderwijsregio-haaglanden', 'personeel-po-vo')).toBe(19105);
  });
  it('Noord-Limburg: 2,300 staff (000 l.1077)', () => {
    expect(measured('onderwijsregio-noord-limburg-po', 'personeel-po')).toBe(2300);
  });
  it('Utrecht Stad: +6.0 % net inflow (000 l.1120)', () => {
    const utrecht = register.regios.find((r) => /utrecht.*stad/.test(r.id))!;
    expect(utrecht.metingen?.find((m) => m.indicator === 'saldo-netto-instroom-uitstroom')?.waarde).toBe(6.0);
  });
  it('"go" in midden-brabant-po-go is not expanded as groen onderwijs (004 l.2254)', () => {
    const note = region('midden-brabant-po-go').notitie ?? '';
    expect(note).toMatch(/onbekend/);
    expect(note).not.toMatch(/(?:go|GO)[^.]*(?:is|betekent|staat voor) groen onderwijs/i);
  });
});

describe('beleidsmodel: Figuur 1 as drawn', () => {
  const bm = model('beleidsmodel.yaml');
  const all = Object.values(bm).filter(Array.isArray).flat() as { id: string; leidt_tot?: (string | { naar: string; aanname?: string })[] }[];
  const byId = (id: string) => all.find((e) => e.id === id)!;
  const targets = (id: string) => (byId(id).leidt_tot ?? []).map((l) => (typeof l === 'string' ? l : l.naar));

  it('the impact leads to nothing: the doel is the yardstick, not a result (000 l.303-312)', () => {
    expect(targets('meer-onderwijskwaliteit-en-toegankelijk-onderwijs')).toEqual([]);
  });
  it('gezamenlijk opleiden aims at instroom (000 l.1669-1673)', () => {
    expect(targets('gezamenlijk-opleiden')).toContain('instroom-en-behoud');
  });
  it('anders organiseren: teaching with fewer teachers, on its assumption (000 l.1723-1725)', () => {
    expect(targets('onderwijs-anders-organiseren')).not.toContain('instroom-en-behoud');
    const link = (byId('onderwijs-anders-organiseren').leidt_tot ?? []).find((l) => typeof l !== 'string' && l.aanname === 'anders-organiseren-vangt-schaarste-op');
    expect(link).toBeDefined();
  });
  it('"leren omgaan met schaarste" is a doel (000 l.66-70)', () => {
    expect((bm.doelen as { id: string }[]).map((d) => d.id)).toContain('leren-omgaan-met-schaarste');
  });
});

describe('indicatoren: nothing computed that no seed states', () => {
  it('deeltijdfactor has no "≈0,7"', () => {
    expect(readFileSync(join(ROOT, 'models/indicatoren.yaml'), 'utf8')).not.toMatch(/≈\s*0,7/);
  });
});

describe('DINs: no strength nobody stated (issue 15.1)', () => {
  const dir = join(ROOT, 'models', 'regios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('no contribution in models/regios/ carries a `sterkte`: no seed case grades one', () => {
    expect(files.length).toBe(10);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/^\s*sterkte\s*:/m);
  });
  it('no toelichting justifies a strength with our own reasoning (Amsterdam, Liever voor de Klas)', () => {
    expect(readFileSync(join(dir, 'amsterdamse-onderwijsregio.yaml'), 'utf8')).not.toMatch(/zwak gezet/);
  });
});

describe('DINs: invalpools are continuïteit, the C of ABC&S (issue 15.2; 004 l.123, l.353)', () => {
  type Effort = { id: string; functie: string; activiteit?: string; toelichting?: string };
  const efforts = (f: string) => (model(`regios/${f}`) as { inspanningen: Effort[] }).inspanningen;
  const pools = [
    ...efforts('onderwijsregio-hollands-noorden.yaml'),
    ...efforts('midden-nederland-leert-vo-mbo.yaml').filter((s) => s.id !== 'mnl-gepensioneerde-docenten-verkennen'),
  ];

  it('all ten invalpool inspanningen of Hollands Noorden and Midden-Nederland Leert have functie continuiteit', () => {
    expect(pools.map((s) => [s.id, s.functie])).toEqual([
      ['hn-verkenning-vo-invalpool', 'continuiteit'],
      ['hn-projectleider-plan-en-inventarisatie', 'continuiteit'],
      ['hn-pilots-tekortvakken-en-doelgroepen', 'continuiteit'],
      ['hn-verkenning-samenwerking-mbo', 'continuiteit'],
      ['hn-verkenning-bovenschools-flexteam', 'continuiteit'],
      ['hn-landelijke-werkgroep-vo-vervangingspools', 'continuiteit'],
      ['mnl-pilot-vervangingspool-amersfoort', 'continuiteit'],
      ['mnl-vaste-pool-bovenformatief-aanstellen', 'continuiteit'],
      ['mnl-flexpool-alle-vakken', 'continuiteit'],
      ['mnl-digitale-vervangingsvragen-transvita', 'continuiteit'],
    ]);
  });
  it('none names a beleidsmodel activity (Figuur 1 has none for continuïteit), and each says so', () => {
    for (const s of pools) {
      expect(s.activiteit, s.id).toBeUndefined();
      expect(s.toelichting ?? '', s.id).toMatch(/continuïteit/);
      expect(s.toelichting ?? '', s.id).not.toMatch(/Functie matchen/);
    }
  });
});

describe('register: the criteria for a region (issue 15.3; 000 §2.1.1 l.486-531)', () => {
  const outcome = checkWorkspace(['models'], ROOT);
  const byCode = (code: string) => outcome.diagnostics.filter((d) => d.code === code);

  it('marks as national only the regions a seed calls national', () => {
    const national = (register.regios as { id: string; landelijk?: boolean }[]).filter((r) => r.landelijk).map((r) => r.id);
    expect(national).toEqual(['progressus', 'landelijke-groene-onderwijsregio']);
  });
  it('warns for the four mbo figures below 9,000 students, citing the criterion', () => {
    const below = byCode('regio-onder-minimum');
    expect(below.map((d) => d.message.match(/^regio `([^`]+)` telt ([\d.]+)/)!.slice(1))).toEqual([
      ['zeeuwse-onderwijsregio-zor', '8.252'],
      ['almere-en-lelystad', '5.863'],
      ['food-valley', '1.954'],
      ['progressus', '7.273'],
    ]);
    for (const d of below) {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('minimaal 9.000 mbo-studenten (seed 000 §2.1.1, r. 520-522');
    }
  });
  it('keeps municipality overlaps as info (the one-region rule is per school location)', () => {
    expect(byCode('gemeente-overlap').every((d) => d.severity === 'info')).toBe(true);
    expect(byCode('gemeente-overlap').length).toBe(234);
  });
});
