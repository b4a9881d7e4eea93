/**
 * The DIN workbook template (`tocdin export --sjabloon [--regio ID]`): the sheets of
 * src/read/din-layout.ts with their headers, dropdowns (data validation) for every closed
 * list and for ids that must refer to another sheet or to the beleidsmodel and the national
 * indicators, input messages that say what belongs in a column, text format for text columns
 * (so a spreadsheet keeps `2024` or `1-2` as typed), and a sheet Uitleg in Dutch. With a DIN
 * it is filled with that DIN, its YAML comments as cell notes; `tocdin import` reads it back
 * to the same model.
 */
import ExcelJS from 'exceljs';
import { columnLetters, sheetReference } from '../diagnostics/cell.js';
import { LAYOUT, SHEET, WORKBOOK_SUBJECT, WORKBOOK_VERSION, type ChildSheet, type Column, type ElementSheet, type FieldSheet, type ListName } from '../read/din-layout.js';
import { pathKey } from '../read/din-workbook.js';
import type { Din } from '../validate/schemas.js';
import { styleHeader, workbookBytes } from './xlsx.js';

export interface ListItem {
  id: string;
  label: string;
}

export interface DinTemplateInput {
  /** The DIN to fill the workbook with; without it the workbook is empty. */
  din?: Din;
  /** The region of an empty workbook (regio filled in, title). */
  regio?: ListItem;
  /** Suggested id prefix of a new DIN, for the ambitie's id and the Uitleg. */
  prefix?: string;
  /** YAML comments by model path (src/read/din-comments.ts), shown as cell notes. */
  comments?: ReadonlyMap<string, string>;
  /** What the dropdowns offer: regions of the register, activities of the beleidsmodel, indicators. */
  lists: Record<ListName, readonly ListItem[]>;
}

/** Rows with dropdowns and input messages, below the header. */
export const TEMPLATE_ROWS = 1000;

const LIST_COLUMNS: Record<ListName, { col: number; header: string; label: string }> = {
  regios: { col: 1, header: 'regio', label: 'naam' },
  activiteiten: { col: 4, header: 'activiteit', label: 'omschrijving' },
  indicatoren: { col: 7, header: 'indicator', label: 'naam' },
};

type Value = string | number | undefined;

