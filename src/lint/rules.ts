/**
 * Stage 5: lint rules over the graph. Each rule is data (code, severity, Dutch description)
 * plus a check; every finding is located in the file where the user can fix it.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../vocabulary/glossary.js';
import type { BuiltGraph, EdgeAttrs, NodeAttrs } from '../graph/build.js';
import { neighbours, nodesOfType, view } from '../graph/build.js';
import { countedEfforts, countingIndex, tooBroad } from '../graph/coverage.js';
import { dinGaps, regionsWithoutDin, type DinGapKind } from '../graph/din.js';
import { stronglyConnectedComponents } from '../graph/lib.js';
import { currentPhase, findingsOf, overdueSubquestions, plannedSubquestions } from '../resolve/evidence.js';
import { municipalityOverlaps, REGION_CRITERIA_SOURCE, regionsBelowMinimum, type RegionBelowMinimum } from '../resolve/register.js';

export interface LintRule {
  code: DiagnosticCode;
  severity: Severity;
  beschrijving: string;
  check(ctx: LintContext): Finding[];
}

/** A finding is located by an element (its id) or by an edge (where it was written). */
export interface Finding {
  node?: string;
  edge?: string;
  /** Explicit location, for findings that are about something other than a node or edge. */
  at?: { file: string; path: readonly PropertyKey[]; key?: boolean };
  message: string;
  hint?: string;
}

export interface LintContext {
  built: BuiltGraph;
  /** The current evaluation phase (`--fase`); without it, the latest phase in the evidence register. */
  phase?: string;
}

const POLICY_ORDER: Partial<Record<ElementType, number>> = { input: 0, activiteit: 1, output: 2, outcome: 3, impact: 4 };
const DIN_LEVEL: Partial<Record<ElementType, number>> = { inspanning: 0, 'concreet-doel': 1, 'er-doel': 2, ambitie: 3 };
/** The DIN levels bottom-up, named as everywhere else (ELEMENT_TYPE_LABEL). */
const DIN_LEVEL_NAME = (['inspanning', 'concreet-doel', 'er-doel', 'ambitie'] as const).map((t) => ELEMENT_TYPE_LABEL[t]);

function label(a: NodeAttrs): string {
  return ELEMENT_TYPE_LABEL[a.type];
}

function edgesOfKind(ctx: LintContext, kind: EdgeAttrs['kind']): { key: string; source: string; target: string; attrs: EdgeAttrs }[] {
  const out: { key: string; source: string; target: string; attrs: EdgeAttrs }[] = [];
  ctx.built.graph.forEachEdge((key, attrs, source, target) => {
    if (attrs.kind === kind) out.push({ key, source, target, attrs });
  });
  return out;
}

function hasEdge(ctx: LintContext, node: string, dir: 'in' | 'out', kinds: readonly EdgeAttrs['kind'][], otherType?: ElementType): boolean {
  return kinds.some((k) => neighbours(ctx.built.graph, node, dir, k, otherType).length > 0);
}

const nodesOf = (ctx: LintContext, type: ElementType): string[] => nodesOfType(ctx.built.graph, type);

/**
 * Rules about the order of levels along one edge kind: the beleidsmodel stages for causal
 * links, the four DIN levels for contributions. `bad(s, t)` says which level pairs break it.
 */
function orderRule(spec: {
  code: DiagnosticCode;
  severity: Severity;
  beschrijving: string;
  edge: EdgeAttrs['kind'];
  levels: Partial<Record<ElementType, number>>;
  bad: (source: number, target: number) => boolean;
  message: (source: string, target: string, s: number, t: number, ctx: LintContext) => string;
  hint: (s: number) => string;
}): LintRule {
  return {
    code: spec.code,
    severity: spec.severity,
    beschrijving: spec.beschrijving,
    check: (ctx) =>
      edgesOfKind(ctx, spec.edge).flatMap(({ key, source, target, attrs }) => {
        const g = ctx.built.graph;
        const s = spec.levels[g.getNodeAttribute(source, 'type')];
        const t = spec.levels[g.getNodeAttribute(target, 'type')];
        // Derived edges (e.g. an ER-doel feeding its ambitie) are ours, not the user's.
        if (s === undefined || t === undefined || !attrs.file || !spec.bad(s, t)) return [];
        return [{ edge: key, message: spec.message(source, target, s, t, ctx), hint: spec.hint(s) }];
      }),
  };
}

