/**
 * Paper for a workshop table: the schuifjes worksheet of a region (every inspanning of its
 * DIN as a row, the six cooperation levels as columns with a box for NU and one for
 * GEWENST, the scale explained on every page, a notes column) and the one-page summary of a
 * region. Pure: analysis in, complete HTML pages out; the browser stage prints them.
 *
 * Everything on these pages is at least 9 pt: people read and write on them at a table.
 * The worksheet is A4 landscape, or A3 landscape when its rows do not fit one A4 sheet:
 * six columns of words plus room to write do not fit the width of A4 portrait at 9 pt.
 */
import type { Analysis } from '../analyse/schema.js';
import { COOPERATION_LEVELS, type CooperationLevel } from '../vocabulary/vocabulary.js';
import { escapeHtml } from './html.js';
import { gapsBesidesOrphans } from './din-gaps.js';
import { aantal } from './dutch.js';
import { printPage, type PageSize } from './poster.js';

/** The scale as the worksheet explains it (domain §6, seed 002 §5.1): a word and what it means. */
export const LEVEL_TEXT: Record<CooperationLevel, { woord: string; uitleg: string }> = {
  'niet-handelen': { woord: 'niet handelen', uitleg: 'geen aandacht in de regio' },
  autonoom: { woord: 'autonoom', uitleg: 'elke organisatie voor zich, eventueel met gedeelde kaders' },
  'kennis-delen': { woord: 'kennis delen', uitleg: 'kennis en informatie delen, van elkaar leren' },
  afstemmen: { woord: 'afstemmen', uitleg: 'afstemmen en coördineren' },
  gezamenlijk: { woord: 'gezamenlijk', uitleg: 'gezamenlijke projecten of activiteiten' },
  integreren: { woord: 'integreren', uitleg: '(gedeeltelijk) integreren, bv. samen werven, fuseren' },
};

export interface WorksheetRow {
  label: string;
  uitvoerder: string | null;
  /** What the model already says: printed as a lightly filled box, to confirm or correct. */
  nu: CooperationLevel | null;
  gewenst: CooperationLevel | null;
}

export interface WorksheetInput {
  /** Region id (file name) or null for the blank template. */
  regio: string | null;
  /** Display name, or null for the blank template (a line to write it on). */
  regioNaam: string | null;
  /** Why this sheet has the rows it has, in one sentence (e.g. "5 inspanningen uit het DIN"). */
  bron: string;
  modelVersie: string;
  rows: WorksheetRow[];
  /** Empty rows after the model's rows, to write inspanningen the model lacks. */
  emptyRows: number;
}

/** The worksheet of a region with a DIN: its inspanningen, pre-filled with the model's schuifjes. */
export function worksheetFor(a: Analysis, regio: string, modelVersie: string): WorksheetInput {
  const din = a.dins.find((d) => d.regio === regio);
  if (!din) throw new Error(`worksheetFor: no DIN for ${regio}`);
  const sliders = new Map((a.schuifjes.find((s) => s.regio === regio)?.inspanningen ?? []).map((s) => [s.id, s] as const));
  const rows = din.inspanningen.map((i) => ({ label: i.label, uitvoerder: i.uitvoerder || null, nu: sliders.get(i.id)?.nu ?? null, gewenst: sliders.get(i.id)?.gewenst ?? null }));
  const filled = rows.filter((r) => r.nu).length;
  const bron = `${aantal(rows.length, 'inspanning', 'inspanningen')} uit het DIN${din.voorbeeld ? ' (voorbeeld uit openbare bronnen)' : ''}; ${filled === 0 ? 'nog geen schuifjes in het model' : `bij ${filled} staan de schuifjes van het model licht grijs voorgedrukt`}.`;
  return { regio, regioNaam: din.regio_naam, bron, modelVersie, rows, emptyRows: 3 };
}

