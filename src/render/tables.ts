/**
 * Every table tocdin computes, as plain typed tables: a pure function of the analysis, the
 * same rows the report shows, in the same order. The XLSX and CSV serialisers (xlsx.ts,
 * csv.ts) only decide how a table looks; neither knows the analysis schema.
 *
 * Columns are typed so a spreadsheet gets numbers as numbers and statuses as words with the
 * diagrams' colours. Lists inside a cell (ids, reasons) are joined with `; `.
 */
import type { Analysis, CoverageStatus, Matrix } from '../analyse/schema.js';
import { gapsWorstFirst } from './status.js';

export type ColumnType = 'text' | 'number' | 'status';

export interface TableColumn {
  header: string;
  type: ColumnType;
  /** Width in characters in a spreadsheet. */
  width: number;
}

export type TableCell = string | number;

export interface Table {
  /** Sheet name (at most 31 characters, none of \ / ? * [ ] :). */
  sheet: string;
  /** File name of the CSV without `.csv`. */
  file: string;
  /** One sentence: what a row is and what the numbers mean. */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** In a matrix a 0 means "nothing": shown as – in a spreadsheet (the value stays 0). */
  zeroIsGap?: boolean;
}

const list = (xs: readonly string[]) => xs.join('; ');
const text = (header: string, width = 30): TableColumn => ({ header, type: 'text', width });
const num = (header: string, width = 10): TableColumn => ({ header, type: 'number', width: Math.max(width, header.length + 2) });
const status: TableColumn = { header: 'status', type: 'status', width: 9 };

function matrixTable(sheet: string, file: string, title: string, m: Matrix, rowHeaders: TableColumn[], rowCells: (r: Matrix['rijen'][number]) => TableCell[]): Table {
  return {
    sheet,
    file,
    title,
    columns: [...rowHeaders, ...m.kolommen.map((k) => num(k.label, 12))],
    rows: m.rijen.map((r, i) => [...rowCells(r), ...m.cellen[i]!]),
    zeroIsGap: true,
  };
}