/**
 * A DIN gap as a warning on the element. Which elements have the gap is decided by
 * `dinGaps` (src/graph/din.ts), which the analysis uses too: the two cannot disagree.
 */
function dinGapRule(spec: { code: DinGapKind; type: ElementType; beschrijving: string; message: (node: string) => string; hint: string }): LintRule {
  return {
    code: spec.code,
    severity: 'warning',
    beschrijving: spec.beschrijving,
    check: (ctx) =>
      nodesOf(ctx, spec.type)
        .filter((n) => dinGaps(ctx.built.graph, n).includes(spec.code))
        .map((n) => ({ node: n, message: spec.message(n), hint: spec.hint })),
  };
}

const policyLink = (source: string, target: string, ctx: LintContext) => {
  const g = ctx.built.graph;
  return `schakel van ${label(g.getNodeAttributes(source))} \`${source}\` naar ${label(g.getNodeAttributes(target))} \`${target}\``;
};

/** Dutch thousands separator, as the seeds write figures (15.000). */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The criterion, the figure and where each comes from. */
function belowMinimumMessage(r: RegionBelowMinimum): string {
  const what = r.group === 'mbo' ? 'mbo-studenten' : 'leerlingen po/vo';
  const from =
    r.herkomst.soort === 'kerncijfers'
      ? `kerncijfers \`${r.herkomst.veld}\``
      : `meting \`${r.herkomst.indicator}\`${r.herkomst.peiljaar ? `, ${r.herkomst.peiljaar}` : ''}`;
  return `regio \`${r.regio}\` telt ${thousands(r.waarde)} ${what} (${from}); een onderwijsregio telt minimaal ${thousands(r.minimum)} ${what} (${REGION_CRITERIA_SOURCE.size})`;
}

/** What the seed leaves open for this region: multi-sector counting, national regions. */
function belowMinimumHint(r: RegionBelowMinimum): string {
  const parts = ['controleer het cijfer en of de regio een uitzondering heeft'];
  const groups = new Set(r.sectoren.map((s) => (s === 'mbo' ? 'mbo' : 'po/vo')));
  if (groups.size > 1) parts.push(`de seed zegt niet hoe het minimum telt voor een regio met ${r.sectoren.slice(0, -1).join(', ')} en ${r.sectoren.at(-1)}`);
  if (r.landelijk) parts.push(`voor de landelijke regio’s noemt de seed alleen een uitzondering op de geografische criteria (${REGION_CRITERIA_SOURCE.national})`);
  return parts.join('; ');
}

