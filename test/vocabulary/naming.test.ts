/**
 * One English name per Dutch term in code: the glossary gives it (`english`), and no name
 * declared in src/ (function, class, type, constant, variable) uses the Dutch word or an
 * abbreviation instead. Dutch stays where it is data: YAML keys, the analysis JSON, messages.
 * The schemas named after a model kind (`IndicatorenSchema`) mirror the YAML and may keep it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/vocabulary/glossary.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Dutch words (and abbreviations) of glossary terms that have an English code name. */
const NOT_IN_CODE = ['insp', 'inspanning', 'inspanningen', 'hefboom', 'weesenergie', 'muur', 'papier', 'regio', 'regios', 'doel', 'doelen', 'aanname', 'aannames', 'bijdrage', 'bijdragen', 'schuifje', 'schuifjes', 'deelvraag', 'deelvragen', 'gemeente', 'gemeenten', 'dekking', 'bewijs', 'bevinding', 'bevindingen'];
/** Names that mirror a YAML kind or key on purpose (zod schemas, the soort `indicatoren`). */
const MIRRORS_YAML = new Set(['IndicatorenSchema', 'Indicatoren', 'BewijsSchema', 'Bewijs']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const DECLARED = /\b(?:const|let|var|function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g;
const words = (name: string) => name.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g)?.map((w) => w.toLowerCase()) ?? [];

describe('code names follow the glossary', () => {
  it('every glossary term has its one English name', () => {
    for (const g of GLOSSARY) expect(g.english, g.term).toMatch(/^[a-z][A-Za-z]*(?: \/ [a-z][A-Za-z]*)*$/);
    const english = new Map(GLOSSARY.map((g) => [g.term, g.english]));
    expect(english.get('inspanningen')).toBe('effort');
    expect(english.get('hefboom(punt)')).toBe('lever');
  });

  it('no declared name in src/ uses a Dutch term or an abbreviation of one', () => {
    const found: string[] = [];
    for (const f of files(SRC)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(DECLARED)) {
        const name = m[1]!;
        if (MIRRORS_YAML.has(name)) continue;
        const bad = words(name).filter((w) => NOT_IN_CODE.includes(w));
        if (bad.length) found.push(`${relative(SRC, f)}: ${name} (${bad.join(', ')})`);
      }
    }
    expect(found).toEqual([]);
  });
});
