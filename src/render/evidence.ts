/**
 * The state of evidence in words and tables: `tocdin bewijs` as text, the report section
 * (format-neutral blocks, so HTML and Markdown say the same), and the evidence gap map
 * (deelvragen × methods, deelvragen × phases). Every colour has its word next to it.
 */
import type { Evidence, EvidenceState, Verdict } from '../analyse/evidence.js';
import { EVIDENCE_CSS, STATE_TONE, STRENGTH_TONE, VERDICT_TONE } from './evidence-style.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';
import { METHODS, type Strength } from '../vocabulary/vocabulary.js';
import { aantal } from './dutch.js';
import type { Block, Cell, Inline } from './report.js';
import { escapeHtml } from './html.js';
import { printPage, type PageSize } from './poster.js';

const questionTag = (q: { nummer: number | null }) => (q.nummer !== null ? `OV${q.nummer}` : 'fase 1');
const labelOf = (e: Evidence, id: string) => (Object.hasOwn(e.labels, id) ? e.labels[id]! : id);
const link = (l: { van: string; naar: string }) => `${l.van} → ${l.naar}`;

/** A gap-map cell: the number of findings and the strongest strength, or a marked empty cell. */
export function gapCell(c: { aantal: number; sterkste: Strength | null }): Cell {
  if (c.aantal === 0 || !c.sterkste) return { mark: '–', tone: 'ev-leeg', title: 'geen bevinding' };
  return { mark: `${c.aantal} · ${c.sterkste}`, tone: STRENGTH_TONE[c.sterkste] };
}

/** What the register holds, in one sentence (also when there is none). */
export function registerLine(e: Evidence): string {
  if (e.registers.length === 0) return 'Geen bewijsregister in de modellen (models/bewijs/*.yaml): elke deelvraag staat op `geen` en elke schakel is ongetoetst.';
  const regs = e.registers.map((r) => `${r.naam} (${aantal(r.bevindingen, 'bevinding', 'bevindingen')})`).join('; ');
  return `Register: ${regs}. Stand tot en met fase ${e.fase ?? '–'}${e.regio_filter ? `, voor regio ${e.regio_filter} (met de landelijke bevindingen)` : ''}: ${aantal(e.bevindingen.length, 'bevinding telt', 'bevindingen tellen')} mee.`;
}

/** The counts per state, e.g. "3 geen · 2 mager · 1 voldoende · 0 sterk · 0 tegenstrijdig". */
export function stateCounts(n: Record<EvidenceState, number>): string {
  return (Object.keys(STATE_TONE) as EvidenceState[]).map((s) => `${n[s]} ${s}`).join(' · ');
}

/** The short evidence summary `npm start` prints after the coverage. */
export function evidenceSummary(e: Evidence): string {
  const out = ['Stand van het bewijs (is de deelvraag beantwoord? naast de dekking: kán ze beantwoord worden)', `  ${registerLine(e)}`];
  for (const q of e.onderzoeksvragen) out.push(`  ${questionTag(q).padEnd(6)} ${q.stand.padEnd(13)} ${stateCounts(q.aantallen)}  ${clip(q.label, 40)}`);
  if (e.hoofdvraag) out.push(`  hoofdvraag: ${e.hoofdvraag.stand} — ${stateCounts(e.hoofdvraag.aantallen)}`);
  const tested = e.schakels.filter((l) => l.oordeel !== 'ongetoetst');
  out.push(`  schakels van het beleidsmodel getoetst: ${tested.length} van ${e.schakels.length}${tested.length ? ` (${verdictCounts(e.schakels.map((l) => l.oordeel))})` : ''}`);
  if (e.achterstallig.length) out.push(`  achterstallig: ${aantal(e.achterstallig.length, 'deelvraag', 'deelvragen')} zonder bevinding (npx tocdin bewijs)`);
  return escapeForTerminal(out.join('\n')) + '\n';
}

function verdictCounts(vs: readonly Verdict[]): string {
  return (['sterk', 'matig', 'zwak', 'betwist'] as const).map((v) => `${vs.filter((x) => x === v).length} ${v}`).join(', ');
}

