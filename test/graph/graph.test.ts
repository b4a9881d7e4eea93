/**
 * The graph built from a small, lint-clean workspace (fixtures/schoon): exact nodes in file
 * order, exact edge keys, derived and reversed edges, duplicate facts collapsing to one edge,
 * and traversal order on a view.
 */
import { describe, expect, it } from 'vitest';
import { edgeKey, view, nodesOfType } from '../../src/graph/build.js';
import { bfsFromNode } from '../../src/graph/lib.js';
import { fixture, load } from '../fixtures/engine.js';
import { checkWorkspace } from '../../src/pipeline.js';

const schoon = load('schoon');
const g = schoon.built.graph;

const NODES = [
  // beleidsmodel.yaml: model id, then input, activiteiten, output, outcome, impact, doelen, aannames
  'beleid', 'subsidie', 'werven', 'campagnes', 'instroom', 'minder-tekort', 'bevoegde-leraar', 'aanname-zichtbaar',
  // din-noord.yaml, din-zuid.yaml
  'n-ambitie', 'n-er-instroom', 'n-cd-zij', 'n-campagne',
  'z-ambitie', 'z-er-instroom', 'z-cd-zij', 'z-campagne',
  // indicatoren.yaml
  'duo', 'ind-instroom',
  // onderzoeksvragen.yaml
  'evaluatie', 'hoofdvraag', 'ov1', 'dv-instroom', 'dv-ervaring',
  // regioregister.yaml
  'regio-noord', 'regio-zuid',
];

