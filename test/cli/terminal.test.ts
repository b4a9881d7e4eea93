/**
 * The real process, as a user runs it: text from a model with terminal control characters
 * (ESC, BEL, a bidi override) is printed escaped by `explain`, `validate` and
 * `analyse --format json` (which still parses), never raw.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tocdin.js');
const RAW = /[\u0007\u001b\u202e]/;
let dir: string;

function run(args: string[]): { stdout: string; code: number } {
  try {
    return { stdout: execFileSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }), code: 0 };
  } catch (err) {
    const e = err as { stdout: string; status: number };
    return { stdout: e.stdout, code: e.status };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-term-'));
  cpSync(join(ROOT, 'test/fixtures/diagnostics/geldig'), join(dir, 'models'), { recursive: true });
  const din = join(dir, 'models', 'din.yaml');
  // A title change, a bell and a bidi override in the text of an inspanning.
  writeFileSync(din, readFileSync(din, 'utf8').replace('tekst: Regionale wervingscampagne', 'tekst: "Regionale \\e]0;GEHACKT\\a wervings\\u202Ecampagne"'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal output is escaped', () => {
  it('explain prints the text with visible escapes', () => {
    const { stdout, code } = run(['explain', 'noord-wervingscampagne']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('\\u001b]0;GEHACKT\\u0007');
    expect(stdout).toContain('\\u202e');
  });

  it('validate warns about the characters and shows them escaped', () => {
    const { stdout } = run(['validate']);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('tekst-onzichtbaar-teken');
  });

  it('analyse --format json stays valid JSON with the same text', () => {
    const { stdout } = run(['analyse', '--format', 'json']);
    expect(stdout).not.toMatch(RAW);
    expect(JSON.stringify(JSON.parse(stdout))).toContain('\\u001b]0;GEHACKT\\u0007');
  });
});
