/**
 * The analysis in sections over one prepared context (issue 13, point 3): preparing once
 * gives the same result as analysing from the graph, nothing is cached between calls,
 * nothing is added to the caller's graph, and lint and analyse find the same DIN gaps.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, prepare } from '../../src/analyse/analyse.js';
import { view } from '../../src/graph/build.js';
import { bfsFromNode } from '../../src/graph/lib.js';
import { reach, reachFromAll } from '../../src/graph/reach.js';
import { RULES } from '../../src/lint/rules.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { fixture, FIXTURES, load, ROOT } from '../fixtures/engine.js';

const tmp = mkdtempSync(join(tmpdir(), 'tocdin-analyse-sections-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every graph event graphology emits when a graph changes. */
const GRAPH_EVENTS = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared', 'attributesUpdated', 'nodeAttributesUpdated', 'edgeAttributesUpdated', 'eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated'] as const;

function recordChanges(g: { on(event: string, fn: () => void): unknown }): string[] {
  const seen: string[] = [];
  for (const e of GRAPH_EVENTS) g.on(e, () => seen.push(e));
  return seen;
}

describe('prepare en analyse', () => {
  for (const [name, loaded] of [
    ['de analysefixture', () => load('analyse')],
    ['de meegeleverde modellen', () => checkWorkspace(['models'], ROOT)],
  ] as const) {
    it(`${name}: één voorbereide context geeft per regio en landelijk hetzelfde als analyse(graaf)`, () => {
      const { built, diagnostics } = loaded();
      const ctx = prepare(built);
      const regions = built.graph.filterNodes((_n, a) => a.type === 'regio');
      expect(regions.length).toBeGreaterThan(1);
      for (const regio of [undefined, ...regions]) {
        const opts = { diagnostics, ...(regio ? { regio } : {}) };
        expect(analyse(ctx, opts)).toEqual(analyse(built, opts));
      }
    });
  }

  it('de context is bevroren, en analyse verandert niets aan de graaf van de aanroeper', () => {
    const { built } = load('analyse');
    const before = { nodes: built.graph.nodes(), edges: built.graph.edges() };
    const changes = recordChanges(built.graph);
    const ctx = prepare(built);
    analyse(ctx, {});
    analyse(built, { regio: 'regio-noord' });
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(() => Object.assign(ctx, { chains: [] })).toThrow(TypeError);
    expect(changes).toEqual([]);
    expect({ nodes: built.graph.nodes(), edges: built.graph.edges() }).toEqual(before);
  });

  it('geen cache tussen aanroepen: wie de graaf verandert en opnieuw analyseert, ziet de verandering', () => {
    const { built } = load('analyse');
    const status = () => analyse(built).dekking.deelvragen.find((d) => d.id === 'dv3-1')!.status;
    expect(status()).toBe('gat');
    // An indicator with a source and a measured element now answers dv3-1.
    built.graph.addDirectedEdgeWithKey('ind-werving>beantwoordt>dv3-1', 'ind-werving', 'dv3-1', { kind: 'beantwoordt' });
    expect(status()).toBe('gedekt');
  });
});

describe('bereikbaarheid (src/graph/reach.ts)', () => {
  const { built } = load('analyse');
  const effect = view(built.graph, ['instantieert', 'leidt-tot', 'draagt-bij']);

  it('één bron: dezelfde knopen in dezelfde volgorde als bfsFromNode van graphology-traversal', () => {
    for (const start of effect.nodes()) {
      for (const mode of ['inbound', 'outbound'] as const) {
        const expected: string[] = [];
        bfsFromNode(effect, start, (n) => void (n !== start && expected.push(n)), { mode });
        expect(reach(effect, start, mode)).toEqual(expected);
      }
    }
  });

  it('meerdere bronnen tegelijk, zonder een knoop of schakel aan de graaf toe te voegen', () => {
    const changes = recordChanges(effect);
    const order = effect.order;
    const got = reachFromAll(effect, ['instroom', 'behoud', 'bestaat-niet'], 'inbound');
    expect(got.slice(0, 2)).toEqual(['instroom', 'behoud']);
    expect(new Set(got)).toEqual(new Set(['instroom', 'behoud', ...reach(effect, 'instroom', 'inbound'), ...reach(effect, 'behoud', 'inbound')]));
    expect(got).toHaveLength(new Set(got).size);
    expect(changes).toEqual([]);
    expect(effect.order).toBe(order);
  });
});

const GAP_CODES = new Set(['doel-zonder-inspanning', 'doel-zonder-indicator', 'er-doel-zonder-concreet-doel', 'inspanning-zonder-doel']);

function gapsFound(dir: string) {
  const { built } = checkWorkspace(['.'], dir);
  const byLint = RULES.filter((r) => GAP_CODES.has(r.code)).flatMap((r) => r.check({ built }).map((f) => `${f.node} ${r.code}`));
  const byAnalysis = analyse(built).dins.flatMap((d) => d.gaten.map((g) => `${g.id} ${g.soort}`));
  return { byLint: [...new Set(byLint)].sort(), byAnalysis: [...new Set(byAnalysis)].sort() };
}

describe('DIN-gaten: lint en analyse rekenen met één functie', () => {
  const dirs = [
    ...readdirSync(FIXTURES).map((d) => join(FIXTURES, d)),
    ...readdirSync(fixture('lint')).map((d) => fixture('lint', d)),
  ].filter((d) => statSync(d).isDirectory());

  it.each(dirs.map((d) => [d.slice(FIXTURES.length)]))('%s: dezelfde gaten', (rel) => {
    const { byLint, byAnalysis } = gapsFound(join(FIXTURES, rel));
    expect(byAnalysis).toEqual(byLint);
  });

  it('een inspanning die alleen bijdraagt aan een onbekend id draagt nergens aan bij, voor allebei (was: alleen lint zag het gat)', () => {
    const dir = join(tmp, 'onbekend-doel');
    cpSync(fixture('analyse'), dir, { recursive: true });
    const file = join(dir, 'regios', 'noord.yaml');
    const text = readFileSync(file, 'utf8');
    const vacaturebank = '    functie: werven\n    draagt_bij_aan:\n      - doel: n-cd-los\n  - id: n-idee\n';
    expect(text).toContain(vacaturebank);
    writeFileSync(file, text.replace(vacaturebank, vacaturebank.replace('n-cd-los', 'n-cd-bestaat-niet')));
    const { byLint, byAnalysis } = gapsFound(dir);
    expect(byLint).toContain('n-vacaturebank inspanning-zonder-doel');
    expect(byAnalysis).toEqual(byLint);
  });
});
