/**
 * Spreadsheets both ways, composed from the stages: the tables of an analysis as XLSX or
 * CSV (`tocdin export`), the DIN workbook template (`tocdin export --sjabloon`), and a filled
 * workbook back to a DIN in YAML (`tocdin import`).
 *
 * Import runs the workbook through the same checks as a YAML file: the schema (validate/
 * workbook.ts), then the resolver and the lint rules together with the other models, the
 * workbook standing in for the file it will become. Its locator answers with cells, so every
 * diagnostic, whichever stage makes it, points at `werkboek.xlsx:Blad!C12`. Only then is the
 * YAML made, and it is read back through the YAML reader and validator and must give the
 * same model, so what `import` writes is what `validate` accepts.
 */
import { isDeepStrictEqual } from 'node:util';
import { basename, relative, resolve } from 'node:path';
import { analyse } from './analyse/analyse.js';
import type { Analysis } from './analyse/schema.js';
import type { DiagnosticCode } from './diagnostics/codes.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { buildGraph } from './graph/build.js';
import { readBounded } from './io/bounded-read.js';
import { lint } from './lint/rules.js';
import type { CheckedWorkspace } from './outputs.js';
import { loadWorkspace } from './pipeline.js';
import { dinComments } from './read/din-comments.js';
import { dinFromWorkbook, isDinWorkbook } from './read/din-workbook.js';
import { readModelText } from './read/read.js';
import { MAX_WORKBOOK_BYTES, readWorkbook } from './read/xlsx.js';
import { resolveWorkspace, filesOfKind } from './resolve/resolve.js';
import { tableCsv, type CsvSeparator } from './render/csv.js';
import { dinWorkbook, type ListItem } from './render/din-workbook.js';
import { analysisTables, type Table } from './render/tables.js';
import { tablesWorkbook } from './render/xlsx.js';
import { DinSchema, type Din } from './validate/schemas.js';
import { validateFile } from './validate/validate.js';
import { PLACEHOLDER, validateWorkbookDin } from './validate/workbook.js';
import { dinYaml, schemaRefFor } from './write/din-yaml.js';
import { prefixFor } from './write/init-regio.js';

// ---------------------------------------------------------------- export: tables

export type TableFormat = 'xlsx' | 'csv';
export const TABLE_FORMATS: readonly TableFormat[] = ['xlsx', 'csv'];

export interface TablesExport {
  tables: Table[];
  /** The workbook (xlsx) … */
  workbook?: Uint8Array;
  /** … or one CSV per table. */
  csv?: { name: string; content: string }[];
}

/** The analysis of the nation, or of one region. */
export function analysisFor(checked: CheckedWorkspace, region?: string): Analysis {
  return analyse(checked.built, { diagnostics: checked.diagnostics, ...(region ? { regio: region } : {}) });
}

export async function exportTables(checked: CheckedWorkspace, opts: { format: TableFormat; regio?: string; separator?: CsvSeparator }): Promise<TablesExport> {
  const analysis = analysisFor(checked, opts.regio);
  const tables = analysisTables(analysis);
  if (opts.format === 'csv') return { tables, csv: tables.map((t) => ({ name: `${t.file}.csv`, content: tableCsv(t, opts.separator ?? ';') })) };
  const regionName = opts.regio ? (checked.workspace.elements.get(opts.regio)?.label ?? opts.regio) : undefined;
  return { tables, workbook: await tablesWorkbook(tables, `tocdin — tabellen ${regionName ? `van ${regionName}` : 'landelijk'}`) };
}

// ---------------------------------------------------------------- export: DIN template

const items = (checked: CheckedWorkspace, type: string, keep: (region: string | undefined) => boolean = () => true): ListItem[] =>
  [...checked.workspace.elements.values()].filter((e) => e.type === type && keep(e.regio)).map((e) => ({ id: e.id, label: e.label }));

export interface TemplateExport {
  workbook: Uint8Array;
  /** The region's DIN the workbook was filled with, if it has one. */
  din?: Din;
}

export async function exportTemplate(checked: CheckedWorkspace, regionId?: string): Promise<TemplateExport> {
  const file = regionId ? filesOfKind(checked.workspace, 'din').find((f) => f.model.regio === regionId) : undefined;
  const region = regionId ? checked.workspace.elements.get(regionId) : undefined;
  const lists = {
    regios: items(checked, 'regio'),
    activiteiten: items(checked, 'activiteit'),
    // National indicators first, then this region's own; other regions' indicators are theirs.
    indicatoren: [...items(checked, 'indicator', (r) => r === undefined), ...(regionId ? items(checked, 'indicator', (r) => r === regionId) : [])],
  };
  const workbook = await dinWorkbook({
    lists,
    ...(file ? { din: file.model, comments: dinComments(file.doc) } : {}),
    ...(region && !file ? { regio: { id: region.id, label: region.label }, prefix: prefixFor(region.id, checked.workspace.elements.keys()) } : {}),
  });
  return { workbook, ...(file ? { din: file.model } : {}) };
}

