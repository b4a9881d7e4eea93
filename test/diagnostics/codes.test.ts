/**
 * One fixture folder per diagnostic code (test/fixtures/diagnostics/<code>/): a tiny, otherwise
 * consistent workspace (regioregister + beleidsmodel + din) with exactly one mistake. Each test
 * checks that exactly that code is reported, with its exact position, and for the important
 * codes what the message and hint say. Inputs that must not be committed (11 MB, binary,
 * a socket) are generated in a temp dir at test time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { loadWorkspace, type LoadOutcome } from '../../src/pipeline.js';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, readModelText } from '../../src/read/read.js';
import { validateFile } from '../../src/validate/validate.js';
import { main, type Io } from '../../src/cli/main.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/diagnostics/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

function load(name: string): LoadOutcome {
  return loadWorkspace(['.'], fixture(name));
}

function all(o: LoadOutcome): Diagnostic[] {
  return [...o.usageProblems, ...o.diagnostics];
}

/** The one diagnostic a fixture folder (named after its code) produces; fails unless exactly one. */
function only(code: string): Diagnostic {
  const diags = all(load(code));
  expect(diags.map((d) => d.code)).toEqual([code]);
  return diags[0]!;
}

function where(d: Diagnostic) {
  return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column };
}

/** Every code the source can produce (kept in sync by the test "covers every code in src"). */
const CASES: { code: DiagnosticCode; file: string; line: number; column: number; severity?: Diagnostic['severity'] }[] = [
  { code: 'bestand-leeg', file: 'din.yaml', line: 1, column: 1 },
  { code: 'yaml-syntaxis', file: 'din.yaml', line: 17, column: 12 },
  { code: 'yaml-waarschuwing', file: 'din.yaml', line: 1, column: 1 },
  { code: 'yaml-versie', file: 'din.yaml', line: 1, column: 1 },
  { code: 'yaml-tag', file: 'din.yaml', line: 13, column: 12 },
  { code: 'yaml-merge', file: 'din.yaml', line: 12, column: 5 },
  { code: 'yaml-meerdere-documenten', file: 'din.yaml', line: 7, column: 1 },
  { code: 'yaml-alias-bom', file: 'din.yaml', line: 5, column: 8 },
  { code: 'geen-model', file: 'din.yaml', line: 2, column: 1 },
  { code: 'soort-ontbreekt', file: 'din.yaml', line: 2, column: 1 },
  { code: 'soort-onbekend', file: 'din.yaml', line: 2, column: 8 },
  { code: 'sleutel-onbekend', file: 'din.yaml', line: 11, column: 1 },
  { code: 'veld-ontbreekt', file: 'din.yaml', line: 16, column: 5 },
  { code: 'type-ongeldig', file: 'din.yaml', line: 7, column: 10 },
  { code: 'waarde-ongeldig', file: 'din.yaml', line: 18, column: 14 },
  { code: 'id-ongeldig', file: 'din.yaml', line: 6, column: 7 },
  { code: 'waarde-te-klein', file: 'regioregister.yaml', line: 6, column: 15 },
  { code: 'id-dubbel', file: 'din.yaml', line: 6, column: 7 },
  { code: 'verwijzing-onbekend', file: 'din.yaml', line: 19, column: 17 },
  { code: 'verwijzing-soort', file: 'din.yaml', line: 19, column: 17 },
  { code: 'din-dubbel', file: 'din-b.yaml', line: 3, column: 8 },
  { code: 'geen-modellen', file: '.', line: 1, column: 1 },
  { code: 'scenario-id-onbekend', file: 'scenario.yaml', line: 7, column: 13 },
  { code: 'scenario-veld-onbekend', file: 'scenario.yaml', line: 9, column: 7 },
  { code: 'scenario-ongeldig', file: 'scenario.yaml', line: 9, column: 16 },
  { code: 'scenario-dubbele-wijziging', file: 'scenario.yaml', line: 12, column: 7 },
  { code: 'scenario-kring', file: 'scenario.yaml', line: 6, column: 11 },
];

/** Codes that need generated input (not committed) and are tested separately below. */
const GENERATED = [
  'bestand-binair', 'bestand-te-groot', 'pad-onbekend', 'pad-onleesbaar',
  // symbolic links and old Mac line endings: test/read/special-files.test.ts
  'link-buiten-map', 'link-hangt', 'link-lus', 'regeleinden-mac',
];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tocdin-diag-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function captureIo(cwd: string): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => void (out += s), err: (s) => void (err += s), cwd, color: false, stdout: () => out, stderr: () => err };
}