/** The blank worksheet, for a region without a DIN: only rows to write in. */
export function blankWorksheet(modelVersie: string, regio: { id: string; naam: string } | null = null): WorksheetInput {
  return {
    regio: regio?.id ?? null,
    regioNaam: regio?.naam ?? null,
    bron: 'Deze regio heeft nog geen DIN: schrijf de inspanningen in de lege rijen.',
    modelVersie,
    rows: [],
    // As many as fit one A4 sheet.
    emptyRows: 7,
  };
}


// ------------------------------------------------------------------ layout

/** Page geometry in mm (landscape; margins of printPage: 10 mm). */
const AREA: Record<'A4' | 'A3', { w: number; h: number }> = { A4: { w: 277, h: 189.5 }, A3: { w: 400, h: 276.5 } };
/** Title, intro, the table's head with the scale, footer: measured on the printed pages (66 and 62 mm) plus room. */
const FIXED_MM = { A4: 78, A3: 72 } as const;
const LABEL_PT = 10;
const SMALL_PT = 9;
/** DejaVu Sans advance ≈ 0.58 em (measured on the printed sheets): mm per character at `pt`. */
const charMm = (pt: number) => (pt * 0.58 * 25.4) / 72;
/** Wrapping at word ends leaves the end of each line empty: characters lost per line. */
const WRAP_LOSS = 3;
const lineMm = (pt: number) => (pt * 1.25 * 25.4) / 72;
/** Two sub-rows (NU, GEWENST) with a box each: the least a row needs. */
const MIN_ROW_MM = 15;

interface Columns {
  nr: number;
  label: number;
  sub: number;
  level: number;
  notes: number;
}

export function columns(paper: 'A4' | 'A3'): Columns {
  const w = AREA[paper].w;
  const nr = 7;
  const sub = 23;
  const level = paper === 'A4' ? 24 : 28;
  const label = paper === 'A4' ? 64 : 120;
  return { nr, label, sub, level, notes: w - nr - sub - 6 * level - label };
}

/** Estimated height of a row on paper: the label's wrapped lines, or the two sub-rows. */
export function rowMm(r: WorksheetRow | null, cols: Columns): number {
  if (!r) return MIN_ROW_MM;
  const perLine = (pt: number) => Math.max(1, Math.floor((cols.label - 2.5) / charMm(pt)) - WRAP_LOSS);
  const lines = Math.ceil(r.label.length / perLine(LABEL_PT));
  const by = r.uitvoerder ? Math.ceil((r.uitvoerder.length + 5) / perLine(SMALL_PT)) : 0;
  return Math.max(MIN_ROW_MM, lines * lineMm(LABEL_PT) + by * lineMm(SMALL_PT) + 2.5);
}

