/**
 * Nothing a model file holds may act on the terminal that shows tocdin's output: ESC, BEL,
 * CR and the other control characters, bidi controls and zero-width characters are shown as
 * `\u001b`-style escapes (the JSON escape, so escaped JSON still parses to the same value),
 * and a file name cannot print a line that looks like a diagnostic of its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic, showFileName } from '../../src/diagnostics/format.js';
import { describeChar, escapeForTerminal, UNSAFE_CHARS } from '../../src/diagnostics/terminal.js';
import { loadWorkspace } from '../../src/pipeline.js';
import { readModelText } from '../../src/read/read.js';
import { validateFile } from '../../src/validate/validate.js';

const ESC = '\x1b';
const BEL = '\x07';
/** Set the window title, clear the screen, red text: what the attack printed raw. */
const HOSTILE = `${ESC}]0;gekaapt${BEL}${ESC}[2J${ESC}[31mrood${ESC}[0m`;

/** Every character of the classes that must be escaped, one of each code point. */
const MUST_ESCAPE = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => i !== 0x09 && i !== 0x0a),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
].map((cp) => String.fromCodePoint(cp));

describe('escapeForTerminal', () => {
  it('escapes every C0 control but tab and newline, DEL, the C1 controls, bidi controls and zero-width characters', () => {
    for (const ch of MUST_ESCAPE) {
      const cp = ch.codePointAt(0)!;
      expect(escapeForTerminal(`a${ch}b`), describeChar(ch)).toBe(`a\\u${cp.toString(16).padStart(4, '0')}b`);
    }
    expect(escapeForTerminal(HOSTILE)).toBe('\\u001b]0;gekaapt\\u0007\\u001b[2J\\u001b[31mrood\\u001b[0m');
  });

  it('leaves tab, newline and all ordinary text alone (accents, quotes, emoji, Arabic, a lone backslash)', () => {
    const text = 'Beter behoud:\tideeën van ’t team\n“één” — € 214 mln 👩🏽‍🏫 مرحبا \\u202e stays text';
    expect(escapeForTerminal(text)).toBe(text.replace('👩🏽‍🏫', '👩🏽\\u200d🏫'));
    expect(escapeForTerminal('Regionale wervingscampagne')).toBe('Regionale wervingscampagne');
  });

  it('property: the result holds none of those characters, and escaped JSON output parses to the same value', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffff }), { maxLength: 60 }).map((units) => String.fromCharCode(...units)), fc.string({ unit: fc.constantFrom(...MUST_ESCAPE, 'a', '\\', '"', '\n', '\t', 'é'), maxLength: 30 }), (any, hostile) => {
        for (const s of [any, hostile]) {
          expect(UNSAFE_CHARS.test(escapeForTerminal(s))).toBe(false);
          // JSON.stringify escapes C0 itself but leaves DEL, C1, bidi and zero-width raw.
          const value = { [s]: [s, { tekst: s }] };
          for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
            const escaped = escapeForTerminal(json);
            expect(UNSAFE_CHARS.test(escaped)).toBe(false);
            expect(JSON.parse(escaped)).toEqual(value);
          }
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('keepColour keeps only the colour sequences tocdin paints with; a screen clear, a title, hidden text stay escaped', () => {
    const ours = `${ESC}[1mbestand${ESC}[22m ${ESC}[31mfout${ESC}[39m ${ESC}[2mcode${ESC}[22m ${ESC}[33mw${ESC}[39m ${ESC}[36mi${ESC}[39m ${ESC}[32mhint:${ESC}[39m`;
    expect(escapeForTerminal(ours, { keepColour: true })).toBe(ours);
    expect(escapeForTerminal(ours)).not.toContain(ESC);
    const hostile = `${ESC}[2J${ESC}]0;t${BEL}${ESC}[8mverborgen${ESC}[30;40m${ESC}[31;1m`;
    expect(escapeForTerminal(hostile, { keepColour: true })).toBe(escapeForTerminal(hostile));
  });
});

