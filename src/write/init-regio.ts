/**
 * `tocdin init-regio ID`: a new DIN file from the template, filled from the register entry.
 * Never overwrites: the file is created exclusively, so a user's DIN cannot be lost.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function createRegionDin(path: string, content: string): 'created' | 'exists' {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, content, { encoding: 'utf8', flag: 'wx' });
    return 'created';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw err;
  }
}