describe('graaf van de schone fixture', () => {
  it('leest zonder enige melding', () => {
    expect(schoon.usageProblems).toEqual([]);
    expect(schoon.diagnostics).toEqual([]);
    expect(schoon.failedFiles).toEqual([]);
  });

  it('heeft precies de knopen in bestands- en documentvolgorde', () => {
    expect(g.order).toBe(25);
    expect(g.nodes()).toEqual(NODES);
  });

  it('zet de knoopvolgorde niet om als de bestanden in een andere volgorde gegeven worden', () => {
    const files = ['regioregister.yaml', 'onderzoeksvragen.yaml', 'indicatoren.yaml', 'din-zuid.yaml', 'din-noord.yaml', 'beleidsmodel.yaml'];
    const again = checkWorkspace(files, fixture('schoon'));
    expect(again.built.graph.nodes()).toEqual(NODES);
    expect(again.built.graph.edges()).toEqual(g.edges());
  });

  it('heeft precies de kanten van het DIN van Noord (inclusief afgeleide kanten)', () => {
    const dinNodes = new Set(['n-ambitie', 'n-er-instroom', 'n-cd-zij', 'n-campagne']);
    const dinEdges = g.filterEdges((_e, _a, s, t) => dinNodes.has(s) || dinNodes.has(t));
    expect(dinEdges).toEqual([
      'n-ambitie>hoort-bij>regio-noord',
      'n-er-instroom>draagt-bij>n-ambitie', // afgeleid: een ER-doel zonder draagt_bij_aan voedt de ambitie
      'n-cd-zij>draagt-bij>n-er-instroom',
      'ind-instroom>meet>n-cd-zij', // `indicatoren: [ind-instroom]` bij het doel, omgekeerd
      'regio-noord>voert-uit>n-campagne',
      'n-campagne>instantieert>werven',
      'n-campagne>draagt-bij>n-cd-zij',
    ]);
  });

  it('heeft precies 29 kanten met de verwachte sleutels', () => {
    expect(g.size).toBe(29);
    expect(g.edges()).toEqual([
      'subsidie>leidt-tot>werven',
      'werven>leidt-tot>campagnes',
      'campagnes>leidt-tot>instroom',
      'aanname-zichtbaar>onderbouwt>campagnes',
      'instroom>leidt-tot>minder-tekort',
      'minder-tekort>leidt-tot>bevoegde-leraar',
      'n-ambitie>hoort-bij>regio-noord',
      'n-er-instroom>draagt-bij>n-ambitie',
      'n-cd-zij>draagt-bij>n-er-instroom',
      'ind-instroom>meet>n-cd-zij',
      'regio-noord>voert-uit>n-campagne',
      'n-campagne>instantieert>werven',
      'n-campagne>draagt-bij>n-cd-zij',
      'z-ambitie>hoort-bij>regio-zuid',
      'z-er-instroom>draagt-bij>z-ambitie',
      'z-cd-zij>draagt-bij>z-er-instroom',
      'ind-instroom>meet>z-cd-zij',
      'regio-zuid>voert-uit>z-campagne',
      'z-campagne>instantieert>werven',
      'z-campagne>draagt-bij>z-cd-zij',
      'ind-instroom>uit-bron>duo',
      'ind-instroom>meet>instroom',
      'ind-instroom>beantwoordt>dv-instroom',
      'ov1>deel-van>hoofdvraag',
      'dv-instroom>deel-van>ov1',
      'dv-instroom>gaat-over>instroom',
      'dv-ervaring>deel-van>ov1',
      'dv-ervaring>gaat-over>werven',
      'ind-instroom>meet>regio-noord', // meting in het regioregister
    ]);
  });

  it('maakt van `indicatoren: [x]` bij een concreet doel de kant x —meet→ doel, gelokaliseerd bij het doel', () => {
    const key = edgeKey('ind-instroom', 'meet', 'n-cd-zij');
    expect(key).toBe('ind-instroom>meet>n-cd-zij');
    expect(g.hasEdge(key)).toBe(true);
    expect(g.source(key)).toBe('ind-instroom');
    expect(g.target(key)).toBe('n-cd-zij');
    expect(g.getEdgeAttributes(key)).toEqual({ kind: 'meet', file: 'din-noord.yaml', path: ['concrete_doelen', 0, 'indicatoren', 0] });
    expect(g.hasEdge('n-cd-zij>meet>ind-instroom')).toBe(false);
  });

  it('bewaart sterkte (geen standaard: zonder sterkte is die onbekend) en laat afgeleide kanten zonder plaats', () => {
    expect(g.getEdgeAttributes('n-campagne>draagt-bij>n-cd-zij')).toEqual({
      kind: 'draagt-bij', sterkte: 'sterk', file: 'din-noord.yaml', path: ['inspanningen', 0, 'draagt_bij_aan', 0, 'doel'],
    });
    // z-campagne states no strength: the edge has none (it used to get 'middel', issue 15.1).
    expect(g.getEdgeAttributes('z-campagne>draagt-bij>z-cd-zij')).not.toHaveProperty('sterkte');
    expect(g.getEdgeAttributes('n-er-instroom>draagt-bij>n-ambitie')).toEqual({ kind: 'draagt-bij' });
    expect(g.getEdgeAttributes('regio-noord>voert-uit>n-campagne')).toEqual({ kind: 'voert-uit' });
  });

  it('bewaart de aanname bij een schakel', () => {
    expect(g.getEdgeAttribute('campagnes>leidt-tot>instroom', 'aanname')).toBe('aanname-zichtbaar');
  });

  it('voegt een dubbel genoteerd feit samen tot één kant (de eerste plaats telt)', () => {
    // aanname-zichtbaar staat bij de schakel (`aanname:`) én heeft `bij: [campagnes]`
    expect(g.outEdges('aanname-zichtbaar', 'campagnes')).toEqual(['aanname-zichtbaar>onderbouwt>campagnes']);
    expect(g.getEdgeAttribute('aanname-zichtbaar>onderbouwt>campagnes', 'path')).toEqual(['output', 0, 'leidt_tot', 0, 'aanname']);
  });

  it('geeft knopen hun soort, regio en DIN-gegevens mee', () => {
    expect(g.getNodeAttributes('n-campagne')).toMatchObject({ type: 'inspanning', regio: 'regio-noord', functie: 'werven', uitvoerder: 'regio', status: 'lopend', file: 'din-noord.yaml' });
    expect(g.getNodeAttributes('ind-instroom')).toMatchObject({ type: 'indicator', databronnen: 1, meetmomenten: 2 });
    expect(g.getNodeAttribute('ind-instroom', 'regio')).toBeUndefined();
    expect(g.getNodeAttributes('dv-ervaring')).toMatchObject({ type: 'deelvraag', methoden: ['interviews'] });
    expect(g.getNodeAttributes('ov1')).toMatchObject({ type: 'onderzoeksvraag', nummer: 1 });
    expect(nodesOfType(g, 'inspanning')).toEqual(['n-campagne', 'z-campagne']);
  });

  it('bezoekt in een effectweergave de knopen in vaste BFS-volgorde (inbound)', () => {
    const v = view(g, ['instantieert', 'leidt-tot', 'draagt-bij']);
    const seen: string[] = [];
    bfsFromNode(v, 'instroom', (n) => void seen.push(n), { mode: 'inbound' });
    expect(seen).toEqual(['instroom', 'campagnes', 'werven', 'subsidie', 'n-campagne', 'z-campagne']);
  });

  it('neemt in een weergave alleen de gevraagde soorten kanten en knopen op', () => {
    const v = view(g, ['draagt-bij'], ['er-doel', 'concreet-doel', 'inspanning']);
    expect(v.nodes()).toEqual(['n-er-instroom', 'n-cd-zij', 'n-campagne', 'z-er-instroom', 'z-cd-zij', 'z-campagne']);
    expect(v.edges()).toEqual(['n-cd-zij>draagt-bij>n-er-instroom', 'n-campagne>draagt-bij>n-cd-zij', 'z-cd-zij>draagt-bij>z-er-instroom', 'z-campagne>draagt-bij>z-cd-zij']);
  });
});

