/**
 * Stage 1: bytes → one YAML document with positions. Everything a user can type ends up as a
 * located diagnostic here, never as an exception: the yaml package's errors AND warnings
 * (a warning such as an unknown tag silently changes the value, so for model files it is an
 * error), extra documents, merge keys, explicit tags, `%YAML 1.1`, alias bombs, binary input.
 */
import { parseAllDocuments, LineCounter, visit, isAlias, isNode, isPair, isScalar, type Document } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readBounded } from '../io/bounded-read.js';

/** A model file should be small; a 10 MB file is almost certainly a mistake (or an attack). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Plenty for legitimate anchors, far below a billion-laughs expansion. */
export const MAX_ALIAS_COUNT = 1000;

export interface SourceText {
  /** Path as the user should see it (relative to the working directory). */
  path: string;
  text: string;
  lineCounter: LineCounter;
}

export interface ReadFile {
  readonly stage: 'read';
  source: SourceText;
  doc: Document.Parsed;
  /** Plain JS value of the document; undefined when the document could not be converted. */
  data: unknown;
}

export interface ReadResult {
  file?: ReadFile;
  diagnostics: Diagnostic[];
}

export function positionOf(source: SourceText, offset: number): { line: number; column: number } {
  const pos = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line: pos.line, column: pos.col };
}

function diagAt(
  source: SourceText,
  offset: number,
  code: DiagnosticCode,
  message: string,
  hint?: string,
): Diagnostic {
  const { line, column } = positionOf(source, offset);
  return { file: source.path, line, column, severity: 'error', code, message, ...(hint ? { hint } : {}) };
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'elke sleutel mag maar één keer voorkomen in dezelfde lijst of groep; voeg de twee samen of hernoem er één',
  BAD_INDENT: 'controleer het inspringen: gebruik spaties (geen tabs) en lijn elementen op hetzelfde niveau uit',
  TAB_AS_INDENT: 'vervang tabs aan het begin van de regel door spaties',
  MISSING_CHAR: 'er ontbreekt een afsluitend teken, zoals een aanhalingsteken of haakje',
  BLOCK_AS_IMPLICIT_KEY: 'staat er een dubbele punt op de verkeerde plek? Zet tekst met ": " tussen aanhalingstekens',
  MULTILINE_IMPLICIT_KEY: 'een sleutel moet op één regel staan; zet tekst met ": " tussen aanhalingstekens',
  UNEXPECTED_TOKEN: 'zet tekst met bijzondere tekens (: # [ ] { } , & * ! | > \' " % @ `) tussen aanhalingstekens',
  BAD_SCALAR_START: 'tekst die met een bijzonder teken begint, zet je tussen aanhalingstekens',
};

/** Dutch wording for the yaml package's error codes; the English original stays in brackets. */
const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'deze sleutel komt twee keer voor in dezelfde groep',
  BAD_INDENT: 'het inspringen klopt niet',
  TAB_AS_INDENT: 'een tab wordt gebruikt om in te springen',
  MISSING_CHAR: 'er ontbreekt een afsluitend teken',
  BLOCK_AS_IMPLICIT_KEY: 'een blok staat op de plaats van een sleutel',
  MULTILINE_IMPLICIT_KEY: 'een sleutel loopt over meerdere regels',
  UNEXPECTED_TOKEN: 'onverwacht teken',
  BAD_SCALAR_START: 'een waarde begint met een teken dat in YAML een speciale betekenis heeft',
  BAD_DQ_ESCAPE: 'ongeldige escape (\\) binnen dubbele aanhalingstekens',
  BAD_ALIAS: 'ongeldige alias (*naam)',
  BAD_DIRECTIVE: 'ongeldige %-regel (directive)',
  MULTIPLE_ANCHORS: 'meer dan één anker (&naam) op dezelfde waarde',
  MULTIPLE_TAGS: 'meer dan één tag op dezelfde waarde',
  KEY_OVER_1024_CHARS: 'een sleutel is langer dan 1024 tekens',
  BLOCK_IN_FLOW: 'een blok staat binnen [ ] of { }',
};

const CLOSER: Record<string, string> = { '"': '"', "'": "'", '{': '}', '[': ']' };

/** Offset of the first quote or flow bracket whose node never closes, if any. */
function unclosedOpener(doc: Document.Parsed, text: string): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Node(_key, node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (found !== undefined || !range) return;
      const ch = text[range[0]] ?? '';
      const closer = CLOSER[ch];
      const flow = !isScalar(node) && (node as { flow?: boolean }).flow;
      if (!closer || (isScalar(node) ? ch !== '"' && ch !== "'" : !flow)) return;
      if (range[1] - range[0] < 2 || text[range[1] - 1] !== closer) found = range[0];
    },
  });
  return found;
}

