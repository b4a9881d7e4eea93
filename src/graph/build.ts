/**
 * Stage 4: resolved workspace → one typed graph. Node keys are the model ids (stable,
 * user-chosen), edge keys `from>kind>to`, inserted in workspace order, so every traversal
 * visits nodes in the same order on every run.
 */
import type { EdgeKind, ElementType } from '../vocabulary/glossary.js';
import type { ElementDecl } from '../resolve/collect.js';
import type { Workspace } from '../resolve/resolve.js';
import type { Strength } from '../vocabulary/vocabulary.js';
import { DirectedGraph, MultiDirectedGraph } from './lib.js';

export type NodeAttrs = Omit<ElementDecl, 'id' | 'path'>;

export interface EdgeAttrs {
  kind: EdgeKind;
  sterkte?: Strength;
  aanname?: string;
  toelichting?: string;
  /** Where the user wrote it (absent for derived edges). */
  file?: string;
  path?: readonly PropertyKey[];
}

export type ModelGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;
export type ViewGraph = DirectedGraph<NodeAttrs, EdgeAttrs>;

export interface BuiltGraph {
  readonly stage: 'graph';
  graph: ModelGraph;
  workspace: Workspace;
}

export function edgeKey(from: string, kind: EdgeKind, to: string): string {
  return `${from}>${kind}>${to}`;
}

export function buildGraph(workspace: Workspace): BuiltGraph {
  const graph: ModelGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  for (const e of workspace.elements.values()) {
    const { id, path: _path, ...attrs } = e;
    graph.addNode(id, attrs);
  }
  for (const r of workspace.refs) {
    if (r.resolveOnly) continue;
    const [source, target] = r.reverse ? [r.to, r.from] : [r.from, r.to];
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    const key = edgeKey(source, r.edge, target);
    // The same fact may be written twice (on the indicator and on the doel): one edge.
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, {
      kind: r.edge,
      ...(r.sterkte ? { sterkte: r.sterkte } : {}),
      ...(r.aanname ? { aanname: r.aanname } : {}),
      ...(r.toelichting ? { toelichting: r.toelichting } : {}),
      ...(r.implicit ? {} : { file: r.file, path: r.path }),
    });
  }
  return { stage: 'graph', graph, workspace };
}

/**
 * A simple directed graph with only the given edge kinds (and all nodes), for traversals
 * that must follow one relation, e.g. DIN contributions only.
 */
export function view(graph: ModelGraph, kinds: readonly EdgeKind[], nodeTypes?: readonly ElementType[]): ViewGraph {
  const v: ViewGraph = new DirectedGraph<NodeAttrs, EdgeAttrs>();
  graph.forEachNode((key, attrs) => {
    if (!nodeTypes || nodeTypes.includes(attrs.type)) v.addNode(key, attrs);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    if (kinds.includes(attrs.kind) && v.hasNode(source) && v.hasNode(target) && !v.hasEdge(source, target)) {
      v.addDirectedEdgeWithKey(key, source, target, attrs);
    }
  });
  return v;
}

export function nodesOfType(graph: ModelGraph | ViewGraph, type: ElementType): string[] {
  return graph.filterNodes((_k, a) => a.type === type);
}

/** The nodes joined to `node` by edges of one kind, optionally only those of one type. */
export function neighbours(g: ModelGraph, node: string, dir: 'in' | 'out', kind: EdgeKind, type?: ElementType): string[] {
  const edges = dir === 'in' ? g.inEdges(node) : g.outEdges(node);
  const out: string[] = [];
  for (const e of edges) {
    if (g.getEdgeAttribute(e, 'kind') !== kind) continue;
    const other = dir === 'in' ? g.source(e) : g.target(e);
    if (!type || g.getNodeAttribute(other, 'type') === type) out.push(other);
  }
  return out;
}
