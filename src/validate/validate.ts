/**
 * Stage 2: plain YAML value → typed model of one kind. zod issues become located Dutch
 * diagnostics that quote what the user wrote and say what was expected.
 */
import type { z } from 'zod';
import type { Document } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { Locator, type ModelPath } from '../read/locate.js';
import type { ReadFile, SourceText } from '../read/read.js';
import { KIND_SCHEMAS, KINDS, SLUG_PATTERN, type Kind, type ModelOf } from './schemas.js';
import { checkTextSafety } from './text-safety.js';

export interface ValidatedFile<K extends Kind = Kind> {
  readonly stage: 'validated';
  kind: K;
  source: SourceText;
  doc: Document.Parsed;
  locator: Locator;
  model: ModelOf<K>;
}

export type AnyValidatedFile = { [K in Kind]: ValidatedFile<K> }[Kind];

export interface ValidateResult {
  file?: AnyValidatedFile;
  diagnostics: Diagnostic[];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'true of false',
  array: 'een lijst (regels die beginnen met "- ")',
  object: 'een groep sleutels (sleutel: waarde)',
  null: 'niets',
  undefined: 'niets',
};

function describeValue(value: unknown): string {
  if (value === null) return 'leeg (null)';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'object') return 'een groep sleutels';
  if (typeof value === 'number') return `het getal ${value}`;
  if (typeof value === 'boolean') return `de waarde ${value}`;
  if (typeof value === 'string') return 'tekst';
  return typeof value;
}

function valueAt(data: unknown, path: ModelPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

export type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The object keys a schema allows at `path`, for suggesting the right key after a typo. */
export function allowedKeysAt(schema: AnySchema, path: ModelPath): string[] {
  return [...new Set(schemasAt(schema, path).flatMap(keysOf))];
}

/** The object keys of a schema (through optional, default, nullable, union). */
export function keysOf(s: AnySchema): string[] {
  const def = s._zod.def;
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object);
    case 'optional':
    case 'default':
    case 'nullable':
      return keysOf(def.innerType as AnySchema);
    case 'union':
      return (def.options as AnySchema[]).flatMap(keysOf);
    default:
      return [];
  }
}

function step(s: AnySchema, seg: PropertyKey): AnySchema[] {
  const def = s._zod.def;
  switch (def.type) {
    case 'object': {
      // Own keys only: a path segment such as `constructor` must not find Object.prototype's.
      const shape = def.shape as Record<string, AnySchema>;
      return Object.hasOwn(shape, String(seg)) ? [shape[String(seg)]!] : [];
    }
    case 'array':
      return typeof seg === 'number' ? [def.element as AnySchema] : [];
    case 'optional':
    case 'default':
    case 'nullable':
      return step(def.innerType as AnySchema, seg);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o) => step(o, seg));
    default:
      return [];
  }
}

/** The schemas that may apply at `path` inside a value of `schema` (several through a union). */
export function schemasAt(schema: AnySchema, path: ModelPath): AnySchema[] {
  let current: AnySchema[] = [schema];
  for (const seg of path) current = current.flatMap((s) => step(s, seg));
  return current;
}

