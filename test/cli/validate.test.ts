/**
 * `tocdin validate` through main(argv, io): exit codes (0 fine, 1 model errors, 2 usage or
 * I/O), the text and JSON formats, and determinism. Uses the mini workspaces in
 * test/fixtures/diagnostics/ as the working directory.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../src/cli/main.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/diagnostics/', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], cwd = join(FIXTURES, 'geldig')): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd, color: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const HEADER = /^\S+:\d+:\d+ (fout|waarschuwing|info) [a-z0-9-]+ /;
const DIAG_KEYS = ['file', 'line', 'column', 'severity', 'code', 'message'];
const OPTIONAL_KEYS = ['hint', 'related'];

function noStackTrace(r: Run): void {
  expect(r.out + r.err).not.toContain('    at ');
}

describe('tocdin validate: exit codes', () => {
  it('exit 0 on the valid mini workspace, with no diagnostics', async () => {
    const r = await run(['validate', '.']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n').filter((l) => HEADER.test(l))).toEqual([]);
    expect(r.out).toContain('3 bestanden gelezen (3 geldig)');
    expect(r.out).toContain('0 fouten');
  });

  it('exit 1 on model errors', async () => {
    for (const name of ['meerdere-fouten', 'waarde-ongeldig', 'yaml-syntaxis', 'verwijzing-onbekend', 'id-dubbel', 'yaml-alias-bom']) {
      const r = await run(['validate', '.'], join(FIXTURES, name));
      expect(r.code, name).toBe(1);
      noStackTrace(r);
    }
  });

  it('exit 1 when paths are given relative to another working directory', async () => {
    const r = await run(['validate', 'meerdere-fouten'], FIXTURES);
    expect(r.code).toBe(1);
    expect(r.out).toContain('meerdere-fouten/din.yaml:18:14 fout waarde-ongeldig ');
  });

  it('exit 2 on a missing path', async () => {
    const r = await run(['validate', 'bestaat-niet']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^bestaat-niet:1:1 fout pad-onbekend /m);
    noStackTrace(r);
  });

  it('exit 2 on a missing path even when other paths have model errors', async () => {
    const r = await run(['validate', 'meerdere-fouten', 'bestaat-niet'], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.out).toContain('pad-onbekend');
    expect(r.out).toContain('waarde-ongeldig');
  });

  it('exit 2 on a folder without models', async () => {
    const r = await run(['validate', 'geen-modellen'], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.out).toContain('geen-modellen');
  });

  it('exit 2 on an unknown command, with a suggestion', async () => {
    const r = await run(['valdate', '.']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('onbekende opdracht `valdate`');
    expect(r.err).toContain('bedoel je `validate`?');
    noStackTrace(r);
  });

  it('exit 2 on an unknown option, with a suggestion', async () => {
    const r = await run(['validate', '--formaat', 'json', '.']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('onbekende optie `--formaat`');
    expect(r.err).toContain('bedoel je `--format`?');
    expect(r.out).toBe('');
    noStackTrace(r);
  });

  it('exit 2 on --format xml', async () => {
    const r = await run(['validate', '--format', 'xml', '.']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('onbekend formaat `xml`');
    expect(r.out).toBe('');
    noStackTrace(r);
  });
});

describe('tocdin validate: JSON format', () => {
  it('prints {"diagnostics":[...]} with exactly the documented keys', async () => {
    const r = await run(['validate', '--format', 'json', '.'], join(FIXTURES, 'meerdere-fouten'));
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['diagnostics']);
    expect(parsed.diagnostics.map((d) => [d['file'], d['line'], d['column'], d['severity'], d['code']])).toEqual([
      ['beleidsmodel.yaml', 7, 12, 'error', 'yaml-syntaxis'],
      ['din.yaml', 18, 14, 'error', 'waarde-ongeldig'],
      ['regioregister.yaml', 6, 15, 'error', 'waarde-te-klein'],
    ]);
    for (const d of parsed.diagnostics) {
      const keys = Object.keys(d);
      expect(keys.slice(0, DIAG_KEYS.length)).toEqual(DIAG_KEYS);
      for (const k of keys.slice(DIAG_KEYS.length)) expect(OPTIONAL_KEYS).toContain(k);
    }
    expect(parsed.diagnostics[1]!['hint']).toBe('bedoel je `werven`?');
    expect('hint' in parsed.diagnostics[2]!).toBe(false);
  });

  it('includes related locations (id-dubbel) and nothing else but JSON on stdout', async () => {
    const r = await run(['validate', '--format', 'json', '.'], join(FIXTURES, 'id-dubbel'));
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    const dup = parsed.diagnostics.find((d) => d['code'] === 'id-dubbel')!;
    expect(dup['related']).toEqual([{ file: 'beleidsmodel.yaml', line: 10, column: 9, message: 'eerste definitie' }]);
    for (const d of parsed.diagnostics) {
      expect(Object.keys(d).filter((k) => !DIAG_KEYS.includes(k) && !OPTIONAL_KEYS.includes(k))).toEqual([]);
    }
  });

  it('is valid JSON for a valid workspace and for usage problems too', async () => {
    const ok = await run(['validate', '--format', 'json', '.']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.out) as { diagnostics: unknown[] }).diagnostics.filter((d) => (d as { severity: string }).severity === 'error')).toEqual([]);
    const missing = await run(['validate', '--format', 'json', 'bestaat-niet']);
    expect(missing.code).toBe(2);
    const parsed = JSON.parse(missing.out) as { diagnostics: { code: string }[] };
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['pad-onbekend']);
  });
});

describe('tocdin validate: text format', () => {
  it('every diagnostic header matches file:line:col severity code message', async () => {
    const r = await run(['validate', '.'], join(FIXTURES, 'meerdere-fouten'));
    const json = JSON.parse((await run(['validate', '--format', 'json', '.'], join(FIXTURES, 'meerdere-fouten'))).out) as { diagnostics: unknown[] };
    const lines = r.out.split('\n');
    const headers = lines.filter((l) => HEADER.test(l));
    expect(headers).toHaveLength(json.diagnostics.length);
    expect(headers).toEqual([
      'beleidsmodel.yaml:7:12 fout yaml-syntaxis een blok staat op de plaats van een sleutel (Nested mappings are not allowed in compact mappings)',
      'din.yaml:18:14 fout waarde-ongeldig `wervn` is geen geldige waarde voor `functie`',
      'regioregister.yaml:6:15 fout waarde-te-klein `sectoren` moet minstens 1 element(en) bevatten',
    ]);
    // Everything else is indented (source, caret, hint), empty, or the closing summary line.
    const rest = lines.filter((l) => !HEADER.test(l) && l !== '' && !/^\s/.test(l));
    expect(rest).toEqual(['3 bestanden gelezen (0 geldig): 3 fouten, 0 waarschuwingen, 0 info']);
  });

  it('prints the offending source line and a caret under the column', async () => {
    const r = await run(['validate', '.'], join(FIXTURES, 'meerdere-fouten'));
    const lines = r.out.split('\n');
    const i = lines.indexOf('din.yaml:18:14 fout waarde-ongeldig `wervn` is geen geldige waarde voor `functie`');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toBe('   18 |     functie: wervn');
    expect(lines[i + 2]).toBe(' '.repeat('   18 | '.length + 13) + '^');
    expect(lines[i + 3]).toBe('      hint: bedoel je `werven`?');
    const j = lines.findIndex((l) => l.startsWith('beleidsmodel.yaml:7:12 '));
    expect(lines[j + 1]).toBe('    7 |     tekst: Werven: gezamenlijk, in de hele regio');
    expect(lines[j + 2]!.indexOf('^')).toBe('    7 | '.length + 11);
  });

  it('shows related locations in text', async () => {
    const r = await run(['validate', '.'], join(FIXTURES, 'id-dubbel'));
    expect(r.out).toContain('din.yaml:6:7 fout id-dubbel id `meer-instroom` bestaat al (outcome in beleidsmodel.yaml:10:9)');
    expect(r.out).toContain('zie ook beleidsmodel.yaml:10:9 eerste definitie');
  });

  it('without color there are no ANSI escape codes', async () => {
    const r = await run(['validate', '.'], join(FIXTURES, 'meerdere-fouten'));
    expect(r.out).not.toMatch(/\u001b\[/);
  });
});

describe('tocdin validate: determinism', () => {
  it('running twice gives byte-identical output (text and JSON)', async () => {
    for (const argv of [['validate', '.'], ['validate', '--format', 'json', '.'], ['validate', 'meerdere-fouten', 'id-dubbel', 'din-dubbel', 'bestaat-niet']]) {
      const cwd = argv.includes('.') ? join(FIXTURES, 'meerdere-fouten') : FIXTURES;
      const a = await run(argv, cwd);
      const b = await run(argv, cwd);
      expect(Buffer.from(b.out).equals(Buffer.from(a.out)), argv.join(' ')).toBe(true);
      expect(b.err).toBe(a.err);
      expect(b.code).toBe(a.code);
    }
  });

  it('the order of the paths on the command line does not change the output', async () => {
    const a = await run(['validate', 'meerdere-fouten', 'id-dubbel'], FIXTURES);
    const b = await run(['validate', 'id-dubbel', 'meerdere-fouten'], FIXTURES);
    expect(b.out).toBe(a.out);
  });
});
