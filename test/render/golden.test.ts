// @vitest-environment jsdom
/**
 * Golden files for every view and renderer on a small fixture with hostile labels:
 * fixture models in, `__golden__/*` out (`vitest -u` to accept a deliberate change).
 * Every golden diagram is also judged by the real mermaid parser.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { AnalysisSchema } from '../../src/analyse/schema.js';
import { renderDiagramSet } from '../../src/render/diagrams.js';
import { RENDERERS } from '../../src/render/index.js';
import { national, outcome, regional, set } from '../fixtures/mini.js';
import { expectOnlyOurConfig } from '../fixtures/mermaid-config.js';

const GOLDEN = join(import.meta.dirname, '__golden__');


let mermaid: typeof import('mermaid').default;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

describe('golden renderers on the mini fixture', () => {
  it('fixture has no errors', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('analysis JSON', async () => {
    expect(AnalysisSchema.parse(JSON.parse(RENDERERS.json(national)))).toEqual(national);
    await expect(RENDERERS.json(national)).toMatchFileSnapshot(join(GOLDEN, 'analyse.json'));
  });

  it('text summary', async () => {
    await expect(RENDERERS.text(national)).toMatchFileSnapshot(join(GOLDEN, 'analyse.txt'));
  });

  it('markdown', async () => {
    await expect(RENDERERS.md(national)).toMatchFileSnapshot(join(GOLDEN, 'analyse.md'));
  });

  it('the diagram set has every view', () => {
    expect(set.files.map((f) => f.name)).toEqual([
      'README.md',
      'beleidsmodel-schakels.mmd',
      'beleidsmodel.mmd',
      'bewijs-beleidsmodel.mmd',
      'dekking-landelijk.mmd',
      'dekking-regio-a.mmd',
      'din-regio-a.mmd',
      'overzicht-dekking.mmd',
      'schuifjes-regio-a.mmd',
    ]);
    expect(set.oversized).toEqual([]);
  });

  it.each(set.files.map((f) => [f.name, f.content] as const))('%s matches its golden file and parses', async (name, content) => {
    await expect(content).toMatchFileSnapshot(join(GOLDEN, name));
    if (name.endsWith('.mmd')) {
      expectOnlyOurConfig(await mermaid.parse(content), content);
      // Hostile text may only appear inside encoded labels: never as a statement of its own,
      // never with a raw quote, tag or directive.
      for (const raw of ['<script', '%%{', '"https', '"]; n']) expect(content).not.toContain(raw);
      for (const line of content.split('\n')) expect(line).not.toMatch(/^\s*(click|style|classDef evil|class n\d+ evil|%%)/);
    }
  });

  it('is deterministic', () => {
    const again = renderDiagramSet(analyse(outcome.built, { diagnostics: outcome.diagnostics }), regional);
    expect(again.files).toEqual(set.files);
  });
});
