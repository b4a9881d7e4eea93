/**
 * The DIN workbook: which sheet holds which part of a DIN, and which column which field.
 * ONE description, read by the template writer (src/render/din-workbook.ts) and by the
 * importer (din-workbook.ts here), so what `export --sjabloon` writes is by construction
 * what `import` reads. Column headers are the YAML keys with spaces for underscores, so a
 * user who knows one knows the other.
 *
 * Columns are found by their header, not their place: moving a column is harmless, a
 * missing required column is reported at the header row.
 */
import { COOPERATION_LEVELS, EFFORT_STATUSES, FUNCTIONS, SCALES, STRENGTHS } from '../vocabulary/vocabulary.js';

/** Written into the workbook's properties (subject) so a person can tell what the file is. */
export const WORKBOOK_SUBJECT = 'tocdin DIN-werkboek';
export const WORKBOOK_VERSION = 1;

/** Lists in the sheet Lijsten that dropdowns refer to. */
export type ListName = 'regios' | 'activiteiten' | 'indicatoren';

/**
 * How a cell is read:
 * - `text` one text; `id` a text that is an id; `ref` one id of another element;
 * - `refs` ids separated by commas, semicolons or line breaks (`[]` = an explicitly empty list);
 * - `moments` meetmomenten separated by semicolons or line breaks; whole numbers become years;
 * - `enum` one word from `values`; `number`, `int` a number; `bool` ja or nee;
 * - `parent` (child sheets only) the id of the element the row belongs to.
 */
export type ColumnKind = 'text' | 'id' | 'ref' | 'refs' | 'moments' | 'enum' | 'number' | 'int' | 'bool' | 'parent';

export interface Column {
  /** The YAML key (for `parent`: the sheet's link column, not a YAML key). */
  key: string;
  header: string;
  kind: ColumnKind;
  required?: boolean;
  values?: readonly string[];
  /** An empty list is written `[]`: an empty cell means something else (the default). */
  explicitEmpty?: boolean;
  /** A dropdown from another sheet's id column or from a list in Lijsten. */
  dropdown?: { sheet: string } | { list: ListName };
  width: number;
  /** The input message shown when the cell is selected (Excel allows 255 characters). */
  prompt: string;
}

/** A sheet of elements: one row per element of a list (or the one ambitie). */
export interface ElementSheet {
  kind: 'elements';
  name: string;
  /** The DIN key the rows become. */
  section: 'ambitie' | 'er_doelen' | 'concrete_doelen' | 'inspanningen' | 'indicatoren' | 'databronnen';
  /** `ambitie` is one object, the rest lists. */
  single?: boolean;
  columns: readonly Column[];
}

/** A sheet whose rows belong to an element of another sheet (its first column names it). */
export interface ChildSheet {
  kind: 'children';
  name: string;
  parent: 'inspanningen' | 'concrete_doelen';
  /** The key under the parent: a list (`draagt_bij_aan`, `streefwaarden`) or one object (`schuifjes`). */
  key: 'draagt_bij_aan' | 'streefwaarden' | 'schuifjes';
  single?: boolean;
  columns: readonly Column[];
}

/** The DIN’s own fields, one per row: field name in column A, value in column B. */
export interface FieldSheet {
  kind: 'fields';
  name: string;
  columns: readonly Column[];
}

export type LayoutSheet = ElementSheet | ChildSheet | FieldSheet;

const TEXT = 60;
const ID = 36;
const toelichting: Column = { key: 'toelichting', header: 'toelichting', kind: 'text', width: TEXT, prompt: 'Vrije toelichting (optioneel).' };
const bron: Column = { key: 'bron', header: 'bron', kind: 'text', width: 40, prompt: 'Bron: document, paragraaf of pagina, of case (optioneel, maar gewenst).' };
const id = (what: string): Column => ({ key: 'id', header: 'id', kind: 'id', required: true, width: ID, prompt: `Id van ${what}: kleine letters, cijfers en koppeltekens, uniek in alle modellen (begin met het voorvoegsel van de regio).` });

export const SHEET = {
  din: 'DIN',
  ambitie: 'Ambitie',
  erDoelen: 'ER-doelen',
  concreteDoelen: 'Concrete doelen',
  inspanningen: 'Inspanningen',
  bijdragen: 'Bijdragen',
  schuifjes: 'Schuifjes',
  streefwaarden: 'Streefwaarden',
  indicatoren: 'Indicatoren',
  databronnen: 'Databronnen',
  lijsten: 'Lijsten',
  uitleg: 'Uitleg',
} as const;

