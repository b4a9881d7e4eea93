// @vitest-environment jsdom
/**
 * The diagrams of a scenario (diagrams/scenarios/<id>/) on the analysis fixture and its
 * scenarios: added elements say NIEUW, changed ones GEWIJZIGD with their fields, removed ones
 * VERWIJDERD and stay drawn grey and dashed with their lines; the legend names only the marks
 * used. Golden files, judged by the real mermaid parser.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { decodeLabel } from '../../src/render/mermaid/builder.js';
import { scenarioDiagramSets } from '../../src/scenarios.js';

const GOLDEN = join(import.meta.dirname, '__golden__', 'scenarios');
const ENGINE = join(import.meta.dirname, '..', 'fixtures', 'engine');
const PATHS = ['analyse', 'scenario'];
const base = checkWorkspace(PATHS, ENGINE);
const sets = new Map(scenarioDiagramSets(PATHS, ENGINE, base, analyse(base.built, { diagnostics: base.diagnostics })).map((s) => [s.id, s.set] as const));

let mermaid: typeof import('mermaid').default;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

/** Node id → its decoded label, and class → node ids, from the Mermaid text. */
function parseNodes(mmd: string): { labels: Map<string, string>; classes: Map<string, string[]> } {
  const labels = new Map<string, string>();
  for (const m of mmd.matchAll(/^\s*(n\d+)[[(/{]+"(.*?)"[\])/}]+$/gm)) labels.set(m[1]!, decodeLabel(m[2]!));
  const classes = new Map<string, string[]>();
  for (const m of mmd.matchAll(/^\s*class ([\w,]+) (\w+)$/gm)) classes.set(m[2]!, m[1]!.split(','));
  return { labels, classes };
}

describe('scenario diagrams', () => {
  it('one folder per scenario; a DIN only where the scenario changes one', () => {
    expect([...sets.keys()]).toEqual(['begeleiding-gemeten', 'bovenop', 'sterker-werven', 'vacaturebank-weg']);
    expect(sets.get('vacaturebank-weg')!.files.map((f) => f.name)).toEqual(['README.md', 'din-regio-noord.mmd']);
    // Schuifjes move: their table comes along.
    expect(sets.get('sterker-werven')!.files.map((f) => f.name)).toEqual(['README.md', 'din-regio-noord.mmd', 'schuifjes-regio-noord.mmd']);
  });

  it('a removed concreet doel stays, grey and dashed, with its lines, marked VERWIJDERD', () => {
    const mmd = sets.get('vacaturebank-weg')!.files.find((f) => f.name === 'din-regio-noord.mmd')!.content;
    const { labels, classes } = parseNodes(mmd);
    const removed = [...labels].filter(([, l]) => l.startsWith('VERWIJDERD\n'));
    expect(removed.map(([, l]) => l.split('\n')[1])).toEqual(['Een vacaturebank']);
    // The element and its legend box.
    expect(classes.get('verwijderd')).toEqual([removed[0]![0], [...labels].find(([, l]) => l.startsWith('VERWIJDERD:'))![0]]);
    expect(mmd).toContain('classDef verwijderd fill:#f0f0f0,stroke:#969696,stroke-width:2px,stroke-dasharray:6 4,color:#525252');
    // Its two lines (from n-matchen and n-vacaturebank) are drawn as VERVALLEN: dotted, grey,
    // dashed; the third line of that style is the legend's.
    const gone = mmd.match(/^\s*linkStyle ([\d,]+) stroke:#969696,stroke-width:2px,stroke-dasharray:3 6$/m);
    expect(gone?.[1]!.split(',')).toHaveLength(3);
    for (const word of ['VERWIJDERD: het scenario haalt dit weg (gestreept)', 'VERVALLEN bijdrage: het scenario haalt haar weg']) expect([...labels.values()]).toContain(word);
    expect([...labels.values()]).not.toContain('NIEUW: het scenario voegt dit toe');
  });

  it('changed elements say which fields; added ones say NIEUW', () => {
    const changed = parseNodes(sets.get('sterker-werven')!.files.find((f) => f.name === 'din-regio-noord.mmd')!.content);
    expect([...changed.labels.values()].filter((l) => l.startsWith('GEWIJZIGD: ') && !l.startsWith('GEWIJZIGD: het scenario')).map((l) => { const [first, ...rest] = l.split('\n'); return `${first} | ${rest.join(' ').replace(/ HEFBOOM$/, '')}`; })).toEqual([
      'GEWIJZIGD: indicatoren | Elke starter een mentor',
      'GEWIJZIGD: draagt_bij_aan | Regionale wervingscampagne',
      'GEWIJZIGD: schuifjes | Loopbaancoaches',
    ]);
    const added = parseNodes(sets.get('begeleiding-gemeten')!.files.find((f) => f.name === 'din-regio-noord.mmd')!.content);
    expect([...added.labels.values()].filter((l) => l.startsWith('NIEUW\n'))).toEqual(['NIEUW\nInductieprogramma voor\nstarters']);
  });

  const files = [...sets].flatMap(([id, set]) => set.files.map((f) => [`${id}/${f.name}`, f.content] as const));
  it.each(files)('%s matches its golden file and parses', async (name, content) => {
    await expect(content).toMatchFileSnapshot(join(GOLDEN, name));
    if (name.endsWith('.mmd')) {
      const parsed = (await mermaid.parse(content)) as unknown as { config?: Record<string, unknown> };
      expect(Object.keys(parsed.config ?? {}).filter((k) => k !== 'title')).toEqual([]);
    }
  });

  it('is deterministic', () => {
    const again = scenarioDiagramSets(PATHS, ENGINE, base, analyse(base.built, { diagnostics: base.diagnostics }));
    expect(again.map((s) => s.set.files)).toEqual([...sets.values()].map((s) => s.files));
  });
});