describe('fixture per code', () => {
  it('the valid mini workspace has no diagnostics at all', () => {
    const o = load('geldig');
    expect(o.files).toEqual(['beleidsmodel.yaml', 'din.yaml', 'regioregister.yaml']);
    expect(all(o)).toEqual([]);
    expect(o.workspace.elements.size).toBeGreaterThan(5);
  });

  it('every code of the table (read, validate, resolve, paths) has a fixture case here or a generated test', () => {
    // The table is the one list (src/diagnostics/codes.ts); a code the source emits that is not
    // in it does not compile, so checking the table checks the source. Lint codes: test/lint/.
    const tested = new Set([...CASES.map((c) => c.code), ...GENERATED, 'tekst-onzichtbaar-teken']);
    // Workbook codes (tocdin import) have their fixtures in test/spreadsheets/.
    const fromTable = Object.entries(DIAGNOSTIC_CODES).filter(([c, s]) => s.stage !== 'lint' && !c.startsWith('werkboek-')).map(([c]) => c);
    expect(fromTable.filter((c) => !tested.has(c))).toEqual([]);
    expect(fromTable.length).toBeGreaterThanOrEqual(25);
    for (const c of CASES) expect(DIAGNOSTIC_CODES[c.code].severity, c.code).toBe(c.severity ?? 'error');
  });

  it.each(CASES)('$code: exact code, severity and position', ({ code, file, line, column, severity }) => {
    const d = only(code);
    expect(where(d)).toEqual({ code, severity: severity ?? 'error', file, line, column });
    expect(d.message.length).toBeGreaterThan(10);
  });
});