/** The cell for a model value of a column. */
function cellOf(col: Column, value: unknown): Value {
  if (value === undefined || value === null) return undefined;
  switch (col.kind) {
    case 'refs':
      return Array.isArray(value) ? (value.length ? value.join(', ') : col.explicitEmpty ? '[]' : undefined) : undefined;
    case 'moments':
      return Array.isArray(value) && value.length ? value.map(String).join('; ') : undefined;
    case 'bool':
      return value ? 'ja' : 'nee';
    case 'number':
    case 'int':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

function noteFor(cell: ExcelJS.Cell, text: string | undefined): void {
  if (text) cell.note = text;
}

/** The data validation of a column: a dropdown, a whole number, or only an input message. */
function validationOf(col: Column, lists: Record<ListName, readonly ListItem[]>): ExcelJS.DataValidation {
  const prompt = { showInputMessage: true, promptTitle: col.header.slice(0, 32), prompt: col.prompt.slice(0, 255) };
  if (col.values) {
    return { type: 'list', allowBlank: true, formulae: [`"${col.values.join(',')}"`], showErrorMessage: true, errorStyle: 'stop', errorTitle: col.header, error: `Kies uit: ${col.values.join(', ')}`.slice(0, 255), ...prompt };
  }
  if (col.kind === 'bool') return { type: 'list', allowBlank: true, formulae: ['"ja,nee"'], showErrorMessage: true, errorStyle: 'stop', errorTitle: col.header, error: 'Kies ja of nee.', ...prompt };
  if (col.dropdown && 'sheet' in col.dropdown) {
    const range = `${sheetReference(col.dropdown.sheet)}!$A$2:$A$${TEMPLATE_ROWS + 1}`;
    // A warning, not a stop: the element may be typed here before it exists on its own sheet.
    return { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning', errorTitle: col.header, error: `Dit id staat niet in het tabblad ${col.dropdown.sheet}. Toch gebruiken?`, ...prompt };
  }
  if (col.dropdown && 'list' in col.dropdown) {
    const l = LIST_COLUMNS[col.dropdown.list];
    const n = Math.max(lists[col.dropdown.list].length, 1);
    const letter = columnLetters(l.col);
    // A warning: a regional indicator made in this workbook is not in the list yet.
    return { type: 'list', allowBlank: true, formulae: [`${SHEET.lijsten}!$${letter}$2:$${letter}$${n + 1}`], showErrorMessage: true, errorStyle: 'warning', errorTitle: col.header, error: 'Dit id staat niet in de lijst (tabblad Lijsten). Toch gebruiken?', ...prompt };
  }
  if (col.kind === 'int') return { type: 'whole', operator: 'between', allowBlank: true, formulae: [1900, 2100], showErrorMessage: true, errorStyle: 'stop', errorTitle: col.header, error: 'Een jaartal, bijv. 2026.', ...prompt };
  if (col.kind === 'number') return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [-1e15, 1e15], showErrorMessage: true, errorStyle: 'stop', errorTitle: col.header, error: 'Een getal, in de eenheid van de indicator.', ...prompt };
  // Input message only: exceljs writes type 'any' as a validation without a type.
  return { type: 'any', allowBlank: true, ...prompt } as unknown as ExcelJS.DataValidation;
}

/** A sheet with the layout's header row, column widths, formats and validations. */
function tableSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], lists: Record<ListName, readonly ListItem[]>, rows: Value[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow(columns.map((c) => c.header));
  for (const r of rows) ws.addRow(r.map((v) => v ?? null));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    // Text format: a spreadsheet keeps `2024`, `1-2` or `00123` as typed instead of making a number or a date.
    if (c.kind === 'int') col.numFmt = '0';
    else if (c.kind !== 'number') col.numFmt = '@';
    if (c.width >= 40) col.alignment = { vertical: 'top', wrapText: true };
    const letter = columnLetters(i + 1);
    // One validation for the whole column range (exceljs has `add` for ranges; its types leave it out).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validationOf(c, lists));
  });
  styleHeader(ws, columns.length, TEMPLATE_ROWS + 1);
  return ws;
}

