/**
 * The bundled evidence register (models/bewijs/tussenrapportage-2025-1.yaml) against its seed:
 * every finding cites line ranges of seed 000 in the sections the register covers (§2.2,
 * ch. 3, ch. 4, §5.1), and — where the seed is at hand — those lines really hold the finding:
 * every figure of its `tekst` and most of its words. Plus the strength rules the register's
 * header states (no `sterk` from interviews, `sterk` only with a count).
 *
 * The seeds are not part of the repository; the line check runs where they are
 * (TOCDIN_SEEDS or /work/shared/seeds) and is skipped elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../fixtures/engine.js';

type Finding = {
  id: string;
  tekst: string;
  methode: string;
  fase: string;
  richting: string;
  sterkte: string;
  toetst?: { schakels?: unknown[]; aannames?: unknown[]; bijdragen?: unknown[] };
  beantwoordt?: string[];
  bron: string;
};

const SEED = '000_2c605b7e49039249.txt';
const SEED_LINES = 2352;
const register = parse(readFileSync(join(ROOT, 'models/bewijs/tussenrapportage-2025-1.yaml'), 'utf8')) as { bron: string; bevindingen: Finding[] };
const findings = register.bevindingen;

/** "000_….txt §2.2.1, r. 642–644; §5.1, r. 1804–1808" → [['2.2.1', 642, 644], ['5.1', 1804, 1808]] */
const citations = (bron: string) => [...bron.matchAll(/§([\d.]+), r\. (\d+)–(\d+)/g)].map((m) => [m[1]!, Number(m[2]), Number(m[3])] as const);

/** Lower case, no diacritics or apostrophes, words broken over a line joined. */
const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'‘]/g, '')
    .replace(/\s+/g, ' ');

describe('bewijsregister eerste tussenrapportage: vorm', () => {
  it('has at least 40 findings, all of phase 2025-1, from seed 000', () => {
    expect(register.bron).toBe(SEED);
    expect(findings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(findings.map((f) => f.fase))).toEqual(new Set(['2025-1']));
  });

  it('cites every finding as "<seed> §x.y, r. A–B", only in §2.2, ch. 3, ch. 4 and §5.1, inside the seed', () => {
    for (const f of findings) {
      expect(f.bron.startsWith(`${SEED} §`), f.id).toBe(true);
      const cited = citations(f.bron);
      expect(cited.length, f.id).toBeGreaterThan(0);
      expect(f.bron.match(/r\./g)?.length, `${f.id}: every range in the form r. A–B`).toBe(cited.length);
      for (const [section, from, to] of cited) {
        expect(section, f.id).toMatch(/^(2\.2(\.\d)?|3(\.\d+)*|4(\.\d)?|5\.1)$/);
        expect(from, f.id).toBeLessThanOrEqual(to);
        expect(to, f.id).toBeLessThanOrEqual(SEED_LINES);
      }
    }
  });

  it('never rates an interview signal sterk, and rates sterk only a finding with a count', () => {
    for (const f of findings.filter((x) => x.sterkte === 'sterk')) {
      expect(f.methode, f.id).not.toBe('interviews');
      expect(f.tekst, f.id).toMatch(/\d|\b(elf|vijftig)\b/);
    }
  });

  it('gives a refuting finding a target and a finding without target no direction', () => {
    for (const f of findings) {
      const targets = (f.toetst?.schakels?.length ?? 0) + (f.toetst?.aannames?.length ?? 0) + (f.toetst?.bijdragen?.length ?? 0);
      if (targets === 0) expect(f.richting, f.id).toBe('geen-uitspraak');
      else expect(f.richting, f.id).not.toBe('geen-uitspraak');
    }
  });
});

const seedFile = join(process.env['TOCDIN_SEEDS'] ?? '/work/shared/seeds', SEED);
const seed = existsSync(seedFile) ? readFileSync(seedFile, 'utf8').split('\n') : null;

describe.skipIf(!seed)('bewijsregister eerste tussenrapportage: tegen seed 000', () => {
  const cited = (f: Finding) => normalise(citations(f.bron).map(([, from, to]) => seed!.slice(from - 1, to).join('\n')).join('\n'));

  it('has the seed it was written from (2352 lines)', () => {
    expect(seed!.length).toBe(SEED_LINES + 1);
  });

  it('finds every figure of a finding in the lines it cites', () => {
    for (const f of findings) {
      const lines = cited(f).replace(/\s/g, '');
      for (const figure of f.tekst.match(/\d+(?:[.,]\d+)*/g) ?? []) expect(lines, `${f.id}: ${figure}`).toContain(figure);
    }
  });

  it('finds at least 75 % of the longer words of a finding in the lines it cites', () => {
    for (const f of findings) {
      const lines = cited(f);
      const words = [...new Set(normalise(f.tekst).match(/[a-z]{6,}/g) ?? [])];
      const found = words.filter((w) => lines.includes(w));
      expect(found.length / words.length, `${f.id}: missing ${words.filter((w) => !found.includes(w)).join(', ')}`).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('traces three findings to their seed line', () => {
    const line = (n: number) => seed![n - 1]!;
    expect(line(826)).toContain("In elf van de vijftig regio's is de beroepsgroep bestuurlijk");
    expect(findings.find((f) => f.id === 'beroepsgroep-bestuurlijk-in-11-van-50')?.bron).toContain('r. 826–828');
    expect(line(1147)).toContain('6,8%, gebaseerd op de gegevens van 43 regio');
    expect(findings.find((f) => f.id === 'lerarentekort-gemiddeld-6-8-procent')?.bron).toContain('r. 1145–1151');
    expect(line(721)).toContain('heeft geleid tot de beoogde vermindering van bestuurlijke drukte');
    expect(findings.find((f) => f.id === 'bestuurlijke-drukte-niet-verminderd')?.richting).toBe('weerlegt');
  });
});
