/**
 * How a DIN’s gaps are counted where people read them: an inspanning that contributes to
 * nothing is weesenergie and is counted once, as weesenergie, never also as a gap. The DIN
 * diagram, its parts and the region summary page all count this way.
 */
import type { Analysis } from '../analyse/schema.js';

type Gap = Analysis['dins'][number]['gaten'][number];

/** The gap kind the analysis also reports as weesenergie. */
export const ORPHAN_GAP_KIND: Gap['soort'] = 'inspanning-zonder-doel';

export function gapsBesidesOrphans<G extends Pick<Gap, 'soort'>>(gaps: readonly G[]): G[] {
  return gaps.filter((g) => g.soort !== ORPHAN_GAP_KIND);
}