function uitleg(wb: ExcelJS.Workbook, input: DinTemplateInput): void {
  const ws = wb.addWorksheet(SHEET.uitleg);
  ws.columns = [{ width: 120 }];
  const naam = input.din ? (input.din.naam ?? input.din.regio) : input.regio?.label;
  const prefix = input.prefix ?? 'regio';
  const lines: [string, 'title' | 'head' | 'text'][] = [
    [`DIN-werkboek van tocdin${naam ? `: ${naam}` : ''}`, 'title'],
    ['Dit werkboek is een Doel-Inspanningen Netwerk (DIN) van één onderwijsregio. Vul het in en lees het in met', 'text'],
    ['    npx tocdin import <dit bestand>.xlsx', 'text'],
    ['tocdin schrijft dan models/regios/<regio>.yaml (een bestaand bestand alleen met --overschrijf) en controleert alles in één keer. Elke fout wijst naar de cel, bijv. werkboek.xlsx:Inspanningen!C12; er wordt niets geschreven zolang er fouten zijn. Daarna: npx tocdin validate.', 'text'],
    ['', 'text'],
    ['De vier niveaus', 'head'],
    ['Ambitie — het uiteindelijke (maatschappelijke) effect dat de partners willen; het antwoord op de opgave. Precies één.', 'text'],
    ['ER-doelen — richtinggevend, een beweging: beter, sterker, minder, sneller. Meestal 2 tot 5.', 'text'],
    ['Concrete doelen — de ER-doelen merkbaar en meetbaar gemaakt (soms SMART).', 'text'],
    ['Inspanningen — concrete activiteiten en initiatieven, ook van andere partijen (UWV, gemeente, werkcentrum …).', 'text'],
    ['Lijnen schrijf je onderaan, naar boven wijzend: een concreet doel draagt bij aan ER-doelen, een inspanning aan concrete doelen (tabblad Bijdragen).', 'text'],
    ['', 'text'],
    ['De tabbladen', 'head'],
    ['DIN — regio, naam, voorbeeld (ja/nee), toelichting en bron van het hele DIN: veldnaam in kolom A, waarde in kolom B.', 'text'],
    ['Ambitie, ER-doelen, Concrete doelen, Inspanningen — één rij per element; kolom id is verplicht.', 'text'],
    ['Bijdragen — één rij per lijn van een inspanning naar een concreet doel, met de verwachte sterkte (zwak, middel of sterk) als de bron die noemt.', 'text'],
    ['Schuifjes — hoogstens één rij per inspanning: samenwerking nu (blauw) en gewenst (groen) op de schaal niet-handelen, autonoom, kennis-delen, afstemmen, gezamenlijk, integreren; eventueel de schaal.', 'text'],
    ['Streefwaarden — alleen als de bron een doelcijfer noemt: concreet doel, indicator, waarde, jaar. Verzin nooit een streefwaarde.', 'text'],
    ['Indicatoren, Databronnen — alleen regionale; landelijke indicatoren staan in het tabblad Lijsten en hoef je niet te herhalen.', 'text'],
    ['Lijsten — de regio’s van het register, de activiteiten van het beleidsmodel en de indicatoren, met hun omschrijving: daaruit komen de keuzelijsten.', 'text'],
    ['', 'text'],
    ['Spelregels', 'head'],
    [`Een id bestaat uit kleine letters, cijfers en koppeltekens en is uniek in alle modellen samen: begin elk id met "${prefix}-".`, 'text'],
    ['Meer ids in één cel (draagt bij aan, indicatoren, databronnen, meet, beantwoordt): scheid ze met komma’s. Meetmomenten: scheid ze met puntkomma’s (bijv. 2025; 2025-2; per kwartaal).', 'text'],
    ['Kolommen met een vaste lijst (functie, status, sterkte, schuifjes, activiteit, regio) hebben een keuzelijst tot rij 1001. Een cel selecteren toont wat erin hoort.', 'text'],
    ['Laat leeg wat de bron niet zegt: tocdin meldt een ontbrekende indicator of bijdrage als lacune, en dat is de bedoeling.', 'text'],
    ['Een notitie bij een cel wordt commentaar in de YAML, bij het element van die rij.', 'text'],
    ['Kolommen mogen van plaats wisselen; hernoem of verwijder een kolomkop niet. Extra kolommen en tabbladen leest tocdin niet (het waarschuwt ervoor).', 'text'],
    ['', 'text'],
    [`Sjabloonversie ${WORKBOOK_VERSION}. Het bestand is gemaakt door tocdin met een vaste datum (1 januari 2000); slaat iemand het op, dan weet tocdin dat het bewerkt is en schrijft het er nooit overheen.`, 'text'],
  ];
  for (const [text, kind] of lines) {
    const row = ws.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (kind === 'title') row.font = { bold: true, size: 14 };
    if (kind === 'head') row.font = { bold: true };
  }
}

function lijsten(wb: ExcelJS.Workbook, lists: Record<ListName, readonly ListItem[]>): void {
  const ws = wb.addWorksheet(SHEET.lijsten);
  ws.columns = [{ width: 36 }, { width: 50 }, { width: 3 }, { width: 36 }, { width: 60 }, { width: 3 }, { width: 40 }, { width: 60 }];
  const header = ws.getRow(1);
  for (const l of Object.values(LIST_COLUMNS)) {
    header.getCell(l.col).value = l.header;
    header.getCell(l.col + 1).value = l.label;
  }
  for (const [name, l] of Object.entries(LIST_COLUMNS) as [ListName, (typeof LIST_COLUMNS)[ListName]][]) {
    lists[name].forEach((item, i) => {
      const row = ws.getRow(i + 2);
      row.getCell(l.col).value = item.id;
      row.getCell(l.col + 1).value = item.label;
    });
  }
  for (const c of [1, 4, 7]) ws.getColumn(c).numFmt = '@';
  styleHeader(ws, 8, 1 + Math.max(...Object.values(lists).map((l) => l.length), 1));
}

