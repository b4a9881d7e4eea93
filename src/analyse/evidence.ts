/**
 * The state of evidence: what the register of findings (`soort: bewijs`) says per deelvraag
 * and phase (`stand`), and the contribution analysis (Mayne) along the causal links of the
 * beleidsmodel: a judgement (`oordeel`) per link, aanname and tested DIN contribution, and per
 * path from an activity to the impact its weakest link. Design coverage (src/analyse/coverage.ts)
 * says whether a deelvraag *could* be answered; this says whether it *is*.
 *
 * Both rule tables below are the one definition: the analysis applies them in order (the first
 * rule that holds decides), the README prints them (a test checks that it does).
 */
import { z } from 'zod';
import { view, type BuiltGraph } from '../graph/build.js';
import { allSimplePaths } from '../graph/lib.js';
import { currentPhase, findingsOf, linkText, overdueSubquestions, plannedSubquestions, type FindingRecord, type PlannedSubquestion } from '../resolve/evidence.js';
import { DIRECTIONS, METHODS, STRENGTHS, type Strength } from '../vocabulary/vocabulary.js';

export const EVIDENCE_STATES = ['geen', 'mager', 'voldoende', 'sterk', 'tegenstrijdig'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];
export const VERDICTS = ['ongetoetst', 'zwak', 'matig', 'sterk', 'betwist'] as const;
export type Verdict = (typeof VERDICTS)[number];

type Finding = FindingRecord['finding'];
const atLeastMiddel = (f: Finding) => f.sterkte !== 'zwak';
const methodsWith = (items: readonly Finding[], keep: (f: Finding) => boolean) => new Set(items.filter(keep).map((f) => f.methode)).size;

/**
 * The `stand` of a deelvraag from the findings that answer it (`beantwoordt`), up to the
 * phase asked. Every finding counts, whatever its direction: a refutation answers too.
 */
export const STATE_RULES: readonly { stand: EvidenceState; regel: string; holds: (items: readonly Finding[]) => boolean }[] = [
  { stand: 'geen', regel: 'geen enkele bevinding beantwoordt de deelvraag', holds: (items) => items.length === 0 },
  {
    stand: 'tegenstrijdig',
    regel: 'een ondersteunende én een weerleggende bevinding, allebei minstens `middel`',
    holds: (items) => items.some((f) => f.richting === 'ondersteunt' && atLeastMiddel(f)) && items.some((f) => f.richting === 'weerlegt' && atLeastMiddel(f)),
  },
  {
    stand: 'sterk',
    regel: 'minstens twee methoden met een bevinding van minstens `middel`, en minstens één bevinding `sterk`',
    holds: (items) => methodsWith(items, atLeastMiddel) >= 2 && items.some((f) => f.sterkte === 'sterk'),
  },
  { stand: 'voldoende', regel: 'minstens twee methoden met een bevinding van minstens `middel`', holds: (items) => methodsWith(items, atLeastMiddel) >= 2 },
  { stand: 'mager', regel: 'wel bevindingen, maar van één methode of alleen `zwak`', holds: () => true },
];

export function stateOf(items: readonly Finding[]): EvidenceState {
  return STATE_RULES.find((r) => r.holds(items))!.stand;
}

/**
 * The `oordeel` of a causal link, an aanname or a DIN contribution from the findings that test
 * it (`toetst`). A link also counts the findings on the aanname it rests on: the aanname is
 * the mechanism of that link.
 */
export const VERDICT_RULES: readonly { oordeel: Verdict; regel: string; holds: (items: readonly Finding[]) => boolean }[] = [
  { oordeel: 'ongetoetst', regel: 'geen enkele bevinding toetst het', holds: (items) => items.length === 0 },
  { oordeel: 'betwist', regel: 'een weerleggende bevinding van minstens `middel`', holds: (items) => items.some((f) => f.richting === 'weerlegt' && atLeastMiddel(f)) },
  {
    oordeel: 'sterk',
    regel: 'ondersteunende bevindingen van minstens `middel` uit minstens twee methoden, waarvan één `sterk`',
    holds: (items) => methodsWith(items, (f) => f.richting === 'ondersteunt' && atLeastMiddel(f)) >= 2 && items.some((f) => f.richting === 'ondersteunt' && f.sterkte === 'sterk'),
  },
  { oordeel: 'matig', regel: 'een ondersteunende bevinding van minstens `middel`', holds: (items) => items.some((f) => f.richting === 'ondersteunt' && atLeastMiddel(f)) },
  { oordeel: 'zwak', regel: 'alleen zwakke steun, gemengde of uitspraakloze bevindingen, of een zwakke weerlegging', holds: () => true },
];