function yamlMessage(code: string, message: string): string {
  const english = firstLine(message);
  const dutch = YAML_MESSAGES[code];
  return dutch ? `${dutch} (${english})` : english;
}

/** The model error for a file over MAX_FILE_BYTES; `atLeast` when only a lower bound is known. */
function tooLarge(path: string, size: number, atLeast = false): Diagnostic {
  const mb = (size / 1024 / 1024).toFixed(1);
  return {
    file: path,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'bestand-te-groot',
    message: `bestand is ${atLeast ? 'meer dan ' : ''}${mb} MB; een modelbestand mag hoogstens ${MAX_FILE_BYTES / 1024 / 1024} MB zijn`,
    hint: 'splits het model op in meerdere bestanden, bijv. één DIN per regio in models/regios/',
  };
}

/** Decode strictly: a model is UTF-8 text, anything else is reported instead of mangled. */
function decode(path: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  const at = (message: string, hint: string, code: DiagnosticCode = 'bestand-binair'): Diagnostic => ({
    file: path, line: 1, column: 1, severity: 'error', code, message, hint,
  });
  if (bytes.length > MAX_FILE_BYTES) return { diagnostic: tooLarge(path, bytes.length) };
  if (bytes.includes(0)) {
    return { diagnostic: at('bestand bevat binaire gegevens (NUL-bytes), geen YAML-tekst', 'is dit wel een .yaml-bestand? Sla het op als platte tekst (UTF-8)') };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { diagnostic: at('bestand is geen geldige UTF-8-tekst', 'sla het bestand op als UTF-8 (in de meeste editors: "Opslaan als" → codering UTF-8)') };
  }
}

/** Dutch cause for the errors a read of an existing path can give; the system's text stays in brackets. */
const READ_ERRORS: Record<string, string> = {
  EACCES: 'geen leesrechten',
  EPERM: 'geen toestemming',
  EIO: 'invoer/uitvoerfout bij het lezen',
  ENOENT: 'het bestand is verdwenen tijdens het lezen',
  EISDIR: 'het is een map',
  ELOOP: 'een kring van symbolische links',
  ENXIO: 'er is geen apparaat of proces achter dit pad',
  EAGAIN: 'het pad levert geen gegevens zonder te wachten',
};

export interface ModelFileResult {
  /** The file as read and parsed; absent when it could not be read at all. */
  read?: ReadResult;
  /** A usage/I-O problem (exit 2): not a regular file, no permission, a read error. */
  usageProblem?: Diagnostic;
}

/**
 * Read one model file from disk: only a regular file, its size checked from stat before a
 * byte is read, and the read bounded (see readBounded). An oversized file is a model error
 * (`bestand-te-groot`, like an oversized text); everything that stops reading is a usage
 * problem located at the file.
 */
export function readModelFile(absPath: string, displayPath: string): ModelFileResult {
  const r = readBounded(absPath, MAX_FILE_BYTES);
  const problem = (message: string, hint?: string): ModelFileResult => ({
    usageProblem: { file: displayPath, line: 1, column: 1, severity: 'error', code: 'pad-onleesbaar', message, ...(hint ? { hint } : {}) },
  });
  switch (r.kind) {
    case 'ok':
      return { read: readModelText(displayPath, r.bytes) };
    case 'tooLarge':
      return { read: { diagnostics: [tooLarge(displayPath, r.size, r.atLeast)] } };
    case 'notRegular':
      return problem(`\`${displayPath}\` is geen gewoon bestand maar ${r.what}; tocdin leest alleen gewone bestanden`, 'geef het pad van een .yaml-bestand of van een map met modellen');
    case 'error': {
      const cause = r.error.code ? READ_ERRORS[r.error.code] : undefined;
      return problem(
        `bestand kan niet gelezen worden: ${cause ? `${cause} (${r.error.message})` : r.error.message}`,
        r.error.code === 'EACCES' || r.error.code === 'EPERM' ? `geef jezelf leesrechten, bijv. \`chmod u+r ${displayPath}\`` : undefined,
      );
    }
  }
}