export async function dinWorkbook(input: DinTemplateInput): Promise<Uint8Array> {
  const { din, comments } = input;
  const note = (path: readonly (string | number)[]) => comments?.get(pathKey(path));
  const wb = new ExcelJS.Workbook();
  uitleg(wb, input);

  for (const layout of LAYOUT) {
    if (layout.kind === 'fields') fieldsSheet(wb, layout);
    else if (layout.kind === 'elements') elementsSheet(wb, layout);
    else childrenSheet(wb, layout);
  }
  lijsten(wb, input.lists);

  function fieldsSheet(wb2: ExcelJS.Workbook, layout: FieldSheet) {
    const ws = wb2.addWorksheet(layout.name);
    ws.columns = [{ width: 14 }, { width: 100 }];
    ws.addRow(['veld', 'waarde']);
    const values: Record<string, unknown> = din ? { ...din } : { regio: input.regio?.id, naam: input.regio ? `DIN ${input.regio.label}` : undefined, voorbeeld: false };
    for (const c of layout.columns) {
      const row = ws.addRow([c.header, cellOf(c, values[c.key]) ?? null]);
      const cell = row.getCell(2);
      cell.numFmt = '@';
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.dataValidation = validationOf(c, input.lists);
      noteFor(cell, note([c.key]));
    }
    noteFor(ws.getCell('A1'), note([]));
    styleHeader(ws, 2, layout.columns.length + 1, { filter: false });
  }

  function elementsSheet(wb2: ExcelJS.Workbook, layout: ElementSheet) {
    const raw = din?.[layout.section];
    const elements: Record<string, unknown>[] = layout.single
      ? raw
        ? [raw as unknown as Record<string, unknown>]
        : input.regio || input.prefix
          ? [{ id: `${input.prefix ?? input.regio!.id}-ambitie` }]
          : []
      : ((raw as unknown as Record<string, unknown>[] | undefined) ?? []);
    const ws = tableSheet(wb2, layout.name, layout.columns, input.lists, elements.map((e) => layout.columns.map((c) => cellOf(c, e[c.key]))));
    const idCol = layout.columns.findIndex((c) => c.key === 'id') + 1;
    if (!layout.single) noteFor(ws.getRow(1).getCell(idCol), note([layout.section]));
    elements.forEach((_, i) => noteFor(ws.getRow(i + 2).getCell(idCol), note(layout.single ? [layout.section] : [layout.section, i])));
  }

  function childrenSheet(wb2: ExcelJS.Workbook, layout: ChildSheet) {
    const parents = ((din?.[layout.parent] as unknown as Record<string, unknown>[] | undefined) ?? []);
    const rows: Value[][] = [];
    const notes: (string | undefined)[] = [];
    parents.forEach((p, i) => {
      const own = p[layout.key];
      const children = layout.single ? (own ? [own] : []) : ((own as unknown[] | undefined) ?? []);
      children.forEach((child, j) => {
        rows.push(layout.columns.map((c) => (c.kind === 'parent' ? String(p['id']) : cellOf(c, (child as Record<string, unknown>)[c.key]))));
        notes.push(note(layout.single ? [layout.parent, i, layout.key] : [layout.parent, i, layout.key, j]));
      });
    });
    const ws = tableSheet(wb2, layout.name, layout.columns, input.lists, rows);
    const parentCol = layout.columns.findIndex((c) => c.kind === 'parent') + 1;
    notes.forEach((n, r) => noteFor(ws.getRow(r + 2).getCell(parentCol), n));
  }

  const title = `DIN-werkboek${din ? `: ${din.naam ?? din.regio}` : input.regio ? `: ${input.regio.label}` : ''}`;
  return workbookBytes(wb, WORKBOOK_SUBJECT, title);
}