export const LAYOUT: readonly LayoutSheet[] = [
  {
    kind: 'fields',
    name: SHEET.din,
    columns: [
      { key: 'regio', header: 'regio', kind: 'ref', required: true, dropdown: { list: 'regios' }, width: ID, prompt: 'Id van de regio uit het regioregister (kies uit de lijst).' },
      { key: 'naam', header: 'naam', kind: 'text', width: TEXT, prompt: 'Titel van dit DIN (optioneel).' },
      { key: 'voorbeeld', header: 'voorbeeld', kind: 'bool', width: 10, prompt: 'ja als dit DIN een voorbeeld is uit openbare teksten, nee als het het plan van de regio zelf is.' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'elements',
    name: SHEET.ambitie,
    section: 'ambitie',
    single: true,
    columns: [id('de ambitie'), { key: 'tekst', header: 'tekst', kind: 'text', required: true, width: TEXT, prompt: 'De ambitie: het uiteindelijke (maatschappelijke) effect dat de partners willen. Precies één.' }, toelichting, bron],
  },
  {
    kind: 'elements',
    name: SHEET.erDoelen,
    section: 'er_doelen',
    columns: [
      id('het ER-doel'),
      { key: 'tekst', header: 'tekst', kind: 'text', required: true, width: TEXT, prompt: 'Richtinggevend doel, vaak een vergrotende trap: beter, sterker, minder, sneller.' },
      { key: 'draagt_bij_aan', header: 'draagt bij aan', kind: 'refs', explicitEmpty: true, width: ID, prompt: 'Leeg: draagt bij aan de ambitie. Anders ids, gescheiden door komma’s. [] = aan niets.' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'elements',
    name: SHEET.concreteDoelen,
    section: 'concrete_doelen',
    columns: [
      id('het concrete doel'),
      { key: 'tekst', header: 'tekst', kind: 'text', required: true, width: TEXT, prompt: 'Merkbaar en meetbaar doel.' },
      { key: 'draagt_bij_aan', header: 'draagt bij aan', kind: 'refs', width: ID, prompt: 'Ids van ER-doelen (tabblad ER-doelen), gescheiden door komma’s.' },
      { key: 'indicatoren', header: 'indicatoren', kind: 'refs', width: ID, prompt: 'Ids van indicatoren (landelijk: tabblad Lijsten; regionaal: tabblad Indicatoren), gescheiden door komma’s.' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'elements',
    name: SHEET.inspanningen,
    section: 'inspanningen',
    columns: [
      id('de inspanning'),
      { key: 'tekst', header: 'tekst', kind: 'text', required: true, width: TEXT, prompt: 'De activiteit of het initiatief, ook van andere partijen.' },
      { key: 'functie', header: 'functie', kind: 'enum', required: true, values: FUNCTIONS, width: 20, prompt: 'Kernfunctie (kies uit de lijst).' },
      { key: 'thema', header: 'thema', kind: 'text', width: 24, prompt: 'Thema, bijv. uit Tabel 1 van seed 002 of een publicatiethema (optioneel).' },
      { key: 'activiteit', header: 'activiteit', kind: 'ref', dropdown: { list: 'activiteiten' }, width: ID, prompt: 'Activiteit van het beleidsmodel waarvan dit een uitwerking is (kies uit de lijst; optioneel).' },
      { key: 'uitvoerder', header: 'uitvoerder', kind: 'text', width: 20, prompt: 'regio, of de naam van de partij die het doet (bijv. UWV, gemeente).' },
      { key: 'status', header: 'status', kind: 'enum', values: EFFORT_STATUSES, width: 12, prompt: 'Stand van de inspanning (kies uit de lijst).' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'children',
    name: SHEET.bijdragen,
    parent: 'inspanningen',
    key: 'draagt_bij_aan',
    columns: [
      { key: 'inspanning', header: 'inspanning', kind: 'parent', required: true, dropdown: { sheet: SHEET.inspanningen }, width: ID, prompt: 'Id van de inspanning (tabblad Inspanningen).' },
      { key: 'doel', header: 'concreet doel', kind: 'ref', required: true, dropdown: { sheet: SHEET.concreteDoelen }, width: ID, prompt: 'Id van het concrete doel waaraan de inspanning bijdraagt (tabblad Concrete doelen).' },
      { key: 'sterkte', header: 'sterkte', kind: 'enum', values: STRENGTHS, width: 10, prompt: 'Verwachte sterkte van de bijdrage: zwak, middel of sterk (kies uit de lijst); alleen als de bron haar noemt.' },
      toelichting,
    ],
  },
  {
    kind: 'children',
    name: SHEET.schuifjes,
    parent: 'inspanningen',
    key: 'schuifjes',
    single: true,
    columns: [
      { key: 'inspanning', header: 'inspanning', kind: 'parent', required: true, dropdown: { sheet: SHEET.inspanningen }, width: ID, prompt: 'Id van de inspanning (tabblad Inspanningen); één rij per inspanning.' },
      { key: 'nu', header: 'nu', kind: 'enum', required: true, values: COOPERATION_LEVELS, width: 16, prompt: 'Huidige mate van samenwerking (blauw schuifje).' },
      { key: 'gewenst', header: 'gewenst', kind: 'enum', required: true, values: COOPERATION_LEVELS, width: 16, prompt: 'Gewenste mate van samenwerking (groen schuifje).' },
      { key: 'schaal', header: 'schaal', kind: 'enum', values: SCALES, width: 14, prompt: 'Schaalniveau (optioneel).' },
    ],
  },
  {
    kind: 'children',
    name: SHEET.streefwaarden,
    parent: 'concrete_doelen',
    key: 'streefwaarden',
    columns: [
      { key: 'concreet_doel', header: 'concreet doel', kind: 'parent', required: true, dropdown: { sheet: SHEET.concreteDoelen }, width: ID, prompt: 'Id van het concrete doel (tabblad Concrete doelen).' },
      { key: 'indicator', header: 'indicator', kind: 'ref', required: true, dropdown: { list: 'indicatoren' }, width: ID, prompt: 'Id van de indicator (landelijk of regionaal).' },
      { key: 'waarde', header: 'waarde', kind: 'number', required: true, width: 10, prompt: 'Streefwaarde in de eenheid van de indicator. Alleen als de bron haar noemt.' },
      { key: 'jaar', header: 'jaar', kind: 'int', width: 8, prompt: 'Jaar waarin de streefwaarde gehaald moet zijn (optioneel).' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'elements',
    name: SHEET.indicatoren,
    section: 'indicatoren',
    columns: [
      id('de regionale indicator'),
      { key: 'naam', header: 'naam', kind: 'text', required: true, width: 40, prompt: 'Naam van de indicator.' },
      { key: 'definitie', header: 'definitie', kind: 'text', required: true, width: TEXT, prompt: 'Wat je deelt door wat, bijv. tekort in fte / totale werkgelegenheid in fte.' },
      { key: 'eenheid', header: 'eenheid', kind: 'text', required: true, width: 14, prompt: 'procent, fte, aantal, weken …' },
      { key: 'databronnen', header: 'databronnen', kind: 'refs', width: ID, prompt: 'Ids van databronnen (tabblad Databronnen of landelijk), gescheiden door komma’s.' },
      { key: 'meetmomenten', header: 'meetmomenten', kind: 'moments', width: 20, prompt: 'Bijv. 2025; 2025-2; per kwartaal — gescheiden door puntkomma’s.' },
      { key: 'meet', header: 'meet', kind: 'refs', width: ID, prompt: 'Ids van de elementen (concrete doelen) die deze indicator meet, gescheiden door komma’s.' },
      { key: 'beantwoordt', header: 'beantwoordt', kind: 'refs', width: ID, prompt: 'Ids van deelvragen uit de onderzoeksvragen (optioneel), gescheiden door komma’s.' },
      toelichting,
      bron,
    ],
  },
  {
    kind: 'elements',
    name: SHEET.databronnen,
    section: 'databronnen',
    columns: [
      id('de regionale databron'),
      { key: 'naam', header: 'naam', kind: 'text', required: true, width: 40, prompt: 'Naam van de databron.' },
      { key: 'beheerder', header: 'beheerder', kind: 'text', width: 24, prompt: 'Organisatie die de bron beheert (optioneel).' },
      toelichting,
      bron,
    ],
  },
];

/** The sheets tocdin writes but does not read back. */
export const INFO_SHEETS: readonly string[] = [SHEET.uitleg, SHEET.lijsten];

/** The sheets that make a workbook one of ours. */
export const REQUIRED_SHEETS: readonly string[] = [SHEET.din, SHEET.inspanningen];

/** Header text compared the forgiving way: case, spaces and underscores do not matter. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

/** Words for ja/nee cells. */
export const YES = ['ja', 'j', 'waar', 'true', 'yes'] as const;
export const NO = ['nee', 'n', 'onwaar', 'false', 'no'] as const;

/** The DIN keys in the order the schema and the bundled files write them. */
export const DIN_KEY_ORDER = ['soort', 'regio', 'naam', 'voorbeeld', 'toelichting', 'bron', 'ambitie', 'er_doelen', 'concrete_doelen', 'inspanningen', 'databronnen', 'indicatoren'] as const;
