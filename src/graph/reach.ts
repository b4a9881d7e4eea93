/**
 * Reachability over a view: everything reachable from one or several nodes, in breadth-first
 * order. graphology-traversal allocates a queue the size of the whole graph per call, so one
 * call per source would make the analysis quadratic in the number of regions; this walk keeps
 * only what it visits, and starts from many sources at once without touching the graph.
 */
import type { ViewGraph } from './build.js';

/**
 * Every node reachable from any of `sources` (the sources included, each once), breadth-first:
 * the sources in the order given, then their neighbours level by level, in the graph's
 * neighbour order (as graphology-traversal's `bfsFromNode` visits them).
 */
export function reachFromAll(v: ViewGraph, sources: readonly string[], mode: 'inbound' | 'outbound'): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    queue.push(n);
  };
  for (const s of sources) if (v.hasNode(s)) visit(s);
  for (let i = 0; i < queue.length; i++) {
    if (mode === 'inbound') v.forEachInboundNeighbor(queue[i]!, visit);
    else v.forEachOutboundNeighbor(queue[i]!, visit);
  }
  return queue;
}

/** Every node reachable from `start` (excluded) in the given direction, in BFS order. */
export function reach(v: ViewGraph, start: string, mode: 'inbound' | 'outbound'): string[] {
  return reachFromAll(v, [start], mode).slice(1);
}
