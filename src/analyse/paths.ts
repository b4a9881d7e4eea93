/**
 * Paths for one element: why it exists (what it contributes to, up to the ambitie and the
 * impact), what is behind it (inspanningen and regions), and which deelvragen it touches,
 * each with the chain that touches it. The result is plain data with its own schema;
 * `renderExplainText` (src/render/explain.ts) turns it into Dutch.
 */
import { z } from 'zod';
import type { ElementType } from '../vocabulary/glossary.js';
import { neighbours, nodesOfType, view, type BuiltGraph, type ModelGraph } from '../graph/build.js';
import { COUNT_KINDS, countedEfforts, countingIndex } from '../graph/coverage.js';
import { allSimplePaths } from '../graph/lib.js';
import { reach } from '../graph/reach.js';
import { linkText } from '../resolve/evidence.js';
import { evidence, EVIDENCE_STATES, VERDICTS, weakestLink } from './evidence.js';

/** One way an element touches a deelvraag: the ids from the element to the deelvraag. */
const Touch = z.object({
  via: z.array(z.string()),
  /** Effort: the rule an inspanning counts by (src/graph/coverage.ts); `data`: a region's measurement; null for any other chain. */
  soort: z.enum([...COUNT_KINDS, 'data']).nullable(),
});

export const ExplainSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  regio: z.string().nullable(),
  bron: z.string().nullable(),
  naar_ambitie: z.array(z.array(z.string())),
  naar_impact: z.array(z.array(z.string())),
  /** For a DIN element without its own way into the beleidsmodel: the ways of the inspanningen behind it. */
  naar_impact_via_inspanningen: z.array(z.array(z.string())),
  inspanningen: z.array(z.string()),
  regios: z.array(z.string()),
  /** Indicators that measure the element or lie on one of its chains to a deelvraag. */
  indicatoren: z.array(z.string()),
  /** Only the deelvragen the element really touches (the chains coverage accepts), each with its chains. */
  deelvragen: z.array(z.object({ id: z.string(), ketens: z.array(Touch) })),
  /** What the register of findings says about the element, its links and its paths (src/analyse/evidence.ts). */
  bewijs: z.object({
    fase: z.string().nullable(),
    /** Findings that answer it, test it, test a link from or to it, or are about its region; why in `waarom`. */
    bevindingen: z.array(z.object({ id: z.string(), tekst: z.string(), methode: z.string(), fase: z.string(), richting: z.string(), sterkte: z.string(), bron: z.string(), waarom: z.string() })),
    /** The causal links from and to the element, with their judgement. */
    schakels: z.array(z.object({ van: z.string(), naar: z.string(), oordeel: z.enum(VERDICTS) })),
    /** Its paths to the impact (causal links only) with their weakest link. */
    paden: z.array(z.object({ via: z.array(z.string()), zwakste: z.object({ van: z.string(), naar: z.string(), oordeel: z.enum(VERDICTS) }) })),
    /** When the element is a deelvraag: its state. */
    stand: z.enum(EVIDENCE_STATES).nullable(),
  }),
  labels: z.record(z.string(), z.string()),
});
export type Explanation = z.infer<typeof ExplainSchema>;

/** Bounds the enumeration on dense hand-made models; real chains are 4–6 steps. */
const MAX_DEPTH = 12;

