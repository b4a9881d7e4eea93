/**
 * Coverage: per deelvraag whether evidence can answer it (gedekt, deels, gat) and why, rolled
 * up per onderzoeksvraag and listed per region. Which inspanningen count, and through which
 * chain, is decided in src/graph/coverage.ts; data (a region's measurements) is kept apart
 * from that effort. A missing link is a reason in words, never an exception.
 */
import { neighbours } from '../graph/build.js';
import { COUNT_KINDS, tooBroad, type CountedEffort, type CountKind } from '../graph/coverage.js';
import type { AnalysisContext, EvidenceChain, Scope } from './context.js';
import { idList } from './format.js';
import { statusCounts } from './status.js';
import type { Analysis, CoverageStatus } from './schema.js';

type CoverageData = Analysis['dekking'];
type Subquestion = CoverageData['deelvragen'][number];

export interface Coverage {
  dekking: CoverageData;
  /** deelvraag → regio → how many of the region's inspanningen count for it (for the matrix). */
  evidenceByRegion: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

function rollup(statuses: CoverageStatus[]): CoverageStatus {
  if (statuses.length === 0) return 'gat';
  if (statuses.every((s) => s === 'gedekt')) return 'gedekt';
  if (statuses.every((s) => s === 'gat')) return 'gat';
  return 'deels';
}

export function coverage(ctx: AnalysisContext, scope: Scope): Coverage {
  const evidenceByRegion = new Map<string, ReadonlyMap<string, number>>();
  const total = ctx.counting.efforts.filter((s) => scope.inScope(ctx.graph.getNodeAttribute(s, 'regio'))).length;
  const subquestions = ctx.chains.map((chain) => {
    const { row, perRegion } = subquestionCoverage(ctx, scope, chain, total);
    evidenceByRegion.set(chain.deelvraag, perRegion);
    return row;
  });
  const regionRows = scope.dinRegions.map((r) => ({
    regio: r,
    deelvragen: subquestions.filter((d) => d.regios.includes(r)).map((d) => d.id),
    data: subquestions.filter((d) => d.data_regios.includes(r)).map((d) => d.id),
  }));
  return { dekking: { deelvragen: subquestions, inspanningen_totaal: total, onderzoeksvragen: questions(ctx, subquestions), per_regio: regionRows }, evidenceByRegion };
}

/** One deelvraag: the evidence in scope, its status and the reasons for it. */
function subquestionCoverage(ctx: AnalysisContext, scope: Scope, chain: EvidenceChain, total: number): { row: Subquestion; perRegion: ReadonlyMap<string, number> } {
  const g = ctx.graph;
  const regionOf = (n: string) => g.getNodeAttribute(n, 'regio');
  const { deelvraag: d, indicators, methoden, measured } = chain;
  const efforts = chain.efforts.filter((c) => scope.inScope(regionOf(c.inspanning)));
  // Data is not effort: a region's measurement (or its own answering indicator) says the
  // region can show what changed, not that its inspanningen work on the question.
  const dataRegions = [...new Set([...chain.dataRegions, ...indicators.map(regionOf).filter((r): r is string => r !== undefined)])].filter((r) => scope.inScope(r)).sort();

  const perRegion = new Map<string, number>();
  for (const c of efforts) {
    const r = regionOf(c.inspanning);
    if (r) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
  }
  const { status, redenen } = verdict(ctx, chain, efforts, dataRegions);
  // Without an indicator or a method nothing collects evidence, whatever regions do.
  const gap = status === 'gat';
  if (gap) perRegion.clear();
  return {
    row: {
      id: d,
      label: ctx.label(d),
      onderzoeksvraag: ctx.questionOf.get(d) ?? '',
      status,
      redenen,
      indicatoren: [...indicators],
      databronnen: [...chain.sources],
      gemeten_elementen: [...measured],
      inspanningen: efforts.map((c) => c.inspanning),
      ketens: efforts.map((c) => ({ inspanning: c.inspanning, soort: c.soort, via: [...c.via] })),
      aandeel: total === 0 ? 0 : Math.round((efforts.length / total) * 1000) / 1000,
      te_breed: tooBroad(efforts.length, total),
      regios: [...perRegion.keys()].sort(),
      data_regios: gap ? [] : dataRegions,
      methoden: [...methoden],
    },
    perRegion,
  };
}

const KIND_WORDS: Record<CountKind, (n: number) => string> = {
  a: (n) => `${n} ${n === 1 ? 'voert' : 'voeren'} een activiteit uit waar de deelvraag over gaat`,
  b: (n) => `${n} via een activiteit die in één stap leidt tot een element waar de deelvraag over gaat`,
  c: (n) => `${n} via een concreet doel dat een beantwoordende indicator meet`,
};

/** The counted inspanningen in words: how many, and by which of the three chains. */
function effortWords(efforts: readonly CountedEffort[]): string {
  if (efforts.length === 0) return 'geen inspanning werkt eraan';
  const parts = COUNT_KINDS.map((k) => [k, efforts.filter((c) => c.soort === k).length] as const).filter(([, n]) => n > 0).map(([k, n]) => KIND_WORDS[k](n));
  return `${efforts.length} ${efforts.length === 1 ? 'inspanning werkt' : 'inspanningen werken'} eraan (${parts.join('; ')})`;
}

const dataWords = (regions: readonly string[]) => (regions.length === 0 ? 'geen regio heeft metingen' : `data uit ${regions.length} ${regions.length === 1 ? 'regio' : "regio’s"}`);

/** gedekt, deels or gat, with the reasons in words: what is there, or which link is missing. */
function verdict(ctx: AnalysisContext, chain: EvidenceChain, efforts: readonly CountedEffort[], dataRegions: readonly string[]): { status: CoverageStatus; redenen: string[] } {
  const { indicators, methoden, over, measured, overHubs } = chain;
  const redenen: string[] = [];
  // A hub in `over` is why a broad question may count few inspanningen: say so.
  const hubNote = overHubs.length
    ? [`${idList(overHubs)}: de meeste activiteiten leiden hier in één stap heen (een knooppunt), dus telt het voor geen inspanning als keten; een meting ervan zegt óf het veranderde, niet welke inspanning dat deed`]
    : [];
  if (indicators.length === 0) {
    const status: CoverageStatus = methoden.length === 0 ? 'gat' : 'deels';
    redenen.push(
      status === 'gat'
        ? 'geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd'
        : `geen indicator beantwoordt deze deelvraag; alleen kwalitatief bewijs via ${methoden.join(', ')}`,
    );
    if (over.length === 0) redenen.push('de deelvraag is aan geen element van het beleidsmodel gekoppeld (`over`)');
    else if (efforts.length === 0) redenen.push(`geen inspanning van een regio werkt aan ${idList(over)}: geen voert het uit als activiteit of leidt er in één causale stap heen`);
    else redenen.push(effortWords(efforts));
    return { status, redenen: [...redenen, ...hubNote] };
  }
  const noSource = indicators.filter((i) => neighbours(ctx.graph, i, 'out', 'uit-bron').length === 0);
  if (noSource.length === indicators.length) redenen.push(`indicator ${idList(noSource)} heeft geen databron`);
  if (measured.length === 0) redenen.push(`indicator ${idList(indicators)} meet geen element van het beleidsmodel of een DIN`);
  else if (efforts.length === 0 && dataRegions.length === 0) {
    const why = `${over.length ? `geen werkt aan ${idList(over)}` : 'ze heeft geen `over`'} en haar indicatoren meten geen concreet doel waar een inspanning aan bijdraagt`;
    redenen.push(`geen inspanning telt voor deze deelvraag (${why}) en geen regio heeft metingen van haar indicatoren`);
  }
  if (redenen.length > 0) return { status: 'deels', redenen: [...redenen, ...hubNote] };
  return { status: 'gedekt', redenen: [`keten compleet: ${indicators.length} indicator(en); ${effortWords(efforts)}; ${dataWords(dataRegions)}`, ...hubNote] };
}

/** Per onderzoeksvraag (and first-phase cluster) its deelvragen, counted and rolled up. */
function questions(ctx: AnalysisContext, subquestions: readonly Subquestion[]): CoverageData['onderzoeksvragen'] {
  const g = ctx.graph;
  return g
    .filterNodes((_n, a) => a.type === 'onderzoeksvraag' || a.type === 'vraagcluster')
    .map((q) => {
      const dv = subquestions.filter((d) => d.onderzoeksvraag === q);
      const n = statusCounts(dv);
      return {
        id: q,
        nummer: g.getNodeAttribute(q, 'nummer') ?? null,
        label: ctx.label(q),
        status: rollup(dv.map((d) => d.status)),
        gedekt: n.gedekt,
        deels: n.deels,
        gat: n.gat,
        deelvragen: dv.map((d) => d.id),
      };
    })
    // The seven numbered questions first, in number order; then the first-phase clusters.
    .sort((a, b) => (a.nummer ?? 1e9) - (b.nummer ?? 1e9));
}

/** The indicators with their data sources and, for a DIN’s own indicator, its region. */
export function indicators(ctx: AnalysisContext): Analysis['indicatoren'] {
  const g = ctx.graph;
  return g
    .filterNodes((_n, a) => a.type === 'indicator')
    .map((i) => ({ ...ctx.ref(i), databronnen: neighbours(g, i, 'out', 'uit-bron').map(ctx.ref), regio: g.getNodeAttribute(i, 'regio') ?? null }));
}