export function readModelText(path: string, bytes: Uint8Array | string): ReadResult {
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    const decoded = decode(path, bytes);
    if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
    text = decoded.text!;
  }
  const lineEndings = normaliseLineEndings(text);
  text = lineEndings.text;
  const source: SourceText = { path, text, lineCounter: new LineCounter() };

  // merge: false keeps `<<` a plain key so we can reject it with a position instead of
  // silently copying keys around; the core schema keeps YAML 1.1 surprises out.
  const docs = parseAllDocuments(text, {
    lineCounter: source.lineCounter,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // Never let the yaml package print to the process (e.g. "Keys with collection values will
    // be stringified"): such keys end up as unknown keys in validation, with a position.
    logLevel: 'error',
  });
  // After parsing: the line counter only knows the lines once the parser has seen them.
  const diagnostics: Diagnostic[] = lineEndings.warning ? [lineEndings.warning(source)] : [];
  const list = Array.isArray(docs) ? docs : [];
  const streamErrors = (docs as unknown as { errors?: { pos: [number, number]; code: string; message: string }[] }).errors;
  if (!Array.isArray(docs) && streamErrors) {
    for (const e of streamErrors) diagnostics.push(diagAt(source, e.pos[0], 'yaml-syntaxis', yamlMessage(e.code, e.message), YAML_HINTS[e.code]));
  }

  if (list.length === 0 || (list.length === 1 && list[0]!.contents === null && list[0]!.errors.length === 0)) {
    diagnostics.push(
      diagAt(source, 0, 'bestand-leeg', 'bestand bevat geen model', 'begin met een regel `soort: …` (beleidsmodel, onderzoeksvragen, indicatoren, regioregister, din of scenario)'),
    );
    return { diagnostics };
  }

  const doc = list[0]!;
  for (const extra of list.slice(1)) {
    const start = extra.range?.[0] ?? 0;
    diagnostics.push(
      diagAt(source, start, 'yaml-meerdere-documenten', 'bestand bevat meer dan één YAML-document (gescheiden door `---`)', 'zet elk model in een eigen bestand'),
    );
  }
  diagnostics.push(...parserProblems(source, doc), ...versionDirective(source, doc), ...tagsAndMergeKeys(source, doc));
  const { data, problem } = doc.errors.length === 0 ? toData(source, doc) : { data: undefined, problem: undefined };
  if (problem) diagnostics.push(problem);
  return { file: { stage: 'read', source, doc, data }, diagnostics };
}

/**
 * YAML counts a lone CR as a line break, the yaml package does not: a file saved with old
 * Mac line endings would be one long line full of syntax errors. CR → LF keeps every offset
 * (one character for one), so positions stay what the user's editor shows.
 */
function normaliseLineEndings(text: string): { text: string; warning?: (source: SourceText) => Diagnostic } {
  const firstLoneCr = text.search(/\r(?!\n)/);
  if (firstLoneCr < 0) return { text };
  const onlyCr = !text.includes('\n');
  return {
    text: text.replace(/\r(?!\n)/g, '\n'),
    warning: (source) => ({
      ...diagAt(
        source,
        onlyCr ? 0 : firstLoneCr,
        'regeleinden-mac',
        onlyCr
          ? 'bestand gebruikt oude Mac-regeleinden (alleen CR); tocdin leest ze als gewone regeleinden'
          : 'bestand bevat losse CR-regeleinden (oude Mac-stijl) tussen gewone; tocdin leest ze als gewone regeleinden',
        'sla het bestand op met LF-regeleinden (in de meeste editors: regeleinden "LF" of "Unix")',
      ),
      severity: 'warning',
    }),
  };
}

/** The yaml package's errors and warnings, located where the user can fix them. */
function parserProblems(source: SourceText, doc: Document.Parsed): Diagnostic[] {
  const { text } = source;
  const out: Diagnostic[] = [];
  for (const e of doc.errors) {
    // A flow collection inside a block one is reported as BAD_INDENT ("… and end with a ]").
    const opener = e.code === 'MISSING_CHAR' || /end with a [\]}]/.test(e.message) ? unclosedOpener(doc, text) : undefined;
    if (opener !== undefined) {
      // The yaml package reports where it gave up looking (often the end of the file); the
      // user needs the place where the quote or bracket was opened.
      const ch = text[opener]!;
      out.push(
        diagAt(
          source,
          opener,
          'yaml-syntaxis',
          `${yamlMessage(e.code, e.message)}: deze ${ch} wordt nergens gesloten`,
          ch === '"' || ch === "'" ? `sluit de tekst af met ${ch}, meestal op dezelfde regel` : `sluit af met ${CLOSER[ch]}`,
        ),
      );
      continue;
    }
    out.push(diagAt(source, e.pos[0], 'yaml-syntaxis', yamlMessage(e.code, e.message), YAML_HINTS[e.code]));
  }
  for (const w of doc.warnings) {
    const tagMatch = /Unresolved tag: (\S+)/.exec(w.message);
    if (w.code === 'TAG_RESOLVE_FAILED' && tagMatch) continue; // reported by tagsAndMergeKeys with the tag itself
    out.push(diagAt(source, w.pos[0], 'yaml-waarschuwing', yamlMessage(w.code, w.message), YAML_HINTS[w.code]));
  }
  return out;
}