export const RULES: readonly LintRule[] = [
  orderRule({
    code: 'schakel-achteruit',
    severity: 'error',
    beschrijving: 'Een causale schakel in het beleidsmodel gaat terug of blijft in dezelfde stap (input → activiteiten → output → outcome → impact).',
    edge: 'leidt-tot',
    levels: POLICY_ORDER,
    bad: (s, t) => t <= s,
    message: (source, target, _s, _t, ctx) => `${policyLink(source, target, ctx)} gaat niet vooruit in het beleidsmodel`,
    hint: () => 'een schakel loopt van een stap naar de volgende: input → activiteiten → output → outcome → impact',
  }),
  orderRule({
    code: 'schakel-overgeslagen',
    severity: 'warning',
    beschrijving: 'Een causale schakel slaat een stap van het beleidsmodel over.',
    edge: 'leidt-tot',
    levels: POLICY_ORDER,
    bad: (s, t) => t - s > 1,
    message: (source, target, _s, _t, ctx) => `${policyLink(source, target, ctx)} slaat een stap over`,
    hint: () => 'maak de tussenstap expliciet, zodat zichtbaar is via welke output of outcome het effect loopt',
  }),
  orderRule({
    code: 'din-niveau-omgekeerd',
    severity: 'error',
    beschrijving: 'Een bijdrage in een DIN gaat naar hetzelfde of een lager niveau.',
    edge: 'draagt-bij',
    levels: DIN_LEVEL,
    bad: (s, t) => t <= s,
    message: (source, target, s, t) => `${DIN_LEVEL_NAME[s]} \`${source}\` draagt bij aan ${DIN_LEVEL_NAME[t]} \`${target}\`: een bijdrage gaat altijd een niveau omhoog`,
    hint: () => 'inspanning → concreet doel → ER-doel → ambitie',
  }),
  orderRule({
    code: 'din-niveau-overgeslagen',
    severity: 'warning',
    beschrijving: 'Een bijdrage in een DIN slaat een niveau over (bijv. een inspanning direct naar een ER-doel).',
    edge: 'draagt-bij',
    levels: DIN_LEVEL,
    bad: (s, t) => t - s > 1,
    message: (source, target, s, t) => `${DIN_LEVEL_NAME[s]} \`${source}\` draagt direct bij aan ${DIN_LEVEL_NAME[t]} \`${target}\` en slaat een niveau over`,
    hint: (s) => `benoem het ${DIN_LEVEL_NAME[s + 1]} waarlangs de bijdrage loopt`,
  }),
  {
    code: 'din-andere-regio',
    severity: 'warning',
    beschrijving: 'Een bijdrage verbindt elementen van de DIN’s van twee verschillende regio’s.',
    check: (ctx) =>
      edgesOfKind(ctx, 'draagt-bij').flatMap(({ key, source, target }) => {
        const g = ctx.built.graph;
        const a = g.getNodeAttribute(source, 'regio');
        const b = g.getNodeAttribute(target, 'regio');
        if (!a || !b || a === b) return [];
        return [{ edge: key, message: `\`${source}\` (regio ${a}) draagt bij aan \`${target}\` uit het DIN van regio ${b}`, hint: 'verwijs alleen naar doelen in het DIN van dezelfde regio' }];
      }),
  },
  {
    code: 'cyclus',
    severity: 'error',
    beschrijving: 'Schakels of bijdragen vormen een kring: iets draagt (via andere elementen) bij aan zichzelf.',
    check: (ctx) => {
      const v = view(ctx.built.graph, ['leidt-tot', 'draagt-bij']);
      return stronglyConnectedComponents(v)
        .filter((c) => c.length > 1 || v.hasEdge(c[0]!, c[0]!))
        .map((c) => {
          const order = new Map([...ctx.built.workspace.elements.keys()].map((k, i) => [k, i] as const));
          const sorted = [...c].sort((x, y) => order.get(x)! - order.get(y)!);
          return { node: sorted[0]!, message: `kring in de keten: ${sorted.map((n) => `\`${n}\``).join(' → ')} → \`${sorted[0]}\``, hint: 'een keten loopt in één richting; verwijder of keer één van de schakels om' };
        });
    },
  },
  {
    code: 'element-los',
    severity: 'warning',
    beschrijving: 'Een element van het beleidsmodel of een DIN waarnaar niets verwijst en dat nergens naar verwijst.',
    check: (ctx) => {
      const g = ctx.built.graph;
      const policy: ElementType[] = ['input', 'activiteit', 'output', 'outcome', 'impact', 'doel'];
      const din: ElementType[] = ['er-doel', 'concreet-doel'];
      return g.filterNodes((n, a) => {
        if (policy.includes(a.type)) return !hasEdge(ctx, n, 'in', ['leidt-tot']) && !hasEdge(ctx, n, 'out', ['leidt-tot']);
        if (din.includes(a.type)) return !hasEdge(ctx, n, 'in', ['draagt-bij']) && !hasEdge(ctx, n, 'out', ['draagt-bij']);
        return false;
      }).map((n) => ({ node: n, message: `${label(g.getNodeAttributes(n))} \`${n}\` hangt los: geen schakel ernaartoe of ervandaan`, hint: 'verbind het met `leidt_tot` / `draagt_bij_aan`, of verwijder het' }));
    },
  },
  dinGapRule({
    code: 'inspanning-zonder-doel',
    type: 'inspanning',
    beschrijving: 'Een inspanning draagt aan geen enkel concreet doel bij.',
    message: (n) => `inspanning \`${n}\` draagt aan geen concreet doel bij`,
    hint: 'voeg `draagt_bij_aan: [{doel: …, sterkte: …}]` toe, of noteer waarom de bijdrage (nog) onduidelijk is',
  }),
  dinGapRule({
    code: 'doel-zonder-inspanning',
    type: 'concreet-doel',
    beschrijving: 'Een concreet doel waaraan geen inspanning bijdraagt.',
    message: (n) => `aan concreet doel \`${n}\` draagt geen inspanning bij`,
    hint: 'welke activiteit moet dit doel dichterbij brengen? Voeg die toe als inspanning',
  }),
  dinGapRule({
    code: 'doel-zonder-indicator',
    type: 'concreet-doel',
    beschrijving: 'Een concreet doel zonder indicator: concrete doelen zijn per definitie meetbaar.',
    message: (n) => `concreet doel \`${n}\` heeft geen indicator en is dus niet meetbaar`,
    hint: 'voeg `indicatoren: [...]` toe (landelijk of in dit DIN)',
  }),
  dinGapRule({
    code: 'er-doel-zonder-concreet-doel',
    type: 'er-doel',
    beschrijving: 'Een ER-doel waaraan geen concreet doel bijdraagt.',
    message: (n) => `aan ER-doel \`${n}\` draagt geen concreet doel bij`,
    hint: 'maak het ER-doel merkbaar en meetbaar met minstens één concreet doel',
  }),
  {
    code: 'deelvraag-zonder-bewijs',
    severity: 'warning',
    beschrijving: 'Een deelvraag zonder indicator en zonder methode van dataverzameling.',
    check: (ctx) =>
      nodesOf(ctx, 'deelvraag')
        .filter((n) => !hasEdge(ctx, n, 'in', ['beantwoordt']) && (ctx.built.graph.getNodeAttribute(n, 'methoden') ?? []).length === 0)
        .map((n) => ({ node: n, message: `deelvraag \`${n}\` heeft geen indicator en geen methode: niets kan haar beantwoorden`, hint: 'koppel een indicator (`beantwoordt`) of noem `methoden`' })),
  },
  {
    code: 'indicator-zonder-databron',
    severity: 'warning',
    beschrijving: 'Een indicator zonder databron.',
    check: (ctx) =>
      nodesOf(ctx, 'indicator')
        .filter((n) => !hasEdge(ctx, n, 'out', ['uit-bron']))
        .map((n) => ({ node: n, message: `indicator \`${n}\` heeft geen databron`, hint: 'voeg `databronnen: [...]` toe: waar komen de cijfers vandaan?' })),
  },
  {
    code: 'indicator-zonder-meetmoment',
    severity: 'warning',
    beschrijving: 'Een indicator zonder meetmoment.',
    check: (ctx) =>
      nodesOf(ctx, 'indicator')
        .filter((n) => (ctx.built.graph.getNodeAttribute(n, 'meetmomenten') ?? 0) === 0)
        .map((n) => ({ node: n, message: `indicator \`${n}\` heeft geen meetmoment`, hint: 'voeg `meetmomenten: [...]` toe, bijv. [2024] of ["per kwartaal"]' })),
  },
  {
    code: 'regio-zonder-din',
    severity: 'info',
    beschrijving: 'Een regio in het register waarvoor (nog) geen DIN is gemodelleerd.',
    check: (ctx) =>
      regionsWithoutDin(ctx.built).map((n) => ({ node: n, message: `regio \`${n}\` heeft nog geen DIN`, hint: `begin er een met \`npx tocdin init-regio ${n}\`` })),
  },
  {
    code: 'regio-onder-minimum',
    severity: 'warning',
    beschrijving: 'Een cijfer in het register ligt onder de minimale omvang van een onderwijsregio: 15.000 leerlingen po/vo of 9.000 mbo-studenten (seed 000 §2.1.1).',
    check: (ctx) => regionsBelowMinimum(ctx.built.workspace).map((r) => ({ at: { file: r.file, path: r.path }, message: belowMinimumMessage(r), hint: belowMinimumHint(r) })),
  },
  {
    // Information, not a warning: the seed binds a school location to one region, not a
    // municipality, so two regions of one sector may share a municipality (the cards of
    // seed 004 in the bundled register do so 234 times).
    code: 'gemeente-overlap',
    severity: 'info',
    beschrijving: 'Een gemeente ligt in het verzorgingsgebied van twee regio’s met dezelfde sector (toegestaan: de één-regio-regel geldt per schoollocatie; landelijke regio’s tellen niet mee).',
    check: (ctx) => municipalityOverlaps(ctx.built.workspace).map((o) => ({
      at: { file: o.file, path: o.path },
      message: `gemeente ${o.gemeente} (${o.sector}) ligt ook in regio \`${o.regios[0]}\`, naast \`${o.regios[1]}\``,
      hint: `toegestaan: een onderwijsvestiging hoort bij één regio, een gemeente niet per se (${REGION_CRITERIA_SOURCE.area}); controleer of het register dit zo bedoelt`,
    })),
  },
  {
    code: 'bewijs-achterstallig',
    severity: 'warning',
    beschrijving: 'Een deelvraag gepland voor een fase die voorbij is, zonder één bevinding.',
    check: (ctx) => {
      const findings = findingsOf(ctx.built.workspace);
      // Without a register and without --fase there is no current phase: nothing is overdue yet.
      const current = currentPhase(findings, ctx.phase);
      return overdueSubquestions(plannedSubquestions(ctx.built.workspace), findings, current).map(({ deelvraag, due }) => ({
        at: { file: deelvraag.file, path: deelvraag.path },
        message: `deelvraag \`${deelvraag.id}\` was gepland voor ${due.length === 1 ? 'fase' : 'de fasen'} ${due.join(', ')}, maar tot en met fase ${current} beantwoordt geen bevinding haar`,
        hint: 'voeg de bevindingen toe aan het bewijsregister (`models/bewijs/`, met `beantwoordt`), of pas `fasen` aan als het onderzoek anders loopt',
      }));
    },
  },
  {
    code: 'deelvraag-te-breed',
    severity: 'info',
    beschrijving: 'Meer dan de helft van alle inspanningen telt voor een deelvraag: de dekking laat dan niet zien waar de gaten zitten.',
    check: (ctx) => {
      // The same counting as the coverage section of the analysis (src/graph/coverage.ts).
      const g = ctx.built.graph;
      const index = countingIndex(g);
      const total = index.efforts.length;
      return nodesOf(ctx, 'deelvraag').flatMap((n) => {
        const counted = countedEfforts(g, index, n).length;
        if (!tooBroad(counted, total)) return [];
        return [{
          node: n,
          message: `voor deelvraag \`${n}\` tellen ${counted} van de ${total} inspanningen (${Math.round((counted / total) * 100)} %): te breed om te laten zien waar de gaten zitten`,
          hint: 'maak `over` of de indicatoren specifieker: een element waar niet bijna elke inspanning aan werkt, of in plaats van een brede activiteit een indicator die de concrete doelen meet waar het om gaat; is de vraag zo breed bedoeld, dan mag deze melding blijven',
        }];
      });
    },
  },
];

