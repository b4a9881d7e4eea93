/**
 * Coverage: per deelvraag whether evidence can answer it (gedekt, deels, gat) and why, rolled
 * up per onderzoeksvraag and listed per region. A missing link is a reason in words, never
 * an exception.
 */
import { neighbours } from '../graph/build.js';
import type { AnalysisContext, EvidenceChain, Scope } from './context.js';
import { idList } from './format.js';
import type { Analysis, CoverageStatus } from './schema.js';

type Dekking = Analysis['dekking'];
type Deelvraag = Dekking['deelvragen'][number];

export interface Coverage {
  dekking: Dekking;
  /** deelvraag → regio → how many pieces of evidence the region contributes (for the matrix). */
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
  const deelvragen = ctx.chains.map((chain) => {
    const { row, perRegion } = deelvraagCoverage(ctx, scope, chain);
    evidenceByRegion.set(chain.deelvraag, perRegion);
    return row;
  });
  const perRegio = scope.dinRegions.map((r) => ({ regio: r, deelvragen: deelvragen.filter((d) => d.regios.includes(r)).map((d) => d.id) }));
  return { dekking: { deelvragen, onderzoeksvragen: questions(ctx, deelvragen), per_regio: perRegio }, evidenceByRegion };
}

/** One deelvraag: the evidence in scope along its chain, its status and the reasons for it. */
function deelvraagCoverage(ctx: AnalysisContext, scope: Scope, chain: EvidenceChain): { row: Deelvraag; perRegion: ReadonlyMap<string, number> } {
  const g = ctx.graph;
  const regioOf = (n: string) => g.getNodeAttribute(n, 'regio');
  const { deelvraag: d, indicators, methoden, measured } = chain;
  const evidence: Evidence = {
    efforts: chain.efforts.filter((n) => scope.inScope(regioOf(n))),
    dataRegions: chain.dataRegions.filter((r) => scope.inScope(r)),
    regionIndicators: indicators.filter((i) => scope.inScope(regioOf(i))),
  };

  const perRegion = new Map<string, number>();
  const bump = (r: string | undefined) => {
    if (r && scope.inScope(r)) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
  };
  evidence.efforts.forEach((s) => bump(regioOf(s)));
  evidence.regionIndicators.forEach((i) => bump(regioOf(i)));
  evidence.dataRegions.forEach(bump);
  const regios = [...perRegion.keys()].sort();

  const { status, redenen } = verdict(ctx, chain, evidence, regios.length);
  // Without an indicator or a method nothing collects evidence, whatever regions do.
  if (status === 'gat') {
    perRegion.clear();
    regios.length = 0;
  }
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
      inspanningen: evidence.efforts,
      regios,
      methoden: [...methoden],
    },
    perRegion,
  };
}

/** The evidence of one deelvraag that counts in the scope. */
interface Evidence {
  efforts: string[];
  dataRegions: string[];
  /** A DIN's own indicators (of regions in scope). */
  regionIndicators: string[];
}

/** gedekt, deels or gat, with the reasons in words: what is there, or which link is missing. */
function verdict(ctx: AnalysisContext, chain: EvidenceChain, evidence: Evidence, regionCount: number): { status: CoverageStatus; redenen: string[] } {
  const { indicators, methoden, over, measured } = chain;
  const { efforts, dataRegions, regionIndicators } = evidence;
  const redenen: string[] = [];
  if (indicators.length === 0) {
    const status: CoverageStatus = methoden.length === 0 ? 'gat' : 'deels';
    redenen.push(
      status === 'gat'
        ? 'geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd'
        : `geen indicator beantwoordt deze deelvraag; alleen kwalitatief bewijs via ${methoden.join(', ')}`,
    );
    if (over.length === 0) redenen.push('de deelvraag is aan geen element van het beleidsmodel gekoppeld (`over`)');
    else if (efforts.length === 0) redenen.push(`geen inspanning van een regio draagt bij aan ${idList(over)}`);
    return { status, redenen };
  }
  const noSource = indicators.filter((i) => neighbours(ctx.graph, i, 'out', 'uit-bron').length === 0);
  if (noSource.length === indicators.length) redenen.push(`indicator ${idList(noSource)} heeft geen databron`);
  if (measured.length === 0) redenen.push(`indicator ${idList(indicators)} meet geen element van het beleidsmodel of een DIN`);
  else if (efforts.length === 0 && dataRegions.length === 0 && regionIndicators.length === 0)
    redenen.push(`geen inspanning van een regio draagt bij aan de gemeten elementen (${idList(measured)}) en geen regio heeft metingen`);
  if (redenen.length > 0) return { status: 'deels', redenen };
  return { status: 'gedekt', redenen: [`keten compleet: ${indicators.length} indicator(en), ${efforts.length} inspanning(en), ${regionCount} regio('s)`] };
}

/** Per onderzoeksvraag (and first-phase cluster) its deelvragen, counted and rolled up. */
function questions(ctx: AnalysisContext, deelvragen: readonly Deelvraag[]): Dekking['onderzoeksvragen'] {
  const g = ctx.graph;
  return g
    .filterNodes((_n, a) => a.type === 'onderzoeksvraag' || a.type === 'vraagcluster')
    .map((q) => {
      const dv = deelvragen.filter((d) => d.onderzoeksvraag === q);
      const count = (s: CoverageStatus) => dv.filter((d) => d.status === s).length;
      return {
        id: q,
        nummer: g.getNodeAttribute(q, 'nummer') ?? null,
        label: ctx.label(q),
        status: rollup(dv.map((d) => d.status)),
        gedekt: count('gedekt'),
        deels: count('deels'),
        gat: count('gat'),
        deelvragen: dv.map((d) => d.id),
      };
    })
    // The seven numbered questions first, in number order; then the first-phase clusters.
    .sort((a, b) => (a.nummer ?? 1e9) - (b.nummer ?? 1e9));
}

/** The indicators with their data sources and, for a DIN's own indicator, its region. */
export function indicators(ctx: AnalysisContext): Analysis['indicatoren'] {
  const g = ctx.graph;
  return g
    .filterNodes((_n, a) => a.type === 'indicator')
    .map((i) => ({ ...ctx.ref(i), databronnen: neighbours(g, i, 'out', 'uit-bron').map(ctx.ref), regio: g.getNodeAttribute(i, 'regio') ?? null }));
}