// ---------------------------------------------------------------- import

export interface ImportRequest {
  /** The workbook's path (absolute or relative to cwd). */
  path: string;
  cwd: string;
  /** The model paths to check against (the defaults of `validate`). */
  modelPaths: readonly string[];
  /** Where the DIN goes; by default the region's existing DIN file or models/regios/<regio>.yaml. */
  out?: string;
}

export interface ImportOutcome {
  /** The workbook as it is named in diagnostics (its file name). */
  display: string;
  /** Problems that stop before any check (exit 2): an unreadable or foreign file, unreadable models. */
  usageProblems: Diagnostic[];
  /** Everything found in the workbook, located at cells. */
  diagnostics: Diagnostic[];
  /** Where the DIN would go. */
  outPath?: string;
  /** Why the DIN may not go there (exit 2): the file is another model (the beleidsmodel, another region's DIN). */
  refused?: string;
  /** The YAML, only when there are no errors. */
  yaml?: string;
  model?: Din;
  /** Counts for the summary line. */
  counts?: { er_doelen: number; concrete_doelen: number; inspanningen: number; bijdragen: number; schuifjes: number; streefwaarden: number; indicatoren: number; databronnen: number };
}

/** A hint of the resolver without the placeholder ids that stood in for faulty cells. */
function withoutPlaceholders(d: Diagnostic): Diagnostic {
  if (!d.hint?.includes(PLACEHOLDER)) return d;
  const hint = d.hint
    .replace(new RegExp(`bedoel je \`${PLACEHOLDER}\\d+\`\\?`), '')
    .replace(new RegExp(`${PLACEHOLDER}\\d+(, )?`, 'g'), '')
    .trim()
    .replace(/,$/, '');
  const { hint: _, ...rest } = d;
  return hint && !/^bekende ids:\s*(…)?$/.test(hint) ? { ...rest, hint } : rest;
}

/** Sorts after every path, so the resolver meets the workbook last and a duplicate id is reported at its cell, not at the model's. */
const LAST = '\uffff';

const usage = (display: string, code: DiagnosticCode, message: string, hint?: string): Diagnostic => ({ file: display, line: 1, column: 1, severity: 'error', code, message, ...(hint ? { hint } : {}) });