export function explain(built: BuiltGraph, id: string): Explanation {
  const g = built.graph;
  const a = g.getNodeAttributes(id);
  const dinView = view(g, ['draagt-bij']);
  const policyView = view(g, ['instantieert', 'leidt-tot']);
  const effect = view(g, ['instantieert', 'leidt-tot', 'draagt-bij']);
  const byType = (t: ElementType) => g.filterNodes((_n, x) => x.type === t);

  const pathsFrom = (v: typeof dinView, from: string, targets: string[]) =>
    targets.flatMap((t) => (t === from ? [[from]] : v.hasNode(from) && v.hasNode(t) ? allSimplePaths(v, from, t, { maxDepth: MAX_DEPTH }) : []));
  const paths = (v: typeof dinView, targets: string[]) => pathsFrom(v, id, targets);
  const ambities = a.regio ? byType('ambitie').filter((n) => g.getNodeAttribute(n, 'regio') === a.regio) : [];
  const naarAmbitie = paths(dinView, ambities);
  const impacts = byType('impact');
  const naarImpact = paths(policyView, impacts);

  const below = [id, ...reach(effect, id, 'inbound')];
  const efforts = below.filter((n) => g.getNodeAttribute(n, 'type') === 'inspanning');
  // A doel or ambitie of a DIN is not itself in the beleidsmodel: its way there runs through
  // the efforts behind it, via the activiteiten they carry out.
  const viaEfforts = naarImpact.length === 0 ? efforts.filter((s) => s !== id).flatMap((s) => pathsFrom(policyView, s, impacts)) : [];
  const regions = [...new Set(efforts.map((s) => g.getNodeAttribute(s, 'regio')).filter((r): r is string => Boolean(r)))];
  if (a.type === 'regio') regions.push(id);

  const subquestions = touchedSubquestions(g, id);
  const indicators = new Set<string>(a.type === 'indicator' ? [id] : neighbours(g, id, 'in', 'meet', 'indicator'));
  for (const d of subquestions) for (const k of d.ketens) for (const n of k.via) if (g.getNodeAttribute(n, 'type') === 'indicator') indicators.add(n);

  const onEvidence = evidenceOn(built, id, [...naarImpact, ...viaEfforts]);
  const mentioned = new Set([...onEvidence.paden.flatMap((p) => p.via), ...onEvidence.schakels.flatMap((l) => [l.van, l.naar]), id, ...naarAmbitie.flat(), ...naarImpact.flat(), ...viaEfforts.flat(), ...efforts, ...regions, ...indicators, ...subquestions.flatMap((d) => d.ketens.flatMap((k) => k.via))]);
  const labels = Object.fromEntries([...mentioned].sort().map((n) => [n, g.getNodeAttribute(n, 'label')]));
  return ExplainSchema.parse({
    id,
    label: a.label,
    type: a.type,
    regio: a.regio ?? null,
    bron: a.bron ?? null,
    naar_ambitie: naarAmbitie,
    naar_impact: naarImpact,
    naar_impact_via_inspanningen: viaEfforts,
    inspanningen: efforts,
    regios: regions,
    indicatoren: [...indicators],
    deelvragen: subquestions,
    bewijs: onEvidence,
    labels,
  });
}

/** The evidence on one element: findings about it, its links and the weakest link of each of its paths. */
function evidenceOn(built: BuiltGraph, id: string, impactPaths: readonly string[][]): Explanation['bewijs'] {
  const g = built.graph;
  const e = evidence(built);
  const type = g.getNodeAttribute(id, 'type');
  const region = g.getNodeAttribute(id, 'regio');
  const verdicts = new Map(e.schakels.map((l) => [linkText(l.van, l.naar), l.oordeel]));
  const why = (b: (typeof e.bevindingen)[number]): string | undefined => {
    const f = built.workspace.files.flatMap((x) => (x.kind === 'bewijs' ? x.model.bevindingen : [])).find((x) => x.id === b.id)!;
    if (b.id === id) {
      const about = [
        ...f.beantwoordt.map((d) => `beantwoordt ${d}`),
        ...f.toetst.schakels.map((l) => `toetst ${linkText(l.van, l.naar)}`),
        ...f.toetst.aannames.map((a) => `toetst aanname ${a}`),
        ...f.toetst.bijdragen.map((c) => `toetst bijdrage ${linkText(c.inspanning, c.doel)}`),
      ];
      return `is deze bevinding${about.length ? `: ${about.join('; ')}` : ''}`;
    }
    if (f.beantwoordt.includes(id)) return 'beantwoordt deze deelvraag';
    if (f.toetst.aannames.includes(id)) return 'toetst deze aanname';
    const l = f.toetst.schakels.find((x) => x.van === id || x.naar === id);
    if (l) return `toetst de schakel ${linkText(l.van, l.naar)}`;
    const c = f.toetst.bijdragen.find((x) => x.inspanning === id || x.doel === id);
    if (c) return `toetst de bijdrage ${linkText(c.inspanning, c.doel)}`;
    if (f.regios.includes(id) || (type !== 'regio' && region && f.regios.includes(region))) return `gaat over regio ${type === 'regio' ? id : region}`;
    return undefined;
  };
  const found = e.bevindingen.flatMap((b) => {
    const waarom = why(b);
    return waarom ? [{ id: b.id, tekst: b.tekst, methode: b.methode, fase: b.fase, richting: b.richting, sterkte: b.sterkte, bron: b.bron, waarom }] : [];
  });
  // Paths run through inspanningen and activiteiten; only the causal links are judged.
  const causalFrom = (via: readonly string[]) => {
    const first = via.findIndex((n, i) => i + 1 < via.length && verdicts.has(linkText(n, via[i + 1]!)));
    return first < 0 ? [] : via.slice(first);
  };
  const paden = impactPaths
    .map(causalFrom)
    .filter((via) => via.length > 1)
    .map((via) => ({ via, zwakste: weakestLink(via, verdicts) }));
  return {
    fase: e.fase,
    bevindingen: found,
    schakels: e.schakels.filter((l) => l.van === id || l.naar === id).map(({ van, naar, oordeel }) => ({ van, naar, oordeel })),
    paden,
    stand: e.deelvragen.find((d) => d.id === id)?.stand ?? null,
  };
}

