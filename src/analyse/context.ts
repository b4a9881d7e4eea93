/**
 * The prepared context every section of the analysis reads: the graph, its views and the
 * region-independent facts, computed once per graph. `render` analyses the nation and every
 * region separately; preparing once and analysing per region keeps that linear in the number
 * of regions. The context is frozen and nothing here changes the caller's graph.
 */
import { neighbours, nodesOfType, view, type BuiltGraph, type ModelGraph, type ViewGraph } from '../graph/build.js';
import { countedEfforts, countingIndex, type CountedEffort, type CountingIndex } from '../graph/coverage.js';
import { reach, reachFromAll } from '../graph/reach.js';
import { filesOfKind, type Workspace } from '../resolve/resolve.js';
import type { ValidatedFile } from '../validate/validate.js';

/** The region-independent part of the evidence chain of one deelvraag. */
export interface EvidenceChain {
  readonly deelvraag: string;
  readonly indicators: readonly string[];
  readonly methoden: readonly string[];
  /** Elements of the beleidsmodel or a DIN the deelvraag is about (`over`). */
  readonly over: readonly string[];
  /** Elements the indicators measure (regions excluded). */
  readonly measured: readonly string[];
  /** Regions with measurements of the indicators. */
  readonly dataRegions: readonly string[];
  readonly sources: readonly string[];
  /** Inspanningen of any region that count for the deelvraag, each with its chain (src/graph/coverage.ts). */
  readonly efforts: readonly CountedEffort[];
  /** Elements of `over` that are hubs: they count no inspanning (see src/graph/coverage.ts). */
  readonly overHubs: readonly string[];
}

export interface AnalysisContext {
  readonly stage: 'prepared';
  readonly built: BuiltGraph;
  readonly graph: ModelGraph;
  readonly workspace: Workspace;
  /** Every DIN file, in workspace order. */
  readonly dinFiles: readonly ValidatedFile<'din'>[];
  /** Contributions only (`draagt-bij`). */
  readonly dinView: ViewGraph;
  /** DIN elements from which a chain of contributions reaches an ambitie. */
  readonly reachesAmbition: ReadonlySet<string>;
  /** deelvraag → its onderzoeksvraag or vraagcluster. */
  readonly questionOf: ReadonlyMap<string, string>;
  readonly chains: readonly EvidenceChain[];
  /** Which inspanningen can count for a deelvraag: activities, their one-step targets, hubs. */
  readonly counting: CountingIndex;
  /** regio → its inspanningen, in graph order. */
  readonly effortsByRegion: ReadonlyMap<string, readonly string[]>;
  /** activiteit → itself, what it leads to and the inputs leading to it (causal links only). */
  readonly activityReach: ReadonlyMap<string, readonly string[]>;
  label(id: string): string;
  ref(id: string): { id: string; label: string };
}

const uniq = <T,>(xs: Iterable<T>): T[] => [...new Set(xs)];

export function isPrepared(x: BuiltGraph | AnalysisContext): x is AnalysisContext {
  return x.stage === 'prepared';
}

export function prepare(built: BuiltGraph): AnalysisContext {
  const g = built.graph;
  const label = (id: string) => g.getNodeAttribute(id, 'label');
  const dinView = view(g, ['draagt-bij']);

  const questionOf = new Map<string, string>();
  g.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'deel-van' && g.getNodeAttribute(s, 'type') === 'deelvraag') questionOf.set(s, t);
  });

  const effortsByRegion = new Map<string, string[]>();
  g.forEachNode((n, a) => {
    if (a.type === 'inspanning' && a.regio) effortsByRegion.set(a.regio, [...(effortsByRegion.get(a.regio) ?? []), n]);
  });

  // Causal links only: walking `instantieert` backwards from an activity would visit every
  // region's inspanningen, once per region.
  const causal = view(g, ['leidt-tot']);
  const activityReach = new Map(
    nodesOfType(g, 'activiteit').map((a) => [a, [a, ...reach(causal, a, 'outbound'), ...reach(causal, a, 'inbound').filter((n) => g.getNodeAttribute(n, 'type') === 'input')]] as const),
  );

  const counting = countingIndex(g);
  return Object.freeze({
    stage: 'prepared' as const,
    built,
    graph: g,
    workspace: built.workspace,
    dinFiles: filesOfKind(built.workspace, 'din'),
    dinView,
    reachesAmbition: new Set(reachFromAll(dinView, nodesOfType(g, 'ambitie'), 'inbound')),
    questionOf,
    chains: evidenceChains(g, counting),
    counting,
    effortsByRegion,
    activityReach,
    label,
    ref: (id: string) => ({ id, label: label(id) }),
  });
}

/**
 * The evidence of each deelvraag: its indicators and what they measure, the regions with data,
 * and the inspanningen that count for it by one of the three chains of src/graph/coverage.ts.
 * Everything but the region is the same for every region, so it is computed once.
 */
function evidenceChains(g: ModelGraph, counting: CountingIndex): EvidenceChain[] {
  return nodesOfType(g, 'deelvraag').map((d) => {
    const indicators = neighbours(g, d, 'in', 'beantwoordt', 'indicator');
    const over = neighbours(g, d, 'out', 'gaat-over');
    const measured = uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'meet').filter((t) => g.getNodeAttribute(t, 'type') !== 'regio')));
    return Object.freeze({
      deelvraag: d,
      indicators,
      methoden: [...(g.getNodeAttribute(d, 'methoden') ?? [])],
      over,
      measured,
      dataRegions: uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'meet', 'regio'))),
      sources: uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'uit-bron'))),
      efforts: countedEfforts(g, counting, d),
      overHubs: over.filter((x) => counting.hubs.has(x)),
    });
  });
}

/** What one analysis looks at: the nation, or one region. */
export interface Scope {
  readonly regio: string | undefined;
  /** The DIN files in scope, in workspace order. */
  readonly dinFiles: readonly ValidatedFile<'din'>[];
  /** Their regions that exist in the register: the columns of every matrix. */
  readonly dinRegions: readonly string[];
  /** Whether a region's evidence counts: every region nationally, only its own for a region. */
  inScope(regio: string | undefined): boolean;
}

export function scopeOf(ctx: AnalysisContext, regio: string | undefined): Scope {
  const dinFiles = ctx.dinFiles.filter((f) => !regio || f.model.regio === regio);
  return Object.freeze({
    regio,
    dinFiles,
    dinRegions: dinFiles.map((f) => f.model.regio).filter((r) => ctx.graph.hasNode(r)),
    inScope: (r: string | undefined) => r !== undefined && (!regio || r === regio),
  });
}