describe('formatDiagnostic shows what the model holds, escaped', () => {
  const at = (file: string, line: number, column: number, message = 'iets', extra: Partial<Diagnostic> = {}): Diagnostic => ({
    file, line, column, severity: 'error', code: 'waarde-ongeldig', message, ...extra,
  });

  it('a comment with ESC and BEL on the line shown under a diagnostic is escaped, and the caret still points at the right character', () => {
    const source = `soort: din\nregio: x # ${HOSTILE}\nfunctie: wervn # ${BEL}\n`;
    const sources = new Map([['din.yaml', source]]);
    const one = formatDiagnostic(at('din.yaml', 2, 8), { sources }).split('\n');
    expect(one[1]).toBe(`    2 | regio: x # ${escapeForTerminal(HOSTILE)}`);
    // The caret is under `x`, which comes before the escapes.
    expect(one[2]!.indexOf('^')).toBe(one[1]!.indexOf('x #'));
    // A caret after an escaped character moves with the escape.
    const after = formatDiagnostic(at('din.yaml', 2, 12 + HOSTILE.length), { sources }).split('\n');
    expect(after[2]!.indexOf('^')).toBe(after[1]!.length);
    for (const color of [false, true]) {
      const out = formatDiagnostic(at('din.yaml', 2, 8, 'm', { hint: `h${ESC}[2J`, related: [{ file: 'a.yaml', line: 1, column: 1, message: `r${BEL}` }] }), { sources, color });
      // Raw only our own colour: nothing a terminal would act on otherwise.
      expect(escapeForTerminal(out, { keepColour: true })).toBe(out);
      expect(out).not.toContain(BEL);
    }
  });

  it('ESC and BEL in a key: the unknown-key message and the new warning print escaped, each on its own one line', () => {
    const r = readModelText('din.yaml', `soort: scenario\nid: s\nnaam: n\nlegt_over: x\nna${ESC}[2Jam${BEL}: x\n`);
    const v = validateFile(r.file!);
    expect(v.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['sleutel-onbekend', 5, 1],
      ['tekst-onzichtbaar-teken', 5, 3],
    ]);
    const sources = new Map([['din.yaml', r.file!.source.text]]);
    const text = v.diagnostics.map((d) => formatDiagnostic(d, { sources })).join('\n');
    expect(text).not.toMatch(UNSAFE_CHARS);
    expect(text).toContain('onbekende sleutel `na\\u001b[2Jam\\u0007`');
    expect(text).toContain('sleutel bevat tekens die je niet ziet of die de weergave veranderen: U+001B (escape, begin van een terminalcode), U+0007 (belsignaal)');
  });

  it('ESC and BEL in a `tekst`: warned about, and the source line shown escaped', () => {
    const r = readModelText('din.yaml', `soort: din\nregio: regio-noord\nambitie:\n  id: a\n  tekst: Elke leerling ${HOSTILE}\n`);
    const v = validateFile(r.file!);
    const warning = v.diagnostics.find((d) => d.code === 'tekst-onzichtbaar-teken')!;
    expect([warning.severity, warning.line, warning.column]).toEqual(['warning', 5, 24]);
    const text = formatDiagnostic(warning, { sources: new Map([['din.yaml', r.file!.source.text]]) });
    expect(text).not.toMatch(UNSAFE_CHARS);
    expect(text.split('\n')[1]).toBe(`    5 |   tekst: Elke leerling ${escapeForTerminal(HOSTILE)}`);
    expect(text.split('\n')[2]!.indexOf('^')).toBe(text.split('\n')[1]!.indexOf('\\u001b'));
  });

  it('a newline in a message (a quoted multi-line value) stays on the message line', () => {
    const out = formatDiagnostic(at('din.yaml', 1, 1, '`a\ndin.yaml:9:9 fout nep` is geen geldige waarde'));
    expect(out.split('\n')).toEqual(['din.yaml:1:1 fout waarde-ongeldig `a\\ndin.yaml:9:9 fout nep` is geen geldige waarde']);
  });
});

describe('file names', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-namen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ordinary names, with spaces, accents or quotes, are shown as they are', () => {
    for (const name of ['models/din.yaml', 'regio’s/Zeeland en "Noord".yaml', 'a b.yaml']) expect(showFileName(name)).toBe(name);
  });

  it('a file name with a newline cannot forge a diagnostic line (through loadWorkspace and formatDiagnostic)', () => {
    // A file name cannot hold a slash; the forged line names a file next to it.
    const forged = 'a.yaml\nx.yaml:1:1 fout nep.yaml';
    const titled = `b${ESC}]0;gekaapt${BEL}\u202e.yaml`;
    writeFileSync(join(dir, forged), 'soort: dinn\n');
    writeFileSync(join(dir, titled), 'soort: dinn\n');
    const o = loadWorkspace(['.'], dir);
    expect(o.diagnostics.map((d) => [d.file, d.code])).toEqual([
      [forged, 'soort-onbekend'],
      [titled, 'soort-onbekend'],
    ]);
    const out = o.diagnostics.map((d) => formatDiagnostic(d, { sources: o.sources })).join('\n\n');
    expect(out).not.toMatch(UNSAFE_CHARS);
    const lines = out.split('\n');
    // Each diagnostic: its line, the source line, the caret, the hint; nothing more.
    expect(lines.length).toBe(2 * 4 + 1);
    expect(lines.filter((l) => /^\S.*:\d+:\d+ (fout|waarschuwing|info) /.test(l))).toEqual([
      '"a.yaml\\nx.yaml:1:1 fout nep.yaml":1:8 fout soort-onbekend onbekende soort `dinn`',
      '"b\\u001b]0;gekaapt\\u0007\\u202e.yaml":1:8 fout soort-onbekend onbekende soort `dinn`',
    ]);
    expect(lines.some((l) => l.startsWith('x.yaml'))).toBe(false);
  });
});