type Touched = { id: string; ketens: z.infer<typeof Touch>[] };

/**
 * The subquestions an element really touches, by the same chains coverage accepts
 * (src/graph/coverage.ts), never by a walk over outcomes and impact:
 * - an inspanning: the subquestions it counts for, by rule a, b or c;
 * - a region: those its efforts count for, and those it has measurements for;
 * - any other element: the subquestions about it (`over`), those answered by an indicator that
 *   measures it, and for an activiteit those about an element it leads to in one step (not a hub);
 * - an indicator: the subquestions it answers; a deelvraag: itself.
 * Chains run from the element to the deelvraag; subquestions are in graph order.
 */
function touchedSubquestions(g: ModelGraph, id: string): Touched[] {
  const type = g.getNodeAttribute(id, 'type');
  const found = new Map<string, Touched['ketens']>();
  const add = (d: string, via: string[], soort: Touched['ketens'][number]['soort'] = null) => {
    const ketens = found.get(d) ?? [];
    if (!ketens.some((k) => k.via.join('>') === via.join('>'))) ketens.push({ via, soort });
    found.set(d, ketens);
  };
  const subquestions = nodesOfType(g, 'deelvraag');
  if (type === 'deelvraag') add(id, [id]);
  else if (type === 'inspanning' || type === 'regio') {
    const index = countingIndex(g);
    const mine = (s: string) => (type === 'inspanning' ? s === id : g.getNodeAttribute(s, 'regio') === id);
    for (const d of subquestions) {
      for (const c of countedEfforts(g, index, d)) if (mine(c.inspanning)) add(d, [...(type === 'regio' ? [id] : []), ...c.via, d], c.soort);
    }
    if (type === 'regio') {
      for (const ind of neighbours(g, id, 'in', 'meet', 'indicator')) for (const d of neighbours(g, ind, 'out', 'beantwoordt', 'deelvraag')) add(d, [id, ind, d], 'data');
    }
  } else {
    for (const d of neighbours(g, id, 'in', 'gaat-over', 'deelvraag')) add(d, [id, d]);
    if (type === 'indicator') for (const d of neighbours(g, id, 'out', 'beantwoordt', 'deelvraag')) add(d, [id, d]);
    for (const ind of neighbours(g, id, 'in', 'meet', 'indicator')) for (const d of neighbours(g, ind, 'out', 'beantwoordt', 'deelvraag')) add(d, [id, ind, d]);
    if (type === 'activiteit') {
      const { hubs } = countingIndex(g);
      for (const t of neighbours(g, id, 'out', 'leidt-tot')) {
        if (!hubs.has(t)) for (const d of neighbours(g, t, 'in', 'gaat-over', 'deelvraag')) add(d, [id, t, d]);
      }
    }
  }
  return subquestions.filter((d) => found.has(d)).map((d) => ({ id: d, ketens: found.get(d)! }));
}
