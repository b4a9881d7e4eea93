/**
 * Stage 6: graph → analysis result (plain JSON, validated against AnalysisSchema).
 * Coverage follows the evidence chain deelvraag ← indicator ← measured element ←
 * inspanning ← regio; a missing link is a reason in words, never an exception.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EdgeKind, ElementType } from '../vocabulary/glossary.js';
import { neighbours, view, type BuiltGraph, type ViewGraph } from '../graph/build.js';
import { bfsFromNode } from '../graph/lib.js';
import { gemeenteOverlaps } from '../lint/rules.js';
import { STAGE_TYPE } from '../resolve/collect.js';
import { filesOfKind } from '../resolve/resolve.js';
import { COOPERATION_LEVELS, FUNCTIONS, STAGES, type Strength } from '../vocabulary/vocabulary.js';
import { AnalysisSchema, type Analysis, type CoverageStatus, type Matrix } from './schema.js';

export const STRENGTH_WEIGHT: Record<Strength, number> = { zwak: 1, middel: 2, sterk: 3 };

/** Edges along which an inspanning's effort flows towards what is measured. */
const EFFECT_EDGES: readonly EdgeKind[] = ['instantieert', 'leidt-tot', 'draagt-bij'];

/** Every node reachable from `start` (excluded) in the given direction, in BFS order. */
export function reach(v: ViewGraph, start: string, mode: 'inbound' | 'outbound'): string[] {
  const seen: string[] = [];
  if (!v.hasNode(start)) return seen;
  bfsFromNode(v, start, (node) => {
    if (node !== start) seen.push(node);
  }, { mode });
  return seen;
}

/**
 * Everything reachable from any of `sources`, with ONE traversal: graphology-traversal
 * allocates a queue the size of the whole graph per call, so one call per source would make
 * the analysis quadratic in the number of regions. A temporary node joined to all sources
 * turns many traversals into one; it is removed again before returning.
 */
export function reachFromAll(v: ViewGraph, sources: readonly string[], mode: 'inbound' | 'outbound'): string[] {
  const hub = '\u0000bron';
  const present = sources.filter((s) => v.hasNode(s));
  if (present.length === 0) return [];
  v.addNode(hub, { type: 'regio', label: '', file: '' });
  try {
    for (const s of present) {
      if (mode === 'inbound') v.addDirectedEdge(s, hub, { kind: 'hoort-bij' });
      else v.addDirectedEdge(hub, s, { kind: 'hoort-bij' });
    }
    return reach(v, hub, mode);
  } finally {
    v.dropNode(hub);
  }
}

const uniq = <T,>(xs: Iterable<T>): T[] => [...new Set(xs)];

function rollup(statuses: CoverageStatus[]): CoverageStatus {
  if (statuses.length === 0) return 'gat';
  if (statuses.every((s) => s === 'gedekt')) return 'gedekt';
  if (statuses.every((s) => s === 'gat')) return 'gat';
  return 'deels';
}

const list = (ids: string[], max = 4) => ids.slice(0, max).map((i) => `\`${i}\``).join(', ') + (ids.length > max ? ` en ${ids.length - max} meer` : '');

interface EvidenceChain {
  d: string;
  indicators: string[];
  methoden: string[];
  over: string[];
  measured: string[];
  allDataRegions: string[];
  sources: string[];
  allEfforts: string[];
}

/**
 * The region-independent part of the evidence chain per deelvraag, computed once per graph:
 * `render` analyses every region separately, and re-walking the graph for each would make
 * rendering quadratic in the number of regions.
 */
const chainCache = new WeakMap<BuiltGraph, EvidenceChain[]>();

function evidenceChains(built: BuiltGraph): EvidenceChain[] {
  const cached = chainCache.get(built);
  if (cached) return cached;
  const g = built.graph;
  const effect = view(g, EFFECT_EDGES);
  const chains = g.filterNodes((_n, a) => a.type === 'deelvraag').map((d) => {
    const indicators = neighbours(g, d, 'in', 'beantwoordt', 'indicator');
    const over = neighbours(g, d, 'out', 'gaat-over');
    const measured = uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'meet').filter((t) => g.getNodeAttribute(t, 'type') !== 'regio')));
    const targets = uniq([...measured, ...over]);
    return {
      d,
      indicators,
      methoden: [...(g.getNodeAttribute(d, 'methoden') ?? [])],
      over,
      measured,
      allDataRegions: uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'meet', 'regio'))),
      sources: uniq(indicators.flatMap((i) => neighbours(g, i, 'out', 'uit-bron'))),
      allEfforts: uniq([...targets, ...reachFromAll(effect, targets, 'inbound')]).filter((n) => g.getNodeAttribute(n, 'type') === 'inspanning'),
    };
  });
  chainCache.set(built, chains);
  return chains;
}

