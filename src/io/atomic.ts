/**
 * Outputs are written atomically (temp file in the same folder + rename) so a crash or
 * Ctrl-C never leaves a half-written diagram, PDF or schema behind, and unchanged files are
 * not touched at all (keeps mtimes and git quiet).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): 'written' | 'unchanged' {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    if (Buffer.compare(readFileSync(path), bytes) === 0) return 'unchanged';
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return 'written';
}
