/**
 * Views of the shortage projection: a report section (table, chart, defaults with their
 * bron, the scenario’s assumptions) that the Markdown and HTML serialisers print, the text
 * that `tocdin projectie` prints, and the Mermaid `xychart-beta` line chart.
 *
 * The chart holds no user text: its title, axis and series are our own words and numbers,
 * so nothing from a model can reach the Mermaid source. Which line is which is said by the
 * colours (set in the front matter) and the caption: mermaid 11's xychart has no legend.
 */
import { INTERVENTION_LINE_LABEL, INTERVENTION_LINE_SHORT, INTERVENTION_LINES, type FigureOut, type Projection } from '../analyse/projection.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';
import type { AnyDiagram, Diagram } from './diagram.js';
import type { Block, Cell, Inline } from './report.js';

/** Grey for the baseline, green for the scenario (the schuifjes' "gewenst" green). */
export const BASELINE_COLOUR = '#7f7f7f';
export const SCENARIO_COLOUR = '#2ca02c';

function fte(n: number): string {
  // Dutch thousands separator, no locale dependency.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A figure with its unit; a year (`jaartal`) as it is written, without unit or separator. */
function withUnit(n: number, unit: string): string {
  return unit === 'jaartal' ? String(n) : `${number(n)} ${unit}`;
}

function number(n: number): string {
  return fte(Math.trunc(n)) + (Number.isInteger(n) ? '' : ',' + String(n).split('.')[1]);
}

function what(p: Projection): string {
  return `lerarentekort ${p.sector}${p.regio ? ` in ${p.regio.naam}` : ' landelijk'}`;
}

/** A round upper bound for the y axis: the next multiple of 1000 (or 100 for small values). */
function axisMax(values: readonly number[]): number {
  const max = Math.max(0, ...values);
  const step = max >= 2000 ? 1000 : 100;
  return Math.max(step, Math.ceil(max / step) * step);
}

export function projectionChart(p: Projection): Diagram | null {
  if (!p.mogelijk || p.jaren.length === 0) return null;
  const withScenario = p.scenario !== null && p.jaren.every((j) => j.scenario !== null);
  const series = [p.jaren.map((j) => j.basis), ...(withScenario ? [p.jaren.map((j) => j.scenario!)] : [])];
  const colours = withScenario ? `${BASELINE_COLOUR}, ${SCENARIO_COLOUR}` : BASELINE_COLOUR;
  const mermaid = [
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours}"`,
    '---',
    'xychart-beta',
    `  title "Lerarentekort ${p.sector} in fte"`,
    `  x-axis "jaar" [${p.jaren.map((j) => j.jaar).join(', ')}]`,
    `  y-axis "fte" 0 --> ${axisMax(series.flat())}`,
    ...series.map((s) => `  line [${s.join(', ')}]`),
    '',
  ].join('\n');
  const name = `projectie-${p.sector}${p.regio ? `-${p.regio.id}` : ''}${p.scenario ? `-${p.scenario.id}` : ''}`;
  return {
    stage: 'mermaid',
    view: 'projectie',
    name,
    title: `Grafiek: ${what(p)} tot ${p.tot_jaar}`,
    caption: withScenario
      ? `Grijs: zonder beleidswijziging. Groen: met scenario ${p.scenario!.naam}. In fte per jaar.`
      : 'Grijs: zonder beleidswijziging. In fte per jaar.',
    mermaid,
    edges: 0,
    regio: p.regio?.id ?? null,
    legenda: [],
  };
}

function figureLine(f: FigureOut): Inline[] {
  const value = withUnit(f.waarde, f.eenheid);
  const sentence = [`: ${value}`, f.tekst ? ` ("${f.tekst}")` : '', f.aanname ? ' — aanname' : ''].join('') + '.';
  return [{ strong: f.naam }, sentence, ...(f.toelichting ? [` ${f.toelichting}`] : []), ...(f.bron ? [' Bron: ', { code: f.bron }] : [])];
}

function table(p: Projection): { header: string[]; rows: Cell[][] } {
  const withScenario = p.scenario !== null && p.jaren.some((j) => j.scenario !== null);
  if (!withScenario) return { header: ['jaar', 'zonder beleidswijziging (fte)'], rows: p.jaren.map((j) => [j.jaar, j.basis]) };
  const lines = INTERVENTION_LINES.filter((l) => p.scenario!.lijnen.includes(l));
  return {
    header: ['jaar', 'zonder beleidswijziging (fte)', 'met scenario (fte)', 'verschil (fte)', ...lines.map((l) => `waarvan ${INTERVENTION_LINE_SHORT[l]}`)],
    rows: p.jaren.map((j) => [j.jaar, j.basis, j.scenario!, j.verschil!, ...lines.map((l) => j.per_lijn![l])]),
  };
}

