/**
 * All diagram files for a set of analyses: one `.mmd` per view (or per part of a split
 * view) plus a `README.md` index that embeds each diagram for GitHub/GitLab. Pure: the
 * writer decides where the files go, and `--check` compares without writing.
 */
import type { Analysis } from '../analyse/schema.js';
import { fits, MAX_CHARS, MAX_EDGES } from './mermaid/builder.js';
import { beleidsmodelView, coverageView, dinView, evidenceView, overviewPie, scenarioDinView, slidersView, type Diagram } from './mermaid/views.js';
import { mdCell, transposedTable } from './markdown.js';
import { questionsByRegion } from './report.js';
import { statusSummary } from './status.js';
import { aantal } from './dutch.js';
import type { AnyDiagram } from './diagram.js';

export interface DiagramSet {
  files: { name: string; content: string }[];
  diagrams: Diagram[];
  /** Views that were split into parts because one diagram would exceed Mermaid's limits. */
  splits: { view: string; parts: number }[];
  /** Diagrams that still exceed a limit (must be empty; reported, never truncated). */
  oversized: { name: string; chars: number; edges: number }[];
}

export function renderDiagramSet(national: Analysis, regional: readonly Analysis[]): DiagramSet {
  const diagrams: Diagram[] = [];
  diagrams.push(overviewPie(national));
  diagrams.push(...beleidsmodelView(national));
  diagrams.push(...evidenceView(national));
  diagrams.push(...coverageView(national, 'dekking-landelijk', 'landelijk'));
  for (const din of national.dins) {
    diagrams.push(...dinView(national, din.regio));
    diagrams.push(...slidersView(national, din.regio));
    const r = regional.find((x) => x.regio_filter === din.regio);
    if (r) diagrams.push(...coverageView(r, `dekking-${din.regio}`, din.regio_naam));
  }
  const splitCounts = new Map<string, number>();
  for (const d of diagrams) if (d.deelVan) splitCounts.set(d.deelVan, (splitCounts.get(d.deelVan) ?? 0) + 1);
  const oversized = diagrams.filter((d) => !fits({ chars: d.mermaid.length, edges: d.edges })).map((d) => ({ name: d.name, chars: d.mermaid.length, edges: d.edges }));
  const files = diagrams.map((d) => ({ name: `${d.name}.mmd`, content: d.mermaid }));
  files.push({ name: 'README.md', content: indexMarkdown(national, diagrams) });
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, diagrams, splits: [...splitCounts].map(([view, parts]) => ({ view, parts })), oversized };
}

/** What a scenario did, for its diagrams: the analyses before and after, and the ids it touched. */
export interface ScenarioDrawing {
  id: string;
  naam: string;
  before: Analysis;
  after: Analysis;
  added: ReadonlySet<string>;
  changed: ReadonlyMap<string, readonly string[]>;
  removed: ReadonlySet<string>;
  /** Regions whose DIN the scenario changes. */
  regions: readonly string[];
  /** The projection chart with the scenario’s levers, when it has a `projectie` block. */
  projectie?: Diagram | null;
}

/**
 * The diagrams of one scenario (`diagrams/scenarios/<id>/`): per region whose DIN it changes,
 * that DIN with the changes marked, and the schuifjes as the scenario makes them when they
 * move; plus a README that embeds them.
 */
export function renderScenarioSet(s: ScenarioDrawing): DiagramSet {
  const diagrams: Diagram[] = [];
  for (const region of s.regions) {
    diagrams.push(...scenarioDinView(s.after, region, { added: s.added, changed: s.changed, removed: s.removed }, s.before, s.id));
    const sliders = (a: Analysis) => JSON.stringify(a.schuifjes.find((x) => x.regio === region)?.inspanningen ?? []);
    if (sliders(s.before) !== sliders(s.after)) {
      diagrams.push(...slidersView(s.after, region).map((d) => ({ ...d, title: `Scenario ${s.id}: ${d.title}` })));
    }
  }
  // The shortage projection with the scenario’s levers (`projectie:`), when it has them.
  if (s.projectie) diagrams.push(s.projectie);
  const oversized = diagrams.filter((d) => !fits({ chars: d.mermaid.length, edges: d.edges })).map((d) => ({ name: d.name, chars: d.mermaid.length, edges: d.edges }));
  const files = diagrams.map((d) => ({ name: `${d.name}.mmd`, content: d.mermaid }));
  const out = [
    `# Scenario ${mdCell(s.id)}: ${mdCell(s.naam)}`,
    '',
    'Gegenereerd door `npx tocdin render` uit de modellen en `scenarios/`; niet met de hand bewerken. Wat het',
    `scenario verandert in dekking, gaten en hefboompunten: \`npx tocdin vergelijk ${s.id}\`.`,
    '',
  ];
  if (diagrams.length === 0) out.push('Dit scenario verandert geen DIN; er is hier geen diagram.', '');
  else if (s.regions.length === 0) out.push('Dit scenario verandert geen DIN.', '');
  for (const d of diagrams) out.push(`## ${mdCell(d.title)}`, '', `${mdCell(d.caption)} Bestand: [\`${d.name}.mmd\`](${d.name}.mmd).`, '', '```mermaid', d.mermaid.trimEnd(), '```', '');
  files.push({ name: 'README.md', content: out.join('\n') });
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, diagrams, splits: [], oversized };
}