describe('messages and hints', () => {
  it('sleutel-onbekend: a typo in a key suggests the right key and points at the key', () => {
    const d = only('sleutel-onbekend');
    expect(d.message).toBe('onbekende sleutel `concrete_doel`');
    expect(d.hint).toContain('concrete_doelen');
    const text = readFileSync(join(fixture('sleutel-onbekend'), d.file), 'utf8').split('\n')[d.line - 1]!;
    expect(text.slice(d.column - 1)).toMatch(/^concrete_doel:/);
  });

  it('sleutel-onbekend: nested keys are located at the key, not at the element', () => {
    const r = readModelText('din.yaml', 'soort: din\nregio: regio-noord\nambitie:\n  id: a\n  tekst: b\ninspanningen:\n  - id: c\n    tekst: d\n    functie: werven\n    draagt_bij_aan:\n      - doel: e\n        sterke: sterk\n');
    const v = validateFile(r.file!);
    expect(v.diagnostics.map(where)).toEqual([{ code: 'sleutel-onbekend', severity: 'error', file: 'din.yaml', line: 12, column: 9 }]);
    expect(v.diagnostics[0]!.hint).toBe('bedoel je `sterkte`?');
  });

  it('sleutel-onbekend: a collection used as a key (`[a, b]: x`, `? {a: 1}`) is located at that key, not at 1:1', () => {
    for (const [text, at] of [
      ['soort: din\nregio: regio-noord\n[a, b]: x\n', [3, 1]],
      ['soort: din\nregio: regio-noord\n? {a: 1}\n: x\n', [3, 3]],
    ] as const) {
      const v = validateFile(readModelText('din.yaml', text).file!);
      const d = v.diagnostics.filter((x) => x.code === 'sleutel-onbekend');
      expect(d.map((x) => [x.line, x.column]), text).toEqual([at]);
    }
  });

  it('type-ongeldig: 0x1F is read as a number; the message says so and the hint suggests quotes', () => {
    const d = only('type-ongeldig');
    expect(d.message).toContain('`0x1F` werd gelezen als het getal 31');
    expect(d.message).toContain('`tekst` moet tekst zijn');
    expect(d.hint).toBe('zet het tussen aanhalingstekens: "0x1F"');
  });

  it('waarde-ongeldig: a typo in an enum value suggests the closest value', () => {
    const d = only('waarde-ongeldig');
    expect(d.message).toBe('`wervn` is geen geldige waarde voor `functie`');
    expect(d.hint).toBe('bedoel je `werven`?');
  });

  it('veld-ontbreekt: a missing enum field is a missing field, located at its element', () => {
    const d = only('veld-ontbreekt');
    expect(d.message).toBe('verplicht veld `functie` ontbreekt');
    expect(d.hint).toContain('voeg `functie: …` toe');
    expect(d.hint).toContain('werven');
  });

  it('veld-ontbreekt: a missing text field too', () => {
    const r = readModelText('scenario.yaml', 'soort: scenario\nid: s\nlegt_over: regio-noord\n');
    const v = validateFile(r.file!);
    expect(v.diagnostics.map(where)).toEqual([{ code: 'veld-ontbreekt', severity: 'error', file: 'scenario.yaml', line: 1, column: 1 }]);
    expect(v.diagnostics[0]!.message).toBe('verplicht veld `naam` ontbreekt');
  });

  it('id-ongeldig: suggests a slug', () => {
    const d = only('id-ongeldig');
    expect(d.message).toContain('`Noord Ambitie` is geen geldig id');
    expect(d.hint).toBe('bijvoorbeeld `noord-ambitie`');
  });

  it('soort-onbekend: suggests the right kind', () => {
    const d = only('soort-onbekend');
    expect(d.message).toBe('onbekende soort `dinn`');
    expect(d.hint).toBe('bedoel je `din`?');
  });

  it('waarde-te-klein: an empty list where one element is required', () => {
    const d = only('waarde-te-klein');
    expect(d.message).toBe('`sectoren` moet minstens 1 element(en) bevatten');
  });

  it('verwijzing-onbekend: a typo in an id suggests the right id', () => {
    const d = only('verwijzing-onbekend');
    expect(d.message).toBe('`gezamelijk-werven` verwijst naar niets: er is geen activiteit met dit id');
    expect(d.hint).toBe('bedoel je `gezamenlijk-werven`?');
  });

  it('verwijzing-onbekend becomes a warning when the target may sit in a file with errors', () => {
    const diags = all(load('verwijzing-bij-fout-bestand'));
    expect(diags.map(where)).toEqual([
      { code: 'type-ongeldig', severity: 'error', file: 'beleidsmodel.yaml', line: 4, column: 6 },
      { code: 'verwijzing-onbekend', severity: 'warning', file: 'din.yaml', line: 19, column: 17 },
    ]);
    expect(diags[1]!.hint).toContain('beleidsmodel.yaml');
  });

  it('verwijzing-soort: names the actual type and where it is declared', () => {
    const d = only('verwijzing-soort');
    expect(d.message).toBe('`meer-instroom` is een outcome (beleidsmodel.yaml:10), maar hier wordt een activiteit verwacht');
  });

  it('id-dubbel: reports both locations', () => {
    const d = only('id-dubbel');
    expect(d.message).toBe('id `meer-instroom` bestaat al (outcome in beleidsmodel.yaml:10:9)');
    expect(d.related).toEqual([{ file: 'beleidsmodel.yaml', line: 10, column: 9, message: 'eerste definitie' }]);
    expect(d.hint).toContain('uniek');
  });

  it('din-dubbel: reports the first DIN as related', () => {
    const d = only('din-dubbel');
    expect(d.message).toBe('regio `regio-noord` heeft al een DIN in din-a.yaml');
    expect(d.related).toEqual([{ file: 'din-a.yaml', line: 3, column: 8, message: 'eerste DIN' }]);
  });

  it('yaml-syntaxis: a colon in unquoted text, with a hint about quotes', () => {
    const d = only('yaml-syntaxis');
    expect(d.hint).toContain('aanhalingstekens');
  });

  it('yaml-tag / yaml-merge / yaml-meerdere-documenten / yaml-waarschuwing messages', () => {
    expect(only('yaml-tag').message).toBe('YAML-tags zoals `!!str` worden niet ondersteund in modelbestanden');
    expect(only('yaml-merge').message).toContain('`<<`');
    expect(only('yaml-meerdere-documenten').hint).toBe('zet elk model in een eigen bestand');
    expect(only('yaml-waarschuwing').message).toContain('%YML');
  });

  it('yaml-syntaxis: an unclosed quote or bracket is located where it opens, not where the parser gave up', () => {
    const at = (t: string) => readModelText('x.yaml', t).diagnostics.filter((x) => x.code === 'yaml-syntaxis').map((x) => [x.line, x.column, x.message.endsWith('wordt nergens gesloten')]);
    expect(at('soort: din\nnaam: "Regio A\nregio: x\nbeschrijving: iets\n')).toEqual([[2, 7, true]]);
    expect(at("soort: din\nnaam: 'Regio A\nregio: x\n")).toEqual([[2, 7, true]]);
    expect(at('- a\n- "b\n- c\n')).toEqual([[2, 3, true]]);
    expect(at('soort: din\nlijst: [a, b\n')).toEqual([[2, 8, true]]);
    // A closed quote with an escaped quote inside is not mistaken for the open one.
    expect(at('a: "x \\" y"\nb: "open\n')).toEqual([[2, 4, true]]);
  });

  it('yaml-versie: a %YAML 1.1 document quotes the line the user wrote', () => {
    const d = only('yaml-versie');
    expect(d.message).toContain('`%YAML 1.1`');
    expect(d.hint).toContain('verwijder de %YAML-regel');
    // An unsupported version is quoted as written as well (the yaml package falls back to 1.2).
    const r = readModelText('x.yaml', '%YAML 1.3\n---\nsoort: din\n');
    expect(r.diagnostics.find((x) => x.code === 'yaml-versie')!.message).toContain('`%YAML 1.3`');
    // 1.2 is what tocdin reads: no diagnostic. Twice is an error in any version, located at the second.
    expect(readModelText('x.yaml', '%YAML 1.2\n---\nsoort: din\n').diagnostics).toEqual([]);
    const twice = readModelText('x.yaml', '%YAML 1.2\n%YAML 1.2\n---\nsoort: din\n').diagnostics.filter((x) => x.code === 'yaml-versie');
    expect(twice.map((x) => [x.line, x.column])).toEqual([[2, 1]]);
    expect(twice[0]!.message).toContain('2 keer');
  });

  it('yaml-alias-bom: a billion-laughs document is located at an alias, without an exception', () => {
    const d = only('yaml-alias-bom');
    expect(d.message).toContain(String(MAX_ALIAS_COUNT));
    const text = readFileSync(join(fixture('yaml-alias-bom'), 'din.yaml'), 'utf8').split('\n')[d.line - 1]!;
    expect(text[d.column - 1]).toBe('*');
  });

  it('bestand-leeg and geen-model and soort-ontbreekt hints name the model kinds', () => {
    expect(only('bestand-leeg').hint).toContain('soort: …');
    expect(only('geen-model').message).toContain('vond een lijst');
    expect(only('soort-ontbreekt').message).toContain('`soort` ontbreekt');
  });
});

