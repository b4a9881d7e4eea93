/**
 * Ids that are names on Object.prototype (issue 14, point 3). `constructor` is a valid slug;
 * it crashed every command because an object was used as a map keyed by ids (graphology's
 * adjacency index). Each such name is given, in turn, to one element of every type in the
 * analysis fixture (and to its references), and the whole chain must then behave exactly as
 * it does with the original id: same diagnostics, same analysis (national and per region),
 * same diagrams and a working explain — with only the id changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { analyse } from '../../src/analyse/analyse.js';
import type { ElementType } from '../../src/vocabulary/glossary.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { renderDiagramSet } from '../../src/render/diagrams.js';
import { explain } from '../../src/analyse/paths.js';
import { renderExplainText } from '../../src/render/explain.js';
import { DirectedGraph, MultiDirectedGraph } from '../../src/graph/lib.js';
import { SLUG_PATTERN } from '../../src/validate/schemas.js';
import { fixture } from '../fixtures/engine.js';

/** Every name on Object.prototype that a user may write as an id (a valid slug). */
const PROTOTYPE_IDS = Object.getOwnPropertyNames(Object.prototype).filter((n) => SLUG_PATTERN.test(n));

/** The analysis fixture, plus the element types it lacks: externe factor, aanname, oordeel, scenario. */
const EXTRA_BELEIDSMODEL = `
externe_factoren:
  - id: economie
    tekst: Economische ontwikkelingen
    beinvloedt: [instroom]
aannames:
  - id: mentor-werkt
    tekst: Een mentor houdt starters binnen
    bij: [trajecten]
oordelen:
  - id: doeltreffend
    naam: doeltreffendheid
    tekst: Leiden de activiteiten tot meer instroom?
    van: [werven]
    naar: [instroom]
`;
const SCENARIO = `soort: scenario
id: krimp
naam: Krimp in Noord
legt_over: regio-noord
`;

/** One element of every type, by its id in the fixture. */
const TARGETS: readonly (readonly [ElementType, string])[] = [
  ['beleidsmodel', 'beleid'],
  ['input', 'subsidie'],
  ['activiteit', 'begeleiden'],
  ['output', 'trajecten'],
  ['outcome', 'instroom'],
  ['impact', 'tekort-kleiner'],
  ['doel', 'goed-onderwijs'],
  ['externe-factor', 'economie'],
  ['aanname', 'mentor-werkt'],
  ['oordeel', 'doeltreffend'],
  ['onderzoek', 'evaluatie'],
  ['hoofdvraag', 'hoofdvraag'],
  ['onderzoeksvraag', 'ov1'],
  ['vraagcluster', 'f1-doelen'],
  ['deelvraag', 'dv1-1'],
  ['indicator', 'ind-werving'],
  ['indicator', 'n-ind-stage'],
  ['databron', 'duo'],
  ['databron', 'n-bron'],
  ['regio', 'regio-noord'],
  ['regio', 'regio-west'],
  ['ambitie', 'n-ambitie'],
  ['er-doel', 'n-er-behoud'],
  ['concreet-doel', 'n-cd-zij'],
  ['inspanning', 'n-campagne'],
  ['scenario', 'krimp'],
];

