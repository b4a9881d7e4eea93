/**
 * `tocdin explain` as Dutch text: an explanation (src/analyse/paths.ts) is plain data; this
 * renderer only words it. Paths are shown by label; ids are shown next to names.
 */
import type { Explanation } from '../analyse/paths.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../vocabulary/glossary.js';

/** An ambitie has every inspanning of its region behind it: the first few say enough. */
const MAX_VIA_SHOWN = 8;
/** A region touches a deelvraag through each of its inspanningen: the first few say enough. */
const MAX_CHAINS_SHOWN = 3;

/** The three ways an inspanning counts for a deelvraag (src/graph/coverage.ts), and a region's data, in words. */
const KIND_TEXT: Record<'a' | 'b' | 'c' | 'data', string> = {
  a: 'a: voert een activiteit uit waar de deelvraag over gaat',
  b: 'b: de activiteit leidt in één stap tot een element waar de deelvraag over gaat',
  c: 'c: draagt bij aan een concreet doel dat een beantwoordende indicator meet',
  data: 'data: een meting van de regio, geen inspanning',
};

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
  out.push(e.regios.length ? `  regio’s: ${e.regios.join(', ')}` : "  geen regio");
  out.push('');
  out.push('Welke onderzoeksvragen raakt het?');
  if (e.deelvragen.length === 0) out.push('  geen deelvraag: geen keten die de dekking telt (uitvoeren, één causale stap, of een gemeten concreet doel)');
  for (const d of e.deelvragen) {
    out.push(`  ${name(d.id)}`);
    // A chain runs from this element to the deelvraag, both named already: show what lies between.
    for (const k of d.ketens.slice(0, MAX_CHAINS_SHOWN)) {
      const between = k.via.slice(1, -1);
      out.push(`      ${between.length ? `via: ${chain(between)}` : direct(e)}${k.soort ? ` (${KIND_TEXT[k.soort]})` : ''}`);
    }
    if (d.ketens.length > MAX_CHAINS_SHOWN) out.push(`      … en nog ${d.ketens.length - MAX_CHAINS_SHOWN} (alle ketens: --format json)`);
  }
  if (e.indicatoren.length) out.push(`  indicatoren: ${e.indicatoren.join(', ')}`);
  out.push('');
  out.push(...evidenceLines(e));
  return out.join('\n') + '\n';
}

/** How an element touches a deelvraag with nothing in between. */
function direct(e: Explanation): string {
  if (e.type === 'deelvraag') return 'is deze deelvraag zelf';
  if (e.type === 'indicator') return 'beantwoordt de deelvraag direct';
  return 'de deelvraag gaat hier direct over (`over`)';
}

/** Own labels only: an id such as `constructor` must not find a name on Object.prototype. */
function labelOf(e: Explanation, id: string): string {
  return Object.hasOwn(e.labels, id) ? e.labels[id]! : id;
}

/** A region has many findings about it: the first few say enough. */
const MAX_FINDINGS_SHOWN = 8;

/** What the register of findings says about the element, its links and its paths. */
function evidenceLines(e: Explanation): string[] {
  const b = e.bewijs;
  const out = [`Wat zegt het bewijs?${b.fase ? ` (tot en met fase ${b.fase})` : ''}`];
  if (b.stand) out.push(`  stand van deze deelvraag: ${b.stand}`);
  if (b.bevindingen.length === 0) out.push('  geen bevinding gaat hierover');
  for (const f of b.bevindingen.slice(0, MAX_FINDINGS_SHOWN)) out.push(`  ${f.id} (${f.methode}, ${f.sterkte}, ${f.richting}, fase ${f.fase}): ${f.waarom}\n      ${f.tekst.replace(/\s+/g, ' ').trim()}\n      bron: ${f.bron}`);
  if (b.bevindingen.length > MAX_FINDINGS_SHOWN) out.push(`  … en nog ${b.bevindingen.length - MAX_FINDINGS_SHOWN} (alle: --format json)`);
  for (const l of b.schakels) out.push(`  schakel ${l.van} → ${l.naar}: ${l.oordeel}`);
  for (const p of b.paden.slice(0, MAX_VIA_SHOWN)) out.push(`  pad ${p.via.join(' → ')}; zwakste schakel: ${p.zwakste.van} → ${p.zwakste.naar} (${p.zwakste.oordeel})`);
  if (b.paden.length > MAX_VIA_SHOWN) out.push(`  … en nog ${b.paden.length - MAX_VIA_SHOWN} paden (alle: --format json)`);
  return out;
}