describe('graaf van de analysefixture', () => {
  const a = load('analyse');
  const ga = a.built.graph;

  it('heeft 60 knopen', () => {
    expect(ga.order).toBe(60);
  });

  it('maakt van indicatoren, streefwaarden én meet op hetzelfde doel één kant', () => {
    // n-cd-stage: `indicatoren: [n-ind-stage]`, een streefwaarde voor n-ind-stage, en de
    // indicator zelf zegt `meet: [n-cd-stage]`: drie keer hetzelfde feit.
    expect(ga.edges('n-ind-stage', 'n-cd-stage')).toEqual(['n-ind-stage>meet>n-cd-stage']);
    expect(ga.outEdges('n-ind-stage', 'n-cd-stage')).toEqual(['n-ind-stage>meet>n-cd-stage']);
    expect(ga.outEdges('n-cd-stage', 'n-ind-stage')).toEqual([]);
    expect(ga.getEdgeAttribute('n-ind-stage>meet>n-cd-stage', 'path')).toEqual(['concrete_doelen', 1, 'indicatoren', 0]);
  });

  it('bezoekt de bijdragen van een inspanning in vaste BFS-volgorde (outbound)', () => {
    const v = view(ga, ['draagt-bij']);
    const seen: [string, number][] = [];
    bfsFromNode(v, 'n-campagne', (n, _a, depth) => void seen.push([n, depth]), { mode: 'outbound' });
    expect(seen).toEqual([
      ['n-campagne', 0],
      ['n-cd-zij', 1], ['n-cd-stage', 1], ['n-cd-mentor', 1],
      ['n-er-instroom', 2], ['n-er-behoud', 2], ['n-er-kwaliteit', 2],
      ['n-ambitie', 3],
    ]);
  });

  it('bouwt bij elke run dezelfde graaf', () => {
    const again = load('analyse').built.graph;
    expect(again.nodes()).toEqual(ga.nodes());
    expect(again.edges()).toEqual(ga.edges());
  });
});
