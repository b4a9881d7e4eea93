// @vitest-environment jsdom
/**
 * A generated 500-region workspace renders with every diagram within Mermaid's limits
 * (500 edges, 50,000 characters): views that are too big are split, never truncated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { renderDiagramSet } from '../../src/render/diagrams.js';
import { MAX_CHARS, MAX_EDGES } from '../../src/render/mermaid/builder.js';

const dir = mkdtempSync(join(tmpdir(), 'tocdin-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('500 regions', () => {
  it('every diagram stays within the limits and the largest parse', async () => {
    generateWorkspace(dir, 500);
    const outcome = checkWorkspace(['.'], dir);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const national = analyse(outcome.built, { diagnostics: outcome.diagnostics });
    expect(national.dins).toHaveLength(500);
    // Per-region coverage needs one analysis per region; a sample keeps the test fast.
    const regional = national.dins.slice(0, 5).map((d) => analyse(outcome.built, { regio: d.regio }));
    const set = renderDiagramSet(national, regional);
    expect(set.oversized).toEqual([]);
    for (const d of set.diagrams) {
      expect(d.mermaid.length).toBeLessThanOrEqual(MAX_CHARS);
      expect(d.edges).toBeLessThanOrEqual(MAX_EDGES);
    }
    // 500 DINs + 500 schuifjes + 5 regional coverage + national views.
    expect(set.diagrams.length).toBeGreaterThanOrEqual(1005);
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const largest = [...set.diagrams].sort((a, b) => b.mermaid.length - a.mermaid.length).slice(0, 3);
    for (const d of largest) await expect(mermaid.parse(d.mermaid)).resolves.toBeTruthy();
  }, 300_000);
});
