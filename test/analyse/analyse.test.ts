/**
 * The analysis of the hand-built fixture (fixtures/analyse): coverage per deelvraag with its
 * reasons, rollup per onderzoeksvraag, per-region lists, the --regio filter, leverage,
 * orphan energy, matrices and schuifjes. All expectations are exact and were derived by hand
 * from the YAML (see the comments in the fixture files).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { AnalysisSchema, type Analysis } from '../../src/analyse/schema.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { cli, fixture, load } from '../fixtures/engine.js';

const loaded = load('analyse');
const a = analyse(loaded.built, { diagnostics: loaded.diagnostics });

type Dv = Analysis['dekking']['deelvragen'][number];
const dv = (r: Analysis, id: string): Dv => {
  const d = r.dekking.deelvragen.find((x) => x.id === id);
  if (!d) throw new Error(`geen deelvraag ${id}`);
  return d;
};
const dinOf = (r: Analysis, regio: string) => r.dins.find((d) => d.regio === regio)!;

describe('dekking per deelvraag', () => {
  it('geeft elke deelvraag een status, in documentvolgorde', () => {
    expect(a.dekking.deelvragen.map((d) => [d.id, d.onderzoeksvraag, d.status])).toEqual([
      ['dv1-1', 'ov1', 'gedekt'],
      ['dv1-2', 'ov1', 'gedekt'],
      ['dv1-3', 'ov1', 'gedekt'],
      ['dv2-1', 'ov2', 'gat'],
      ['dv2-2', 'ov2', 'deels'],
      ['dv2-3', 'ov2', 'deels'],
      ['dv2-4', 'ov2', 'deels'],
      ['dv3-1', 'ov3', 'gat'],
      ['dv3-2', 'ov3', 'gat'],
      ['f1-1', 'f1-doelen', 'deels'],
    ]);
  });

  it('(a) indicator met databron die een door inspanningen uitgewerkte activiteit meet: gedekt', () => {
    const d = dv(a, 'dv1-1');
    expect(d.status).toBe('gedekt');
    expect(d.redenen).toEqual([
      'keten compleet: 1 indicator(en); 5 inspanningen werken eraan (2 voeren een activiteit uit waar de deelvraag over gaat; 3 via een concreet doel dat een beantwoordende indicator meet); geen regio heeft metingen',
    ]);
    expect(d.redenen[0]!.startsWith('keten compleet')).toBe(true);
    expect(d.indicatoren).toEqual(['ind-werving']);
    expect(d.databronnen).toEqual(['duo']);
    // ind-werving meet de activiteit én (via `indicatoren:` bij de doelen) twee concrete doelen
    expect(d.gemeten_elementen).toEqual(['werven', 'n-cd-zij', 'z-cd-werving']);
    // n-campagne en z-werving voeren `werven` uit (a); de andere drie dragen bij aan een doel dat ind-werving meet (c)
    expect(d.inspanningen).toEqual(['n-campagne', 'n-opleiden', 'z-werving', 'z-matchen', 'z-stoppen']);
    expect(d.ketens.map((k) => `${k.soort} ${k.via.join(' > ')}`)).toEqual([
      'a n-campagne > werven',
      'c n-opleiden > n-cd-zij > ind-werving',
      'a z-werving > werven',
      'c z-matchen > z-cd-werving > ind-werving',
      'c z-stoppen > z-cd-werving > ind-werving',
    ]);
    expect(d.regios).toEqual(['regio-noord', 'regio-zuid']);
    expect(d.data_regios).toEqual([]);
    expect(d.aandeel).toBe(0.556);
  });

  it('gedekt via een regionale indicator op een concreet doel', () => {
    expect(dv(a, 'dv1-2')).toMatchObject({
      status: 'gedekt',
      redenen: ['keten compleet: 1 indicator(en); 2 inspanningen werken eraan (2 via een concreet doel dat een beantwoordende indicator meet); data uit 1 regio'],
      indicatoren: ['n-ind-stage'],
      databronnen: ['n-bron'],
      gemeten_elementen: ['n-cd-stage'],
      inspanningen: ['n-campagne', 'n-matchen'],
      regios: ['regio-noord'],
      // the region's own answering indicator is data, shown apart from its inspanningen
      data_regios: ['regio-noord'],
    });
  });

  it('gedekt zonder inspanning, dankzij metingen in het regioregister', () => {
    expect(dv(a, 'dv1-3')).toMatchObject({
      status: 'gedekt',
      redenen: ['keten compleet: 1 indicator(en); geen inspanning werkt eraan; data uit 1 regio'],
      gemeten_elementen: ['trajecten'],
      inspanningen: [],
      regios: [],
      data_regios: ['regio-west'],
    });
  });

  it('(b) geen indicator en geen methode: gat', () => {
    expect(dv(a, 'dv2-1')).toMatchObject({
      status: 'gat',
      redenen: [
        'geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd',
        'de deelvraag is aan geen element van het beleidsmodel gekoppeld (`over`)',
      ],
      indicatoren: [],
      inspanningen: [],
      regios: [],
    });
    expect(dv(a, 'dv3-1')).toMatchObject({
      status: 'gat',
      redenen: [
        'geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd',
        'geen inspanning van een regio werkt aan `begeleiden`: geen voert het uit als activiteit of leidt er in één causale stap heen',
      ],
    });
  });

  it('(c) geen indicator maar wel methoden: deels, alleen kwalitatief bewijs', () => {
    const d = dv(a, 'dv2-2');
    expect(d.status).toBe('deels');
    expect(d.redenen).toEqual([
      'geen indicator beantwoordt deze deelvraag; alleen kwalitatief bewijs via interviews, focusgroepen',
      '2 inspanningen werken eraan (2 voeren een activiteit uit waar de deelvraag over gaat)',
    ]);
    expect(d.redenen[0]).toContain('alleen kwalitatief bewijs');
    expect(d.methoden).toEqual(['interviews', 'focusgroepen']);
    expect(d.inspanningen).toEqual(['n-campagne', 'z-werving']);
    expect(d.regios).toEqual(['regio-noord', 'regio-zuid']);
  });

  it('(d) een indicator die niets meet: deels', () => {
    const d = dv(a, 'dv2-3');
    expect(d.status).toBe('deels');
    expect(d.redenen).toEqual(['indicator `ind-leeg` meet geen element van het beleidsmodel of een DIN']);
    expect(d.redenen[0]).toContain('meet geen element');
    expect(d.gemeten_elementen).toEqual([]);
  });

  it('(e) een indicator die iets meet waar geen inspanning aan bijdraagt: deels', () => {
    const d = dv(a, 'dv2-4');
    expect(d.status).toBe('deels');
    expect(d.redenen).toEqual([
      'geen inspanning telt voor deze deelvraag (ze heeft geen `over` en haar indicatoren meten geen concreet doel waar een inspanning aan bijdraagt) en geen regio heeft metingen van haar indicatoren',
    ]);
    expect(d.redenen[0]).toContain('geen inspanning');
    expect(d.gemeten_elementen).toEqual(['begeleiden']);
    expect(d.inspanningen).toEqual([]);
  });

  it('een deelvraag van de eerste fase hoort bij haar cluster, niet bij `hoort_bij`', () => {
    expect(dv(a, 'f1-1')).toMatchObject({ onderzoeksvraag: 'f1-doelen', status: 'deels', methoden: ['documentanalyse'] });
  });
});

describe('dekking per onderzoeksvraag', () => {
  it('rolt op: alles gedekt → gedekt, gemengd → deels, alles gat → gat, niets → gat', () => {
    expect(a.dekking.onderzoeksvragen.map((q) => ({ id: q.id, nummer: q.nummer, status: q.status, n: [q.gedekt, q.deels, q.gat], dv: q.deelvragen }))).toEqual([
      { id: 'ov1', nummer: 1, status: 'gedekt', n: [3, 0, 0], dv: ['dv1-1', 'dv1-2', 'dv1-3'] },
      { id: 'ov2', nummer: 2, status: 'deels', n: [0, 3, 1], dv: ['dv2-1', 'dv2-2', 'dv2-3', 'dv2-4'] },
      { id: 'ov3', nummer: 3, status: 'gat', n: [0, 0, 2], dv: ['dv3-1', 'dv3-2'] },
      { id: 'ov4', nummer: 4, status: 'gat', n: [0, 0, 0], dv: [] },
      { id: 'f1-doelen', nummer: null, status: 'deels', n: [0, 1, 0], dv: ['f1-1'] },
    ]);
  });

  it('somt per regio met DIN de deelvragen op waaraan zij bijdraagt', () => {
    expect(a.dekking.per_regio).toEqual([
      { regio: 'regio-noord', deelvragen: ['dv1-1', 'dv1-2', 'dv2-2'], data: ['dv1-2'] },
      { regio: 'regio-zuid', deelvragen: ['dv1-1', 'dv2-2'], data: [] },
    ]);
  });
});

describe('--regio filter', () => {
  const zuid = analyse(loaded.built, { regio: 'regio-zuid' });
  const west = analyse(loaded.built, { regio: 'regio-west' });

  it('telt alleen inspanningen en metingen van die regio', () => {
    expect(zuid.regio_filter).toBe('regio-zuid');
    expect(zuid.dekking.deelvragen.map((d) => [d.id, d.status])).toEqual([
      ['dv1-1', 'gedekt'],
      ['dv1-2', 'deels'], // alleen Noord werkt aan stageplaatsen
      ['dv1-3', 'deels'], // de meting staat bij West
      ['dv2-1', 'gat'],
      ['dv2-2', 'deels'],
      ['dv2-3', 'deels'],
      ['dv2-4', 'deels'],
      ['dv3-1', 'gat'],
      ['dv3-2', 'gat'],
      ['f1-1', 'deels'],
    ]);
    expect(dv(zuid, 'dv1-1')).toMatchObject({
      inspanningen: ['z-werving', 'z-matchen', 'z-stoppen'],
      regios: ['regio-zuid'],
      aandeel: 1,
      redenen: ['keten compleet: 1 indicator(en); 3 inspanningen werken eraan (1 voert een activiteit uit waar de deelvraag over gaat; 2 via een concreet doel dat een beantwoordende indicator meet); geen regio heeft metingen'],
    });
    expect(dv(zuid, 'dv1-2').redenen).toEqual([
      'geen inspanning telt voor deze deelvraag (ze heeft geen `over` en haar indicatoren meten geen concreet doel waar een inspanning aan bijdraagt) en geen regio heeft metingen van haar indicatoren',
    ]);
    expect(dv(zuid, 'dv2-2')).toMatchObject({ inspanningen: ['z-werving'], regios: ['regio-zuid'] });
    expect(zuid.dekking.onderzoeksvragen.find((q) => q.id === 'ov1')).toMatchObject({ status: 'deels', gedekt: 1, deels: 2, gat: 0 });
  });

  it('beperkt per_regio, DINs, schuifjes en matrixkolommen tot die regio', () => {
    expect(zuid.dekking.per_regio).toEqual([{ regio: 'regio-zuid', deelvragen: ['dv1-1', 'dv2-2'], data: [] }]);
    expect(zuid.dins.map((d) => d.regio)).toEqual(['regio-zuid']);
    expect(zuid.schuifjes.map((s) => s.regio)).toEqual(['regio-zuid']);
    expect(zuid.matrices.functie_regio.kolommen).toEqual([{ id: 'regio-zuid', label: 'Onderwijsregio Zuid' }]);
    expect(zuid.matrices.deelvraag_regio.cellen).toEqual([[3], [0], [0], [0], [1], [0], [0], [0], [0], [0]]);
  });

  it('een regio zonder DIN houdt alleen haar eigen metingen over', () => {
    expect(west.dekking.deelvragen.filter((d) => d.status === 'gedekt').map((d) => d.id)).toEqual(['dv1-3']);
    expect(dv(west, 'dv1-1').status).toBe('deels');
    expect(west.dekking.per_regio).toEqual([]);
    expect(west.dins).toEqual([]);
    expect(west.matrices.functie_regio.cellen).toEqual([[], [], [], [], [], [], []]);
  });
});

describe('hefboompunten en weesenergie', () => {
  const noord = dinOf(a, 'regio-noord');

  it('rangschikt inspanningen met ≥ 2 concrete doelen op gewicht (zwak 1, middel 2, sterk 3; onbekend 1)', () => {
    // n-opleiden: sterk + sterk = 6 (2 doelen); n-campagne: zwak + zwak + middel = 4 (3 doelen,
    // 3 ER-doelen); n-matchen: middel + middel = 4 (2 doelen, 1 ER-doel); n-coach en
    // n-vacaturebank dragen aan één doel bij en tellen niet mee.
    expect(noord.hefboom_inspanningen).toEqual([
      { id: 'n-opleiden', gewicht: 6, onbekende_sterkte: 0, concrete_doelen: 2, er_doelen: 3 },
      { id: 'n-campagne', gewicht: 4, onbekende_sterkte: 0, concrete_doelen: 3, er_doelen: 3 },
      { id: 'n-matchen', gewicht: 4, onbekende_sterkte: 0, concrete_doelen: 2, er_doelen: 1 },
    ]);
  });

  it('rangschikt concrete doelen met ≥ 2 ER-doelen eerst op aantal ER-doelen, dan op gewicht', () => {
    expect(noord.hefboom_doelen).toEqual([
      { id: 'n-cd-breed', gewicht: 1, onbekende_sterkte: 0, er_doelen: 3, inspanningen: 1 },
      { id: 'n-cd-mentor', gewicht: 5, onbekende_sterkte: 0, er_doelen: 2, inspanningen: 2 },
      { id: 'n-cd-zij', gewicht: 4, onbekende_sterkte: 0, er_doelen: 2, inspanningen: 2 },
    ]);
  });

  it('vindt weesenergie: geen bijdrage, of een doel dat nergens heen leidt', () => {
    expect(noord.weesenergie).toEqual([
      { id: 'n-vacaturebank', reden: 'bijdrage loopt dood bij `n-cd-los`: daarvandaan geen weg naar de ambitie' },
      { id: 'n-idee', reden: 'draagt aan geen concreet doel bij' },
    ]);
  });

  it('een DIN zonder hefboom of weesenergie geeft lege lijsten', () => {
    const zuid = dinOf(a, 'regio-zuid');
    expect([zuid.hefboom_inspanningen, zuid.hefboom_doelen, zuid.weesenergie, zuid.gaten]).toEqual([[], [], [], []]);
  });

  it('somt de gaten in het DIN op', () => {
    expect(noord.gaten.map((g) => [g.id, g.soort])).toEqual([
      ['n-cd-mentor', 'doel-zonder-indicator'],
      ['n-cd-breed', 'doel-zonder-indicator'],
      ['n-cd-los', 'doel-zonder-indicator'],
      ['n-idee', 'inspanning-zonder-doel'],
    ]);
  });

  it('geeft de bijdragen met sterkte uit de graaf', () => {
    expect(noord.bijdragen.filter((b) => b.van === 'n-campagne')).toEqual([
      { van: 'n-campagne', naar: 'n-cd-zij', sterkte: 'zwak' },
      { van: 'n-campagne', naar: 'n-cd-stage', sterkte: 'zwak' },
      { van: 'n-campagne', naar: 'n-cd-mentor', sterkte: 'middel' },
    ]);
    expect(noord.bijdragen.find((b) => b.van === 'n-er-instroom')).toEqual({ van: 'n-er-instroom', naar: 'n-ambitie', sterkte: null });
    expect(noord.concrete_doelen.find((c) => c.id === 'n-cd-stage')).toMatchObject({ indicatoren: ['n-ind-stage'], er_doelen: ['n-er-instroom'] });
  });

  // Regression: the weight was once summed over the YAML list, counting a contribution written
  // twice (n-cd-zij: sterk and zwak) twice. The graph keeps one edge per doel: 3 + 1 = 4.
  it('telt een dubbel genoemde bijdrage één keer in het gewicht (zoals de graaf)', () => {
    const o = load('bijdrage-dubbel');
    const din = analyse(o.built).dins[0]!;
    expect(din.bijdragen.filter((b) => b.van === 'n-campagne')).toEqual([
      { van: 'n-campagne', naar: 'n-cd-zij', sterkte: 'sterk' },
      { van: 'n-campagne', naar: 'n-cd-stage', sterkte: 'zwak' },
    ]);
    expect(din.hefboom_inspanningen).toEqual([{ id: 'n-campagne', gewicht: 4, onbekende_sterkte: 0, concrete_doelen: 2, er_doelen: 1 }]);
  });
});

describe('dekking: een gat blijft een gat per regio', () => {
  const files = ['beleidsmodel.yaml', 'din-noord.yaml', 'din-zuid.yaml', 'indicatoren.yaml', 'regioregister.yaml'].map((f) => `schoon/${f}`);
  const o = checkWorkspace([...files, 'gat-met-inspanning/onderzoeksvragen.yaml'], fixture());
  const r = analyse(o.built);

  it('de deelvraag zonder indicator en methode is een gat', () => {
    expect(o.diagnostics.map((d) => d.code)).toEqual(['deelvraag-zonder-bewijs']);
    expect(dv(r, 'dv-ervaring')).toMatchObject({
      status: 'gat',
      redenen: [
        'geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd',
        '2 inspanningen werken eraan (2 voeren een activiteit uit waar de deelvraag over gaat)',
      ],
      inspanningen: ['n-campagne', 'z-campagne'],
      regios: [],
    });
  });

  // Regression: a `gat` deelvraag (no indicator, no method) was counted as regional evidence
  // because regions' inspanningen reach its element. Nothing collects that evidence: 0 cells.
  it('telt voor een gat geen bewijs per regio', () => {
    const row = r.matrices.deelvraag_regio.rijen.findIndex((x) => x.id === 'dv-ervaring');
    expect(r.matrices.deelvraag_regio.cellen[row]).toEqual([0, 0]);
    expect(r.dekking.per_regio).toEqual([
      { regio: 'regio-noord', deelvragen: ['dv-instroom'], data: ['dv-instroom'] },
      { regio: 'regio-zuid', deelvragen: ['dv-instroom'], data: [] },
    ]);
  });
});

describe('matrices', () => {
  it('functie × regio telt inspanningen per kernfunctie', () => {
    const m = a.matrices.functie_regio;
    expect(m.rijen.map((r) => r.id)).toEqual(['werven', 'matchen', 'opleiden', 'begeleiden', 'professionaliseren', 'continuiteit', 'anders-organiseren']);
    expect(m.rijen.find((r) => r.id === 'continuiteit')!.label).toBe('continuïteit');
    expect(m.kolommen).toEqual([
      { id: 'regio-noord', label: 'Onderwijsregio Noord' },
      { id: 'regio-zuid', label: 'Onderwijsregio Zuid' },
    ]);
    expect(m.cellen).toEqual([[2, 1], [1, 1], [1, 1], [1, 0], [0, 0], [0, 0], [1, 0]]);
  });

  it('deelvraag × regio telt per regio de inspanningen die voor de deelvraag tellen (geen data)', () => {
    const m = a.matrices.deelvraag_regio;
    expect(m.rijen.map((r) => r.id)).toEqual(['dv1-1', 'dv1-2', 'dv1-3', 'dv2-1', 'dv2-2', 'dv2-3', 'dv2-4', 'dv3-1', 'dv3-2', 'f1-1']);
    expect(m.kolommen.map((k) => k.id)).toEqual(['regio-noord', 'regio-zuid']);
    // dv1-1: Noord n-campagne + n-opleiden, Zuid drie inspanningen; dv1-2: twee inspanningen
    // (de regionale indicator van Noord is data, geen inspanning); dv1-3: alleen data van West.
    expect(m.cellen).toEqual([[2, 3], [2, 0], [0, 0], [0, 0], [1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
  });

  it('stap × regio telt de stappen van het beleidsmodel die een regio raakt', () => {
    expect(a.matrices.stap_regio.rijen.map((r) => r.id)).toEqual(['input', 'activiteiten', 'output', 'outcome', 'impact']);
    expect(a.matrices.stap_regio.cellen).toEqual([[1, 1], [2, 1], [1, 1], [2, 2], [1, 1]]);
  });
});

describe('schuifjes', () => {
  it('berekent de afstand gewenst − nu op de schaal en telt per regio', () => {
    expect(a.schuifjes).toEqual([
      {
        regio: 'regio-noord',
        inspanningen: [
          { id: 'n-campagne', label: 'Regionale wervingscampagne', nu: 'autonoom', gewenst: 'integreren', afstand: 4 },
          { id: 'n-opleiden', label: 'Samen opleiden', nu: 'gezamenlijk', gewenst: 'gezamenlijk', afstand: 0 },
          { id: 'n-coach', label: 'Loopbaancoaches', nu: 'niet-handelen', gewenst: 'autonoom', afstand: 1 },
        ],
        zonder_schuifjes: 3,
        meer_samenwerking: 2,
        gelijk: 1,
        minder_samenwerking: 0,
        blijft_autonoom: 1,
      },
      {
        regio: 'regio-zuid',
        inspanningen: [
          { id: 'z-werving', label: 'Gezamenlijke vacatures', nu: 'autonoom', gewenst: 'gezamenlijk', afstand: 3 },
          { id: 'z-matchen', label: 'Matchen van zij-instromers', nu: 'afstemmen', gewenst: 'afstemmen', afstand: 0 },
          { id: 'z-stoppen', label: 'Eigen opleidingsschool (gestopt)', nu: 'kennis-delen', gewenst: 'niet-handelen', afstand: -2 },
        ],
        zonder_schuifjes: 0,
        meer_samenwerking: 1,
        gelijk: 1,
        minder_samenwerking: 1,
        blijft_autonoom: 1,
      },
    ]);
  });
});

describe('samenvatting en overige onderdelen', () => {
  it('telt bestanden, regio\'s en diagnostiek', () => {
    expect(a.samenvatting).toMatchObject({
      bestanden: 6,
      regios: 3,
      regios_met_din: 2,
      diagnostieken: { fouten: 0, waarschuwingen: 7, info: 2 },
    });
    expect(a.samenvatting.elementen).toMatchObject({ deelvraag: 10, inspanning: 9, 'concreet-doel': 6, indicator: 5, regio: 3 });
    expect(a.regios_zonder_din).toEqual(['regio-west']);
    expect(a.gemeente_overlap).toEqual([{ gemeente: 'Kampen', sector: 'vo', regios: ['regio-noord', 'regio-zuid'] }]);
  });

  it('geeft de indicatoren met hun databronnen en regio', () => {
    expect(a.indicatoren.map((i) => [i.id, i.databronnen.map((b) => b.id), i.regio])).toEqual([
      ['ind-werving', ['duo'], null],
      ['ind-tevredenheid', ['enquete'], null],
      ['ind-leeg', ['duo'], null],
      ['ind-begeleiding', ['duo'], null],
      ['n-ind-stage', ['n-bron'], 'regio-noord'],
    ]);
  });
});

describe('analyse als JSON', () => {
  it('voldoet aan AnalysisSchema (ook na een JSON-rondreis)', () => {
    expect(() => AnalysisSchema.parse(a)).not.toThrow();
    expect(AnalysisSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });

  it('`analyse --format json` geeft twee keer byte voor byte dezelfde uitvoer', async () => {
    const dir = fixture('analyse');
    const first = await cli(['analyse', '--format', 'json', dir], dir);
    const second = await cli(['analyse', '--format', 'json', dir], dir);
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(second.out).toBe(first.out);
    const parsed = AnalysisSchema.parse(JSON.parse(first.out));
    expect(parsed.dekking.deelvragen.map((d) => d.status)).toEqual(a.dekking.deelvragen.map((d) => d.status));
    expect(parsed.samenvatting.diagnostieken).toEqual({ fouten: 0, waarschuwingen: 7, info: 2 });
  });

  it('`--regio regio-zuid` filtert ook via de CLI', async () => {
    const dir = fixture('analyse');
    const r = await cli(['analyse', '--format', 'json', '--regio', 'regio-zuid', '.'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).regio_filter).toBe('regio-zuid');
  });

  it('een onbekende regio: exit 2, met een suggestie als die er is', async () => {
    const dir = fixture('analyse');
    const onbekend = await cli(['analyse', '--regio', 'onbekend', '.'], dir);
    expect(onbekend.code).toBe(2);
    expect(onbekend.out).toBe('');
    expect(onbekend.err).toContain('onbekende regio `onbekend`');
    const tikfout = await cli(['analyse', '--regio', 'regio-nord', '.'], dir);
    expect(tikfout.code).toBe(2);
    expect(tikfout.err).toContain('onbekende regio `regio-nord`; bedoel je `regio-noord`?');
  });
});