export function verdictOf(items: readonly Finding[]): Verdict {
  return VERDICT_RULES.find((r) => r.holds(items))!.oordeel;
}

/** Weakest first: contested evidence undermines a claim more than no evidence. */
export const VERDICT_RANK: Record<Verdict, number> = { betwist: 0, ongetoetst: 1, zwak: 2, matig: 3, sterk: 4 };
const STATE_RANK: Record<Exclude<EvidenceState, 'tegenstrijdig'>, number> = { geen: 0, mager: 1, voldoende: 2, sterk: 3 };

/**
 * Roll-up to an onderzoeksvraag and the hoofdvraag: `geen` when no deelvraag has evidence;
 * `tegenstrijdig` when one is; otherwise as firm as the least answered deelvraag, where a
 * deelvraag without evidence counts as `mager` (the question is answered in part).
 */
export const ROLLUP_RULE = 'geen als geen deelvraag bewijs heeft; tegenstrijdig als één deelvraag dat is; anders de zwakste stand van de deelvragen, waarbij een deelvraag zonder bewijs als `mager` telt';

export function rollupState(states: readonly EvidenceState[]): EvidenceState {
  if (states.length === 0 || states.every((s) => s === 'geen')) return 'geen';
  if (states.includes('tegenstrijdig')) return 'tegenstrijdig';
  const ranks = states.map((s) => (s === 'geen' ? STATE_RANK.mager : STATE_RANK[s as keyof typeof STATE_RANK]));
  const min = Math.min(...ranks);
  return (Object.keys(STATE_RANK) as (keyof typeof STATE_RANK)[]).find((k) => STATE_RANK[k] === min)!;
}

const strongest = (items: readonly Finding[]): Strength | null => {
  for (const s of [...STRENGTHS].reverse()) if (items.some((f) => f.sterkte === s)) return s;
  return null;
};

// ---------- the result, with its own schema

const Cell = z.object({ aantal: z.number().int().nonnegative(), sterkste: z.enum(STRENGTHS).nullable() });
const LinkRef = z.object({ van: z.string(), naar: z.string(), oordeel: z.enum(VERDICTS) });

export const EvidenceSchema = z.object({
  /** The phase the state is for: findings of this phase and earlier count. Null without register and --fase. */
  fase: z.string().nullable(),
  regio_filter: z.string().nullable(),
  registers: z.array(z.object({ id: z.string(), naam: z.string(), bevindingen: z.number().int() })),
  /** Every finding in scope (phase and region), in register order. */
  bevindingen: z.array(
    z.object({
      id: z.string(),
      tekst: z.string(),
      methode: z.enum(METHODS),
      fase: z.string(),
      regios: z.array(z.string()),
      richting: z.enum(DIRECTIONS),
      sterkte: z.enum(STRENGTHS),
      toelichting: z.string(),
      omvang: z.string().nullable(),
      bron: z.string(),
    }),
  ),
  fasen: z.array(z.string()),
  deelvragen: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      onderzoeksvraag: z.string(),
      stand: z.enum(EVIDENCE_STATES),
      /** Design coverage next to it: could it be answered (gedekt, deels, gat)? */
      dekking: z.enum(['gedekt', 'deels', 'gat']).nullable(),
      gepland: z.array(z.string()),
      achterstallig: z.boolean(),
      bevindingen: z.array(z.string()),
      methoden: z.array(z.enum(METHODS)),
      per_fase: z.array(z.object({ fase: z.string(), stand: z.enum(EVIDENCE_STATES), aantal: z.number().int() })),
      per_methode: z.array(Cell),
      per_fase_kaart: z.array(Cell),
    }),
  ),
  onderzoeksvragen: z.array(
    z.object({
      id: z.string(),
      nummer: z.number().int().nullable(),
      label: z.string(),
      stand: z.enum(EVIDENCE_STATES),
      /** Design coverage of the question next to it (gedekt, deels, gat). */
      dekking: z.enum(['gedekt', 'deels', 'gat']).nullable(),
      aantallen: z.record(z.enum(EVIDENCE_STATES), z.number().int()),
      deelvragen: z.array(z.string()),
    }),
  ),
  hoofdvraag: z.object({ id: z.string(), label: z.string(), stand: z.enum(EVIDENCE_STATES), aantallen: z.record(z.enum(EVIDENCE_STATES), z.number().int()) }).nullable(),
  schakels: z.array(
    z.object({
      van: z.string(),
      naar: z.string(),
      oordeel: z.enum(VERDICTS),
      aanname: z.string().nullable(),
      /** Findings on the link itself. */
      bevindingen: z.array(z.string()),
      /** Findings on the aanname it rests on, also counted for the link. */
      via_aanname: z.array(z.string()),
    }),
  ),
  aannames: z.array(z.object({ id: z.string(), label: z.string(), oordeel: z.enum(VERDICTS), bevindingen: z.array(z.string()) })),
  bijdragen: z.array(z.object({ inspanning: z.string(), doel: z.string(), regio: z.string().nullable(), oordeel: z.enum(VERDICTS), bevindingen: z.array(z.string()) })),
  /** Every path from an activity to an impact along causal links, with its weakest link. */
  paden: z.array(z.object({ activiteit: z.string(), via: z.array(z.string()), zwakste: LinkRef, oordeel: z.enum(VERDICTS) })),
  /** Per region in scope: each inspanning with an activity, the weakest link of the paths of that activity. */
  regios: z.array(
    z.object({
      regio: z.string(),
      inspanningen: z.array(z.object({ id: z.string(), activiteit: z.string(), paden: z.array(z.number().int()), zwakste: LinkRef.nullable() })),
    }),
  ),
  achterstallig: z.array(z.object({ deelvraag: z.string(), fasen: z.array(z.string()) })),
  labels: z.record(z.string(), z.string()),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export interface EvidenceOptions {
  /** The phase to show the state for (`--fase`); default the latest phase in the register. */
  fase?: string;
  /** Only this region's findings and the national ones; paths only of its inspanningen. */
  regio?: string;
  /** Design coverage per deelvraag and per onderzoeksvraag, to show beside the state. */
  coverage?: ReadonlyMap<string, 'gedekt' | 'deels' | 'gat'>;
}