export interface AnalyseOptions {
  regio?: string;
  diagnostics?: readonly Diagnostic[];
}

export function analyse(built: BuiltGraph, opts: AnalyseOptions = {}): Analysis {
  const g = built.graph;
  const ws = built.workspace;
  const label = (id: string) => g.getNodeAttribute(id, 'label');
  const ref = (id: string) => ({ id, label: label(id) });
  const din = view(g, ['draagt-bij']);
  const reachesAmbition = new Set(reachFromAll(din, g.filterNodes((_n, a) => a.type === 'ambitie'), 'inbound'));

  const dinFiles = filesOfKind(ws, 'din').filter((f) => !opts.regio || f.model.regio === opts.regio);
  const dinRegions = dinFiles.map((f) => f.model.regio).filter((r) => g.hasNode(r));
  const inScope = (regio: string | undefined) => regio !== undefined && (!opts.regio || regio === opts.regio);

  // ---- coverage
  const questionOf = new Map<string, string>();
  g.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'deel-van' && g.getNodeAttribute(s, 'type') === 'deelvraag') questionOf.set(s, t);
  });

  const evidenceByRegion = new Map<string, Map<string, number>>(); // deelvraag → regio → count
  const deelvragen = evidenceChains(built).map(({ d, indicators, methoden, over, measured, allDataRegions, sources, allEfforts }) => {
    const dataRegions = allDataRegions.filter((r) => inScope(r));
    const efforts = allEfforts.filter((n) => inScope(g.getNodeAttribute(n, 'regio')));
    const regionIndicators = indicators.filter((i) => inScope(g.getNodeAttribute(i, 'regio')));

    const perRegion = new Map<string, number>();
    const bump = (r: string | undefined) => {
      if (r && inScope(r)) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
    };
    efforts.forEach((s) => bump(g.getNodeAttribute(s, 'regio')));
    regionIndicators.forEach((i) => bump(g.getNodeAttribute(i, 'regio')));
    dataRegions.forEach(bump);
    const regios = [...perRegion.keys()].sort();

    let status: CoverageStatus;
    const redenen: string[] = [];
    if (indicators.length === 0) {
      if (methoden.length === 0) {
        status = 'gat';
        redenen.push('geen indicator beantwoordt deze deelvraag en er is geen methode van dataverzameling genoemd');
      } else {
        status = 'deels';
        redenen.push(`geen indicator beantwoordt deze deelvraag; alleen kwalitatief bewijs via ${methoden.join(', ')}`);
      }
      if (over.length === 0) redenen.push('de deelvraag is aan geen element van het beleidsmodel gekoppeld (`over`)');
      else if (efforts.length === 0) redenen.push(`geen inspanning van een regio draagt bij aan ${list(over)}`);
    } else {
      const noSource = indicators.filter((i) => neighbours(g, i, 'out', 'uit-bron').length === 0);
      if (noSource.length === indicators.length) redenen.push(`indicator ${list(noSource)} heeft geen databron`);
      if (measured.length === 0) redenen.push(`indicator ${list(indicators)} meet geen element van het beleidsmodel of een DIN`);
      else if (efforts.length === 0 && dataRegions.length === 0 && regionIndicators.length === 0)
        redenen.push(`geen inspanning van een regio draagt bij aan de gemeten elementen (${list(measured)}) en geen regio heeft metingen`);
      status = redenen.length === 0 ? 'gedekt' : 'deels';
      if (status === 'gedekt') redenen.push(`keten compleet: ${indicators.length} indicator(en), ${efforts.length} inspanning(en), ${regios.length} regio('s)`);
    }
    // Without an indicator or a method nothing collects evidence, whatever regions do.
    if (status === 'gat') {
      perRegion.clear();
      regios.length = 0;
    }
    evidenceByRegion.set(d, perRegion);
    return {
      id: d,
      label: label(d),
      onderzoeksvraag: questionOf.get(d) ?? '',
      status,
      redenen,
      indicatoren: indicators,
      databronnen: sources,
      gemeten_elementen: measured,
      inspanningen: efforts,
      regios,
      methoden: [...methoden],
    };
  });

  const questions = g
    .filterNodes((_n, a) => a.type === 'onderzoeksvraag' || a.type === 'vraagcluster')
    .map((q) => {
      const dv = deelvragen.filter((d) => d.onderzoeksvraag === q);
      const count = (s: CoverageStatus) => dv.filter((d) => d.status === s).length;
      return {
        id: q,
        nummer: g.getNodeAttribute(q, 'nummer') ?? null,
        label: label(q),
        status: rollup(dv.map((d) => d.status)),
        gedekt: count('gedekt'),
        deels: count('deels'),
        gat: count('gat'),
        deelvragen: dv.map((d) => d.id),
      };
    })
    // The seven numbered questions first, in number order; then the first-phase clusters.
    .sort((a, b) => (a.nummer ?? 1e9) - (b.nummer ?? 1e9));

  const perRegio = dinRegions.map((r) => ({ regio: r, deelvragen: deelvragen.filter((d) => d.regios.includes(r)).map((d) => d.id) }));

  // ---- DINs, leverage, orphan energy, gaps, schuifjes
  const dins = dinFiles.map((f) => {
    const m = f.model;
    const erDoelenOf = (c: string) => neighbours(g, c, 'out', 'draagt-bij', 'er-doel');
    const inspanningen = m.inspanningen.map((s) => ({
      ...ref(s.id),
      functie: s.functie,
      uitvoerder: s.uitvoerder,
      status: s.status,
      activiteit: s.activiteit ?? null,
      bijdragen: s.draagt_bij_aan.map((c) => ({ doel: c.doel, sterkte: c.sterkte })),
    }));
    const bijdragen: Analysis['dins'][number]['bijdragen'] = [];
    const dinNodes = new Set([m.ambitie.id, ...m.er_doelen.map((e) => e.id), ...m.concrete_doelen.map((c) => c.id), ...m.inspanningen.map((s) => s.id)]);
    for (const n of dinNodes) {
      for (const e of g.outEdges(n)) {
        const a = g.getEdgeAttributes(e);
        if (a.kind === 'draagt-bij') bijdragen.push({ van: n, naar: g.target(e), sterkte: a.sterkte ?? null });
      }
    }
    const hefboomInspanningen = m.inspanningen
      .map((s) => {
        const doelen = uniq(s.draagt_bij_aan.map((c) => c.doel).filter((d) => g.hasNode(d) && g.getNodeAttribute(d, 'type') === 'concreet-doel'));
        // From the graph, where a contribution written twice is one edge.
        return {
          id: s.id,
          gewicht: doelen.reduce((t, d) => t + STRENGTH_WEIGHT[g.getEdgeAttribute(`${s.id}>draagt-bij>${d}`, 'sterkte') ?? 'middel'], 0),
          concrete_doelen: doelen.length,
          er_doelen: uniq(doelen.flatMap(erDoelenOf)).length,
        };
      })
      .filter((h) => h.concrete_doelen >= 2)
      .sort((a, b) => b.gewicht - a.gewicht || b.er_doelen - a.er_doelen || (a.id < b.id ? -1 : 1));
    const hefboomDoelen = m.concrete_doelen
      .map((c) => {
        const incoming = g.inEdges(c.id).filter((e) => g.getEdgeAttribute(e, 'kind') === 'draagt-bij' && g.getNodeAttribute(g.source(e), 'type') === 'inspanning');
        return {
          id: c.id,
          gewicht: incoming.reduce((t, e) => t + STRENGTH_WEIGHT[g.getEdgeAttribute(e, 'sterkte') ?? 'middel'], 0),
          er_doelen: erDoelenOf(c.id).length,
          inspanningen: incoming.length,
        };
      })
      .filter((h) => h.er_doelen >= 2)
      .sort((a, b) => b.er_doelen - a.er_doelen || b.gewicht - a.gewicht || (a.id < b.id ? -1 : 1));
    const weesenergie = m.inspanningen.flatMap((s) => {
      if (reachesAmbition.has(s.id)) return [];
      // Only the few orphans are walked one by one, to name where their contribution stops.
      const reached = reach(din, s.id, 'outbound');
      if (reached.length === 0) return [{ id: s.id, reden: 'draagt aan geen concreet doel bij' }];
      const deadEnds = reached.filter((n) => neighbours(g, n, 'out', 'draagt-bij').length === 0);
      return [{ id: s.id, reden: `bijdrage loopt dood bij ${list(deadEnds)}: daarvandaan geen weg naar de ambitie` }];
    });
    const gaten: Analysis['dins'][number]['gaten'] = [];
    for (const c of m.concrete_doelen) {
      if (neighbours(g, c.id, 'in', 'draagt-bij', 'inspanning').length === 0) gaten.push({ id: c.id, soort: 'doel-zonder-inspanning', reden: 'geen inspanning draagt bij aan dit concrete doel' });
      if (neighbours(g, c.id, 'in', 'meet', 'indicator').length === 0) gaten.push({ id: c.id, soort: 'doel-zonder-indicator', reden: 'geen indicator: het doel is (nog) niet meetbaar' });
    }
    for (const e of m.er_doelen) {
      if (neighbours(g, e.id, 'in', 'draagt-bij', 'concreet-doel').length === 0) gaten.push({ id: e.id, soort: 'er-doel-zonder-concreet-doel', reden: 'geen concreet doel maakt dit ER-doel merkbaar en meetbaar' });
    }
    for (const s of m.inspanningen) {
      if (s.draagt_bij_aan.length === 0) gaten.push({ id: s.id, soort: 'inspanning-zonder-doel', reden: 'de inspanning draagt aan geen concreet doel bij' });
    }
    return {
      regio: m.regio,
      regio_naam: g.hasNode(m.regio) ? label(m.regio) : m.regio,
      voorbeeld: m.voorbeeld,
      ambitie: ref(m.ambitie.id),
      er_doelen: m.er_doelen.map((e) => ref(e.id)),
      concrete_doelen: m.concrete_doelen.map((c) => ({ ...ref(c.id), indicatoren: neighbours(g, c.id, 'in', 'meet', 'indicator'), er_doelen: erDoelenOf(c.id) })),
      inspanningen,
      bijdragen,
      hefboom_inspanningen: hefboomInspanningen,
      hefboom_doelen: hefboomDoelen,
      weesenergie,
      gaten,
    };
  });

  const level = (l: (typeof COOPERATION_LEVELS)[number]) => COOPERATION_LEVELS.indexOf(l);
  const schuifjes = dinFiles.map((f) => {
    const rows = f.model.inspanningen.flatMap((s) => (s.schuifjes ? [{ id: s.id, label: s.tekst, nu: s.schuifjes.nu, gewenst: s.schuifjes.gewenst, afstand: level(s.schuifjes.gewenst) - level(s.schuifjes.nu) }] : []));
    return {
      regio: f.model.regio,
      inspanningen: rows,
      zonder_schuifjes: f.model.inspanningen.length - rows.length,
      meer_samenwerking: rows.filter((r) => r.afstand > 0).length,
      gelijk: rows.filter((r) => r.afstand === 0).length,
      minder_samenwerking: rows.filter((r) => r.afstand < 0).length,
      blijft_autonoom: rows.filter((r) => level(r.gewenst) <= level('autonoom')).length,
    };
  });

  // ---- matrices
  const cols = dinRegions.map(ref);
  // Indexed once: a scan of the whole graph per matrix cell would be quadratic in regions.
  const effortsByRegion = new Map<string, string[]>();
  g.forEachNode((n, a) => {
    if (a.type === 'inspanning' && a.regio) effortsByRegion.set(a.regio, [...(effortsByRegion.get(a.regio) ?? []), n]);
  });
  const effortsOf = (r: string) => effortsByRegion.get(r) ?? [];
  const matrix = (rows: { id: string; label: string }[], cell: (row: string, col: string) => number): Matrix => ({
    rijen: rows,
    kolommen: cols,
    cellen: rows.map((r) => cols.map((c) => cell(r.id, c.id))),
  });
  // Causal links only: walking `instantieert` backwards from an activity would visit every
  // region's inspanningen, once per region.
  const causal = view(g, ['leidt-tot']);
  const reachOfActivity = new Map<string, string[]>();
  const stageReachOf = (a: string) => {
    let r = reachOfActivity.get(a);
    if (!r) {
      r = [a, ...reach(causal, a, 'outbound'), ...reach(causal, a, 'inbound').filter((n) => g.getNodeAttribute(n, 'type') === 'input')];
      reachOfActivity.set(a, r);
    }
    return r;
  };
  const stageReach = new Map<string, Set<string>>();
  for (const r of dinRegions) {
    const activities = new Set(effortsOf(r).flatMap((s) => neighbours(g, s, 'out', 'instantieert')));
    stageReach.set(r, new Set([...activities].flatMap(stageReachOf)));
  }
  const matrices = {
    deelvraag_regio: matrix(deelvragen.map((d) => ref(d.id)), (d, r) => evidenceByRegion.get(d)?.get(r) ?? 0),
    functie_regio: matrix(
      FUNCTIONS.map((fn) => ({ id: fn, label: fn })),
      (fn, r) => effortsOf(r).filter((s) => g.getNodeAttribute(s, 'functie') === fn).length,
    ),
    stap_regio: matrix(
      STAGES.map((s) => ({ id: s, label: s })),
      (s, r) => [...(stageReach.get(r) ?? [])].filter((n) => g.getNodeAttribute(n, 'type') === STAGE_TYPE[s as (typeof STAGES)[number]]).length,
    ),
  };

  // ---- beleidsmodel (for the diagram)
  const stappen = [
    ...STAGES.map((s) => ({ stap: s, type: STAGE_TYPE[s] })),
    { stap: 'doelen' as const, type: 'doel' as ElementType },
    { stap: 'externe_factoren' as const, type: 'externe-factor' as ElementType },
  ].map(({ stap, type }) => ({ stap, elementen: g.filterNodes((_n, a) => a.type === type).map(ref) }));
  const schakels: Analysis['beleidsmodel']['schakels'] = [];
  const externe: Analysis['beleidsmodel']['externe_invloeden'] = [];
  g.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'leidt-tot') schakels.push({ van: s, naar: t, aanname: a.aanname ?? null, toelichting: a.toelichting ?? null });
    if (a.kind === 'beinvloedt') externe.push({ van: s, naar: t });
  });
  const aannames = g.filterNodes((_n, a) => a.type === 'aanname').map((a) => ({ ...ref(a), bij: uniq([...neighbours(g, a, 'out', 'onderbouwt'), ...neighbours(g, a, 'in', 'onderbouwt')]) }));
  const oordelen = g.filterNodes((_n, a) => a.type === 'oordeel').map((o) => ({ ...ref(o), van: neighbours(g, o, 'out', 'oordeel-van'), naar: neighbours(g, o, 'out', 'oordeel-naar') }));

  const elementCounts: Record<string, number> = {};
  g.forEachNode((_n, a) => {
    elementCounts[a.type] = (elementCounts[a.type] ?? 0) + 1;
  });
  const regions = g.filterNodes((_n, a) => a.type === 'regio');
  const withDin = new Set(filesOfKind(ws, 'din').map((f) => f.model.regio));
  const diags = opts.diagnostics ?? [];

  const result: Analysis = {
    versie: 1,
    regio_filter: opts.regio ?? null,
    samenvatting: {
      bestanden: ws.files.length,
      elementen: Object.fromEntries(Object.entries(elementCounts).sort(([a], [b]) => (a < b ? -1 : 1))),
      regios: regions.length,
      regios_met_din: regions.filter((r) => withDin.has(r)).length,
      diagnostieken: {
        fouten: diags.filter((d) => d.severity === 'error').length,
        waarschuwingen: diags.filter((d) => d.severity === 'warning').length,
        info: diags.filter((d) => d.severity === 'info').length,
      },
    },
    beleidsmodel: { stappen, schakels, aannames, externe_invloeden: externe, oordelen },
    dekking: { deelvragen, onderzoeksvragen: questions, per_regio: perRegio },
    indicatoren: g.filterNodes((_n, a) => a.type === 'indicator').map((i) => ({ ...ref(i), databronnen: neighbours(g, i, 'out', 'uit-bron').map(ref), regio: g.getNodeAttribute(i, 'regio') ?? null })),
    matrices,
    dins,
    schuifjes,
    regios_zonder_din: regions.filter((r) => !withDin.has(r)),
    gemeente_overlap: gemeenteOverlaps(built).map((o) => ({ gemeente: o.gemeente, sector: o.sector, regios: [...o.regios] })),
  };
  // The schema is the contract with every renderer: check it here, once.
  return AnalysisSchema.parse(result);
}
