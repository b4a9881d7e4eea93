/**
 * Questions about the DIN structure that both the lint rules and the analysis ask, answered
 * once from the graph so the two can never disagree: which links a DIN element misses (its
 * gaps), what contributes to what and how strongly, and which regions have no DIN yet.
 */
import { filesOfKind } from '../resolve/resolve.js';
import type { ElementType } from '../vocabulary/glossary.js';
import type { Strength } from '../vocabulary/vocabulary.js';
import { neighbours, nodesOfType, type BuiltGraph, type ModelGraph } from './build.js';

/** The kinds of DIN gap; each is also the code of the lint rule that reports it. */
export const DIN_GAP_KINDS = ['doel-zonder-inspanning', 'doel-zonder-indicator', 'er-doel-zonder-concreet-doel', 'inspanning-zonder-doel'] as const;
export type DinGapKind = (typeof DIN_GAP_KINDS)[number];

/**
 * The gaps of one DIN element, from its edges in the graph (so a contribution to an id that
 * does not exist is no contribution). Elements of other types have none.
 * - concreet doel: no inspanning contributes to it; no indicator measures it;
 * - ER-doel: no concreet doel contributes to it;
 * - inspanning: it contributes to nothing.
 */
export function dinGaps(g: ModelGraph, node: string): DinGapKind[] {
  const none = (dir: 'in' | 'out', kind: 'draagt-bij' | 'meet', type?: ElementType) => neighbours(g, node, dir, kind, type).length === 0;
  switch (g.getNodeAttribute(node, 'type')) {
    case 'concreet-doel':
      return [
        ...(none('in', 'draagt-bij', 'inspanning') ? (['doel-zonder-inspanning'] as const) : []),
        ...(none('in', 'meet', 'indicator') ? (['doel-zonder-indicator'] as const) : []),
      ];
    case 'er-doel':
      return none('in', 'draagt-bij', 'concreet-doel') ? ['er-doel-zonder-concreet-doel'] : [];
    case 'inspanning':
      return none('out', 'draagt-bij') ? ['inspanning-zonder-doel'] : [];
    default:
      return [];
  }
}

export interface Contribution {
  /** The element at the other end of the contribution. */
  node: string;
  sterkte: Strength | undefined;
}

/**
 * The contributions (`draagt-bij` edges) from or to `node`, optionally only those with an
 * element of one type at the other end. From the graph, where a contribution written twice
 * (e.g. in two places of one DIN) is one edge.
 */
export function contributions(g: ModelGraph, node: string, dir: 'in' | 'out', type?: ElementType): Contribution[] {
  const out: Contribution[] = [];
  for (const e of dir === 'in' ? g.inEdges(node) : g.outEdges(node)) {
    const a = g.getEdgeAttributes(e);
    if (a.kind !== 'draagt-bij') continue;
    const other = dir === 'in' ? g.source(e) : g.target(e);
    if (!type || g.getNodeAttribute(other, 'type') === type) out.push({ node: other, sterkte: a.sterkte });
  }
  return out;
}

/** Regions in the register that no DIN file is about, in graph order. */
export function regionsWithoutDin(built: BuiltGraph): string[] {
  const withDin = new Set(filesOfKind(built.workspace, 'din').map((f) => f.model.regio));
  return nodesOfType(built.graph, 'regio').filter((r) => !withDin.has(r));
}
