/**
 * Shared helpers for the engine tests: fixture folders under test/engine/fixtures/, loading
 * them through the same pipeline the CLI uses, and running the CLI in-process.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from '../../src/pipeline.js';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

/** Load a fixture folder with itself as cwd, so diagnostics name files relative to it. */
export function load(...parts: string[]) {
  return checkWorkspace(['.'], fixture(...parts));
}

export function where(d: Diagnostic) {
  return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column };
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], cwd: string): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s), cwd, color: false });
  return { code, out, err };
}
