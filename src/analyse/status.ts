import type { CoverageStatus } from './schema.js';

/** How many deelvragen have each status: the one counter the analysis and every renderer use. */
export function statusCounts(deelvragen: readonly { status: CoverageStatus }[]): Record<CoverageStatus, number> {
  const n: Record<CoverageStatus, number> = { gedekt: 0, deels: 0, gat: 0 };
  for (const d of deelvragen) n[d.status]++;
  return n;
}