/**
 * Quote the version as written: for an unsupported version (1.3) the yaml package has
 * already fallen back to 1.2 in `directives.yaml.version`. `%YAML 1.2` says what tocdin
 * reads anyway and passes; a second %YAML line is an error in any version.
 */
function versionDirective(source: SourceText, doc: Document.Parsed): Diagnostic[] {
  if (!doc.directives?.yaml.explicit) return [];
  const { text } = source;
  const written = [...text.matchAll(/^%YAML[ \t]+(\S+)/gm)].map((m) => m[1]!);
  const version = written[0] ?? doc.directives.yaml.version;
  if (written.length <= 1 && version === '1.2') return [];
  const at = written.length > 1 ? text.indexOf('%YAML', text.indexOf('%YAML') + 1) : Math.max(0, text.indexOf('%YAML'));
  return [
    diagAt(
      source,
      at,
      'yaml-versie',
      written.length > 1
        ? `de regel \`%YAML\` staat er ${written.length} keer; YAML staat er maar één toe`
        : `tocdin leest YAML 1.2; de regel \`%YAML ${version}\` kan de betekenis van waarden veranderen (in YAML 1.1 is NO een boolean en 12:30 een getal)`,
      written.length > 1 ? 'laat één %YAML-regel staan, of verwijder ze allemaal' : 'verwijder de %YAML-regel (en de --- eronder als die er alleen voor stond)',
    ),
  ];
}

/** Explicit tags and merge keys: both change what a value is without it being visible. */
function tagsAndMergeKeys(source: SourceText, doc: Document.Parsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Node(_key, node) {
      if (!isNode(node)) return;
      const tag = (node as { tag?: string }).tag;
      if (tag) {
        const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
        const offset = tagOffset(source.text, node.range?.[0] ?? 0, shown);
        out.push(
          diagAt(
            source,
            offset,
            'yaml-tag',
            `YAML-tags zoals \`${shown}\` worden niet ondersteund in modelbestanden`,
            isScalar(node) ? `laat \`${shown}\` weg; bedoel je tekst, zet de waarde dan tussen aanhalingstekens` : `laat \`${shown}\` weg`,
          ),
        );
      }
    },
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === '<<') {
        out.push(
          diagAt(
            source,
            pair.key.range?.[0] ?? 0,
            'yaml-merge',
            'merge-sleutels (`<<`) worden niet ondersteund: ze maken onzichtbaar wat er in een element staat',
            'schrijf de velden uit in het element zelf',
          ),
        );
      }
    },
  });
  return out;
}

/** The plain value, with alias bombs caught and located at the first alias. */
function toData(source: SourceText, doc: Document.Parsed): { data: unknown; problem?: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    if (!(err instanceof ReferenceError || err instanceof RangeError)) {
      return { data: undefined, problem: diagAt(source, 0, 'yaml-syntaxis', `YAML kon niet worden gelezen: ${String(err)}`) };
    }
    let aliasOffset = 0;
    visit(doc, {
      Alias(_k, node) {
        if (isAlias(node)) {
          aliasOffset = node.range?.[0] ?? 0;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return {
      data: undefined,
      problem: diagAt(
        source,
        aliasOffset,
        'yaml-alias-bom',
        `aliassen (\`*naam\`) breiden het document uit tot meer dan ${MAX_ALIAS_COUNT} knopen; dit lijkt op een 'alias-bom'`,
        'schrijf herhaalde waarden uit in plaats van aliassen te nesten',
      ),
    };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The node's range starts at its value; point the caret at the tag the user typed. */
function tagOffset(text: string, valueStart: number, shown: string): number {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  const bang = text.lastIndexOf('!', valueStart);
  if (bang >= lineStart) {
    const prefix = shown.startsWith('!!') ? text.lastIndexOf('!!', valueStart) : -1;
    return prefix >= lineStart ? prefix : bang;
  }
  return valueStart;
}
