/**
 * The DIN read from a workbook, checked against the same zod schema as a DIN in YAML. Every
 * issue becomes a diagnostic with the same code as for YAML (veld-ontbreekt, type-ongeldig,
 * waarde-ongeldig, id-ongeldig, …), located at the cell, with a hint in spreadsheet terms
 * (fill in the cell, a number where text belongs, choose from the list) instead of YAML
 * terms (quotes, keys). The valid DIN becomes a validated file whose locator answers with
 * cells, so the reference check and the lint rules downstream point at cells too.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { CellLocator, type CellRef, type WorkbookDin } from '../read/din-workbook.js';

import { DinSchema, SLUG_PATTERN } from './schemas.js';
import { slugify, type ValidatedFile } from './validate.js';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

const EXPECTED: Record<string, string> = { string: 'tekst', number: 'een getal', int: 'een heel getal', boolean: 'ja of nee', array: 'een lijst', object: 'een groep velden' };

/** What a cell holds, in words: `het getal 2024`, `de datum 2024-05-01`, `tekst`. */
function described(value: unknown, text: string): string {
  if (value instanceof Date) return `de datum ${text}`;
  if (typeof value === 'number') return `het getal ${text}`;
  if (typeof value === 'boolean') return `de waarde ${value ? 'WAAR' : 'ONWAAR'}`;
  if (typeof value === 'string') return `tekst (\`${text.slice(0, 60)}\`)`;
  return 'iets anders';
}

/** The hint for a cell the spreadsheet typed differently from what the field needs. */
function typeHint(expected: string, value: unknown): string | undefined {
  if (expected === 'string' && value instanceof Date) return 'het rekenblad maakte er een datum van: geef de cel de notatie Tekst en typ de waarde opnieuw';
  if (expected === 'string') return 'het rekenblad las het als getal: typ een apostrof ervoor (\'2024) of geef de kolom de notatie Tekst';
  if ((expected === 'number' || expected === 'int') && typeof value === 'string') return 'typ alleen het getal, zonder eenheid; staat er een groen driehoekje, kies dan "Converteren naar getal"';
  if (expected === 'boolean') return 'kies ja of nee';
  return undefined;
}

