/**
 * `tocdin explain` as Dutch text: an explanation (src/analyse/paths.ts) is plain data; this
 * renderer only words it. Paths are shown by label; ids are shown next to names.
 */
import type { Explanation } from '../analyse/paths.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../vocabulary/glossary.js';

/** An ambitie has every inspanning of its region behind it: the first few say enough. */
const MAX_VIA_SHOWN = 8;

export function renderExplainText(e: Explanation): string {
  const name = (id: string) => `${labelOf(e, id)} [${id}]`;
  const chain = (p: string[]) => p.map((n) => labelOf(e, n)).join('  →  ');
  const out: string[] = [];
  out.push(`${name(e.id)}`);
  out.push(`soort: ${ELEMENT_TYPE_LABEL[e.type as ElementType] ?? e.type}${e.regio ? `, regio ${e.regio}` : ''}${e.bron ? `\nbron: ${e.bron}` : ''}`);
  out.push('');
  out.push('Waaraan draagt het bij?');
  if (e.naar_ambitie.length === 0 && e.naar_impact.length === 0 && e.naar_impact_via_inspanningen.length === 0) out.push('  geen pad naar een ambitie of naar de impact');
  for (const p of e.naar_ambitie) out.push(`  DIN:          ${chain(p)}`);
  for (const p of e.naar_impact) out.push(`  beleidsmodel: ${chain(p)}`);
  const via = e.naar_impact_via_inspanningen;
  if (via.length) out.push('  beleidsmodel, via de inspanningen erachter:');
  for (const p of via.slice(0, MAX_VIA_SHOWN)) out.push(`    ${chain(p)}`);
  if (via.length > MAX_VIA_SHOWN) out.push(`    … en nog ${via.length - MAX_VIA_SHOWN} (alle paden: --format json)`);
  out.push('');
  out.push('Waarom bestaat het — wat zit erachter?');
  out.push(e.inspanningen.length ? e.inspanningen.map((s) => `  inspanning ${name(s)}`).join('\n') : '  geen inspanning draagt hieraan bij');
  out.push(e.regios.length ? `  regio's: ${e.regios.join(', ')}` : "  geen regio");
  out.push('');
  out.push('Welke onderzoeksvragen raakt het?');
  out.push(e.deelvragen.length ? e.deelvragen.map((d) => `  ${name(d)}`).join('\n') : '  geen deelvraag');
  if (e.indicatoren.length) out.push(`  via indicatoren: ${e.indicatoren.join(', ')}`);
  return out.join('\n') + '\n';
}

/** Own labels only: an id such as `constructor` must not find a name on Object.prototype. */
function labelOf(e: Explanation, id: string): string {
  return Object.hasOwn(e.labels, id) ? e.labels[id]! : id;
}
