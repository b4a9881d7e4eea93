/**
 * The table of codes is the one source: the lint rules agree with it, every lint code has its
 * fixture folder, and the reference page docs/meldingen.md is what the table prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeReference, DIAGNOSTIC_CODES, isDiagnosticCode } from '../../src/diagnostics/codes.js';
import { RULES } from '../../src/lint/rules.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('diagnostic codes table', () => {
  it('each lint rule has the severity and stage the table gives', () => {
    for (const r of RULES) {
      expect(DIAGNOSTIC_CODES[r.code].severity, r.code).toBe(r.severity);
      expect(DIAGNOSTIC_CODES[r.code].stage, r.code).toBe('lint');
    }
  });

  it('every lint code of the table has a rule and a fixture folder', () => {
    const lintCodes = Object.entries(DIAGNOSTIC_CODES).filter(([, s]) => s.stage === 'lint').map(([c]) => c);
    const ruleCodes = new Set(RULES.map((r) => r.code));
    expect(lintCodes.filter((c) => !ruleCodes.has(c as never))).toEqual([]);
    expect(lintCodes.filter((c) => !existsSync(join(ROOT, 'test/fixtures/engine/lint', c)))).toEqual([]);
  });

  it('codes are stable slugs with a Dutch summary and hint', () => {
    for (const [code, spec] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(spec.summary.length, code).toBeGreaterThan(15);
      expect(spec.hint.length, code).toBeGreaterThan(8);
    }
    expect(isDiagnosticCode('constructor')).toBe(false);
    expect(isDiagnosticCode('cyclus')).toBe(true);
  });

  it('docs/meldingen.md is up to date (npx tocdin meldingen > docs/meldingen.md)', () => {
    expect(readFileSync(join(ROOT, 'docs/meldingen.md'), 'utf8')).toBe(codeReference());
  });
});