/** Bounds path enumeration on dense hand-made models; the beleidsmodel's paths are 3–4 links. */
const MAX_DEPTH = 12;

/**
 * What does not depend on the findings or the scope: the deelvragen and questions, the causal
 * links, the paths from each activity to the impact, each region's inspanningen with their
 * activities. Computed once per graph: `render` analyses the nation and every region, and the
 * per-region analysis must stay linear in the number of regions.
 */
interface Structure {
  questionOf: ReadonlyMap<string, string>;
  questions: readonly string[];
  main: string | undefined;
  assumptions: readonly string[];
  links: readonly { van: string; naar: string; aanname: string | null }[];
  /** inspanning → the goals it contributes to. */
  contributions: ReadonlyMap<string, readonly string[]>;
  paths: readonly { activiteit: string; via: string[] }[];
  regions: readonly string[];
  /** regio → its inspanningen with the activity each carries out. */
  effortsByRegion: ReadonlyMap<string, readonly { id: string; activiteit: string }[]>;
  /** The register: every finding, every planned deelvraag, the registers themselves. */
  findings: readonly FindingRecord[];
  planned: readonly PlannedSubquestion[];
  registers: Evidence['registers'];
}

const STRUCTURES = new WeakMap<object, Structure>();

function structureOf(built: BuiltGraph): Structure {
  const g = built.graph;
  const cached = STRUCTURES.get(g);
  if (cached) return cached;
  const questionOf = new Map<string, string>();
  const links: { van: string; naar: string; aanname: string | null }[] = [];
  const contributions = new Map<string, string[]>();
  const effortsByRegion = new Map<string, { id: string; activiteit: string }[]>();
  g.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'deel-van' && g.getNodeAttribute(s, 'type') === 'deelvraag') questionOf.set(s, t);
    if (a.kind === 'leidt-tot') links.push({ van: s, naar: t, aanname: a.aanname ?? null });
    if (a.kind === 'draagt-bij' && g.getNodeAttribute(s, 'type') === 'inspanning') contributions.set(s, [...(contributions.get(s) ?? []), t]);
    if (a.kind === 'instantieert') {
      const r = g.getNodeAttribute(s, 'regio');
      if (r) effortsByRegion.set(r, [...(effortsByRegion.get(r) ?? []), { id: s, activiteit: t }]);
    }
  });
  const causal = view(g, ['leidt-tot']);
  const impacts = g.filterNodes((_n, a) => a.type === 'impact');
  const paths = g
    .filterNodes((_n, a) => a.type === 'activiteit')
    .flatMap((act) => impacts.flatMap((imp) => allSimplePaths(causal, act, imp, { maxDepth: MAX_DEPTH }).map((via) => ({ activiteit: act, via }))));
  const structure: Structure = {
    questionOf,
    questions: g.filterNodes((_n, a) => a.type === 'onderzoeksvraag' || a.type === 'vraagcluster'),
    main: g.filterNodes((_n, a) => a.type === 'hoofdvraag')[0],
    assumptions: g.filterNodes((_n, a) => a.type === 'aanname'),
    links,
    contributions,
    paths,
    regions: g.filterNodes((_n, a) => a.type === 'regio'),
    effortsByRegion,
    findings: findingsOf(built.workspace),
    planned: plannedSubquestions(built.workspace),
    registers: built.workspace.files.flatMap((f) => (f.kind === 'bewijs' ? [{ id: f.model.id, naam: f.model.naam, bevindingen: f.model.bevindingen.length }] : [])),
  };
  STRUCTURES.set(g, structure);
  return structure;
}