export function lint(built: BuiltGraph, rules: readonly LintRule[] = RULES, opts: { phase?: string } = {}): Diagnostic[] {
  const ctx: LintContext = { built, ...(opts.phase ? { phase: opts.phase } : {}) };
  const g = built.graph;
  const ws = built.workspace;
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    for (const f of rule.check(ctx)) {
      let file: string | undefined;
      let path: readonly PropertyKey[] | undefined;
      let key = false;
      if (f.at) {
        ({ file, path } = f.at);
        key = f.at.key ?? false;
      } else if (f.edge) {
        const a = g.getEdgeAttributes(f.edge);
        if (a.file && a.path) {
          file = a.file;
          path = a.path;
        } else {
          const decl = ws.elements.get(g.source(f.edge));
          file = decl?.file;
          path = decl?.path;
        }
      } else if (f.node) {
        const decl = ws.elements.get(f.node);
        file = decl?.file;
        path = decl?.path;
      }
      const validated = file ? ws.fileByPath.get(file) : undefined;
      const loc = validated && path ? validated.locator.locate(path, { key }) : { file: file ?? '?', line: 1, column: 1 };
      out.push({ file: loc.file, line: loc.line, column: loc.column, severity: rule.severity, code: rule.code, message: f.message, ...(f.hint ? { hint: f.hint } : {}) });
    }
  }
  return out;
}
