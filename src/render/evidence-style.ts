/**
 * The colour classes of the evidence tables (report, PDF page): one per state, judgement and
 * strength. The word is always printed in the cell; the colour only repeats it. Kept apart
 * so the HTML serialiser can use the CSS without importing the evidence renderers.
 */
import type { EvidenceState, Verdict } from '../analyse/evidence.js';
import type { Strength } from '../vocabulary/vocabulary.js';

/** How a state, a judgement and a strength are written, and their colour class (the word is always there). */
export const STATE_TONE: Record<EvidenceState, string> = { geen: 'st-geen', mager: 'st-mager', voldoende: 'st-voldoende', sterk: 'st-sterk', tegenstrijdig: 'st-tegenstrijdig' };
export const VERDICT_TONE: Record<Verdict, string> = { betwist: 'or-betwist', ongetoetst: 'or-ongetoetst', zwak: 'or-zwak', matig: 'or-matig', sterk: 'or-sterk' };
export const STRENGTH_TONE: Record<Strength, string> = { zwak: 'ev-zwak', middel: 'ev-middel', sterk: 'ev-sterk' };

/** One CSS for every page that shows these cells (the report, the PDF page). */
export const EVIDENCE_CSS = `
.mk { font-weight: bold; white-space: nowrap; }
.ev-leeg { color: #737373; text-align: center; font-weight: normal; }
.ev-later { color: #525252; background: #f0f0f0; font-style: italic; font-weight: normal; text-align: center; }
.ev-zwak { background: #deebf7; }
.ev-middel { background: #9ecae1; }
.ev-sterk { background: #2171b5; color: #fff; }
.st-geen { background: #a50f15; color: #fff; }
.st-mager { background: #fee391; }
.st-voldoende { background: #c7e9c0; }
.st-sterk { background: #238b45; color: #fff; }
.st-tegenstrijdig { background: #fd8d3c; }
.or-betwist { background: #a50f15; color: #fff; }
.or-ongetoetst { background: #f0f0f0; }
.or-zwak { background: #fee391; }
.or-matig { background: #c7e9c0; }
.or-sterk { background: #238b45; color: #fff; }
`;

