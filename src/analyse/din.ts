/**
 * The structure of each DIN in scope: its elements and contributions, where leverage is
 * (hefboom: an inspanning feeding several concrete doelen, a concreet doel feeding several
 * ER-doelen), effort that never reaches the ambitie (weesenergie), and its gaps. The gaps
 * come from `dinGaps`, the same function the lint rules use.
 */
import { neighbours } from '../graph/build.js';
import { contributions, dinGaps, type DinGapKind } from '../graph/din.js';
import { reach } from '../graph/reach.js';
import type { Strength } from '../vocabulary/vocabulary.js';
import type { AnalysisContext, Scope } from './context.js';
import { idList } from './format.js';
import type { Analysis } from './schema.js';

type Din = Analysis['dins'][number];
type DinModel = Scope['dinFiles'][number]['model'];

export const STRENGTH_WEIGHT: Record<Strength, number> = { zwak: 1, middel: 2, sterk: 3 };
/**
 * A line whose strength nobody stated still counts: as the least it can be, so an unknown
 * strength never lifts an inspanning above one whose lines are known. The ranking reports
 * how many such lines it counted (`onbekende_sterkte`).
 */
export const UNKNOWN_STRENGTH_WEIGHT = 1;

/** Why each kind of gap matters, as the analysis shows it next to the element. */
const GAP_REASON: Record<DinGapKind, string> = {
  'doel-zonder-inspanning': 'geen inspanning draagt bij aan dit concrete doel',
  'doel-zonder-indicator': 'geen indicator: het doel is (nog) niet meetbaar',
  'er-doel-zonder-concreet-doel': 'geen concreet doel maakt dit ER-doel merkbaar en meetbaar',
  'inspanning-zonder-doel': 'de inspanning draagt aan geen concreet doel bij',
};

const uniq = <T,>(xs: Iterable<T>): T[] => [...new Set(xs)];
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
const weight = (cs: readonly { sterkte: Strength | undefined }[]) => cs.reduce((t, c) => t + (c.sterkte ? STRENGTH_WEIGHT[c.sterkte] : UNKNOWN_STRENGTH_WEIGHT), 0);
const unknownStrength = (cs: readonly { sterkte: Strength | undefined }[]) => cs.filter((c) => !c.sterkte).length;

export function dins(ctx: AnalysisContext, scope: Scope): Analysis['dins'] {
  const g = ctx.graph;
  return scope.dinFiles.map((f): Din => {
    const m = f.model;
    return {
      regio: m.regio,
      regio_naam: g.hasNode(m.regio) ? ctx.label(m.regio) : m.regio,
      voorbeeld: m.voorbeeld,
      ambitie: ctx.ref(m.ambitie.id),
      er_doelen: m.er_doelen.map((e) => ctx.ref(e.id)),
      concrete_doelen: m.concrete_doelen.map((c) => ({ ...ctx.ref(c.id), indicatoren: neighbours(g, c.id, 'in', 'meet', 'indicator'), er_doelen: erGoalsOf(ctx, c.id) })),
      inspanningen: m.inspanningen.map((s) => ({
        ...ctx.ref(s.id),
        functie: s.functie,
        uitvoerder: s.uitvoerder,
        status: s.status,
        activiteit: s.activiteit ?? null,
        bijdragen: s.draagt_bij_aan.map((c) => ({ doel: c.doel, sterkte: c.sterkte ?? null })),
      })),
      bijdragen: uniq([m.ambitie.id, ...m.er_doelen.map((e) => e.id), ...m.concrete_doelen.map((c) => c.id), ...m.inspanningen.map((s) => s.id)]).flatMap((n) =>
        contributions(g, n, 'out').map((c) => ({ van: n, naar: c.node, sterkte: c.sterkte ?? null })),
      ),
      ...levers(ctx, m),
      weesenergie: orphanEfforts(ctx, m),
      // Per level, in document order: concrete doelen, ER-doelen, inspanningen.
      gaten: [...m.concrete_doelen, ...m.er_doelen, ...m.inspanningen].flatMap((e) => dinGaps(g, e.id).map((soort) => ({ id: e.id, soort, reden: GAP_REASON[soort] }))),
    };
  });
}

const erGoalsOf = (ctx: AnalysisContext, c: string) => neighbours(ctx.graph, c, 'out', 'draagt-bij', 'er-doel');

/**
 * Where most energy may go (the seed's reading rule): inspanningen that feed two or more
 * concrete doelen, heaviest first; concrete doelen that feed two or more ER-doelen.
 */
function levers(ctx: AnalysisContext, m: DinModel): Pick<Din, 'hefboom_inspanningen' | 'hefboom_doelen'> {
  const leverEfforts = m.inspanningen
    .map((s) => {
      const goals = contributions(ctx.graph, s.id, 'out', 'concreet-doel');
      return { id: s.id, gewicht: weight(goals), onbekende_sterkte: unknownStrength(goals), concrete_doelen: goals.length, er_doelen: uniq(goals.flatMap((d) => erGoalsOf(ctx, d.node))).length };
    })
    .filter((h) => h.concrete_doelen >= 2)
    .sort((a, b) => b.gewicht - a.gewicht || b.er_doelen - a.er_doelen || byId(a, b));
  const leverGoals = m.concrete_doelen
    .map((c) => {
      const incoming = contributions(ctx.graph, c.id, 'in', 'inspanning');
      return { id: c.id, gewicht: weight(incoming), onbekende_sterkte: unknownStrength(incoming), er_doelen: erGoalsOf(ctx, c.id).length, inspanningen: incoming.length };
    })
    .filter((h) => h.er_doelen >= 2)
    .sort((a, b) => b.er_doelen - a.er_doelen || b.gewicht - a.gewicht || byId(a, b));
  return { hefboom_inspanningen: leverEfforts, hefboom_doelen: leverGoals };
}

/** Inspanningen whose contributions never reach the ambitie, and where they stop. */
function orphanEfforts(ctx: AnalysisContext, m: DinModel): Din['weesenergie'] {
  return m.inspanningen.flatMap((s) => {
    if (ctx.reachesAmbition.has(s.id)) return [];
    // Only the few orphans are walked one by one, to name where their contribution stops.
    const reached = reach(ctx.dinView, s.id, 'outbound');
    if (reached.length === 0) return [{ id: s.id, reden: 'draagt aan geen concreet doel bij' }];
    const deadEnds = reached.filter((n) => neighbours(ctx.graph, n, 'out', 'draagt-bij').length === 0);
    return [{ id: s.id, reden: `bijdrage loopt dood bij ${idList(deadEnds)}: daarvandaan geen weg naar de ambitie` }];
  });
}