/** Splits rows over pages of `paper`; null rows are the empty ones. */
function paginate(rows: (WorksheetRow | null)[], paper: 'A4' | 'A3'): (WorksheetRow | null)[][] {
  const cols = columns(paper);
  const room = AREA[paper].h - FIXED_MM[paper];
  const pages: (WorksheetRow | null)[][] = [[]];
  let used = 0;
  for (const r of rows) {
    const h = rowMm(r, cols);
    if (used + h > room && pages[pages.length - 1]!.length) {
      // Empty rows never start a page of their own: they are an offer, not content.
      if (!r) break;
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(r);
    used += h;
  }
  return pages;
}

/** A4 when all rows fit one sheet, A3 otherwise (as many sheets as needed). */
export function worksheetLayout(w: WorksheetInput): { size: PageSize; pages: (WorksheetRow | null)[][] } {
  const all = [...w.rows, ...Array.from({ length: w.emptyRows }, () => null)];
  const a4 = paginate(all, 'A4');
  // A4 only when the rows to write in fit too: a sheet without them invites no additions.
  const paper = a4.length === 1 && a4[0]!.length === all.length ? 'A4' : 'A3';
  return { size: { paper, landscape: true }, pages: paper === 'A4' ? a4 : paginate(all, 'A3') };
}

function box(filled: boolean, what: string): string {
  return `<span class="box${filled ? ' model' : ''}" role="img" aria-label="${what}${filled ? ' (model)' : ''}"></span>`;
}

function rowHtml(r: WorksheetRow | null, n: number): string {
  const cells = (which: 'nu' | 'gewenst') => COOPERATION_LEVELS.map((l) => `<td class="lvl">${box(r?.[which] === l, `${which} ${LEVEL_TEXT[l].woord}`)}</td>`).join('');
  const label = r ? `${escapeHtml(r.label)}${r.uitvoerder ? `<div class="by">door ${escapeHtml(r.uitvoerder)}</div>` : ''}` : '';
  return [
    `<tr class="nu"><td class="nr" rowspan="2">${n}</td><td class="label" rowspan="2">${label}</td><th class="sub" scope="row">NU</th>${cells('nu')}<td class="notes" rowspan="2"></td></tr>`,
    `<tr class="gewenst"><th class="sub" scope="row">GEWENST</th>${cells('gewenst')}</tr>`,
  ].join('\n');
}

/** Long words of the scale break where Dutch breaks them, not where the column ends. */
function hyphenated(word: string): string {
  return escapeHtml(word).replace('gezamenlijk', 'gezamen&shy;lijk').replace('integreren', 'inte&shy;greren');
}

export function worksheetPages(w: WorksheetInput): { size: PageSize; html: string[] } {
  const { size, pages } = worksheetLayout(w);
  const paper = size.paper;
  const cols = columns(paper);
  const big = paper === 'A3';
  const css = `
.page { display: flex; flex-direction: column; font-size: ${LABEL_PT}pt; }
h1 { font-size: ${big ? 22 : 17}pt; line-height: 1.15; margin: 0; }
.intro { margin: 1mm 0 2mm; font-size: ${big ? 11 : 10}pt; line-height: 1.3; }
.intro p { margin: 0 0 .6mm; }
.name { display: inline-block; min-width: 70mm; border-bottom: .3mm solid #000; }
table { border-collapse: collapse; table-layout: fixed; width: ${AREA[paper].w}mm; }
th, td { border: .3mm solid #000; padding: .6mm 1mm; vertical-align: top; box-sizing: border-box; }
thead th { font-size: ${SMALL_PT}pt; font-weight: normal; text-align: left; line-height: 1.2; background: #f0f0f0; }
thead th strong { display: block; font-size: ${big ? 11 : 9.5}pt; }
thead th .n { font-weight: bold; }
td.nr { text-align: right; }
td.label { line-height: 1.25; }
td.label .by { font-size: ${SMALL_PT}pt; color: #333; margin-top: .5mm; }
th.sub { font-size: ${SMALL_PT}pt; font-weight: bold; text-align: left; vertical-align: middle; }
tr.gewenst td, tr.gewenst th { border-top: .2mm dotted #666; }
tr.nu td.lvl, tr.nu th.sub { border-bottom: .2mm dotted #666; }
td.lvl { text-align: center; vertical-align: middle; }
.box { display: inline-block; width: 5mm; height: 5mm; border: .4mm solid #000; box-sizing: border-box; background: #fff; vertical-align: middle; }
.box.model { background: #c8c8c8; }
tbody tr.nu { break-inside: avoid; }
footer { margin-top: auto; display: flex; justify-content: space-between; font-size: 9pt; color: #333; border-top: .3mm solid #969696; padding-top: .8mm; }
`;
  const name = w.regioNaam ? escapeHtml(w.regioNaam) : '<span class="name"></span>';
  const title = `Schuifjes — ${w.regioNaam ?? 'regio'}`;
  const head = [
    '<thead><tr>',
    `<th style="width:${cols.nr}mm">nr</th>`,
    `<th style="width:${cols.label}mm"><strong>Inspanning</strong>wat de regio doet, en door wie</th>`,
    `<th style="width:${cols.sub}mm"><strong>Kruis aan</strong>een vakje per regel</th>`,
    ...COOPERATION_LEVELS.map((l, i) => `<th style="width:${cols.level}mm"><strong><span class="n">${i}</span> ${hyphenated(LEVEL_TEXT[l].woord)}</strong>${escapeHtml(LEVEL_TEXT[l].uitleg)}</th>`),
    `<th><strong>Aantekeningen</strong>waarom, wie, wanneer</th>`,
    '</tr></thead>',
  ].join('');
  let n = 0;
  return {
    size,
    html: pages.map((rows, p) =>
      printPage(title, size, css, [
        `<h1>Schuifjes — ${name}</h1>`,
        '<div class="intro">',
        `<p>Per inspanning: waar gebeurt het <strong>NU</strong>, en waar zou het <strong>GEWENST</strong> moeten gebeuren? Zet op elke regel één kruisje, op de schaal van 0 niet handelen tot 5 integreren (van ieder voor zich naar steeds nauwer samenwerken). Het verschil tussen de twee is wat het gesprek bespreekt.</p>`,
        `<p>${escapeHtml(w.bron)} <span class="box model" aria-hidden="true"></span> = zo staat het nu in het model: bevestig of verbeter. Lege rijen: inspanningen die in het model ontbreken.</p>`,
        '</div>',
        `<table>${head}<tbody>`,
        ...rows.map((r) => rowHtml(r, ++n)),
        '</tbody></table>',
        `<footer><span>tocdin · werkbladen/schuifjes-${escapeHtml(w.regio ?? 'leeg')}.pdf · modelversie ${escapeHtml(w.modelVersie)}</span><span>blad ${p + 1} van ${pages.length} · ${paper} liggend</span></footer>`,
      ]),
    ),
  };
}

// ------------------------------------------------------------------ region summary

export interface RegionSummaryInput {
  regio: string;
  regioNaam: string;
  modelVersie: string;
  /** The region's DIN in the national analysis, or undefined for a region without one. */
  din: Analysis['dins'][number] | undefined;
  schuifjes: Analysis['schuifjes'][number] | undefined;
  /** The region's diagrams that follow this page in its PDF (titles). */
  diagrammen: string[];
}

export const SUMMARY_TOP = 5;
/** Characters of a list item that fit one line of the A4 summary at 10 pt (measured). */
const LINE_CHARS = 96;

/** One line of text, cut at a word so a summary line stays one line on A4. */
function oneLine(text: string, max = 150): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…`;
}

const GAP_WORDS: Record<string, string> = {
  'doel-zonder-inspanning': 'doel zonder inspanning',
  'doel-zonder-indicator': 'doel zonder indicator',
  'er-doel-zonder-concreet-doel': 'ER-doel zonder concreet doel',
  'inspanning-zonder-doel': 'inspanning zonder doel (weesenergie)',
};

/** One A4 page about one region: ambitie, counts, top gaps, hefboompunten, schuifjes. */
export function regionSummaryHtml(s: RegionSummaryInput): string {
  const { din } = s;
  const label = new Map<string, string>();
  if (din) for (const e of [din.ambitie, ...din.er_doelen, ...din.concrete_doelen, ...din.inspanningen]) label.set(e.id, e.label);
  const li = (items: string[], none: string) => (items.length ? `<ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul>` : `<p class="none">${escapeHtml(none)}</p>`);
  const body: string[] = [`<h1>${escapeHtml(s.regioNaam)}</h1>`, `<p class="meta">Samenvatting van de regio op één blad · modelversie ${escapeHtml(s.modelVersie)}</p>`];
  if (!din) {
    body.push(
      '<h2>Geen DIN</h2>',
      `<p>Voor deze regio is nog geen DIN in de modellen. Gebruik het lege werkblad <code>werkbladen/schuifjes-${escapeHtml(s.regio)}.pdf</code> om de inspanningen en schuifjes in een werksessie op te halen, en maak het DIN met <code>npx tocdin init-regio ${escapeHtml(s.regio)}</code>.</p>`,
    );
  } else {
    const counts = [
      aantal(din.er_doelen.length, 'ER-doel', 'ER-doelen'),
      aantal(din.concrete_doelen.length, 'concreet doel', 'concrete doelen'),
      aantal(din.inspanningen.length, 'inspanning', 'inspanningen'),
      aantal(gapsBesidesOrphans(din.gaten).length, 'gat', 'gaten'),
      `${aantal(din.weesenergie.length, 'inspanning', 'inspanningen')} met weesenergie`,
      aantal(din.hefboom_inspanningen.length, 'hefboom-inspanning', 'hefboom-inspanningen'),
    ].join(' · ');
    body.push('<h2>Ambitie</h2>', `<p class="line">${escapeHtml(oneLine(din.ambitie.label, 260))}</p>`);
    body.push('<h2>In cijfers</h2>', `<p class="line">${escapeHtml(counts)}${din.voorbeeld ? ' · voorbeeld uit openbare bronnen' : ''}</p>`);
    body.push(
      `<h2>Belangrijkste gaten${din.gaten.length > SUMMARY_TOP ? ` (${SUMMARY_TOP} van ${din.gaten.length})` : ''}</h2>`,
      li(
        din.gaten.slice(0, SUMMARY_TOP).map((g) => {
          const kind = `${GAP_WORDS[g.soort] ?? g.soort}:`;
          return `<strong>${escapeHtml(kind)}</strong> ${escapeHtml(oneLine(label.get(g.id) ?? g.id, LINE_CHARS - kind.length - 1))}`;
        }),
        'Geen gaten gevonden.',
      ),
    );
    const levers = [...din.hefboom_inspanningen].sort((a, b) => b.gewicht - a.gewicht).slice(0, SUMMARY_TOP);
    body.push(
      '<h2>Hefboompunten</h2>',
      li(
        levers.map((h) => {
          const counts = `(${aantal(h.concrete_doelen, 'concreet doel', 'concrete doelen')}, ${aantal(h.er_doelen, 'ER-doel', 'ER-doelen')})`;
          return `${escapeHtml(oneLine(label.get(h.id) ?? h.id, LINE_CHARS - counts.length - 1))} <span class="n">${escapeHtml(counts)}</span>`;
        }),
        'Geen inspanning draagt aan meer dan één doel bij.',
      ),
    );
    const rows = s.schuifjes?.inspanningen ?? [];
    body.push(
      '<h2>Schuifjes</h2>',
      li(
        rows.map((r) => {
          const move = `${LEVEL_TEXT[r.nu].woord} → ${LEVEL_TEXT[r.gewenst].woord}`;
          // Bold is wider: counted one and a half.
          return `${escapeHtml(oneLine(r.label, LINE_CHARS - Math.ceil(move.length * 1.5) - 2))}: <strong>${escapeHtml(move)}</strong>`;
        }),
        `Nog geen schuifjes in het model${din.inspanningen.length ? ` voor de ${aantal(din.inspanningen.length, 'inspanning', 'inspanningen')}` : ''}: gebruik het werkblad.`,
      ),
    );
    if (rows.length && s.schuifjes!.zonder_schuifjes) body.push(`<p class="none">${aantal(s.schuifjes!.zonder_schuifjes, 'inspanning', 'inspanningen')} nog zonder schuifjes: zie het werkblad.</p>`);
  }
  if (s.diagrammen.length) body.push('<h2>Verder in deze PDF</h2>', li(s.diagrammen.map(escapeHtml), ''));
  body.push(`<footer><span>tocdin · diagrams/regio-${escapeHtml(s.regio)}.pdf</span><span>A4 staand</span></footer>`);
  const css = `
.page { display: flex; flex-direction: column; font-size: 10pt; line-height: 1.3; }
h1 { font-size: 20pt; margin: 0; }
.meta { margin: .5mm 0 2mm; color: #333; border-bottom: .6mm solid #000; padding-bottom: 1.5mm; }
h2 { font-size: 12.5pt; margin: 3.5mm 0 1mm; }
p { margin: 0; }
ul { margin: 0; padding-left: 0; list-style: none; }
li { margin: 0 0 .8mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
li::before { content: '• '; }
.none, .n { color: #333; }
code { font-size: 9.5pt; }
footer { margin-top: auto; display: flex; justify-content: space-between; font-size: 9pt; color: #333; border-top: .3mm solid #969696; padding-top: .8mm; }
`;
  return printPage(`Regio ${s.regioNaam}`, { paper: 'A4', landscape: false }, css, body);
}
