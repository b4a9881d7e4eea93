/**
 * explain(): the paths from an element up to the ambitie and the impact, what is behind it
 * (inspanningen, regions) and which deelvragen it touches; and `tocdin explain` on top of it.
 */
import { describe, expect, it } from 'vitest';
import { explain, ExplainSchema } from '../../src/analyse/paths.js';
import { renderExplainText } from '../../src/render/explain.js';
import { cli, fixture, load } from '../fixtures/engine.js';

const built = load('analyse').built;

describe('explain() op de analysefixture', () => {
  it('een concreet doel met drie ER-doelen: drie paden naar de ambitie, geen naar de impact', () => {
    const e = explain(built, 'n-cd-breed');
    expect(e).toMatchObject({ id: 'n-cd-breed', type: 'concreet-doel', regio: 'regio-noord', bron: null });
    expect(e.naar_ambitie).toEqual([
      ['n-cd-breed', 'n-er-kwaliteit', 'n-ambitie'],
      ['n-cd-breed', 'n-er-behoud', 'n-ambitie'],
      ['n-cd-breed', 'n-er-instroom', 'n-ambitie'],
    ]);
    expect(e.naar_impact).toEqual([]);
    expect(e.inspanningen).toEqual(['n-coach']);
    expect(e.regios).toEqual(['regio-noord']);
    expect(e.indicatoren).toEqual([]);
    expect(e.deelvragen).toEqual([]);
  });

  // Regression (issue 17): every inspanning behind a doel once "touched" every deelvraag on
  // the way to the impact; an inspanning now touches only those it counts for, with its chain.
  it('een inspanning: alleen de deelvragen waarvoor zij telt, elk met haar keten', () => {
    expect(explain(built, 'n-campagne').deelvragen).toEqual([
      { id: 'dv1-1', ketens: [{ via: ['n-campagne', 'werven', 'dv1-1'], soort: 'a' }] },
      { id: 'dv1-2', ketens: [{ via: ['n-campagne', 'n-cd-stage', 'n-ind-stage', 'dv1-2'], soort: 'c' }] },
      { id: 'dv2-2', ketens: [{ via: ['n-campagne', 'werven', 'dv2-2'], soort: 'a' }] },
    ]);
    expect(explain(built, 'n-coach').deelvragen).toEqual([]);
  });

  it('een gemeten concreet doel: paden, inspanningen, indicator en deelvragen', () => {
    const e = explain(built, 'n-cd-zij');
    expect(e.naar_ambitie).toEqual([
      ['n-cd-zij', 'n-er-behoud', 'n-ambitie'],
      ['n-cd-zij', 'n-er-instroom', 'n-ambitie'],
    ]);
    expect(e.naar_impact).toEqual([]);
    // Not in the beleidsmodel itself: its inspanningen are, through the activiteiten they carry out.
    expect(e.naar_impact_via_inspanningen).toEqual([
      ['n-campagne', 'werven', 'campagnes', 'behoud', 'tekort-kleiner'],
      ['n-campagne', 'werven', 'campagnes', 'instroom', 'tekort-kleiner'],
      ['n-opleiden', 'opleiden', 'campagnes', 'behoud', 'tekort-kleiner'],
      ['n-opleiden', 'opleiden', 'campagnes', 'instroom', 'tekort-kleiner'],
    ]);
    const text = renderExplainText(e);
    expect(text).toContain('  beleidsmodel, via de inspanningen erachter:\n');
    expect(text).not.toContain('geen pad');
    expect(e.inspanningen).toEqual(['n-campagne', 'n-opleiden']);
    expect(e.regios).toEqual(['regio-noord']);
    expect(e.indicatoren).toEqual(['ind-werving']);
    // Only what the doel itself touches: ind-werving measures it and answers dv1-1. dv2-2 is
    // about `werven`, which n-campagne carries out: that touches n-campagne, not this doel.
    expect(e.deelvragen).toEqual([{ id: 'dv1-1', ketens: [{ via: ['n-cd-zij', 'ind-werving', 'dv1-1'], soort: null }] }]);
    expect(Object.keys(e.labels)).toEqual([
      'behoud', 'campagnes', 'dv1-1', 'ind-werving', 'instroom', 'n-ambitie', 'n-campagne', 'n-cd-zij', 'n-er-behoud', 'n-er-instroom', 'n-opleiden', 'opleiden', 'regio-noord', 'tekort-kleiner', 'werven',
    ]);
  });

  it('een activiteit: paden naar de impact, de inspanningen van twee regio\'s', () => {
    const e = explain(built, 'werven');
    expect(e).toMatchObject({ id: 'werven', type: 'activiteit', regio: null });
    expect(e.naar_ambitie).toEqual([]);
    expect(e.naar_impact).toEqual([
      ['werven', 'campagnes', 'behoud', 'tekort-kleiner'],
      ['werven', 'campagnes', 'instroom', 'tekort-kleiner'],
    ]);
    expect(e.inspanningen).toEqual(['n-campagne', 'z-werving']);
    expect(e.regios).toEqual(['regio-noord', 'regio-zuid']);
    expect(e.indicatoren).toEqual(['ind-werving']);
    expect(e.deelvragen).toEqual([
      { id: 'dv1-1', ketens: [{ via: ['werven', 'dv1-1'], soort: null }, { via: ['werven', 'ind-werving', 'dv1-1'], soort: null }] },
      { id: 'dv2-2', ketens: [{ via: ['werven', 'dv2-2'], soort: null }] },
    ]);
  });

  it('een activiteit zonder inspanning', () => {
    const e = explain(built, 'begeleiden');
    expect(e.naar_impact).toEqual([['begeleiden', 'trajecten', 'behoud', 'tekort-kleiner']]);
    expect(e.inspanningen).toEqual([]);
    expect(e.regios).toEqual([]);
    // ind-begeleiding measures the activity itself; ind-tevredenheid measures its output
    // `trajecten`, which no deelvraag is about: dv1-3 is not touched by the activity.
    expect(e.indicatoren).toEqual(['ind-begeleiding']);
    expect(e.deelvragen.map((d) => [d.id, d.ketens.map((k) => k.via.join(' > '))])).toEqual([
      ['dv2-4', ['begeleiden > ind-begeleiding > dv2-4']],
      ['dv3-1', ['begeleiden > dv3-1']],
    ]);
  });

  it('een inspanning: via de activiteit ook naar de impact', () => {
    const e = explain(built, 'n-opleiden');
    expect(e.naar_ambitie).toEqual([
      ['n-opleiden', 'n-cd-mentor', 'n-er-kwaliteit', 'n-ambitie'],
      ['n-opleiden', 'n-cd-mentor', 'n-er-behoud', 'n-ambitie'],
      ['n-opleiden', 'n-cd-zij', 'n-er-behoud', 'n-ambitie'],
      ['n-opleiden', 'n-cd-zij', 'n-er-instroom', 'n-ambitie'],
    ]);
    expect(e.naar_impact).toEqual([
      ['n-opleiden', 'opleiden', 'campagnes', 'behoud', 'tekort-kleiner'],
      ['n-opleiden', 'opleiden', 'campagnes', 'instroom', 'tekort-kleiner'],
    ]);
    expect(e.inspanningen).toEqual(['n-opleiden']);
    expect(e.regios).toEqual(['regio-noord']);
    // Its own way into the beleidsmodel is given; no second copy "via" itself.
    expect(e.naar_impact_via_inspanningen).toEqual([]);
  });

  it('de ambitie: de weg naar het beleidsmodel via alle inspanningen, in tekst ingekort', () => {
    const e = explain(built, 'n-ambitie');
    expect(e.naar_impact).toEqual([]);
    expect(e.naar_impact_via_inspanningen.length).toBeGreaterThan(0);
    expect(new Set(e.naar_impact_via_inspanningen.map((p) => p[0]))).toEqual(new Set(e.inspanningen.filter((s) => e.naar_impact_via_inspanningen.some((p) => p[0] === s))));
    expect(e.naar_impact_via_inspanningen.every((p) => p.at(-1) === 'tekort-kleiner')).toBe(true);
    const lines = renderExplainText(e).split('\n').filter((l) => l.startsWith('    ') && l.includes('→'));
    expect(lines.length).toBe(Math.min(8, e.naar_impact_via_inspanningen.length));
  });

  it('een inspanning zonder bijdrage: geen pad', () => {
    const e = explain(built, 'n-idee');
    expect([e.naar_ambitie, e.naar_impact]).toEqual([[], []]);
    expect(renderExplainText(e)).toContain('  geen pad naar een ambitie of naar de impact\n');
  });

  it('de ambitie en de impact zelf zijn een pad van één element', () => {
    expect(explain(built, 'n-ambitie').naar_ambitie).toEqual([['n-ambitie']]);
    expect(explain(built, 'tekort-kleiner').naar_impact).toEqual([['tekort-kleiner']]);
  });

  it('levert voor elk element een geldige uitleg', () => {
    for (const id of built.graph.nodes()) expect(() => ExplainSchema.parse(explain(built, id))).not.toThrow();
  });
});

