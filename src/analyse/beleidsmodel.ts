/** The beleidsmodel as the diagram draws it: the steps with their elements, links, assumptions, outside influences and judgements. */
import { neighbours } from '../graph/build.js';
import { STAGE_TYPE } from '../resolve/collect.js';
import type { ElementType } from '../vocabulary/glossary.js';
import { STAGES } from '../vocabulary/vocabulary.js';
import type { AnalysisContext } from './context.js';
import type { Analysis } from './schema.js';

type Beleidsmodel = Analysis['beleidsmodel'];

export function beleidsmodel(ctx: AnalysisContext): Beleidsmodel {
  const g = ctx.graph;
  const stappen = [
    ...STAGES.map((s) => ({ stap: s, type: STAGE_TYPE[s] })),
    { stap: 'doelen' as const, type: 'doel' as ElementType },
    { stap: 'externe_factoren' as const, type: 'externe-factor' as ElementType },
  ].map(({ stap, type }) => ({ stap, elementen: g.filterNodes((_n, a) => a.type === type).map(ctx.ref) }));
  const schakels: Beleidsmodel['schakels'] = [];
  const externe: Beleidsmodel['externe_invloeden'] = [];
  g.forEachEdge((_e, a, s, t) => {
    if (a.kind === 'leidt-tot') schakels.push({ van: s, naar: t, aanname: a.aanname ?? null, toelichting: a.toelichting ?? null });
    if (a.kind === 'beinvloedt') externe.push({ van: s, naar: t });
  });
  const assumptions = g.filterNodes((_n, a) => a.type === 'aanname').map((a) => ({ ...ctx.ref(a), bij: [...new Set([...neighbours(g, a, 'out', 'onderbouwt'), ...neighbours(g, a, 'in', 'onderbouwt')])] }));
  const oordelen = g.filterNodes((_n, a) => a.type === 'oordeel').map((o) => ({ ...ctx.ref(o), van: neighbours(g, o, 'out', 'oordeel-van'), naar: neighbours(g, o, 'out', 'oordeel-naar') }));
  return { stappen, schakels, aannames: assumptions, externe_invloeden: externe, oordelen };
}
