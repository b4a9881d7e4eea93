/**
 * Coverage that discriminates (issue 17): an inspanning counts for a deelvraag only through a
 * chain a researcher accepts — (a) it carries out an activiteit in `over`, (b) its activiteit
 * leads in one causal step to a non-hub element in `over`, (c) it contributes to a concreet
 * doel that an answering indicator measures — each with its `via` chain; data of a region is
 * kept apart from effort; the share per deelvraag and the `deelvraag-te-breed` info; and
 * explain lists only the deelvragen an element really touches. Fixture: fixtures/engine/dekking
 * (the expected chains are derived by hand from its YAML comments).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { explain } from '../../src/analyse/paths.js';
import type { Analysis } from '../../src/analyse/schema.js';
import { neighbours } from '../../src/graph/build.js';
import { countedEfforts, countingIndex, MIN_EFFORTS_FOR_BREADTH, tooBroad } from '../../src/graph/coverage.js';
import { renderExplainText } from '../../src/render/explain.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { load, ROOT, where } from '../fixtures/engine.js';

const loaded = load('dekking');
const a = analyse(loaded.built);
const dv = (r: Analysis, id: string) => r.dekking.deelvragen.find((d) => d.id === id)!;

describe('wanneer een inspanning meetelt', () => {
  it('de fixture is schoon', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(a.dekking.inspanningen_totaal).toBe(6);
  });

  it('(a) een inspanning die een activiteit uit `over` uitvoert, met de keten inspanning → activiteit', () => {
    expect(dv(a, 'dv-a').ketens).toEqual([
      { inspanning: 'n-werven', soort: 'a', via: ['n-werven', 'werven'] },
      { inspanning: 'z-werven', soort: 'a', via: ['z-werven', 'werven'] },
    ]);
    expect(dv(a, 'dv-a').inspanningen).toEqual(['n-werven', 'z-werven']);
    expect(dv(a, 'dv-a').redenen[1]).toBe('2 inspanningen werken eraan (2 voeren een activiteit uit waar de deelvraag over gaat)');
  });

  it('(b) één causale stap van de activiteit naar `over`: inspanning → activiteit → element', () => {
    expect(dv(a, 'dv-b').ketens).toEqual([
      { inspanning: 'n-werven', soort: 'b', via: ['n-werven', 'werven', 'geworven'] },
      { inspanning: 'n-matchen', soort: 'b', via: ['n-matchen', 'matchen', 'geworven'] },
      { inspanning: 'z-werven', soort: 'b', via: ['z-werven', 'werven', 'geworven'] },
    ]);
  });

  it('een inspanning twee causale stappen verderop telt NIET (werven → geworven → gespreid)', () => {
    const d = dv(a, 'dv-twee-stappen');
    expect(d.inspanningen).toEqual([]);
    expect(d.ketens).toEqual([]);
    expect(d.regios).toEqual([]);
    // The old walk upstream from `gespreid` reached every inspanning with an activity.
    expect(countedEfforts(loaded.built.graph, countingIndex(loaded.built.graph), 'dv-twee-stappen')).toEqual([]);
  });

  it('(c) via het concrete doel in het DIN en een indicator die de deelvraag beantwoordt, met de keten in volgorde', () => {
    expect(dv(a, 'dv-c').ketens).toEqual([
      { inspanning: 'n-werven', soort: 'c', via: ['n-werven', 'n-cd-zij', 'ind-zij'] },
      { inspanning: 'n-opleiden', soort: 'c', via: ['n-opleiden', 'n-cd-zij', 'ind-zij'] },
      { inspanning: 'z-werven', soort: 'c', via: ['z-werven', 'z-cd', 'ind-zij'] },
      // no activity of its own: only rule c can count it
      { inspanning: 'z-zonder-activiteit', soort: 'c', via: ['z-zonder-activiteit', 'z-cd', 'ind-zij'] },
    ]);
    expect(dv(a, 'dv-c')).toMatchObject({
      status: 'gedekt',
      redenen: ['keten compleet: 1 indicator(en); 4 inspanningen werken eraan (4 via een concreet doel dat een beantwoordende indicator meet); geen regio heeft metingen'],
    });
  });

  it('elke inspanning één keer, met de eerste keten in de volgorde a, b, c', () => {
    expect(dv(a, 'dv-voorrang').ketens.map((k) => [k.inspanning, k.soort])).toEqual([
      ['n-werven', 'b'],
      ['n-matchen', 'b'],
      ['n-opleiden', 'c'],
      ['z-werven', 'b'],
      ['z-zonder-activiteit', 'c'],
    ]);
  });

  it('een knooppunt (waar de meeste activiteiten heen leiden) telt niemand, en de reden zegt waarom', () => {
    expect(countingIndex(loaded.built.graph).hubs).toEqual(new Set(['instroom-en-behoud']));
    const d = dv(a, 'dv-knooppunt');
    expect(d.inspanningen).toEqual([]);
    expect(d.redenen).toEqual([
      'geen indicator beantwoordt deze deelvraag; alleen kwalitatief bewijs via interviews',
      'geen inspanning van een regio werkt aan `instroom-en-behoud`: geen voert het uit als activiteit of leidt er in één causale stap heen',
      '`instroom-en-behoud`: de meeste activiteiten leiden hier in één stap heen (een knooppunt), dus telt het voor geen inspanning als keten; een meting ervan zegt óf het veranderde, niet welke inspanning dat deed',
    ]);
    // n-begeleiden leads only to the hub: it counts for no deelvraag at all.
    expect(a.dekking.deelvragen.filter((x) => x.inspanningen.includes('n-begeleiden'))).toEqual([]);
  });
});

describe('data is geen inspanning', () => {
  it('een meting van Noord is data voor Noord, apart van de inspanningen; de matrix telt alleen inspanningen', () => {
    const d = dv(a, 'dv-twee-stappen');
    expect(d).toMatchObject({ status: 'gedekt', inspanningen: [], regios: [], data_regios: ['regio-noord'] });
    expect(d.redenen).toEqual(['keten compleet: 1 indicator(en); geen inspanning werkt eraan; data uit 1 regio']);
    const m = a.matrices.deelvraag_regio;
    expect(m.kolommen.map((k) => k.id)).toEqual(['regio-noord', 'regio-zuid']);
    expect(m.cellen).toEqual([[1, 1], [2, 1], [0, 0], [0, 0], [2, 2], [3, 2]]);
    expect(a.dekking.per_regio).toEqual([
      { regio: 'regio-noord', deelvragen: ['dv-a', 'dv-b', 'dv-c', 'dv-voorrang'], data: ['dv-twee-stappen'] },
      { regio: 'regio-zuid', deelvragen: ['dv-a', 'dv-b', 'dv-c', 'dv-voorrang'], data: [] },
    ]);
  });

  it('per regio: alleen de eigen inspanningen en metingen, het aandeel van de eigen inspanningen', () => {
    const zuid = analyse(loaded.built, { regio: 'regio-zuid' });
    expect(zuid.dekking.inspanningen_totaal).toBe(2);
    expect(dv(zuid, 'dv-twee-stappen')).toMatchObject({ status: 'deels', data_regios: [], inspanningen: [] });
    expect(dv(zuid, 'dv-c')).toMatchObject({ inspanningen: ['z-werven', 'z-zonder-activiteit'], aandeel: 1 });
  });
});

describe('aandeel en deelvraag-te-breed', () => {
  it('het aandeel is het deel van alle inspanningen in de scope, op drie decimalen', () => {
    expect(a.dekking.deelvragen.map((d) => [d.id, d.aandeel, d.te_breed])).toEqual([
      ['dv-a', 0.333, false],
      ['dv-b', 0.5, false],
      ['dv-twee-stappen', 0, false],
      ['dv-knooppunt', 0, false],
      ['dv-c', 0.667, false], // more than half, but 6 inspanningen say nothing about breadth
      ['dv-voorrang', 0.833, false],
    ]);
  });

  it('te breed: meer dan de helft, vanaf tien inspanningen', () => {
    expect(MIN_EFFORTS_FOR_BREADTH).toBe(10);
    expect([tooBroad(6, 10), tooBroad(5, 10), tooBroad(5, 9), tooBroad(30, 56), tooBroad(28, 56)]).toEqual([true, false, false, true, false]);
  });

  it('de lintfixture: tien van de tien inspanningen tellen, de analyse en de info zeggen hetzelfde', () => {
    const o = load('lint', 'deelvraag-te-breed');
    expect(o.diagnostics.map(where)).toEqual([{ code: 'deelvraag-te-breed', severity: 'info', file: 'onderzoeksvragen.yaml', line: 13, column: 13 }]);
    expect(o.diagnostics[0]!.message).toBe('voor deelvraag `dv-werven` tellen 10 van de 10 inspanningen (100 %): te breed om te laten zien waar de gaten zitten');
    expect(dv(analyse(o.built), 'dv-werven')).toMatchObject({ aandeel: 1, te_breed: true });
  });
});

describe('explain noemt alleen de deelvragen die een element echt raakt', () => {
  const g = loaded.built.graph;

  it('een inspanning: precies de deelvragen waarvoor zij telt, elk met haar keten tot de deelvraag', () => {
    const e = explain(loaded.built, 'n-werven');
    expect(e.deelvragen).toEqual([
      { id: 'dv-a', ketens: [{ via: ['n-werven', 'werven', 'dv-a'], soort: 'a' }] },
      { id: 'dv-b', ketens: [{ via: ['n-werven', 'werven', 'geworven', 'dv-b'], soort: 'b' }] },
      { id: 'dv-c', ketens: [{ via: ['n-werven', 'n-cd-zij', 'ind-zij', 'dv-c'], soort: 'c' }] },
      { id: 'dv-voorrang', ketens: [{ via: ['n-werven', 'werven', 'geworven', 'dv-voorrang'], soort: 'b' }] },
    ]);
    const text = renderExplainText(e);
    expect(text).toContain('  Hoe werven de regio\'s samen? [dv-a]\n      via: Gezamenlijk werven (a: voert een activiteit uit waar de deelvraag over gaat)\n');
    expect(text).toContain('      via: 50 zij-instromers per jaar  →  Aantal zij-instromers (c: draagt bij aan een concreet doel dat een beantwoordende indicator meet)\n');
    expect(text).not.toContain('dv-twee-stappen');
  });

  it('een inspanning die alleen tot een knooppunt leidt raakt geen deelvraag', () => {
    const e = explain(loaded.built, 'n-begeleiden');
    expect(e.deelvragen).toEqual([]);
    expect(renderExplainText(e)).toContain('  geen deelvraag: geen keten die de dekking telt');
  });

  it('een activiteit: de deelvragen erover en die over wat zij in één stap bereikt, niet twee stappen verder', () => {
    expect(explain(loaded.built, 'werven').deelvragen).toEqual([
      { id: 'dv-a', ketens: [{ via: ['werven', 'dv-a'], soort: null }] },
      { id: 'dv-b', ketens: [{ via: ['werven', 'geworven', 'dv-b'], soort: null }] },
      { id: 'dv-voorrang', ketens: [{ via: ['werven', 'geworven', 'dv-voorrang'], soort: null }] },
    ]);
    expect(explain(loaded.built, 'begeleiden').deelvragen).toEqual([]);
  });

  it('een regio: haar inspanningen en, apart gemarkeerd, haar metingen', () => {
    const e = explain(loaded.built, 'regio-noord');
    expect(e.deelvragen.map((d) => [d.id, d.ketens.map((k) => k.soort).join('')])).toEqual([
      ['dv-a', 'a'],
      ['dv-b', 'bb'],
      ['dv-twee-stappen', 'data'],
      ['dv-c', 'cc'],
      ['dv-voorrang', 'bbc'],
    ]);
    expect(e.deelvragen.find((d) => d.id === 'dv-twee-stappen')!.ketens).toEqual([{ via: ['regio-noord', 'ind-gespreid', 'dv-twee-stappen'], soort: 'data' }]);
  });

  it('een element dat de deelvraag zelf noemt of dat haar indicator meet', () => {
    expect(explain(loaded.built, 'gespreid').deelvragen).toEqual([
      { id: 'dv-twee-stappen', ketens: [{ via: ['gespreid', 'dv-twee-stappen'], soort: null }, { via: ['gespreid', 'ind-gespreid', 'dv-twee-stappen'], soort: null }] },
    ]);
    expect(explain(loaded.built, 'n-cd-zij').deelvragen.map((d) => d.id)).toEqual(['dv-c', 'dv-voorrang']);
    // The ambitie is not measured and no deelvraag is about it.
    expect(explain(loaded.built, 'n-ambitie').deelvragen).toEqual([]);
    expect(g.hasNode('n-ambitie')).toBe(true);
  });
});

describe('de meegeleverde modellen', () => {
  const bundled = checkWorkspace(['models'], ROOT);
  const national = analyse(bundled.built);

  it('explain en de dekking zijn het per inspanning eens', () => {
    for (const s of bundled.built.graph.filterNodes((_n, x) => x.type === 'inspanning')) {
      const fromCoverage = national.dekking.deelvragen.filter((d) => d.inspanningen.includes(s)).map((d) => d.id);
      expect(explain(bundled.built, s).deelvragen.map((d) => d.id), s).toEqual(fromCoverage);
    }
  });

  it('elke keten begint bij haar inspanning en is van de soort die haar vorm zegt', () => {
    const g = bundled.built.graph;
    for (const d of national.dekking.deelvragen) {
      expect(d.ketens.map((k) => k.inspanning)).toEqual(d.inspanningen);
      for (const k of d.ketens) {
        expect(k.via[0]).toBe(k.inspanning);
        const types = k.via.map((n) => g.getNodeAttribute(n, 'type'));
        if (k.soort === 'a') expect(types).toEqual(['inspanning', 'activiteit']);
        if (k.soort === 'b') expect(types.slice(0, 2)).toEqual(['inspanning', 'activiteit']);
        if (k.soort === 'b') expect(types).toHaveLength(3);
        if (k.soort === 'c') expect(types).toEqual(['inspanning', 'concreet-doel', 'indicator']);
      }
    }
  });

  it('de mediane deelvraag telt hoogstens een derde van de inspanningen', () => {
    const counts = national.dekking.deelvragen.map((d) => d.inspanningen.length).sort((x, y) => x - y);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(median * 3).toBeLessThanOrEqual(national.dekking.inspanningen_totaal);
  });

  const activities = (s: string) => new Set(neighbours(bundled.built.graph, s, 'out', 'instantieert'));
  const functions = (ids: readonly string[]) => new Set(ids.map((s) => bundled.built.graph.getNodeAttribute(s, 'functie')));

  it('ov4-anders-organiseren-onderwijs telt alleen inspanningen die onderwijs anders organiseren', () => {
    const d = dv(national, 'ov4-anders-organiseren-onderwijs');
    expect(d.inspanningen.length).toBeGreaterThan(0);
    for (const s of d.inspanningen) expect([...activities(s)], s).toEqual(['onderwijs-anders-organiseren']);
    expect(functions(d.inspanningen)).toEqual(new Set(['anders-organiseren']));
  });

  it('ov3-regionale-loketten telt alleen inspanningen die werven of matchen (het model kent geen loket-element)', () => {
    const d = dv(national, 'ov3-regionale-loketten');
    expect(d.inspanningen).toContain('ams-1loket');
    expect(d.inspanningen).toContain('zw-klantreis-in-kaart');
    for (const s of d.inspanningen) expect(['gezamenlijk-werven', 'gezamenlijk-matchen'], s).toContain([...activities(s)][0]);
    expect(functions(d.inspanningen)).toEqual(new Set(['werven', 'matchen']));
  });

  it('explain al-rooster-en-inzet-rekenen: alleen de twee deelvragen over anders organiseren (was: tien)', () => {
    expect(explain(bundled.built, 'al-rooster-en-inzet-rekenen').deelvragen.map((d) => d.id)).toEqual(['ov4-anders-organiseren-onderwijs', 'f1-activiteiten-per-functie']);
  });
});