export async function importWorkbook(req: ImportRequest): Promise<ImportOutcome> {
  const abs = resolve(req.cwd, req.path);
  const display = basename(abs);
  const outcome: ImportOutcome = { display, usageProblems: [], diagnostics: [] };

  const read = readBounded(abs, MAX_WORKBOOK_BYTES);
  if (read.kind !== 'ok') {
    const problem =
      read.kind === 'error' && read.error.code === 'ENOENT'
        ? usage(req.path, 'pad-onbekend', `\`${req.path}\` bestaat niet`, 'controleer de naam van het werkboek')
        : read.kind === 'notRegular'
          ? usage(req.path, 'pad-onleesbaar', `\`${req.path}\` is ${read.what}, geen werkboek`)
          : read.kind === 'tooLarge'
            ? usage(req.path, 'werkboek-onleesbaar', `\`${req.path}\` is ${Math.round(read.size / 1024 / 1024)} MB; een DIN-werkboek is veel kleiner (grens ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB)`)
            : usage(req.path, 'pad-onleesbaar', `\`${req.path}\` kan niet gelezen worden: ${read.error.message}`);
    outcome.usageProblems.push(problem);
    return outcome;
  }
  const book = await readWorkbook(read.bytes);
  if (book.problem) {
    outcome.usageProblems.push(usage(display, book.problem.code, book.problem.message, book.problem.hint));
    return outcome;
  }
  if (!isDinWorkbook(book.book)) {
    const names = book.book.sheets.map((s) => s.name);
    outcome.usageProblems.push(
      usage(display, 'werkboek-onbekend', `dit is geen DIN-werkboek van tocdin: de tabbladen DIN en Inspanningen ontbreken (het heeft ${names.length ? names.map((n) => `\`${n}\``).join(', ') : 'geen tabbladen'})`, 'begin met `npx tocdin export --sjabloon --regio <regio-id>` en vul dat werkboek in'),
    );
    return outcome;
  }

  const wd = dinFromWorkbook(book.book, display);
  const base = loadWorkspace(req.modelPaths, req.cwd);
  if (base.usageProblems.length) {
    outcome.usageProblems.push(...base.usageProblems);
    return outcome;
  }
  const regionId = typeof wd.data['regio'] === 'string' ? (wd.data['regio'] as string) : undefined;
  const existing = regionId ? filesOfKind(base.workspace, 'din').find((f) => f.model.regio === regionId) : undefined;
  const outPath = req.out !== undefined ? resolve(req.cwd, req.out) : existing ? resolve(req.cwd, existing.source.path) : regionId ? resolve(req.cwd, 'models', 'regios', `${regionId}.yaml`) : undefined;
  if (outPath) outcome.outPath = outPath;
  const atOut = outPath ? base.workspace.files.find((f) => resolve(req.cwd, f.source.path) === outPath) : undefined;
  if (atOut && (atOut.kind !== 'din' || atOut.model.regio !== regionId)) {
    const what = atOut.kind === 'din' ? `het DIN van regio \`${atOut.model.regio}\`` : `een model van soort ${atOut.kind}`;
    outcome.refused = `${relative(req.cwd, outPath!)} is ${what}; het DIN van ${regionId ? `regio \`${regionId}\`` : 'dit werkboek'} komt daar niet`;
    return outcome;
  }

  const checked = validateWorkbookDin(wd, display, `${LAST}${display}`);
  const diagnostics = [...wd.diagnostics, ...checked.diagnostics];
  // With a sheet unread, references into it cannot be judged: the column error comes first.
  const candidate = wd.unreadSheets.length ? undefined : (checked.file ?? checked.partial);
  if (candidate) {
    // The file the DIN replaces is left out; every other model is checked with it.
    const others = base.workspace.files.filter((f) => !outPath || resolve(req.cwd, f.source.path) !== outPath);
    const { workspace, diagnostics: resolveDiags } = resolveWorkspace([...others, candidate]);
    const mine = (d: Diagnostic) => d.file.startsWith(`${display}:`) || d.file === display || (d.related ?? []).some((r) => r.file.startsWith(`${display}:`));
    // With a schema error, only what the resolver finds at other cells: a cell with an error already says what is wrong there.
    const faulty = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    for (const found of resolveDiags.filter(mine)) {
      if (!checked.file && faulty.has(found.file)) continue;
      const d = checked.file ? found : withoutPlaceholders(found);
      // As in the pipeline: a reference into a model file with errors may not really dangle.
      diagnostics.push(base.failedFiles.length > 0 && d.code === 'verwijzing-onbekend' ? { ...d, severity: 'warning', hint: `${d.hint ?? ''}${d.hint ? '; ' : ''}het id staat mogelijk in een bestand met fouten (${base.failedFiles[0]})` } : d);
    }
    // The lint rules judge a whole network: only for a DIN without errors.
    if (checked.file && !hasErrors(diagnostics)) diagnostics.push(...lint(buildGraph(workspace)).filter(mine));
  }
  outcome.diagnostics = sortDiagnostics(diagnostics);
  if (hasErrors(outcome.diagnostics) || !checked.file || !outPath) return outcome;

  const model = checked.file.model;
  const yaml = dinYaml(wd.data, { schemaRef: schemaRefFor(outPath, resolve(req.cwd, 'schemas', 'din.schema.json')), comments: wd.comments });
  // What is written must read back as the same model, through the YAML reader and validator.
  const back = readModelText(relative(req.cwd, outPath), yaml);
  const again = back.file && !hasErrors(back.diagnostics) ? validateFile(back.file) : undefined;
  const reread = again?.file?.kind === 'din' ? again.file.model : undefined;
  if (!reread || !isDeepStrictEqual(DinSchema.parse(reread), model)) {
    throw new Error(`de YAML van ${display} leest niet terug als hetzelfde DIN (${[...back.diagnostics, ...(again?.diagnostics ?? [])].map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('; ') || 'ander model'})`);
  }
  outcome.yaml = yaml;
  outcome.model = model;
  outcome.counts = {
    er_doelen: model.er_doelen.length,
    concrete_doelen: model.concrete_doelen.length,
    inspanningen: model.inspanningen.length,
    bijdragen: model.inspanningen.reduce((n, s) => n + s.draagt_bij_aan.length, 0),
    schuifjes: model.inspanningen.filter((s) => s.schuifjes).length,
    streefwaarden: model.concrete_doelen.reduce((n, c) => n + c.streefwaarden.length, 0),
    indicatoren: model.indicatoren.length,
    databronnen: model.databronnen.length,
  };
  return outcome;
}

/** Default file names of the exports, relative to the working directory. */
export function defaultExportPath(kind: 'xlsx' | 'csv' | 'sjabloon', regio?: string): string {
  if (kind === 'sjabloon') return regio ? `din-${regio}.xlsx` : 'din-sjabloon.xlsx';
  if (kind === 'csv') return regio ? `tabellen-${regio}` : 'tabellen';
  return regio ? `tabellen-${regio}.xlsx` : 'tabellen.xlsx';
}

