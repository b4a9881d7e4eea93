// @vitest-environment jsdom
/**
 * Issue 15.1 in every output: a contribution without a stated strength is "sterkte onbekend"
 * in the DIN diagram (a grey dashed linkStyle of its own, in the legend only when drawn), in
 * the poster legend, and in the hefboom lines of the text summary and the report.
 * Fixture: fixtures/engine/sterkte-onbekend.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { RENDERERS } from '../../src/render/index.js';
import { decodeLabel } from '../../src/render/mermaid/builder.js';
import { dinView } from '../../src/render/mermaid/views.js';
import { choosePage, posterHtml } from '../../src/render/poster.js';
import { checkWorkspace } from '../../src/pipeline.js';

// Not via fixtures/engine.ts: under jsdom import.meta.url is no file URL.
const loaded = checkWorkspace(['.'], join(import.meta.dirname, '..', 'fixtures', 'engine', 'sterkte-onbekend'));
const a = analyse(loaded.built, { diagnostics: loaded.diagnostics });
const [din] = dinView(a, 'regio-noord');

/** The edges of a Mermaid flowchart in order (Mermaid numbers linkStyle by this order), by the first line of each label. */
function edgesOf(mermaidText: string): { from: string; to: string; arrow: string }[] {
  const labels = new Map<string, string>();
  for (const m of mermaidText.matchAll(/^\s*(n\d+)[[(/{]+"([^"]*)"/gm)) labels.set(m[1]!, decodeLabel(m[2]!).split('\n')[0]!);
  return [...mermaidText.matchAll(/^\s*(n\d+) (-->|==>|-\.->|---|~~~) (n\d+)$/gm)].map((m) => ({ from: labels.get(m[1]!)!, to: labels.get(m[3]!)!, arrow: m[2]! }));
}

function linkStyles(mermaidText: string): Map<string, number[]> {
  return new Map([...mermaidText.matchAll(/^\s*linkStyle ([\d,]+) (.+)$/gm)].map((m) => [m[2]!, m[1]!.split(',').map(Number)]));
}

let mermaid: typeof import('mermaid').default;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

describe('DIN-diagram: sterkte onbekend heeft een eigen lijnstijl', () => {
  it('de lijnen zonder sterkte, en alleen die, krijgen de grijze stippellijn', () => {
    const edges = edgesOf(din!.mermaid);
    const styles = linkStyles(din!.mermaid);
    expect([...styles.keys()]).toEqual(['stroke:#737373,stroke-width:1.5px,stroke-dasharray:8 4']);
    const dashed = [...styles.values()][0]!.map((i) => edges[i]!);
    // The four contributions without a strength in the DIN; the legend is the page's, not the drawing's.
    expect(dashed.map((e) => `${e.from} → ${e.to}`)).toEqual([
      'Wervingscampagne → 50 zij-instromers per',
      'Regionaal loket → 50 zij-instromers per',
      'Regionaal loket → 200 stageplaatsen',
      'Regionale invalpool → 50 zij-instromers per',
    ]);
    expect(edges.find((e) => e.from === 'Wervingscampagne' && e.to === '200 stageplaatsen')!.arrow).toBe('==>');
    expect(edges.filter((e) => e.from === 'Samen opleiden').map((e) => e.arrow)).toEqual(['-->', '-->']);
  });

  it('de legenda noemt alleen de lijnen die getekend zijn, met sterkte onbekend', () => {
    expect(din!.legenda.filter((e) => e.arrow).map((e) => e.label)).toEqual(['sterke bijdrage', 'middelmatige bijdrage', 'sterkte onbekend', 'doel draagt bij aan hoger doel']);
    expect(din!.legenda.find((e) => e.label === 'sterkte onbekend')).toEqual({ label: 'sterkte onbekend', arrow: 'solid', lineStyle: 'stroke:#737373,stroke-width:1.5px,stroke-dasharray:8 4' });
    expect(din!.caption).toContain('Sterkte onbekend bij 4 van 7 bijdragen van inspanningen.');
  });

  it('mermaid leest het diagram met de linkStyle', async () => {
    await expect(mermaid.parse(din!.mermaid)).resolves.toBeTruthy();
  });

  it('de posterlegenda tekent de lijn grijs en gestreept', () => {
    const html = posterHtml({ name: din!.name, title: din!.title, caption: din!.caption, regio: 'regio-noord', modelVersie: 'test', legenda: din!.legenda, svg: '<svg/>', width: 100, height: 100, size: choosePage(100, 100) });
    const item = html.split('<li>').find((li) => li.includes('sterkte onbekend</li>'))!;
    expect(item).toContain('stroke="#737373"');
    expect(item).toContain('stroke-dasharray="8 4"');
  });
});

describe('tekst en rapport noemen de lijnen met sterkte onbekend', () => {
  it('tekstsamenvatting', () => {
    const text = RENDERERS.text(a);
    expect(text).toContain('inspanning n-campagne: gewicht 4 (sterkte onbekend bij 1 van 2 lijnen, elk geteld als 1), 2 concrete doelen, 2 ER-doelen');
    expect(text).toContain('inspanning n-opleiden: gewicht 4, 2 concrete doelen, 2 ER-doelen');
    expect(text).toContain('concreet doel n-cd-zij: voedt 2 ER-doelen, 4 inspanningen (gewicht 5 (sterkte onbekend bij 3 van 4 lijnen, elk geteld als 1))');
  });

  it('rapport (Markdown): kolom met het aantal lijnen met sterkte onbekend', () => {
    const md = RENDERERS.md(a);
    expect(md).toContain('| soort | element | gewicht | lijnen met sterkte onbekend | concrete doelen | ER-doelen | inspanningen |');
    expect(md).toMatch(/\| inspanning \| Regionaal loket \| 2 \| 2 \| 2 \| 2 \|/);
    expect(md).toContain('een lijn met sterkte onbekend (het model noemt geen sterkte) telt als 1');
  });
});