describe('tocdin explain', () => {
  const dir = fixture('analyse');

  it('toont de Nederlandse koppen en de paden als tekst (exit 0)', async () => {
    const r = await cli(['explain', 'n-cd-zij', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Waaraan draagt het bij?');
    expect(r.out).toContain('Welke onderzoeksvragen raakt het?');
    expect(r.out).toContain('Waarom bestaat het — wat zit erachter?');
    expect(r.out.split('\n').slice(0, 2)).toEqual(['50 zij-instromers per jaar [n-cd-zij]', 'soort: concreet doel, regio regio-noord']);
    expect(r.out).toContain('  DIN:          50 zij-instromers per jaar  →  Meer instroom van leraren  →  Elke leerling in Noord een bevoegde leraar\n');
    expect(r.out).toContain('  inspanning Samen opleiden [n-opleiden]\n');
    expect(r.out).toContain('  Hoeveel wervingsacties voeren de regio\'s uit? [dv1-1]\n      via: Aantal wervingsacties\n');
    expect(r.out).not.toContain('[dv2-2]');
    expect(r.out).toContain('  indicatoren: ind-werving\n');
  });

  it('--format json geeft de uitleg als data', async () => {
    const r = await cli(['explain', 'werven', '--format', 'json', '.'], dir);
    expect(r.code).toBe(0);
    expect(ExplainSchema.parse(JSON.parse(r.out))).toEqual(explain(built, 'werven'));
  });

  it('een onbekend id: exit 2 met "bedoel je"', async () => {
    const r = await cli(['explain', 'n-cd-zijj', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('onbekende id `n-cd-zijj`; bedoel je `n-cd-zij`?');
  });

  it('zonder id: exit 2', async () => {
    const r = await cli(['explain'], dir);
    expect(r.code).toBe(2);
  });
});
