/**
 * The region matrices: per deelvraag the region's inspanningen that count for it (effort by
 * the chains of src/graph/coverage.ts; data is listed per deelvraag, not here), inspanningen
 * per function and the beleidsmodel steps their activities touch, one column per region with
 * a DIN in scope. 0 is a gap cell.
 */
import { neighbours } from '../graph/build.js';
import { STAGE_TYPE } from '../resolve/collect.js';
import { FUNCTION_LABEL, FUNCTIONS, STAGES } from '../vocabulary/vocabulary.js';
import type { AnalysisContext, Scope } from './context.js';
import type { Coverage } from './coverage.js';
import type { Analysis, Matrix } from './schema.js';

export function matrices(ctx: AnalysisContext, scope: Scope, cov: Coverage): Analysis['matrices'] {
  const g = ctx.graph;
  const cols = scope.dinRegions.map(ctx.ref);
  const effortsOf = (r: string) => ctx.effortsByRegion.get(r) ?? [];
  const matrix = (rows: { id: string; label: string }[], cell: (row: string, col: string) => number): Matrix => ({
    rijen: rows,
    kolommen: cols,
    cellen: rows.map((r) => cols.map((c) => cell(r.id, c.id))),
  });
  // The beleidsmodel elements each region's inspanningen touch through their activities.
  const stageReach = new Map(
    scope.dinRegions.map((r) => {
      const activities = new Set(effortsOf(r).flatMap((s) => neighbours(g, s, 'out', 'instantieert')));
      return [r, new Set([...activities].flatMap((a) => ctx.activityReach.get(a) ?? []))] as const;
    }),
  );
  return {
    deelvraag_regio: matrix(cov.dekking.deelvragen.map((d) => ctx.ref(d.id)), (d, r) => cov.evidenceByRegion.get(d)?.get(r) ?? 0),
    functie_regio: matrix(
      FUNCTIONS.map((fn) => ({ id: fn, label: FUNCTION_LABEL[fn] })),
      (fn, r) => effortsOf(r).filter((s) => g.getNodeAttribute(s, 'functie') === fn).length,
    ),
    stap_regio: matrix(
      STAGES.map((s) => ({ id: s, label: s })),
      (s, r) => [...(stageReach.get(r) ?? [])].filter((n) => g.getNodeAttribute(n, 'type') === STAGE_TYPE[s as (typeof STAGES)[number]]).length,
    ),
  };
}