/** Whether a schema is (an optional or defaulted) array: the lists `voeg_toe` may add to. */
export function isArraySchema(s: AnySchema): boolean {
  const def = s._zod.def;
  if (def.type === 'array') return true;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return isArraySchema(def.innerType as AnySchema);
  return false;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One zod issue as located diagnostics; `locator` decides which file and line they point at. */
export function issueToDiagnostic(
  issue: z.core.$ZodIssue,
  data: unknown,
  schema: AnySchema,
  locator: Pick<Locator, 'locate'>,
): Diagnostic[] {
  const path = issue.path as PropertyKey[];
  const field = path.filter((p) => typeof p === 'string').at(-1) as string | undefined;
  const where = field ? `\`${field}\`` : 'dit veld';
  const make = (loc: { file: string; line: number; column: number }, code: DiagnosticCode, message: string, hint?: string): Diagnostic => ({
    file: loc.file, line: loc.line, column: loc.column, severity: 'error', code, message, ...(hint ? { hint } : {}),
  });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path);
      return issue.keys.map((key) => {
        const loc = locator.locate([...path, key], { key: true });
        const hint = didYouMean(key, allowed) ?? (allowed.length ? `toegestaan zijn: ${allowed.join(', ')}` : undefined);
        return make(loc, 'sleutel-onbekend', `onbekende sleutel \`${key}\``, hint);
      });
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (value === undefined) {
        const loc = locator.locate(path.slice(0, -1));
        return [make(loc, 'veld-ontbreekt', `verplicht veld ${where} ontbreekt`, `voeg \`${String(field ?? path.at(-1))}: …\` toe (verwacht ${expected})`)];
      }
      const loc = locator.locate(path);
      const written = loc.text?.trim();
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') && written) {
        return [
          make(loc, 'type-ongeldig', `\`${written}\` werd gelezen als ${describeValue(value)}, maar ${where} moet ${expected} zijn`, `zet het tussen aanhalingstekens: "${written}"`),
        ];
      }
      const hint =
        issue.expected === 'array' && typeof value === 'string'
          ? `schrijf een lijst: [${value}] of op een nieuwe regel "- ${value}"`
          : value === null
            ? `vul een waarde in achter \`${String(field ?? '')}:\` of verwijder de regel`
            : undefined;
      return [make(loc, 'type-ongeldig', `${where} moet ${expected} zijn, maar is ${describeValue(value)}${written && value !== null && typeof value !== 'object' ? ` (\`${written}\`)` : ''}`, hint)];
    }
    case 'invalid_value': {
      const loc = locator.locate(path);
      const value = valueAt(data, path);
      const options = issue.values.map(String);
      if (field === 'soort' && path.length === 1) return []; // handled before schema validation
      if (value === undefined) {
        // A missing enum field: zod reports it as an invalid value, but the user forgot the key.
        const parent = locator.locate(path.slice(0, -1));
        return [make(parent, 'veld-ontbreekt', `verplicht veld ${where} ontbreekt`, `voeg \`${String(field ?? path.at(-1))}: …\` toe (kies uit: ${options.join(', ')})`)];
      }
      const hint = (typeof value === 'string' ? didYouMean(value, options) : undefined) ?? `kies uit: ${options.join(', ')}`;
      return [make(loc, 'waarde-ongeldig', `\`${loc.text?.trim() ?? String(value)}\` is geen geldige waarde voor ${where}`, hint)];
    }
    case 'invalid_format': {
      const loc = locator.locate(path);
      const value = valueAt(data, path);
      if (issue.format === 'regex' && typeof value === 'string' && (issue as { pattern?: string }).pattern === String(SLUG_PATTERN)) {
        const slug = slugify(value);
        return [make(loc, 'id-ongeldig', `\`${value}\` is geen geldig id: ${issue.message}`, slug ? `bijvoorbeeld \`${slug}\`` : undefined)];
      }
      return [make(loc, 'waarde-ongeldig', `\`${loc.text?.trim() ?? String(value)}\` in ${where}: ${issue.message}`)];
    }
    case 'too_small': {
      const loc = locator.locate(path);
      const what =
        issue.origin === 'array'
          ? `${where} moet minstens ${issue.minimum} element(en) bevatten`
          : issue.origin === 'string'
            ? `${where} mag niet leeg zijn`
            : Number(issue.minimum) === 0
              ? issue.inclusive === false
                ? `${where} moet groter dan 0 zijn`
                : `${where} mag niet negatief zijn`
              : `${where} moet minstens ${issue.minimum} zijn`;
      return [make(loc, 'waarde-te-klein', what + (loc.text && issue.origin === 'number' ? ` (staat er: \`${loc.text.trim()}\`)` : ''))];
    }
    case 'invalid_union': {
      const loc = locator.locate(path);
      // A scenario parameter (a number or {waarde, …}) or a causal link (an id or {naar, …}).
      const numeric = issue.errors.some((branch) => branch.some((e) => e.code === 'invalid_type' && e.expected === 'number'));
      const expected = numeric ? 'verwacht een getal, of een groep met `waarde:` (en eventueel `toelichting:` en `bron:`)' : 'verwacht een id, of een groep met `naar:` (en eventueel `aanname:` en `toelichting:`)';
      return [make(loc, 'type-ongeldig', `${where} heeft een onverwachte vorm (\`${(loc.text ?? '').trim().slice(0, 60)}\`)`, expected)];
    }
    default: {
      const loc = locator.locate(path);
      const text = loc.text?.trim();
      return [make(loc, 'waarde-ongeldig', `${where}${text ? ` (\`${text.slice(0, 60)}\`)` : ''}: ${issue.message}`)];
    }
  }
}

export function validateFile(read: ReadFile): ValidateResult {
  const result = validateModel(read);
  // Independent of the schema: a file with errors can hold such characters too.
  result.diagnostics.push(...checkTextSafety(read.source, read.doc));
  return result;
}

function validateModel(read: ReadFile): ValidateResult {
  const locator = new Locator(read.source, read.doc);
  const data = read.data;
  const at = (path: ModelPath, code: DiagnosticCode, message: string, hint?: string, key = false): Diagnostic => {
    const loc = locator.locate(path, { key });
    return { file: loc.file, line: loc.line, column: loc.column, severity: 'error', code, message, ...(hint ? { hint } : {}) };
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      diagnostics: [
        at([], 'geen-model', `bestand is geen tocdin-model: verwacht een groep sleutels die begint met \`soort:\`, maar vond ${describeValue(data)}`, `begin het bestand met \`soort: …\` (${KINDS.join(', ')})`),
      ],
    };
  }
  const soort = (data as Record<string, unknown>)['soort'];
  if (soort === undefined) {
    return {
      diagnostics: [at([], 'soort-ontbreekt', 'bestand is geen tocdin-model: de sleutel `soort` ontbreekt', `voeg bovenaan \`soort: …\` toe (${KINDS.join(', ')})`)],
    };
  }
  if (typeof soort !== 'string' || !(KINDS as string[]).includes(soort)) {
    const hint = (typeof soort === 'string' ? didYouMean(soort, KINDS) : undefined) ?? `kies uit: ${KINDS.join(', ')}`;
    return { diagnostics: [at(['soort'], 'soort-onbekend', `onbekende soort \`${String(soort)}\``, hint)] };
  }
  const kind = soort as Kind;
  const schema = KIND_SCHEMAS[kind] as unknown as AnySchema;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: parsed.error.issues.flatMap((i) => issueToDiagnostic(i, data, schema, locator)) };
  }
  const file = { stage: 'validated', kind, source: read.source, doc: read.doc, locator, model: parsed.data } as AnyValidatedFile;
  return { file, diagnostics: [] };
}
