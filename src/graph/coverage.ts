/**
 * Which inspanningen count for a deelvraag, and through which chain. Both the lint rule
 * `deelvraag-te-breed` and the coverage section of the analysis ask this, so it is answered
 * once, here. An inspanning counts only through a chain a researcher can check in one look:
 *
 * (a) it instantiates an activiteit the deelvraag is about (`over`);
 * (b) its activiteit leads in ONE causal step to an element in `over` that is not a hub;
 * (c) it contributes in its DIN to a concreet doel that an indicator answering the deelvraag
 *     measures.
 *
 * Never an open-ended walk over outputs, outcomes and impact: nearly every activity leads
 * there, so such a walk counts every inspanning for every deelvraag and shows no gap. A hub
 * (an element most activities lead to in one step, such as instroom en behoud) says whether
 * something changed, not which inspanning changed it: it counts nobody by (b).
 */
import { neighbours, nodesOfType, type ModelGraph } from './build.js';

/** a: carries out an activiteit in `over`; b: one causal step to `over`; c: via a DIN doel and an answering indicator. */
export const COUNT_KINDS = ['a', 'b', 'c'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/** One counted inspanning with its chain of ids, from the inspanning to the element of `over` (a, b) or the answering indicator (c). */
export interface CountedEffort {
  readonly inspanning: string;
  readonly soort: CountKind;
  readonly via: readonly string[];
}

/**
 * A hub needs at least this many activities leading to it: with two or three activities,
 * "most of them" is one or two and says nothing about breadth.
 */
export const MIN_HUB_SOURCES = 3;

/**
 * Below this many inspanningen in scope no deelvraag is called too broad: in a small or
 * starting model two out of three says nothing about how specific a question is.
 */
export const MIN_EFFORTS_FOR_BREADTH = 10;

/** The region-independent facts the counting needs, computed once per graph. */
export interface CountingIndex {
  /** activiteit → the inspanningen that instantiate it, in graph order. */
  readonly instancesOf: ReadonlyMap<string, readonly string[]>;
  /** activiteit → the elements it leads to in one causal step. */
  readonly stepOf: ReadonlyMap<string, readonly string[]>;
  /** Elements that more than half of the activities (and at least MIN_HUB_SOURCES) lead to in one step. */
  readonly hubs: ReadonlySet<string>;
  /** Every inspanning, in graph order: the order of every list of counted inspanningen. */
  readonly efforts: readonly string[];
}

export function countingIndex(g: ModelGraph): CountingIndex {
  const activities = nodesOfType(g, 'activiteit');
  const efforts = nodesOfType(g, 'inspanning');
  const instancesOf = new Map<string, string[]>(activities.map((a) => [a, []]));
  for (const s of efforts) for (const a of neighbours(g, s, 'out', 'instantieert', 'activiteit')) instancesOf.get(a)?.push(s);
  const stepOf = new Map(activities.map((a) => [a, [...new Set(neighbours(g, a, 'out', 'leidt-tot'))]] as const));
  const sources = new Map<string, number>();
  for (const targets of stepOf.values()) for (const t of targets) sources.set(t, (sources.get(t) ?? 0) + 1);
  const hubs = new Set([...sources].filter(([, n]) => n >= MIN_HUB_SOURCES && n * 2 > activities.length).map(([t]) => t));
  return { instancesOf, stepOf, hubs, efforts };
}

/**
 * The inspanningen that count for one deelvraag, each once, with its first chain in the order
 * a, b, c; listed in the graph order of the inspanningen, so every run gives the same list.
 */
export function countedEfforts(g: ModelGraph, index: CountingIndex, deelvraag: string): CountedEffort[] {
  const over = neighbours(g, deelvraag, 'out', 'gaat-over');
  const found = new Map<string, CountedEffort>();
  const add = (inspanning: string, soort: CountKind, via: string[]) => {
    if (!found.has(inspanning)) found.set(inspanning, { inspanning, soort, via });
  };
  // (a) an activiteit in `over`, carried out by the inspanning
  for (const x of over) for (const s of index.instancesOf.get(x) ?? []) add(s, 'a', [s, x]);
  // (b) one causal step from the inspanning's activiteit to a non-hub element in `over`
  const overSet = new Set(over);
  for (const [activity, targets] of index.stepOf) {
    for (const t of targets) {
      if (!overSet.has(t) || index.hubs.has(t)) continue;
      for (const s of index.instancesOf.get(activity) ?? []) add(s, 'b', [s, activity, t]);
    }
  }
  // (c) a concreet doel of its DIN, measured by an indicator that answers the deelvraag
  for (const ind of neighbours(g, deelvraag, 'in', 'beantwoordt', 'indicator')) {
    for (const goal of neighbours(g, ind, 'out', 'meet', 'concreet-doel')) {
      for (const s of neighbours(g, goal, 'in', 'draagt-bij', 'inspanning')) add(s, 'c', [s, goal, ind]);
    }
  }
  return index.efforts.filter((s) => found.has(s)).map((s) => found.get(s)!);
}

/** Whether a deelvraag counting `counted` of `total` inspanningen is too broad to show where the gaps are. */
export function tooBroad(counted: number, total: number): boolean {
  return total >= MIN_EFFORTS_FOR_BREADTH && counted * 2 > total;
}