export function evidence(built: BuiltGraph, opts: EvidenceOptions = {}): Evidence {
  const g = built.graph;
  const st = structureOf(built);
  const label = (id: string) => (g.hasNode(id) ? g.getNodeAttribute(id, 'label') : id);
  const all = st.findings;
  const phase = currentPhase(all, opts.fase) ?? null;
  const regionOk = (f: FindingRecord) => !opts.regio || f.finding.regios.length === 0 || f.finding.regios.includes(opts.regio);
  const inScope = (f: FindingRecord) => regionOk(f) && (phase === null || f.finding.fase <= phase);
  const scoped = all.filter(inScope).map((f) => f.finding);

  const planned = st.planned;
  const phases = [...new Set([...planned.flatMap((d) => d.fasen), ...all.map((f) => f.finding.fase)])].sort();
  const overdue = overdueSubquestions(planned, all, phase ?? undefined, regionOk);
  const overdueIds = new Set(overdue.map((o) => o.deelvraag.id));

  // ---- deelvragen
  const answering = (d: string) => scoped.filter((f) => f.beantwoordt.includes(d));
  const subquestions = planned
    .filter((d) => g.hasNode(d.id))
    .map((d) => {
      const items = answering(d.id);
      return {
        id: d.id,
        label: label(d.id),
        onderzoeksvraag: st.questionOf.get(d.id) ?? '',
        stand: stateOf(items),
        dekking: opts.coverage?.get(d.id) ?? null,
        gepland: [...d.fasen],
        achterstallig: overdueIds.has(d.id),
        bevindingen: items.map((f) => f.id),
        methoden: METHODS.filter((m) => items.some((f) => f.methode === m)),
        per_fase: phases.map((p) => {
          const inPhase = items.filter((f) => f.fase === p);
          return { fase: p, stand: stateOf(inPhase), aantal: inPhase.length };
        }),
        per_methode: METHODS.map((m) => cell(items.filter((f) => f.methode === m))),
        per_fase_kaart: phases.map((p) => cell(items.filter((f) => f.fase === p))),
      };
    });

  const counts = (states: readonly EvidenceState[]) => Object.fromEntries(EVIDENCE_STATES.map((s) => [s, states.filter((x) => x === s).length])) as Record<EvidenceState, number>;
  const questions = st.questions
    .map((q) => {
      const dv = subquestions.filter((d) => d.onderzoeksvraag === q);
      return { id: q, nummer: g.getNodeAttribute(q, 'nummer') ?? null, label: label(q), stand: rollupState(dv.map((d) => d.stand)), dekking: opts.coverage?.get(q) ?? null, aantallen: counts(dv.map((d) => d.stand)), deelvragen: dv.map((d) => d.id) };
    })
    .sort((a, b) => (a.nummer ?? 1e9) - (b.nummer ?? 1e9));
  const main = st.main;
  const hoofdvraag = main ? { id: main, label: label(main), stand: rollupState(subquestions.map((d) => d.stand)), aantallen: counts(subquestions.map((d) => d.stand)) } : null;

  // ---- contribution analysis
  const testing = (match: (f: Finding) => boolean) => scoped.filter(match);
  const assumptionItems = new Map(st.assumptions.map((a) => [a, testing((f) => f.toetst.aannames.includes(a))]));
  const assumptions = st.assumptions.map((a) => {
    const items = assumptionItems.get(a)!;
    return { id: a, label: label(a), oordeel: verdictOf(items), bevindingen: items.map((f) => f.id) };
  });
  const links = st.links.map(({ van, naar, aanname }) => {
    const own = testing((f) => f.toetst.schakels.some((l) => l.van === van && l.naar === naar));
    const viaAssumption = aanname ? (assumptionItems.get(aanname) ?? []).filter((f) => !own.includes(f)) : [];
    return { van, naar, oordeel: verdictOf([...own, ...viaAssumption]), aanname, bevindingen: own.map((f) => f.id), via_aanname: viaAssumption.map((f) => f.id) };
  });
  const linkVerdict = new Map(links.map((l) => [linkText(l.van, l.naar), l.oordeel]));

  // Only the tested contributions: an untested one is the rule, listing all would drown the few.
  const tested = new Set(scoped.flatMap((f) => f.toetst.bijdragen.map((c) => c.inspanning)));
  const contributions = [...tested].flatMap((s) => {
    const region = g.hasNode(s) ? (g.getNodeAttribute(s, 'regio') ?? null) : null;
    if (opts.regio && region !== opts.regio) return [];
    return (st.contributions.get(s) ?? []).flatMap((t) => {
      const items = testing((f) => f.toetst.bijdragen.some((c) => c.inspanning === s && c.doel === t));
      return items.length ? [{ inspanning: s, doel: t, regio: region, oordeel: verdictOf(items), bevindingen: items.map((f) => f.id) }] : [];
    });
  });

  const paths = st.paths.map(({ activiteit, via }) => {
    const w = weakestLink(via, linkVerdict);
    return { activiteit, via: [...via], zwakste: w, oordeel: w.oordeel };
  });
  const pathsOf = new Map<string, number[]>();
  paths.forEach((p, i) => pathsOf.set(p.activiteit, [...(pathsOf.get(p.activiteit) ?? []), i]));
  const regions = (opts.regio ? [opts.regio] : st.regions)
    .map((r) => ({
      regio: r,
      inspanningen: (st.effortsByRegion.get(r) ?? []).map(({ id, activiteit }) => {
        const mine = pathsOf.get(activiteit) ?? [];
        const weakest = mine.map((i) => paths[i]!.zwakste).sort((x, y) => VERDICT_RANK[x.oordeel] - VERDICT_RANK[y.oordeel])[0] ?? null;
        return { id, activiteit, paden: mine, zwakste: weakest };
      }),
    }))
    .filter((r) => r.inspanningen.length > 0);

  const registers = st.registers;
  const mentioned = new Set<string>([
    ...subquestions.map((d) => d.id),
    ...questions.map((q) => q.id),
    ...(main ? [main] : []),
    ...links.flatMap((l) => [l.van, l.naar]),
    ...assumptions.map((a) => a.id),
    ...contributions.flatMap((c) => [c.inspanning, c.doel]),
    ...regions.flatMap((r) => [r.regio, ...r.inspanningen.map((s) => s.id)]),
  ]);
  return EvidenceSchema.parse({
    fase: phase,
    regio_filter: opts.regio ?? null,
    registers,
    bevindingen: scoped.map((f) => ({
      id: f.id, tekst: f.tekst, methode: f.methode, fase: f.fase, regios: [...f.regios], richting: f.richting, sterkte: f.sterkte, toelichting: f.toelichting, omvang: f.omvang ?? null, bron: f.bron,
    })),
    fasen: phases,
    deelvragen: subquestions,
    onderzoeksvragen: questions,
    hoofdvraag,
    schakels: links,
    aannames: assumptions,
    bijdragen: contributions,
    paden: paths,
    regios: regions,
    achterstallig: overdue.map((o) => ({ deelvraag: o.deelvraag.id, fasen: o.due })),
    labels: Object.fromEntries([...mentioned].sort().map((id) => [id, label(id)])),
  });
}

function cell(items: readonly Finding[]): z.infer<typeof Cell> {
  return { aantal: items.length, sterkste: strongest(items) };
}

/** The weakest link on a path (ids in order): the lowest judgement, the first one on a tie. */
export function weakestLink(via: readonly string[], verdicts: ReadonlyMap<string, Verdict>): z.infer<typeof LinkRef> {
  let best: z.infer<typeof LinkRef> | undefined;
  for (let i = 0; i + 1 < via.length; i++) {
    const oordeel = verdicts.get(linkText(via[i]!, via[i + 1]!)) ?? 'ongetoetst';
    if (!best || VERDICT_RANK[oordeel] < VERDICT_RANK[best.oordeel]) best = { van: via[i]!, naar: via[i + 1]!, oordeel };
  }
  return best!;
}
