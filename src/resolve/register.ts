/**
 * Facts about the regioregister, measured against the criteria for an onderwijsregio in
 * seed 000 §2.1.1 (l.486-531): the lint rules `gemeente-overlap` and `regio-onder-minimum`
 * locate each finding, the analysis lists the overlaps.
 *
 * - Area: whole municipalities, one school location in one region (l.490-492, l.512-513). A
 *   municipality may lie in two regions of the same sector, as its schools may choose
 *   differently; so an overlap is information, not a fault.
 * - Size: at least 15,000 pupils in po and vo, 9,000 mbo students and 150 trainees
 *   (l.520-524; again in footnote 33, l.1069-1071). The register has no trainee figures, so
 *   that one is never checked.
 * - The four national regions (groen onderwijs, reformatorisch; footnote 21, l.529-530) are
 *   exempt from the geographic criteria; the register marks them with `landelijk: true`.
 */
import type { ModelPath } from '../read/locate.js';
import { filesOfKind, type Workspace } from './resolve.js';

/** Where each criterion stands in seed 000, for messages that cite it. */
export const REGION_CRITERIA_SOURCE = {
  area: 'seed 000 §2.1.1, r. 490-492 en 512-513',
  size: 'seed 000 §2.1.1, r. 520-522; ook voetnoot 33, r. 1069-1071',
  national: 'seed 000 voetnoot 21, r. 529-530',
} as const;

/** The minimum sizes of seed 000 §2.1.1, per group of sectors. */
export const REGION_MINIMUM = { 'po/vo': 15_000, mbo: 9_000 } as const;
export type SizeGroup = keyof typeof REGION_MINIMUM;

export interface MunicipalityOverlap {
  gemeente: string;
  sector: string;
  regios: [string, string];
  file: string;
  path: ModelPath;
}

/** Municipalities served by two regions for the same sector (pairs, in register order). */
export function municipalityOverlaps(ws: Pick<Workspace, 'files'>): MunicipalityOverlap[] {
  const out: MunicipalityOverlap[] = [];
  for (const f of filesOfKind(ws, 'regioregister')) {
    const seen = new Map<string, string>();
    f.model.regios.forEach((r, i) => {
      // A national region has no area of its own to overlap with (footnote 21).
      if (r.landelijk) return;
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

/** A size figure of a region below the minimum for the sectors it counts. */
export interface RegionBelowMinimum {
  regio: string;
  group: SizeGroup;
  minimum: number;
  waarde: number;
  /** Where the figure comes from: the card's kerncijfers, or a meting (indicator and peiljaar). */
  herkomst: { soort: 'kerncijfers'; veld: string } | { soort: 'meting'; indicator: string; peiljaar: string | null };
  /** The region's sectors; when they span po/vo and mbo, how the minimum counts the seed does not say. */
  sectoren: readonly string[];
  landelijk: boolean;
  file: string;
  path: ModelPath;
}

/**
 * The indicators of models/indicatoren.yaml that count pupils or students per region, with
 * the sectors they count. A figure is compared with a minimum only when it counts exactly
 * the region's sectors of that group: a po count of a po+vo region says nothing certain
 * (the seed does not say whether 15,000 holds for po and vo together or for each).
 */
const SIZE_INDICATORS: Record<string, readonly string[]> = {
  'leerlingen-po': ['po'],
  'leerlingen-vo': ['vo'],
  'leerlingen-po-vo': ['po', 'vo'],
  'mbo-studenten': ['mbo'],
};

const groupOf = (sectors: readonly string[]): SizeGroup | undefined =>
  sectors.length > 0 && sectors.every((s) => s === 'po' || s === 'vo') ? 'po/vo' : sectors.length === 1 && sectors[0] === 'mbo' ? 'mbo' : undefined;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Figures in the register below the minimum size of seed 000 §2.1.1. Silent where the
 * register has no figure that counts exactly one group of the region's sectors.
 */
export function regionsBelowMinimum(ws: Pick<Workspace, 'files'>): RegionBelowMinimum[] {
  const out: RegionBelowMinimum[] = [];
  for (const f of filesOfKind(ws, 'regioregister')) {
    f.model.regios.forEach((r, i) => {
      const sectors = [...new Set(r.sectoren)];
      const own = (group: SizeGroup) => sectors.filter((s) => (group === 'mbo' ? s === 'mbo' : s !== 'mbo'));
      const base = { regio: r.id, sectoren: sectors, landelijk: r.landelijk, file: f.source.path };
      const check = (group: SizeGroup | undefined, waarde: number | undefined, herkomst: RegionBelowMinimum['herkomst'], path: ModelPath) => {
        if (!group || waarde === undefined || waarde >= REGION_MINIMUM[group]) return;
        out.push({ ...base, group, minimum: REGION_MINIMUM[group], waarde, herkomst, path });
      };
      // The card's count covers all the region's sectors: usable when they form one group.
      check(groupOf(sectors), r.kerncijfers.leerlingen_studenten, { soort: 'kerncijfers', veld: 'leerlingen_studenten' }, ['regios', i, 'kerncijfers', 'leerlingen_studenten']);
      if (sectors.includes('mbo')) check('mbo', r.kerncijfers.mbo_studenten, { soort: 'kerncijfers', veld: 'mbo_studenten' }, ['regios', i, 'kerncijfers', 'mbo_studenten']);
      r.metingen.forEach((m, j) => {
        const counts = Object.hasOwn(SIZE_INDICATORS, m.indicator) ? SIZE_INDICATORS[m.indicator]! : undefined;
        const group = counts ? groupOf(counts) : undefined;
        if (!counts || !group || !sameSet(counts, own(group))) return;
        check(group, m.waarde, { soort: 'meting', indicator: m.indicator, peiljaar: m.peiljaar === undefined ? null : String(m.peiljaar) }, ['regios', i, 'metingen', j, 'waarde']);
      });
    });
  }
  return out;
}
