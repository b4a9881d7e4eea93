/**
 * The coverage status as people read it: counted and ordered the same way in the text
 * output, the report, the diagram index and the diagrams, so no two places can disagree.
 */
import type { Analysis, CoverageStatus } from '../analyse/schema.js';
import { statusCounts } from '../analyse/status.js';

type Subquestion = Analysis['dekking']['deelvragen'][number];

/** Worst first: a gap before a partial before a covered question. */
export const STATUS_ORDER: Readonly<Record<CoverageStatus, number>> = { gat: 0, deels: 1, gedekt: 2 };

export { statusCounts };

/** "19 gedekt, 7 deels, 3 gat" */
export function statusSummary(deelvragen: readonly { status: CoverageStatus }[]): string {
  const n = statusCounts(deelvragen);
  return `${n.gedekt} gedekt, ${n.deels} deels, ${n.gat} gat`;
}

/** The deelvragen that are not covered, worst first, then the fewest regions, then by id. */
export function gapsWorstFirst(deelvragen: readonly Subquestion[]): Subquestion[] {
  return deelvragen
    .filter((d) => d.status !== 'gedekt')
    .sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || x.regios.length - y.regios.length || (x.id < y.id ? -1 : 1));
}
