/** The Dutch summary that `tocdin analyse` prints: coverage, worst gaps first, leverage. */
import type { Analysis } from '../analyse/schema.js';
import { gapsWorstFirst, statusSummary } from './status.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';
import { aantal } from './dutch.js';

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** How much of a hefboom weight rests on lines whose strength nobody stated (each counted as 1). */
function unknownNote(unknown: number, lines: number): string {
  return unknown === 0 ? '' : ` (sterkte onbekend bij ${unknown} van ${aantal(lines, 'lijn', 'lijnen')}, elk geteld als 1)`;
}

/**
 * How specific the deelvragen are: how many inspanningen count for the median one, and which
 * are counted by more than half (the lint info `deelvraag-te-breed`).
 */
function specificity(a: Analysis): string[] {
  const total = a.dekking.inspanningen_totaal;
  const dv = a.dekking.deelvragen;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  const counts = dv.map((d) => d.inspanningen.length).sort((x, y) => x - y);
  const mid = counts.length / 2;
  const median = counts.length === 0 ? 0 : counts.length % 2 ? counts[Math.floor(mid)]! : (counts[mid - 1]! + counts[mid]!) / 2;
  const broad = dv.filter((d) => d.te_breed);
  const out = [
    'Inspanningen per deelvraag (alleen via een keten: voert een activiteit uit waar de deelvraag over gaat, één causale stap, of een gemeten concreet doel)',
    `  mediaan ${median} van de ${aantal(total, 'inspanning', 'inspanningen')} (${pct(median)} %); te breed (meer dan de helft): ${broad.length}`,
  ];
  for (const d of broad) out.push(`    ${d.id}: ${d.inspanningen.length} van ${total} (${pct(d.inspanningen.length)} %)`);
  return out;
}

export function renderText(a: Analysis, opts: { maxGaps?: number } = {}): string {
  const out: string[] = [];
  const s = a.samenvatting;
  out.push(`tocdin-analyse${a.regio_filter ? ` voor regio ${a.regio_filter}` : ''}: ${aantal(s.bestanden, 'bestand', 'bestanden')}, ${aantal(s.regios, 'regio', "regio’s")} (${s.regios_met_din} met DIN)`);
  out.push(`diagnostiek: ${aantal(s.diagnostieken.fouten, 'fout', 'fouten')}, ${aantal(s.diagnostieken.waarschuwingen, 'waarschuwing', 'waarschuwingen')}, ${s.diagnostieken.info} info`);
  out.push('');
  out.push('Dekking van de onderzoeksvragen (gedekt · deels · gat)');
  for (const q of a.dekking.onderzoeksvragen) {
    const tag = q.nummer !== null ? `OV${q.nummer}` : 'fase 1';
    out.push(`  ${tag.padEnd(6)} ${q.status.padEnd(6)} ${String(q.gedekt).padStart(2)} · ${String(q.deels).padStart(2)} · ${String(q.gat).padStart(2)}  ${clip(q.label, 70)}`);
  }
  const total = a.dekking.deelvragen.length;
  out.push(`  totaal: ${aantal(total, 'deelvraag', 'deelvragen')} — ${statusSummary(a.dekking.deelvragen)}`);
  out.push('');
  out.push(...specificity(a));
  out.push('');

  const gaps = gapsWorstFirst(a.dekking.deelvragen);
  const max = opts.maxGaps ?? 10;
  out.push(`Grootste gaten (${gaps.length}; de ${Math.min(max, gaps.length)} ergste)`);
  for (const d of gaps.slice(0, max)) {
    out.push(`  [${d.status}] ${d.id}: ${clip(d.label, 80)}`);
    for (const r of d.redenen) out.push(`         ↳ ${r}`);
  }
  if (gaps.length === 0) out.push('  geen: elke deelvraag is gedekt');
  out.push('');

  out.push('Hefboompunten per DIN (inspanningen die aan meerdere concrete doelen bijdragen)');
  for (const din of a.dins) {
    const top = din.hefboom_inspanningen.slice(0, 3);
    const goals = din.hefboom_doelen.slice(0, 2);
    out.push(`  ${din.regio_naam}${din.voorbeeld ? ' (voorbeeld)' : ''}`);
    if (top.length === 0 && goals.length === 0) out.push('    geen hefboompunten: geen inspanning draagt aan meer dan één concreet doel bij');
    for (const h of top) out.push(`    inspanning ${h.id}: gewicht ${h.gewicht}${unknownNote(h.onbekende_sterkte, h.concrete_doelen)}, ${aantal(h.concrete_doelen, 'concreet doel', 'concrete doelen')}, ${aantal(h.er_doelen, 'ER-doel', 'ER-doelen')}`);
    for (const h of goals) out.push(`    concreet doel ${h.id}: voedt ${aantal(h.er_doelen, 'ER-doel', 'ER-doelen')}, ${aantal(h.inspanningen, 'inspanning', 'inspanningen')} (gewicht ${h.gewicht}${unknownNote(h.onbekende_sterkte, h.inspanningen)})`);
    for (const w of din.weesenergie) out.push(`    weesenergie ${w.id}: ${w.reden}`);
  }
  if (a.dins.length === 0) out.push('  geen DIN gevonden');
  out.push('');

  out.push('Schuifjes (samenwerking nu → gewenst)');
  for (const r of a.schuifjes) {
    out.push(`  ${r.regio}: ${r.meer_samenwerking} naar meer samenwerking, ${r.gelijk} gelijk, ${r.minder_samenwerking} minder, ${r.blijft_autonoom} blijft autonoom, ${r.zonder_schuifjes} zonder schuifjes`);
  }
  out.push('');
  if (a.regios_zonder_din.length) out.push(`${aantal(a.regios_zonder_din.length, 'regio', "regio’s")} zonder DIN (zie \`tocdin validate --info\`).`);
  if (a.gemeente_overlap.length) out.push(`${a.gemeente_overlap.length} keer ligt een gemeente in twee regio’s met dezelfde sector (toegestaan; zie de JSON-uitvoer).`);
  return escapeForTerminal(out.join('\n')) + '\n';
}
