/**
 * Facts about the regioregister that more than one later stage reports: the lint rule
 * `gemeente-overlap` locates each overlap, the analysis lists them.
 */
import type { ModelPath } from '../read/locate.js';
import { filesOfKind, type Workspace } from './resolve.js';

export interface GemeenteOverlap {
  gemeente: string;
  sector: string;
  regios: [string, string];
  file: string;
  path: ModelPath;
}

/** Municipalities served by two regions for the same sector (pairs, in register order). */
export function gemeenteOverlaps(ws: Pick<Workspace, 'files'>): GemeenteOverlap[] {
  const out: GemeenteOverlap[] = [];
  for (const f of filesOfKind(ws, 'regioregister')) {
    const seen = new Map<string, string>();
    f.model.regios.forEach((r, i) => {
      const names = new Set<string>();
      r.gemeenten.forEach((g, j) => {
        if (names.has(g)) return; // a name listed twice in one region is the seed's own doubt
        names.add(g);
        for (const sector of r.sectoren) {
          const k = `${g}\u0000${sector}`;
          const first = seen.get(k);
          if (first && first !== r.id) out.push({ gemeente: g, sector, regios: [first, r.id], file: f.source.path, path: ['regios', i, 'gemeenten', j] });
          else seen.set(k, r.id);
        }
      });
    });
  }
  return out;
}
