/**
 * Paths for one element: why it exists (what it contributes to, up to the ambitie and the
 * impact), what is behind it (inspanningen and regions), and which deelvragen it touches.
 * The result is plain data with its own schema; `renderExplainText` (src/render/explain.ts)
 * turns it into Dutch.
 */
import { z } from 'zod';
import type { ElementType } from '../vocabulary/glossary.js';
import { view, type BuiltGraph } from '../graph/build.js';
import { allSimplePaths } from '../graph/lib.js';
import { reach } from '../graph/reach.js';

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
  indicatoren: z.array(z.string()),
  deelvragen: z.array(z.string()),
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
  const inspanningen = below.filter((n) => g.getNodeAttribute(n, 'type') === 'inspanning');
  // A doel or ambitie of a DIN is not itself in the beleidsmodel: its way there runs through
  // the inspanningen behind it, via the activiteiten they carry out.
  const viaInspanningen = naarImpact.length === 0 ? inspanningen.filter((s) => s !== id).flatMap((s) => pathsFrom(policyView, s, impacts)) : [];
  const regios = [...new Set(inspanningen.map((s) => g.getNodeAttribute(s, 'regio')).filter((r): r is string => Boolean(r)))];
  if (a.type === 'regio') regios.push(id);

  const onChain = new Set([id, ...naarAmbitie.flat(), ...naarImpact.flat(), ...inspanningen.flatMap((s) => g.outNeighbors(s).filter((t) => g.getNodeAttribute(t, 'type') === 'activiteit'))]);
  const indicatoren = new Set<string>();
  const deelvragen = new Set<string>();
  g.forEachEdge((_e, ea, s, t) => {
    if (ea.kind === 'meet' && onChain.has(t) && g.getNodeAttribute(s, 'type') === 'indicator') indicatoren.add(s);
    if (ea.kind === 'gaat-over' && onChain.has(t)) deelvragen.add(s);
  });
  if (a.type === 'indicator') indicatoren.add(id);
  g.forEachEdge((_e, ea, s, t) => {
    if (ea.kind === 'beantwoordt' && indicatoren.has(s)) deelvragen.add(t);
  });
  if (a.type === 'deelvraag') deelvragen.add(id);

  const mentioned = new Set([id, ...naarAmbitie.flat(), ...naarImpact.flat(), ...viaInspanningen.flat(), ...inspanningen, ...regios, ...indicatoren, ...deelvragen]);
  const labels = Object.fromEntries([...mentioned].sort().map((n) => [n, g.getNodeAttribute(n, 'label')]));
  return ExplainSchema.parse({
    id,
    label: a.label,
    type: a.type,
    regio: a.regio ?? null,
    bron: a.bron ?? null,
    naar_ambitie: naarAmbitie,
    naar_impact: naarImpact,
    naar_impact_via_inspanningen: viaInspanningen,
    inspanningen,
    regios,
    indicatoren: [...indicatoren],
    deelvragen: [...deelvragen],
    labels,
  });
}
