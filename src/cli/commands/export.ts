import { extname, relative, resolve } from 'node:path';
import { regionIds } from '../../outputs.js';
import { CSV_SEPARATORS } from '../../render/csv.js';
import { defaultExportPath, exportTables, exportTemplate, TABLE_FORMATS } from '../../spreadsheets.js';
import { writeCsvFolder, writeWorkbookFile } from '../../write/spreadsheets.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_OK, loadForAnalysis, oneOf, pathsOrDefault, protectedInputs, requireId } from '../io.js';

export const exportCmd: Command = {
  name: 'export',
  aliases: ['exporteer'],
  args: '[PAD…]',
  summary: 'alle tabellen als XLSX-werkboek of CSV-bestanden; met --sjabloon een DIN-werkboek om in te vullen',
  details: [
    'Tabellen: dekking per onderzoeksvraag en deelvraag, gaten, de matrices deelvraag, functie en stap',
    '× regio, hefboompunten, DIN-gaten, schuifjes en indicatoren. xlsx: één werkboek, één tabblad per',
    'tabel (kop vast, filter, getallen als getallen, status in de kleuren van de diagrammen). csv: een',
    'map met één bestand per tabel, UTF-8 met BOM, standaard met ; (Nederlandse Excel).',
    '--sjabloon maakt een DIN-werkboek met keuzelijsten; met --regio ingevuld met het DIN van die regio',
    '(of leeg, met de regio al ingevuld). Lees het in met `tocdin import`.',
    'tocdin schrijft nooit over een bestand dat het niet zelf maakte of dat iemand daarna opsloeg.',
  ].join('\n'),
  options: {
    regio: { type: 'string', value: 'ID', help: 'de tabellen van één regio; met --sjabloon: het werkboek van die regio' },
    format: { type: 'string', value: 'xlsx|csv', help: 'xlsx (standaard): één werkboek; csv: een map met één bestand per tabel' },
    scheiding: { type: 'string', value: ';|,', help: 'scheidingsteken van de CSV (standaard ;, zoals Nederlandse Excel verwacht)' },
    sjabloon: { type: 'boolean', help: 'een DIN-werkboek om in te vullen en in te lezen met tocdin import' },
    out: { type: 'string', value: 'PAD', help: 'het werkboek, of bij csv de map (standaard tabellen[-regio].xlsx, tabellen[-regio]/, din-<regio>.xlsx)' },
  },
  async run(io, { values, positionals }) {
    const sjabloon = Boolean(values['sjabloon']);
    const format = oneOf(values['format'], TABLE_FORMATS, 'xlsx');
    if (sjabloon && values['format'] !== undefined) throw new UsageError('--sjabloon maakt altijd een .xlsx-werkboek; laat --format weg');
    if (values['scheiding'] !== undefined && format !== 'csv') throw new UsageError('--scheiding hoort bij --format csv');
    const separator = oneOf(values['scheiding'], CSV_SEPARATORS, ';', 'scheidingsteken');
    const region = values['regio'] as string | undefined;
    const kind = sjabloon ? 'sjabloon' : format;
    const out = resolve(io.cwd, (values['out'] as string | undefined) ?? defaultExportPath(kind, region));
    if (kind !== 'csv' && extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`een werkboek eindigt op .xlsx; \`${values['out']}\` niet`);

    const paths = pathsOrDefault(io, positionals);
    const { outcome, code } = loadForAnalysis(io, paths, 'text');
    if (code !== EXIT_OK) return code;
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    const inputs = protectedInputs(io, paths, outcome.files);
    const shown = relative(io.cwd, out) || '.';
    if (sjabloon) {
      const { workbook, din } = await exportTemplate(outcome, region);
      const written = await writeWorkbookFile(out, workbook, { inputs });
      const what = din ? `ingevuld met het DIN van ${region}` : region ? `leeg, voor regio ${region}` : 'leeg';
      io.out(`DIN-werkboek ${written === 'written' ? 'geschreven' : 'ongewijzigd'}: ${shown} (${what})\n`);
      io.out(`Vul het in (Excel of LibreOffice) en lees het in met \`npx tocdin import ${shown}\`.\n`);
      return EXIT_OK;
    }
    const result = await exportTables(outcome, { format, separator, ...(region ? { regio: region } : {}) });
    if (result.csv) {
      const report = writeCsvFolder(out, result.csv, { inputs });
      const removed = report.removed.length ? `, ${report.removed.length} verouderd verwijderd` : '';
      io.out(`tabellen geschreven: ${shown}/ (${result.csv.length} CSV-bestanden, ${report.written.length} gewijzigd${removed}; scheidingsteken ${separator})\n`);
      return EXIT_OK;
    }
    const written = await writeWorkbookFile(out, result.workbook!, { inputs });
    io.out(`tabellen ${written === 'written' ? 'geschreven' : 'ongewijzigd'}: ${shown} (${result.tables.length} tabbladen en een inhoudsblad)\n`);
    return EXIT_OK;
  },
};