describe('generated inputs', () => {
  it('bestand-te-groot: an 11 MB file is refused before parsing', () => {
    const dir = join(tmp, 'groot');
    mkdirSync(dir);
    const size = 11 * 1024 * 1024;
    expect(size).toBeGreaterThan(MAX_FILE_BYTES);
    writeFileSync(join(dir, 'groot.yaml'), Buffer.alloc(size, '# opvulling\n'));
    const o = loadWorkspace(['.'], dir);
    expect(all(o).map(where)).toEqual([{ code: 'bestand-te-groot', severity: 'error', file: 'groot.yaml', line: 1, column: 1 }]);
    expect(o.diagnostics[0]!.message).toContain('11.0 MB');
    expect(o.diagnostics[0]!.hint).toContain('splits');
  });

  it('bestand-binair: NUL bytes', () => {
    const dir = join(tmp, 'nul');
    mkdirSync(dir);
    writeFileSync(join(dir, 'din.yaml'), Buffer.from([0x73, 0x6f, 0x6f, 0x72, 0x74, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]));
    const o = loadWorkspace(['.'], dir);
    expect(all(o).map(where)).toEqual([{ code: 'bestand-binair', severity: 'error', file: 'din.yaml', line: 1, column: 1 }]);
    expect(o.diagnostics[0]!.message).toContain('NUL');
  });

  it('bestand-binair: invalid UTF-8 (a Latin-1 file)', () => {
    const dir = join(tmp, 'latin1');
    mkdirSync(dir);
    // "naam: Caf\xe9" in Latin-1: 0xE9 followed by a newline is not valid UTF-8.
    writeFileSync(join(dir, 'din.yaml'), Buffer.concat([Buffer.from('soort: din\nnaam: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const o = loadWorkspace(['.'], dir);
    expect(all(o).map(where)).toEqual([{ code: 'bestand-binair', severity: 'error', file: 'din.yaml', line: 1, column: 1 }]);
    expect(o.diagnostics[0]!.message).toContain('UTF-8');
  });

  it('a UTF-8 byte order mark is accepted', () => {
    const r = readModelText('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('soort: scenario\nid: s\nnaam: n\nlegt_over: x\n')]));
    expect(r.diagnostics).toEqual([]);
    expect(validateFile(r.file!).diagnostics).toEqual([]);
  });

  it('pad-onbekend: a path that does not exist is a usage problem (exit 2)', async () => {
    const o = loadWorkspace(['bestaat-niet'], FIXTURES);
    expect(o.usageProblems.map(where)).toEqual([{ code: 'pad-onbekend', severity: 'error', file: 'bestaat-niet', line: 1, column: 1 }]);
    expect(o.usageProblems[0]!.message).toBe('pad `bestaat-niet` bestaat niet');
    expect(o.diagnostics).toEqual([]);
    const io = captureIo(FIXTURES);
    expect(await main(['validate', 'bestaat-niet'], io)).toBe(2);
    expect(io.stdout()).toContain('pad-onbekend');
  });

  it('geen-modellen: a folder without .yaml files is a usage problem (exit 2)', async () => {
    const o = loadWorkspace(['geen-modellen'], FIXTURES);
    expect(o.usageProblems.map(where)).toEqual([{ code: 'geen-modellen', severity: 'error', file: 'geen-modellen', line: 1, column: 1 }]);
    const io = captureIo(FIXTURES);
    expect(await main(['validate', 'geen-modellen'], io)).toBe(2);
    expect(io.stdout()).toContain('geen-modellen');
  });

  it('pad-onleesbaar: a path that exists but cannot be read as a file (a socket), exit 2', async () => {
    const dir = join(tmp, 'socket');
    mkdirSync(dir);
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'model.yaml'), resolve));
    try {
      const o = loadWorkspace(['model.yaml'], dir);
      expect(o.usageProblems.map(where)).toEqual([{ code: 'pad-onleesbaar', severity: 'error', file: 'model.yaml', line: 1, column: 1 }]);
      const io = captureIo(dir);
      expect(await main(['validate', 'model.yaml'], io)).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('whole-workspace behaviour', () => {
  it('reports all problems of all files in one run', () => {
    const diags = all(load('meerdere-fouten'));
    expect(diags.map(where)).toEqual([
      { code: 'yaml-syntaxis', severity: 'error', file: 'beleidsmodel.yaml', line: 7, column: 12 },
      { code: 'waarde-ongeldig', severity: 'error', file: 'din.yaml', line: 18, column: 14 },
      { code: 'waarde-te-klein', severity: 'error', file: 'regioregister.yaml', line: 6, column: 15 },
    ]);
  });

  it('reports every problem within one file, in position order', () => {
    const r = readModelText('din.yaml', 'soort: din\nregio: Regio Noord\nambitie:\n  id: a\n  tekst: 12\ninspanningen:\n  - id: b\n    tekst: c\n    functie: wervn\n');
    const v = validateFile(r.file!);
    expect(v.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['id-ongeldig', 2, 8],
      ['type-ongeldig', 5, 10],
      ['waarde-ongeldig', 9, 14],
    ]);
  });

  it('validation never changes the files on disk', async () => {
    const snapshot = () => {
      const files = new Map<string, Buffer>();
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.set(relative(FIXTURES, p), readFileSync(p));
        }
      };
      walk(FIXTURES);
      return files;
    };
    const before = snapshot();
    const folders = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory());
    for (const name of folders) {
      loadWorkspace(['.'], fixture(name));
      await main(['validate', '.'], captureIo(fixture(name)));
      await main(['validate', '--format', 'json', '.'], captureIo(fixture(name)));
    }
    const after = snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('every diagnostic of every fixture points at an existing line, and formats with a caret', () => {
    const folders = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory());
    for (const name of folders) {
      const o = load(name);
      for (const d of o.diagnostics) {
        const text = o.sources.get(d.file);
        if (text === undefined) continue;
        const lines = text.split('\n');
        expect(d.line, `${name}/${d.file}`).toBeGreaterThanOrEqual(1);
        expect(d.line, `${name}/${d.file}`).toBeLessThanOrEqual(lines.length);
        expect(d.column, `${name}/${d.file}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
        const formatted = formatDiagnostic(d, { sources: o.sources }).split('\n');
        expect(formatted[0]).toMatch(/^\S+:\d+:\d+ (fout|waarschuwing|info) [a-z0-9-]+ /);
        if (lines[d.line - 1]!.trim() !== '') {
          expect(formatted[1]).toBe(`${String(d.line).padStart(5)} | ${lines[d.line - 1]!.replace(/\t/g, ' ')}`);
          expect(formatted[2]).toBe(' '.repeat(8 + d.column - 1) + '^');
        }
      }
    }
  });
});

describe('tekst-onzichtbaar-teken (control, bidi and zero-width characters in text)', () => {
  const warnings = (text: string) => validateFile(readModelText('din.yaml', text).file!).diagnostics.filter((d) => d.code === 'tekst-onzichtbaar-teken');

  it('fixture: a bidi override written as an escape in a tekst is a warning at that scalar, naming the code point', () => {
    const d = only('tekst-onzichtbaar-teken');
    expect(where(d)).toEqual({ code: 'tekst-onzichtbaar-teken', severity: 'warning', file: 'din.yaml', line: 17, column: 12 });
    expect(d.message).toBe('tekst bevat een teken dat je niet ziet of dat de weergave verandert: U+202E (rechts-naar-linksoverschrijving)');
    expect(d.hint).toContain('kopiëren');
    // A warning: the workspace still validates and loads.
    expect(load('tekst-onzichtbaar-teken').failedFiles).toEqual([]);
  });

  it('a raw character is located at the character itself, in values and keys, in any kind of scalar', () => {
    const scenario = 'soort: scenario\nid: s\nlegt_over: regio-noord\n';
    expect(warnings(`${scenario}naam: "Regio\u200bNoord"\n`).map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 13, 'tekst bevat een teken dat je niet ziet of dat de weergave verandert: U+200B (spatie zonder breedte)'],
    ]);
    expect(warnings(`${scenario}naam: |\n  eerste regel\n  tweede \u2066regel\n`).map((d) => [d.line, d.column])).toEqual([[6, 10]]);
    expect(warnings(`${scenario}naam: n\n"na\u202eam": x\n`).map((d) => [d.line, d.column, d.message.slice(0, 14)])).toEqual([[5, 4, 'sleutel bevat ']]);
    expect(warnings(`${scenario}naam: "a\\e[2J\\a"\n`).map((d) => [d.line, d.column, d.message.split(': ')[1]])).toEqual([
      [4, 7, 'U+001B (escape, begin van een terminalcode), U+0007 (belsignaal)'],
    ]);
  });

  it('every kind is caught (C0, DEL, C1, bidi, zero-width), one warning per scalar naming at most three characters', () => {
    for (const ch of ['\x01', '\x1b', '\r', '\x7f', '\x85', '\x9b', '\u061c', '\u200e', '\u200f', '\u202a', '\u202d', '\u2066', '\u2069', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const found = warnings(`soort: scenario\nid: s\nlegt_over: r\nnaam: "${JSON.stringify(ch).slice(1, -1)}"\n`);
      expect(found.length, JSON.stringify(ch)).toBe(1);
      expect(found[0]!.message).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    const many = warnings('soort: scenario\nid: s\nlegt_over: r\nnaam: "\\u200b\\u200c\\u200d\\u2060\\u200b"\n');
    expect(many.length).toBe(1);
    expect(many[0]!.message).toMatch(/U\+200B .*U\+200C .*U\+200D .*, en 1 meer$/);
  });

  it('ordinary text, tabs and line breaks are no reason to warn; a file with schema errors is still checked', () => {
    expect(warnings('soort: scenario\nid: s\nlegt_over: r\nnaam: "Beter behoud:\\tideeën van ’t team — € 214 mln"\nbeschrijving: |\n  twee\n  regels\n')).toEqual([]);
    const broken = validateFile(readModelText('din.yaml', 'soort: scenario\nid: Niet Goed\nnaam: "x\\u202e"\n').file!).diagnostics;
    expect(broken.map((d) => d.code)).toContain('id-ongeldig');
    expect(broken.map((d) => d.code)).toContain('tekst-onzichtbaar-teken');
  });
});
