/**
 * The report as a format-neutral document: one builder decides what a report says, and
 * the Markdown and HTML serialisers only decide how it looks. So the two formats cannot
 * drift apart, and neither has to know the analysis schema.
 */
import type { Analysis, CoverageStatus, Matrix } from '../analyse/schema.js';
import { gapsWorstFirst, statusSummary } from './status.js';
import type { AnyDiagram } from './diagram.js';
import { COOPERATION_LEVEL_LABEL, COOPERATION_LEVELS } from '../vocabulary/vocabulary.js';
import { aantal } from './dutch.js';
import { evidenceBlocks } from './evidence.js';
import type { Projection } from '../analyse/projection.js';
import { projectionBlocks } from './projection.js';

export type Inline = string | { strong: string } | { code: string };
/** A table cell; `gap` marks an empty cell that means "missing" (shown as a visible –). */
/** `mark`: a word with a colour class (`tone`) that repeats it, e.g. a state of evidence or a gap-map cell. */
export type Cell = string | number | { status: CoverageStatus } | { gap: true } | { mark: string; tone: string; title?: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: string[]; rows: Cell[][] }
  | {
      kind: 'diagram';
      name: string;
      /**
       * The base name of the view's files (`.mmd`, `.svg`): a part's is the whole view's.
       * Absent for a drawing made for the report only (a projection chart), which has no file.
       */
      file?: string;
      /** Which view it is: the HTML report frames a tall coverage view differently from a wide DIN. */
      view: AnyDiagram['view'];
      title: string;
      caption: string;
      mermaid: string;
      svg?: string;
      width?: number;
      height?: number;
      /** The standalone drawing next to the report (`<file>.svg`), when one is written there. */
      svgFile?: string;
    };


export interface ReportOptions {
  diagrams?: readonly AnyDiagram[];
  /** The shortage projection (baseline, or with a scenario’s levers) and its chart. */
  projectie?: readonly { projection: Projection; chart: AnyDiagram | null }[];
  /** E.g. "2026-11-20 (git 16088d4)"; printed under the title. */
  modelVersie?: string;
  /** Each drawn diagram's `<name>.svg` is written next to the report: link to it. */
  svgFiles?: boolean;
}

export interface ReportDoc {
  title: string;
  blocks: Block[];
}

/** Reasons quote ids in backticks; keep them as code in both formats. */
function withCode(text: string): Inline[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? { code: part } : part)).filter((p) => p !== '');
}

function heading(level: 1 | 2 | 3, text: string, id: string): Block {
  return { kind: 'heading', level, text, id };
}

/** Regions as rows (there may be fifty), the matrix rows as columns; 0 is a gap. */
export function transposed(m: Matrix, columnLabel: (id: string, label: string) => string): Extract<Block, { kind: 'table' }> {
  return {
    kind: 'table',
    header: ['regio', ...m.rijen.map((r) => columnLabel(r.id, r.label))],
    rows: m.kolommen.map((k, c) => [k.label, ...m.rijen.map((_, r): Cell => (m.cellen[r]![c] === 0 ? { gap: true } : m.cellen[r]![c]!))]),
  };
}

export function questionsByRegion(a: Analysis): Matrix {
  const m = a.matrices.deelvraag_regio;
  const qs = a.dekking.onderzoeksvragen.filter((q) => q.nummer !== null);
  const rowIndex = new Map(m.rijen.map((r, i) => [r.id, i] as const));
  return {
    rijen: qs.map((q) => ({ id: q.id, label: `OV${q.nummer}` })),
    kolommen: m.kolommen,
    cellen: qs.map((q) => m.kolommen.map((_, c) => q.deelvragen.filter((d) => (m.cellen[rowIndex.get(d) ?? -1]?.[c] ?? 0) > 0).length)),
  };
}