/** Inspanningen per sub-part of a DIN part that is too wide for paper at its text size. */
const EFFORTS_PER_PAPER_PART = 4;

/**
 * The parts of a view, for a poster page on which the whole would be too small to read:
 * a DIN per ER-doel, a coverage view (national or a region's) in groups of onderzoeksvragen;
 * and of a DIN part still too wide, its inspanningen in groups (deel 1a, 1b, …).
 */
export function partsOf(national: Analysis, regional: readonly Analysis[], d: AnyDiagram): Diagram[] {
  if (d.deelVan) {
    if (d.view !== 'din' || !d.regio) return [];
    const sub = dinView(national, d.regio, { split: true, effortsPerPart: EFFORTS_PER_PAPER_PART }).filter((p) => new RegExp(`^${d.name}[a-z]$`).test(p.name));
    return sub.length > 1 ? sub : [];
  }
  let parts: Diagram[] = [];
  if (d.view === 'din' && d.regio) parts = dinView(national, d.regio, { split: true });
  else if (d.view === 'dekking' && !d.regio) parts = coverageView(national, d.name, 'landelijk', { split: true });
  else if (d.view === 'dekking' && d.regio) {
    const r = regional.find((x) => x.regio_filter === d.regio);
    const naam = national.dins.find((x) => x.regio === d.regio)?.regio_naam ?? d.regio;
    if (r) parts = coverageView(r, d.name, naam, { split: true });
  }
  return parts.length > 1 ? parts : [];
}

function indexMarkdown(a: Analysis, diagrams: Diagram[]): string {
  const out: string[] = [];
  out.push('# Diagrammen');
  out.push('');
  out.push('Gegenereerd door `npx tocdin render` uit de modellen in `models/`; niet met de hand bewerken');
  out.push('(`npx tocdin render --check` controleert dat deze map bij de modellen past).');
  out.push(`Grenzen per diagram: hoogstens ${MAX_EDGES} verbindingen en ${MAX_CHARS.toLocaleString('nl-NL')} tekens; grotere weergaven worden in delen gesplitst.`);
  out.push('');
  out.push(`**Kerncijfers:** ${aantal(a.dekking.deelvragen.length, 'deelvraag', 'deelvragen')} (${statusSummary(a.dekking.deelvragen)}), ${aantal(a.samenvatting.regios, 'regio', "regio’s")} waarvan ${a.samenvatting.regios_met_din} met een (voorbeeld-)DIN.`);
  out.push('');
  out.push('## Inhoud');
  out.push('');
  for (const d of diagrams) out.push(`- [${mdCell(d.title)}](#${anchor(d.name)}) — \`${d.name}.mmd\``);
  out.push('- [Landelijk overzicht in tabellen](#landelijk-overzicht-in-tabellen)');
  out.push('');
  for (const d of diagrams) {
    out.push(`<a id="${anchor(d.name)}"></a>`);
    out.push(`## ${mdCell(d.title)}`);
    out.push('');
    out.push(`${mdCell(d.caption)} Bestand: [\`${d.name}.mmd\`](${d.name}.mmd).`);
    out.push('');
    out.push('```mermaid');
    out.push(d.mermaid.trimEnd());
    out.push('```');
    out.push('');
  }
  out.push('## Landelijk overzicht in tabellen');
  out.push('');
  out.push('Functies per regio (aantal inspanningen in het DIN; **–** = geen):');
  out.push('');
  out.push(transposedTable(a.matrices.functie_regio, (_id, label) => label));
  out.push('Onderzoeksvragen per regio (aantal deelvragen waarvoor inspanningen van de regio tellen; **–** = geen):');
  out.push('');
  out.push(transposedTable(questionsByRegion(a), (_id, label) => label));
  return out.join('\n') + '\n';
}

function anchor(name: string): string {
  return `diagram-${name}`;
}
