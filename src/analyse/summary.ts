/** The headline numbers of an analysis, and the register facts it lists. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nodesOfType } from '../graph/build.js';
import { regionsWithoutDin } from '../graph/din.js';
import { municipalityOverlaps } from '../resolve/register.js';
import type { AnalysisContext } from './context.js';
import type { Analysis } from './schema.js';

export function summary(ctx: AnalysisContext, diagnostics: readonly Diagnostic[]): Analysis['samenvatting'] {
  const elementCounts = new Map<string, number>();
  ctx.graph.forEachNode((_n, a) => elementCounts.set(a.type, (elementCounts.get(a.type) ?? 0) + 1));
  const regions = nodesOfType(ctx.graph, 'regio').length;
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    bestanden: ctx.workspace.files.length,
    elementen: Object.fromEntries([...elementCounts].sort(([a], [b]) => (a < b ? -1 : 1))),
    regios: regions,
    regios_met_din: regions - regionsWithoutDin(ctx.built).length,
    diagnostieken: { fouten: count('error'), waarschuwingen: count('warning'), info: count('info') },
  };
}

/** What the register says about the whole country: regions still without a DIN, municipalities in two regions. */
export function register(ctx: AnalysisContext): Pick<Analysis, 'regios_zonder_din' | 'gemeente_overlap'> {
  return {
    regios_zonder_din: regionsWithoutDin(ctx.built),
    gemeente_overlap: municipalityOverlaps(ctx.workspace).map((o) => ({ gemeente: o.gemeente, sector: o.sector, regios: [...o.regios] })),
  };
}