/** `tocdin bewijs` as text. */
export function renderEvidenceText(e: Evidence): string {
  const out: string[] = [];
  out.push(`Stand van het bewijs${e.fase ? ` tot en met fase ${e.fase}` : ''}${e.regio_filter ? ` voor regio ${e.regio_filter}` : ''}`);
  out.push(registerLine(e));
  out.push('');
  out.push('Per onderzoeksvraag (geen · mager · voldoende · sterk · tegenstrijdig)');
  for (const q of e.onderzoeksvragen) out.push(`  ${questionTag(q).padEnd(6)} ${q.stand.padEnd(13)} ${stateCounts(q.aantallen)}${q.dekking ? `  (dekking: ${q.dekking})` : ''}  ${clip(q.label, 50)}`);
  if (e.hoofdvraag) out.push(`  hoofdvraag ${e.hoofdvraag.stand}: ${stateCounts(e.hoofdvraag.aantallen)}`);
  out.push('');
  out.push('Per deelvraag: stand (is beantwoord) naast de dekking (kan beantwoord worden)');
  const byId = new Map(e.bevindingen.map((b) => [b.id, b]));
  for (const q of e.onderzoeksvragen) {
    for (const id of q.deelvragen) {
      const d = e.deelvragen.find((x) => x.id === id)!;
      out.push(`  [${d.stand}] ${d.id}${d.dekking ? ` (dekking: ${d.dekking})` : ''}${d.achterstallig ? ' — ACHTERSTALLIG' : ''}`);
      for (const f of d.bevindingen) {
        const b = byId.get(f)!;
        out.push(`      ${b.id}: ${b.methode}, ${b.sterkte}, ${b.richting}, fase ${b.fase} — ${clip(b.tekst, 70)} (${b.bron})`);
      }
    }
  }
  out.push('');
  const tested = e.schakels.filter((l) => l.oordeel !== 'ongetoetst');
  out.push(`Schakels van het beleidsmodel (${tested.length} van ${e.schakels.length} getoetst; een schakel telt ook de bevindingen over haar aanname)`);
  for (const l of e.schakels) {
    const n = l.bevindingen.length + l.via_aanname.length;
    out.push(`  [${l.oordeel}] ${link(l)}${n ? `: ${[...l.bevindingen, ...l.via_aanname.map((f) => `${f} (via ${l.aanname})`)].join(', ')}` : ''}`);
  }
  out.push('');
  out.push('Aannames');
  for (const a of e.aannames) out.push(`  [${a.oordeel}] ${a.id}${a.bevindingen.length ? `: ${a.bevindingen.join(', ')}` : ''}`);
  if (e.bijdragen.length) {
    out.push('');
    out.push('Getoetste bijdragen in de DINs');
    for (const c of e.bijdragen) out.push(`  [${c.oordeel}] ${c.inspanning} → ${c.doel}: ${c.bevindingen.join(', ')}`);
  }
  out.push('');
  out.push('Zwakste schakel per pad van activiteit naar impact (de bijdrage is zo sterk als haar zwakste schakel)');
  if (e.paden.length === 0) out.push('  geen pad van een activiteit naar de impact');
  for (const p of e.paden) out.push(`  [${p.oordeel}] ${p.via.join(' → ')}\n      zwakste schakel: ${link(p.zwakste)}`);
  if (e.regios.length) {
    out.push('');
    out.push("Per regio: de zwakste schakel achter elke inspanning (via de activiteit die ze uitvoert)");
    for (const r of e.regios) {
      out.push(`  ${r.regio}`);
      for (const s of r.inspanningen) out.push(`    ${s.id} → ${s.activiteit}: ${s.zwakste ? `${s.zwakste.oordeel}, ${link(s.zwakste)}` : 'geen pad naar de impact'}`);
    }
  }
  out.push('');
  out.push(`Achterstallig (gepland tot en met fase ${e.fase ?? '–'}, zonder bevinding)`);
  if (e.achterstallig.length === 0) out.push(e.fase ? '  geen' : '  geen huidige fase: geen register en geen --fase');
  for (const a of e.achterstallig) out.push(`  ${a.deelvraag} (gepland: ${a.fasen.join(', ')})`);
  return escapeForTerminal(out.join('\n')) + '\n';
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** The rows of a gap map: deelvragen grouped by onderzoeksvraag (the question's tag first). */
export function gapMapRows(e: Evidence, by: 'methode' | 'fase'): Cell[][] {
  return e.onderzoeksvragen.flatMap((q) =>
    q.deelvragen.map((id) => {
      const d = e.deelvragen.find((x) => x.id === id)!;
      if (by === 'methode') return [questionTag(q), d.id, ...d.per_methode.map(gapCell)];
      // A phase after the current one is not a gap yet: it has not been reported on.
      return [questionTag(q), d.id, ...d.per_fase_kaart.map((c, i): Cell => (e.fase !== null && e.fasen[i]! > e.fase ? { mark: 'later', tone: 'ev-later', title: 'fase na de huidige' } : gapCell(c)))];
    }),
  );
}

export function gapMapHeader(e: Evidence, by: 'methode' | 'fase'): string[] {
  return ['vraag', 'deelvraag', ...(by === 'methode' ? [...METHODS] : e.fasen)];
}

export const GAP_MAP_NOTE = 'Per cel: het aantal bevindingen en de sterkste sterkte (zwak, middel, sterk; de kleur herhaalt het woord). – is een lege cel: een gat in het bewijs.';

function gapMapNote(e: Evidence, by: 'methode' | 'fase'): string {
  return by === 'fase' && e.fase ? `${GAP_MAP_NOTE} Een fase na ${e.fase} staat op 'later': daarover is nog niet gerapporteerd.` : GAP_MAP_NOTE;
}

/** The report section: state per question and deelvraag, the two gap maps, the links and paths. */
export function evidenceBlocks(e: Evidence, heading: (level: 2 | 3, text: string, id: string) => Block): Block[] {
  const b: Block[] = [];
  b.push(heading(2, 'Stand van het bewijs', 'bewijs'));
  b.push({
    kind: 'paragraph',
    content: [
      registerLine(e), ' De ', { strong: 'dekking' }, ' zegt of een deelvraag beantwoord ', { strong: 'kan' }, ' worden; de ', { strong: 'stand' },
      ' of ze beantwoord ', { strong: 'is' }, ': geen, mager (één methode of alleen zwak), voldoende (twee methoden met minstens middel), sterk (en één sterk), tegenstrijdig (steun én weerlegging van minstens middel).',
    ],
  });
  b.push({
    kind: 'table',
    header: ['vraag', 'onderzoeksvraag', 'dekking', 'stand', 'geen', 'mager', 'voldoende', 'sterk', 'tegenstrijdig'],
    rows: [
      ...e.onderzoeksvragen.map((q): Cell[] => [questionTag(q), q.label, q.dekking ? { status: q.dekking } : '', stateCell(q.stand), q.aantallen.geen, q.aantallen.mager, q.aantallen.voldoende, q.aantallen.sterk, q.aantallen.tegenstrijdig]),
      ...(e.hoofdvraag ? [['hoofdvraag', e.hoofdvraag.label, '', stateCell(e.hoofdvraag.stand), e.hoofdvraag.aantallen.geen, e.hoofdvraag.aantallen.mager, e.hoofdvraag.aantallen.voldoende, e.hoofdvraag.aantallen.sterk, e.hoofdvraag.aantallen.tegenstrijdig] as Cell[]] : []),
    ],
  });
  b.push({
    kind: 'table',
    header: ['deelvraag', 'dekking', 'stand', 'bevindingen', 'methoden', 'achterstallig'],
    rows: e.deelvragen.map((d): Cell[] => [d.id, d.dekking ? { status: d.dekking } : '', stateCell(d.stand), d.bevindingen.length, d.methoden.join(', '), d.achterstallig ? { mark: 'ja', tone: 'st-geen' } : '']),
  });
  b.push(heading(3, 'Bewijskaart: deelvragen × methoden', 'bewijskaart-methoden'));
  b.push({ kind: 'paragraph', content: [gapMapNote(e, 'methode')] });
  b.push({ kind: 'table', header: gapMapHeader(e, 'methode'), rows: gapMapRows(e, 'methode') });
  b.push(heading(3, 'Bewijskaart: deelvragen × fasen', 'bewijskaart-fasen'));
  b.push({ kind: 'paragraph', content: [gapMapNote(e, 'fase')] });
  b.push({ kind: 'table', header: gapMapHeader(e, 'fase'), rows: gapMapRows(e, 'fase') });
  b.push(heading(3, 'Contributieanalyse: schakels en aannames', 'contributie'));
  b.push({
    kind: 'paragraph',
    content: ['Per causale schakel het oordeel uit de bevindingen (ongetoetst, zwak, matig, sterk, betwist); een schakel telt ook de bevindingen over de aanname waarop ze rust. Een pad van activiteit naar impact is zo sterk als zijn ', { strong: 'zwakste schakel' }, '.'],
  });
  b.push({
    kind: 'table',
    header: ['schakel', 'oordeel', 'aanname', 'bevindingen'],
    rows: e.schakels.map((l): Cell[] => [link(l), verdictCell(l.oordeel), l.aanname ?? '', [...l.bevindingen, ...l.via_aanname].join(', ')]),
  });
  b.push({ kind: 'table', header: ['aanname', 'oordeel', 'bevindingen'], rows: e.aannames.map((a): Cell[] => [a.id, verdictCell(a.oordeel), a.bevindingen.join(', ')]) });
  if (e.paden.length) {
    b.push({
      kind: 'list',
      items: e.paden.map((p): Inline[] => [{ strong: p.oordeel }, ' ', { code: p.via.join(' → ') }, ' — zwakste schakel ', { code: link(p.zwakste) }]),
    });
  }
  if (e.achterstallig.length) {
    b.push({ kind: 'paragraph', content: [{ strong: `Achterstallig (${e.achterstallig.length})` }, `: gepland tot en met fase ${e.fase}, zonder bevinding.`] });
    b.push({ kind: 'list', items: e.achterstallig.map((a): Inline[] => [{ code: a.deelvraag }, ` (gepland: ${a.fasen.join(', ')}) `, labelOf(e, a.deelvraag)]) });
  }
  return b;
}

export function stateCell(s: EvidenceState): Cell {
  return { mark: s, tone: STATE_TONE[s] };
}

export function verdictCell(v: Verdict): Cell {
  return { mark: v, tone: VERDICT_TONE[v] };
}

/** A gap map printed on its own page: A4 landscape while the rows fit, else A3 landscape. */
export function gapMapPages(e: Evidence, modelVersie: string): { name: string; size: PageSize; html: string }[] {
  const rows = e.deelvragen.length;
  const size: PageSize = { paper: rows <= 26 ? 'A4' : 'A3', landscape: true };
  const css = `
.page { display: flex; flex-direction: column; font-size: 9.5pt; line-height: 1.2; }
h1 { font-size: 16pt; margin: 0; }
.meta { margin: .5mm 0 2mm; color: #333; border-bottom: .6mm solid #000; padding-bottom: 1.2mm; }
p.note { margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: .25mm solid #969696; padding: .5mm 1.5mm; text-align: left; white-space: nowrap; }
thead th { background: #e0e0e0; }
tbody th { font-weight: normal; }
tr.q td, tr.q th { border-top: .6mm solid #000; }
footer { margin-top: auto; display: flex; justify-content: space-between; font-size: 9pt; color: #333; border-top: .3mm solid #969696; padding-top: .8mm; }
${EVIDENCE_CSS}`;
  const page = (by: 'methode' | 'fase', title: string) => {
    const header = gapMapHeader(e, by);
    let last = '';
    const body = gapMapRows(e, by).map((r) => {
      const first = r[0] !== last;
      last = r[0] as string;
      const cells = r.map((c, i) => {
        const tag = i < 2 ? 'th' : 'td';
        if (typeof c === 'object' && 'mark' in c) return `<${tag} class="mk ${escapeHtml(c.tone)}">${escapeHtml(c.mark)}</${tag}>`;
        return `<${tag}>${escapeHtml(i === 0 && !first ? '' : String(c))}</${tag}>`;
      });
      return `<tr${first ? ' class="q"' : ''}>${cells.join('')}</tr>`;
    });
    return printPage(title, size, css, [
      `<h1>${escapeHtml(title)}</h1>`,
      `<p class="meta">${escapeHtml(registerLine(e))} · modelversie ${escapeHtml(modelVersie)}</p>`,
      `<p class="note">${escapeHtml(gapMapNote(e, by))}</p>`,
      `<table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`,
      `<footer><span>tocdin · bewijskaart · ${escapeHtml(by === 'methode' ? 'methoden' : 'fasen')}</span><span>${size.paper} liggend</span></footer>`,
    ]);
  };
  return [
    { name: 'bewijskaart-methoden', size, html: page('methode', 'Bewijskaart: deelvragen × methoden') },
    { name: 'bewijskaart-fasen', size, html: page('fase', 'Bewijskaart: deelvragen × fasen') },
  ];
}
