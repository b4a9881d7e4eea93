/**
 * The one place graph libraries are imported. Everything else imports from here, so the
 * rest of the engine never depends on graphology's module quirks under NodeNext (the
 * default `Graph` export does not typecheck; the named classes do).
 */
import { DirectedGraph, MultiDirectedGraph } from 'graphology';

export { DirectedGraph, MultiDirectedGraph };
export type { Attributes } from 'graphology-types';
export { bfsFromNode, dfsFromNode } from 'graphology-traversal';
export { stronglyConnectedComponents } from 'graphology-components';
export { allSimplePaths } from 'graphology-simple-path';

/**
 * graphology 0.26 keeps each node's neighbours in plain objects (`{}`) keyed by the
 * neighbour's key, and looks them up with `out[target]` and `target in out`. Our node keys
 * are the user's ids, and `constructor` is a valid slug: `out['constructor']` then finds
 * `Object.prototype.constructor`, so adding an edge to that node throws "an edge … already
 * exists" (simple graphs) or reads `undefined.key` (multi graphs). Upstream tracks moving to
 * Maps (graphology/graphology#188, open). Until then the adjacency objects inherit from a
 * prototype that has only `hasOwnProperty` (graphology calls it on them; no slug can be
 * called that, slugs are lowercase): same lookups, same key order (so every traversal and
 * output stays byte-identical), and no inherited names. Both graph classes we use share one
 * node-data class, reached through the instance's `NodeDataClass`.
 */
const ADJACENCY: object = Object.freeze(Object.create(null, { hasOwnProperty: { value: Object.prototype.hasOwnProperty } }));
type NodeDataClass = { prototype: { clear(this: Record<string, unknown>): void; __tocdinAdjacency?: true } };
for (const Graph of [DirectedGraph, MultiDirectedGraph]) {
  const data = (new Graph() as unknown as { NodeDataClass?: NodeDataClass }).NodeDataClass;
  if (!data || typeof data.prototype.clear !== 'function') {
    throw new Error('graphology: node-data class not found; check src/graph/lib.ts against the installed version');
  }
  const proto = data.prototype;
  if (proto.__tocdinAdjacency) continue;
  const clear = proto.clear;
  proto.clear = function (this: Record<string, unknown>) {
    clear.call(this);
    for (const index of ['in', 'out', 'undirected']) {
      if (index in this) this[index] = Object.create(ADJACENCY);
    }
  };
  Object.defineProperty(proto, '__tocdinAdjacency', { value: true });
}
