/**
 * `tocdin init-regio ID`: a new DIN file from the template, filled from the register entry.
 * Never overwrites: the file is created exclusively, so a user's DIN cannot be lost. The
 * folder is checked and made one step at a time (src/io/place.ts), so `--map /proc/nope`
 * is refused at once instead of looping in a recursive mkdir; failures are OutputErrors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputErrorFor } from '../io/errors.js';
import { ensureDir } from '../io/place.js';

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'templates', 'din-sjabloon.yaml');

/** Short id prefix from the region id's words ("zuidwest-samen" → "zs"), unique in the workspace. */
export function prefixFor(regioId: string, takenIds: Iterable<string>): string {
  const words = regioId.split('-').filter((w) => !['onderwijsregio', 'en', 'de', 'het', 'van'].includes(w));
  const initials = (words.length ? words : regioId.split('-')).map((w) => w[0]).join('');
  const taken = [...takenIds];
  for (const candidate of [initials, words.join('-'), regioId]) {
    if (candidate && !taken.some((id) => id.startsWith(candidate + '-'))) return candidate;
  }
  return regioId;
}

export function fillTemplate(vars: { id: string; naam: string; prefix: string }): string {
  // Values land inside double-quoted YAML scalars: escape what would end or break them.
  const q = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ');
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('{{regio-id}}', vars.id)
    .replaceAll('{{regio-naam}}', q(vars.naam))
    .replaceAll('{{prefix}}', vars.prefix);
}

/** Creates the DIN at `path`; 'exists' when anything (a file, a link, a FIFO) is already there. Throws OutputError. */
export function createRegionDin(path: string, content: string): 'created' | 'exists' {
  ensureDir(dirname(path));
  try {
    // wx: exclusive create, and a FIFO or link already at `path` is never opened.
    writeFileSync(path, content, { encoding: 'utf8', flag: 'wx' });
    return 'created';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw outputErrorFor(err, path) ?? err;
  }
}