function issueToDiagnostic(issue: z.core.$ZodIssue, data: unknown, locator: CellLocator): Diagnostic[] {
  const path = issue.path as PropertyKey[];
  const cell: CellRef | undefined = locator.cellOf(path);
  const loc = locator.locate(path);
  const field = cell?.header ?? String(path.filter((p) => typeof p === 'string').at(-1) ?? 'dit veld').replace(/_/g, ' ');
  const where = `\`${field}\``;
  const make = (code: DiagnosticCode, message: string, hint?: string): Diagnostic => ({ file: loc.file, line: loc.line, column: loc.column, severity: 'error', code, message, ...(hint ? { hint } : {}) });
  const value = valueAt(data, path);
  const text = cell?.text ?? '';

  if (value !== null && typeof value === 'object' && 'error' in value && !(value instanceof Date)) {
    return [make('waarde-ongeldig', `de cel bevat de foutwaarde \`${String((value as { error: unknown }).error)}\`, geen waarde voor ${where}`, 'herstel de formule of typ de waarde zelf in')];
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'number' && path.at(-1) === 'jaar' ? 'int' : issue.expected;
      if (value === undefined) {
        if (path.length === 1 && path[0] === 'ambitie') return [make('veld-ontbreekt', 'de ambitie ontbreekt', 'vul in het tabblad Ambitie in rij 2 een id en een tekst in')];
        return [make('veld-ontbreekt', `verplicht veld ${where} ontbreekt`, `vul de cel in (verwacht ${EXPECTED[expected] ?? expected})`)];
      }
      return [make('type-ongeldig', `${described(value, text)} staat waar ${where} ${EXPECTED[expected] ?? expected} moet zijn`, typeHint(expected, value))];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (value === undefined) return [make('veld-ontbreekt', `verplicht veld ${where} ontbreekt`, `kies uit: ${options.join(', ')}`)];
      const hint = (typeof value === 'string' ? didYouMean(value, options) : undefined) ?? `kies uit: ${options.join(', ')}`;
      return [make('waarde-ongeldig', `\`${text || String(value)}\` is geen geldige waarde voor ${where}`, hint)];
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && typeof value === 'string' && (issue as { pattern?: string }).pattern === String(SLUG_PATTERN)) {
        const slug = slugify(value);
        // A list cell holds several ids: quote the one that is wrong, not the whole cell.
        return [make('id-ongeldig', `\`${value}\` is geen geldig id: ${issue.message}`, slug ? `bijvoorbeeld \`${slug}\`` : undefined)];
      }
      return [make('waarde-ongeldig', `\`${text}\` in ${where}: ${issue.message}`)];
    }
    case 'too_small': {
      if (issue.origin === 'string') return [make('veld-ontbreekt', `verplicht veld ${where} ontbreekt`, 'vul de cel in')];
      const what = issue.origin === 'array' ? `${where} moet minstens ${issue.minimum} waarde(n) bevatten` : Number(issue.minimum) === 0 ? `${where} mag niet negatief zijn` : `${where} moet minstens ${issue.minimum} zijn`;
      return [make('waarde-te-klein', what + (text ? ` (staat er: \`${text}\`)` : ''))];
    }
    case 'invalid_union':
      return [make('type-ongeldig', `${described(value, text)} staat waar ${where} tekst of een jaartal moet zijn`, 'bijv. 2025, 2025-2 of per kwartaal')];
    case 'unrecognized_keys':
      // The workbook reader only makes known keys; this would be a bug in the layout.
      return issue.keys.map((k) => make('sleutel-onbekend', `onbekend veld \`${k}\``));
    default:
      return [make('waarde-ongeldig', `${where}${text ? ` (\`${text.slice(0, 60)}\`)` : ''}: ${issue.message}`)];
  }
}

export interface WorkbookValidation {
  file?: ValidatedFile<'din'>;
  /**
   * When the schema check failed: the same DIN with every faulty value left out or replaced
   * by a placeholder, so the references can still be checked in the same run (a YAML file
   * with a schema error waits for the next run; a workbook should not need five rounds).
   * Only for the resolver: its findings at cells that already have an error are noise.
   */
  partial?: ValidatedFile<'din'>;
  diagnostics: Diagnostic[];
}

/** A placeholder that passes the schema: a valid id that nothing refers to (never shown: see PLACEHOLDER). */
export const PLACEHOLDER = 'tocdin-onleesbaar-';
const placeholder = (n: number) => `${PLACEHOLDER}${n}`;

function setAt(data: unknown, path: readonly PropertyKey[], value: unknown): void {
  const parent = valueAt(data, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return;
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<PropertyKey, unknown>)[key as string];
  } else {
    (parent as Record<PropertyKey, unknown>)[key as string] = value;
  }
}

/** Leaves out (or, when required, replaces) every faulty value until the DIN passes the schema. */
function patched(data: unknown): z.output<typeof DinSchema> | undefined {
  const copy = structuredClone(data) as Record<string, unknown>;
  let n = 0;
  for (let round = 0; round < 20; round++) {
    const parsed = DinSchema.safeParse(copy);
    if (parsed.success) return parsed.data;
    // Deepest paths first, and list items from the back, so removing one never moves another.
    const issues = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length || String(b.path.at(-1)).localeCompare(String(a.path.at(-1)), 'en', { numeric: true }));
    for (const issue of issues) {
      const path = issue.path as PropertyKey[];
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) setAt(copy, [...path, k], undefined);
        continue;
      }
      const value = valueAt(copy, path);
      // An id that is not a slug stands for the slug it suggests, so what refers to either is judged sensibly.
      if (issue.code === 'invalid_format' && typeof value === 'string' && slugify(value) && SLUG_PATTERN.test(slugify(value))) {
        setAt(copy, path, slugify(value));
        continue;
      }
      if (value !== undefined && !(issue.code === 'invalid_type' && value === null)) {
        setAt(copy, path, undefined);
        continue;
      }
      // Missing and required: something that passes.
      const fill =
        issue.code === 'invalid_value' ? issue.values[0] : issue.code === 'invalid_type' && issue.expected === 'object' ? { id: placeholder(++n), tekst: '?' } : issue.code === 'invalid_type' && issue.expected === 'number' ? 0 : issue.code === 'invalid_type' && issue.expected === 'array' ? [] : placeholder(++n);
      setAt(copy, path, fill);
    }
  }
  return undefined;
}

/**
 * Checks the DIN read from a workbook. `key` is the file's name among the model files: it
 * decides the order in which the resolver meets the workbook (see spreadsheets.ts).
 */
export function validateWorkbookDin(wd: WorkbookDin, display: string, key: string): WorkbookValidation {
  const lineCounter = new LineCounter();
  const source = { path: key, text: '', lineCounter };
  const locator = new CellLocator(source, display, wd.cells);
  const make = (model: z.output<typeof DinSchema>): ValidatedFile<'din'> => ({ stage: 'validated', kind: 'din', source, doc: parseDocument('', { lineCounter }), locator, model });
  const parsed = DinSchema.safeParse(wd.data);
  if (parsed.success) return { file: make(parsed.data), diagnostics: [] };
  const diagnostics = parsed.error.issues.flatMap((i) => issueToDiagnostic(i, wd.data, locator));
  const partial = patched(wd.data);
  return { diagnostics, ...(partial ? { partial: make(partial) } : {}) };
}