/** The projection as report blocks: under a heading of the given level. */
export function projectionBlocks(p: Projection, chart: AnyDiagram | null, level: 2 | 3 = 2): Block[] {
  const b: Block[] = [];
  const sub = 3 as const;
  const id = `projectie-${p.sector}${p.regio ? `-${p.regio.id}` : ''}`;
  b.push({ kind: 'heading', level, text: `Projectie ${what(p)} tot ${p.tot_jaar}`, id });
  if (p.scenario) b.push({ kind: 'paragraph', content: ['Scenario ', { strong: p.scenario.naam }, ' (', { code: p.scenario.id }, `, ${p.scenario.bestand}). Interventielijnen: ${p.scenario.lijnen.map((l) => INTERVENTION_LINE_LABEL[l]).join('; ') || 'geen voor deze projectie'}.`] });
  if (!p.mogelijk) {
    b.push({ kind: 'paragraph', content: [p.reden ?? 'Geen projectie.'] });
  } else {
    b.push({
      kind: 'paragraph',
      content: [
        `Zonder beleidswijziging groeit het tekort elk jaar met de groei uit de bron${p.scenario ? '; met het scenario gaat er elk jaar af wat zijn hefbomen opleveren (nooit onder 0)' : ''}. Afgerond op hele fte; de rekenregels staan in de README (Projectie).`,
      ],
    });
    const t = table(p);
    b.push({ kind: 'table', header: t.header, rows: t.rows });
    if (chart) b.push({ kind: 'diagram', name: chart.name, view: chart.view, title: chart.title, caption: chart.caption, mermaid: chart.mermaid, ...(chart.stage === 'drawn' ? { svg: chart.svg, width: chart.width, height: chart.height } : {}) });
    if (p.opmerkingen.length) b.push({ kind: 'list', items: p.opmerkingen.map((o) => [o]) });
  }
  b.push({ kind: 'heading', level: sub, text: 'Standaardwaarden uit de bronnen', id: `${id}-standaard` });
  b.push({ kind: 'list', items: [...p.standaardwaarden, ...p.kengetallen].map(figureLine) });
  if (p.scenario) {
    b.push({ kind: 'heading', level: sub, text: 'Aannames van het scenario (geen feiten)', id: `${id}-aannames` });
    if (p.aannames.length === 0) b.push({ kind: 'paragraph', content: ['Het scenario heeft geen `projectie`-parameters.'] });
    else b.push({ kind: 'list', items: p.aannames.map((a) => [`${a.lijn === 'regio' ? 'regio' : INTERVENTION_LINE_LABEL[a.lijn]} — `, ...figureLine({ ...a, aanname: false })]) });
  }
  return b;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
}

function textFigure(f: FigureOut): string {
  return `  ${f.naam}: ${withUnit(f.waarde, f.eenheid)}${f.tekst ? ` ("${f.tekst}")` : ''}${f.aanname ? ' — aanname' : ''}${f.bron ? `\n      bron: ${f.bron}` : ''}${f.toelichting ? `\n      ${f.toelichting}` : ''}`;
}

/** What `tocdin projectie` prints on a terminal. */
export function renderProjectionText(p: Projection): string {
  const out: string[] = [];
  out.push(`Projectie ${what(p)} tot ${p.tot_jaar}${p.scenario ? `; scenario ${p.scenario.id}: ${p.scenario.naam}` : ''}`);
  out.push('');
  if (!p.mogelijk) {
    out.push(p.reden ?? 'Geen projectie.');
  } else {
    const t = table(p);
    const cells = [t.header, ...t.rows.map((r) => r.map((c, i) => (typeof c === 'number' && i > 0 ? fte(c) : String(c))))];
    const widths = t.header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
    out.push(...cells.map((r) => '  ' + pad(r, widths)));
    for (const o of p.opmerkingen) out.push(`  ${o}`);
  }
  out.push('');
  out.push('Standaardwaarden uit de bronnen');
  for (const f of [...p.standaardwaarden, ...p.kengetallen]) out.push(textFigure(f));
  if (p.scenario) {
    out.push('');
    out.push('Aannames van het scenario (geen feiten)');
    if (p.aannames.length === 0) out.push('  geen: het scenario heeft geen `projectie`-parameters');
    for (const a of p.aannames) out.push(`  [${a.lijn === 'regio' ? 'regio' : INTERVENTION_LINE_LABEL[a.lijn]}]${textFigure({ ...a, aanname: false }).slice(1)}`);
  }
  return escapeForTerminal(out.join('\n') + '\n');
}

export function renderProjectionJson(p: Projection): string {
  return JSON.stringify(p, null, 2) + '\n';
}
