/**
 * The one place graph libraries are imported. Everything else imports from here, so the
 * rest of the engine never depends on graphology's module quirks under NodeNext (the
 * default `Graph` export does not typecheck; the named classes do).
 */
export { DirectedGraph, MultiDirectedGraph } from 'graphology';
export type { Attributes } from 'graphology-types';
export { bfsFromNode, dfsFromNode } from 'graphology-traversal';
export { stronglyConnectedComponents } from 'graphology-components';
export { allSimplePaths } from 'graphology-simple-path';