export function buildReport(a: Analysis, opts: ReportOptions = {}): ReportDoc {
  const b: Block[] = [];
  const regionName = a.regio_filter ? a.dins.find((d) => d.regio === a.regio_filter)?.regio_naam ?? a.regio_filter : null;
  const title = regionName ? `tocdin-rapport: ${regionName}` : 'tocdin-rapport: landelijk';
  b.push(heading(1, title, 'rapport'));
  const s = a.samenvatting;
  b.push({
    kind: 'paragraph',
    content: [
      `${aantal(s.bestanden, 'modelbestand', 'modelbestanden')}, ${aantal(s.regios, 'regio', "regio’s")} waarvan ${s.regios_met_din} met een DIN; `,
      { strong: `${aantal(a.dekking.deelvragen.length, 'deelvraag', 'deelvragen')}: ${statusSummary(a.dekking.deelvragen)}` },
      `. Meldingen: ${aantal(s.diagnostieken.fouten, 'fout', 'fouten')}, ${aantal(s.diagnostieken.waarschuwingen, 'waarschuwing', 'waarschuwingen')}, ${s.diagnostieken.info} info.`,
      ...(opts.modelVersie ? [` Modelversie: ${opts.modelVersie}.`] : []),
    ],
  });

  b.push(heading(2, 'Dekking per onderzoeksvraag', 'dekking'));
  b.push({
    kind: 'paragraph',
    content: [
      'Een deelvraag is ', { strong: 'gedekt' }, ' als een indicator met databron een element meet en er inspanningen van een regio voor tellen of een regio er metingen van heeft; ',
      { strong: 'deels' }, ' als een schakel in die keten ontbreekt; ', { strong: 'gat' }, ' als er geen bewijs is. ',
      'Een inspanning telt alleen als ze (a) een activiteit uitvoert waar de deelvraag over gaat, (b) een activiteit uitvoert die in één causale stap leidt tot een element waar de deelvraag over gaat (behalve een knooppunt waar de meeste activiteiten heen leiden), of (c) bijdraagt aan een concreet doel dat een indicator van de deelvraag meet. ',
      'Metingen van een regio zijn data, geen inspanning: ze staan apart.',
    ],
  });
  b.push({
    kind: 'table',
    header: ['vraag', 'onderzoeksvraag', 'status', 'gedekt', 'deels', 'gat'],
    rows: a.dekking.onderzoeksvragen.map((q) => [q.nummer !== null ? `OV${q.nummer}` : 'fase 1', q.label, { status: q.status }, q.gedekt, q.deels, q.gat]),
  });

  b.push(heading(2, 'Inspanningen per deelvraag', 'specificiteit'));
  const total = a.dekking.inspanningen_totaal;
  b.push({
    kind: 'paragraph',
    content: [`Per deelvraag: hoeveel van de ${aantal(total, 'inspanning', 'inspanningen')} ervoor tellen, uit hoeveel regio’s, en hoeveel regio’s er metingen voor hebben. Telt meer dan de helft, dan is de deelvraag `, { strong: 'te breed' }, ' om te laten zien waar de gaten zitten.'],
  });
  b.push({
    kind: 'table',
    header: ['deelvraag', 'status', 'inspanningen', 'aandeel', "regio’s met inspanningen", "regio’s met data"],
    rows: a.dekking.deelvragen.map((d): Cell[] => [d.id, { status: d.status }, d.inspanningen.length, `${Math.round(d.aandeel * 100)} %${d.te_breed ? ' (te breed)' : ''}`, d.regios.length, d.data_regios.length]),
  });

  const gaps = gapsWorstFirst(a.dekking.deelvragen);
  b.push(heading(2, `Gaten en deels gedekte deelvragen (${gaps.length})`, 'gaten'));
  if (gaps.length === 0) b.push({ kind: 'paragraph', content: ['Geen: elke deelvraag is gedekt.'] });
  else b.push({ kind: 'list', items: gaps.map((d) => [{ strong: d.status }, ' ', { code: d.id }, ` ${d.label} — `, ...withCode(d.redenen.join('; '))]) });

  b.push(...evidenceBlocks(a.bewijs, heading));

  b.push(heading(2, 'Matrices', 'matrices'));
  b.push({ kind: 'paragraph', content: ['Onderzoeksvragen per regio: aantal deelvragen waarvoor inspanningen van de regio tellen (– = geen).'] });
  b.push(transposed(questionsByRegion(a), (_id, label) => label));
  b.push({ kind: 'paragraph', content: ['Functies per regio: aantal inspanningen in het DIN (– = geen).'] });
  b.push(transposed(a.matrices.functie_regio, (_id, label) => label));
  b.push({ kind: 'paragraph', content: ['Stappen van het beleidsmodel per regio: aantal elementen van die stap die de activiteiten van de regio bereiken (– = geen).'] });
  b.push(transposed(a.matrices.stap_regio, (id) => id));

  b.push(heading(2, 'Hefboompunten', 'hefboom'));
  if (a.dins.length === 0) b.push({ kind: 'paragraph', content: ['Geen DIN in de modellen.'] });
  else b.push({ kind: 'paragraph', content: ['Gewicht: de som over de lijnen, zwak 1, middel 2, sterk 3; een lijn met sterkte onbekend (het model noemt geen sterkte) telt als 1.'] });
  for (const din of a.dins) {
    b.push(heading(3, `${din.regio_naam}${din.voorbeeld ? ' (voorbeeld uit openbare bronnen)' : ''}`, `hefboom-${din.regio}`));
    const label = new Map([...din.inspanningen, ...din.concrete_doelen].map((x) => [x.id, x.label] as const));
    if (din.hefboom_inspanningen.length === 0 && din.hefboom_doelen.length === 0) {
      b.push({ kind: 'paragraph', content: ['Geen hefboompunten: geen inspanning draagt aan meer dan één concreet doel bij.'] });
    } else {
      b.push({
        kind: 'table',
        header: ['soort', 'element', 'gewicht', 'lijnen met sterkte onbekend', 'concrete doelen', 'ER-doelen', 'inspanningen'],
        rows: [
          ...din.hefboom_inspanningen.map((h): Cell[] => ['inspanning', label.get(h.id) ?? h.id, h.gewicht, h.onbekende_sterkte, h.concrete_doelen, h.er_doelen, '']),
          ...din.hefboom_doelen.map((h): Cell[] => ['concreet doel', label.get(h.id) ?? h.id, h.gewicht, h.onbekende_sterkte, '', h.er_doelen, h.inspanningen]),
        ],
      });
    }
    const loose = [...din.gaten.map((g): Inline[] => [{ strong: 'gat' }, ' ', { code: g.id }, ' ', ...withCode(g.reden)]), ...din.weesenergie.map((w): Inline[] => [{ strong: 'weesenergie' }, ' ', { code: w.id }, ' ', ...withCode(w.reden)])];
    if (loose.length) b.push({ kind: 'list', items: loose });
  }

  b.push(heading(2, 'Schuifjes: samenwerking nu en gewenst', 'schuifjes'));
  if (a.schuifjes.length === 0) b.push({ kind: 'paragraph', content: ['Geen DIN met schuifjes.'] });
  for (const r of a.schuifjes) {
    const naam = a.dins.find((d) => d.regio === r.regio)?.regio_naam ?? r.regio;
    b.push(heading(3, naam, `schuifjes-${r.regio}`));
    b.push({ kind: 'paragraph', content: [`${r.meer_samenwerking} naar meer samenwerking, ${r.gelijk} gelijk, ${r.minder_samenwerking} minder, ${r.blijft_autonoom} blijft autonoom, ${r.zonder_schuifjes} zonder schuifjes. Schaal: ${COOPERATION_LEVELS.map((l) => COOPERATION_LEVEL_LABEL[l]).join(' → ')}.`] });
    if (r.inspanningen.length) b.push({ kind: 'table', header: ['inspanning', 'nu', 'gewenst', 'verschuiving'], rows: r.inspanningen.map((x) => [x.label, COOPERATION_LEVEL_LABEL[x.nu], COOPERATION_LEVEL_LABEL[x.gewenst], x.afstand > 0 ? `+${x.afstand}` : String(x.afstand)]) });
  }

  for (const p of opts.projectie ?? []) b.push(...projectionBlocks(p.projection, p.chart));

  if (opts.diagrams?.length) {
    b.push(heading(2, 'Diagrammen', 'diagrammen'));
    for (const d of opts.diagrams) {
      const { name, view, title, caption, mermaid } = d;
      const file = d.deelVan ?? name;
      const drawn = d.stage === 'drawn' ? { svg: d.svg, width: d.width, height: d.height, ...(opts.svgFiles ? { svgFile: `${file}.svg` } : {}) } : {};
      b.push({ kind: 'diagram', name, file, view, title, caption, mermaid, ...drawn });
    }
  }

  if (!a.regio_filter && a.regios_zonder_din.length) {
    b.push(heading(2, `Regio’s zonder DIN (${a.regios_zonder_din.length})`, 'zonder-din'));
    b.push({ kind: 'paragraph', content: [a.regios_zonder_din.join(', ')] });
  }
  return { title, blocks: b };
}