const tmp = mkdtempSync(join(tmpdir(), 'tocdin-prototype-ids-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

/** A copy of the fixture (with the extra elements) in which `from` is renamed to `to` wherever it is an id or a reference. */
function workspace(name: string, from?: string, to?: string): string {
  const dir = join(tmp, name);
  cpSync(fixture('analyse'), dir, { recursive: true });
  writeFileSync(join(dir, 'beleidsmodel.yaml'), readFileSync(join(dir, 'beleidsmodel.yaml'), 'utf8') + EXTRA_BELEIDSMODEL);
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
  // Every copy goes through the same YAML round trip, so positions in diagnostics compare.
  let renamed = 0;
  for (const file of yamlFiles(dir)) {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    visit(doc, {
      Scalar(key, node, path) {
        const parent = path.at(-1);
        // Map keys are field names; `functie:` holds a vocabulary word that may equal an activity id.
        if (key === 'key' || (isPair(parent) && isScalar(parent.key) && parent.key.value === 'functie')) return;
        if (from !== undefined && to !== undefined && node.value === from) {
          node.value = to;
          renamed++;
        }
      },
    });
    writeFileSync(file, doc.toString());
  }
  if (from !== undefined && renamed === 0) throw new Error(`id ${from} komt niet voor in de fixture`);
  return dir;
}

/** Everything the commands compute from a workspace, as plain data. */
function outputs(dir: string, focus: string) {
  const checked = checkWorkspace(['.'], dir);
  const regions = [...checked.workspace.elements.values()].filter((e) => e.type === 'regio').map((e) => e.id);
  const national = analyse(checked.built, { diagnostics: checked.diagnostics });
  const regional = regions.map((regio) => analyse(checked.built, { diagnostics: checked.diagnostics, regio }));
  const set = renderDiagramSet(national, regional.filter((r) => national.dins.some((d) => d.regio === r.regio_filter)));
  const explanation = explain(checked.built, focus);
  return {
    diagnostics: checked.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message} ${d.hint ?? ''}`),
    national,
    regional,
    files: set.files,
    oversized: set.oversized,
    explanation,
    explainText: renderExplainText(explanation),
    node: checked.built.graph.hasNode(focus) ? checked.built.graph.getNodeAttribute(focus, 'type') : undefined,
  };
}

/**
 * Order-free form: a renamed id may sort elsewhere (regions and labels are listed in id
 * order), so arrays are compared as multisets and keys sorted. Everything else must be equal.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).map((v) => JSON.stringify(v)).sort();
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** The renamed outputs with the original id put back, so they can be compared with the baseline. */
function renamedBack(value: unknown, to: string, from: string): unknown {
  const pattern = new RegExp(`(?<![a-z0-9])${to}(?![a-z0-9])`, 'g');
  return JSON.parse(JSON.stringify(value).replace(pattern, from));
}

describe('ids die namen op Object.prototype zijn', () => {
  it('de lijst bevat constructor (de enige geldige slug onder die namen)', () => {
    expect(PROTOTYPE_IDS).toContain('constructor');
    for (const id of PROTOTYPE_IDS) expect(id).toMatch(SLUG_PATTERN);
  });

  it('graphology: een knoop met zo\'n naam krijgt schakels van en naar zich, in beide grafensoorten, en de volgorde van buren blijft die van een gewoon object', () => {
    for (const name of PROTOTYPE_IDS) {
      for (const g of [new DirectedGraph(), new MultiDirectedGraph()]) {
        for (const n of ['a', name, '10', 'b', '2']) g.addNode(n);
        expect(g.hasEdge('a', name)).toBe(false);
        g.addDirectedEdge('a', name);
        g.addDirectedEdge(name, 'b');
        for (const n of ['b', '10', '2']) g.addDirectedEdge('a', n);
        expect(g.hasEdge('a', name)).toBe(true);
        expect(g.hasEdge(name, 'a')).toBe(false);
        expect(g.inNeighbors(name)).toEqual(['a']);
        expect(g.outNeighbors(name)).toEqual(['b']);
        // Integer-like keys first, then insertion order: exactly as before the fix.
        expect(g.outNeighbors('a')).toEqual(Object.keys({ [name]: 0, b: 0, 10: 0, 2: 0 }));
        g.dropNode(name);
        expect(g.outNeighbors('a')).toEqual(['2', '10', 'b']);
      }
    }
  });

  it('explain als tekst: een id zonder label toont het id, ook als het een naam op Object.prototype is', () => {
    for (const id of PROTOTYPE_IDS) {
      const text = renderExplainText({
        id, label: 'x', type: 'inspanning', regio: null, bron: null, naar_ambitie: [[id, 'doel']], naar_impact: [], naar_impact_via_inspanningen: [],
        inspanningen: [id], regios: [], indicatoren: [], deelvragen: [], bewijs: { fase: null, bevindingen: [], schakels: [], paden: [], stand: null }, labels: { doel: 'Een doel' },
      });
      expect(text.split('\n')[0]).toBe(`${id} [${id}]`);
      expect(text).toContain(`  DIN:          ${id}  →  Een doel\n`);
      expect(text).not.toContain('native code');
    }
  });

  it('de fixture zelf is schoon: geen fouten, elk soort element aanwezig', () => {
    const base = checkWorkspace(['.'], workspace('basis'));
    expect(base.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [type, id] of TARGETS) expect(base.built.graph.getNodeAttribute(id, 'type')).toBe(type);
  });

  for (const to of PROTOTYPE_IDS) {
    for (const [type, from] of TARGETS) {
      it(`${type} \`${from}\` heet \`${to}\`: validate, analyse (landelijk en per regio), diagrammen en explain werken als met het oude id`, () => {
        const baseline = outputs(workspace(`basis-${type}-${from}`), from);
        const renamed = outputs(workspace(`${type}-${from}-${to}`, from, to), to);
        expect(renamed.node).toBe(type);
        expect(renamed.explanation.id).toBe(to);
        expect(renamed.explainText).toContain(`[${to}]`);
        expect(renamed.oversized).toEqual([]);
        // With the original id put back, everything equals the run with the original id:
        // the element is everywhere it was (diagnostics, analyses, diagrams, explain).
        expect(canonical(renamedBack(renamed, to, from))).toEqual(canonical(baseline));
      });
    }
  }
});