export function analysisTables(a: Analysis): Table[] {
  const label = new Map(a.dekking.deelvragen.map((d) => [d.id, d.label] as const));
  const question = new Map(a.dekking.onderzoeksvragen.map((q) => [q.id, q] as const));
  const qName = (id: string) => {
    const q = question.get(id);
    return q?.nummer != null ? `OV${q.nummer}` : 'fase 1';
  };
  const regionName = new Map(a.dins.map((d) => [d.regio, d.regio_naam] as const));
  const tables: Table[] = [];

  tables.push({
    sheet: 'Onderzoeksvragen',
    file: 'onderzoeksvragen',
    title: 'Dekking per onderzoeksvraag: het aantal deelvragen per status.',
    columns: [text('vraag', 8), text('id', 28), text('onderzoeksvraag', 70), status, num('gedekt'), num('deels'), num('gat')],
    rows: a.dekking.onderzoeksvragen.map((q) => [q.nummer !== null ? `OV${q.nummer}` : 'fase 1', q.id, q.label, q.status, q.gedekt, q.deels, q.gat]),
  });

  tables.push({
    sheet: 'Deelvragen',
    file: 'deelvragen',
    title: 'Dekking per deelvraag, met de reden en de keten van bewijs: indicatoren, databronnen, gemeten elementen, inspanningen en regio’s.',
    columns: [
      text('id', 28), text('deelvraag', 70), text('vraag', 8), status, text('redenen', 60), text('indicatoren', 40), text('databronnen', 30),
      text('gemeten elementen', 40), text('inspanningen', 40), num("regio’s"), text('regio-ids', 40), text('methoden', 30),
    ],
    rows: a.dekking.deelvragen.map((d) => [
      d.id, d.label, qName(d.onderzoeksvraag), d.status, list(d.redenen), list(d.indicatoren), list(d.databronnen),
      list(d.gemeten_elementen), list(d.inspanningen), d.regios.length, list(d.regios), list(d.methoden),
    ]),
  });

  tables.push({
    sheet: 'Gaten',
    file: 'gaten',
    title: 'Deelvragen die niet gedekt zijn: eerst de gaten, dan de deels gedekte, dan die met de minste regio’s.',
    columns: [status, text('id', 28), text('deelvraag', 70), text('vraag', 8), num("regio’s"), text('redenen', 80)],
    rows: gapsWorstFirst(a.dekking.deelvragen).map((d) => [d.status, d.id, d.label, qName(d.onderzoeksvraag), d.regios.length, list(d.redenen)]),
  });

  tables.push(
    matrixTable('Deelvraag x regio', 'deelvraag-regio', 'Per deelvraag en regio: het aantal wegen van bewijs dat de regio levert (0 = geen).', a.matrices.deelvraag_regio, [text('id', 28), text('deelvraag', 60)], (r) => [r.id, label.get(r.id) ?? r.label]),
  );
  tables.push(
    matrixTable('Functie x regio', 'functie-regio', 'Per functie en regio: het aantal inspanningen in het DIN (0 = geen).', a.matrices.functie_regio, [text('functie', 20)], (r) => [r.label]),
  );
  tables.push(
    matrixTable('Stap x regio', 'stap-regio', 'Per stap van het beleidsmodel en regio: het aantal elementen van die stap dat de activiteiten van de regio bereiken (0 = geen).', a.matrices.stap_regio, [text('stap', 14)], (r) => [r.label]),
  );

  const element = (din: Analysis['dins'][number]) => new Map([...din.inspanningen, ...din.concrete_doelen].map((x) => [x.id, x.label] as const));
  tables.push({
    sheet: 'Hefboompunten',
    file: 'hefboompunten',
    title: 'Inspanningen die aan meer dan één concreet doel bijdragen en concrete doelen onder meer dan één ER-doel: daar gaat de meeste energie heen.',
    columns: [text('regio', 30), text('soort', 14), text('id', 34), text('element', 60), num('gewicht'), num('concrete doelen'), num('ER-doelen'), num('inspanningen')],
    rows: a.dins.flatMap((din) => {
      const name = element(din);
      return [
        ...din.hefboom_inspanningen.map((h): TableCell[] => [din.regio_naam, 'inspanning', h.id, name.get(h.id) ?? h.id, h.gewicht, h.concrete_doelen, h.er_doelen, '']),
        ...din.hefboom_doelen.map((h): TableCell[] => [din.regio_naam, 'concreet doel', h.id, name.get(h.id) ?? h.id, h.gewicht, '', h.er_doelen, h.inspanningen]),
      ];
    }),
  });

  tables.push({
    sheet: 'DIN-gaten',
    file: 'din-gaten',
    title: 'Per DIN: elementen zonder verbinding (gaten) en inspanningen die de ambitie niet bereiken (weesenergie).',
    columns: [text('regio', 30), text('soort', 28), text('id', 34), text('reden', 80)],
    rows: a.dins.flatMap((din) => [
      ...din.gaten.map((g): TableCell[] => [din.regio_naam, g.soort, g.id, g.reden]),
      ...din.weesenergie.map((w): TableCell[] => [din.regio_naam, 'weesenergie', w.id, w.reden]),
    ]),
  });

  tables.push({
    sheet: 'Schuifjes',
    file: 'schuifjes',
    title: 'Schuifjes per inspanning: samenwerking nu en gewenst; verschuiving in stappen op de schaal (positief = meer samenwerking).',
    columns: [text('regio', 30), text('id', 34), text('inspanning', 60), text('nu', 14), text('gewenst', 14), num('verschuiving')],
    rows: a.schuifjes.flatMap((r) => r.inspanningen.map((x): TableCell[] => [regionName.get(r.regio) ?? r.regio, x.id, x.label, x.nu, x.gewenst, x.afstand])),
  });

  tables.push({
    sheet: 'Indicatoren',
    file: 'indicatoren',
    title: 'Indicatoren met hun databronnen; regio is leeg voor landelijke indicatoren.',
    columns: [text('id', 34), text('indicator', 60), text('regio', 30), text('databronnen', 50)],
    rows: a.indicatoren.map((i) => [i.id, i.label, i.regio ? (regionName.get(i.regio) ?? i.regio) : '', list(i.databronnen.map((d) => d.label))]),
  });
  return tables;
}

/** The statuses a status column may hold, for serialisers that colour them. */
export type { CoverageStatus };
