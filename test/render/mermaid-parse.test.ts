// @vitest-environment jsdom
/**
 * The real mermaid parser is the judge of every diagram we write: every committed file in
 * diagrams/ must parse, and no directive may have slipped into the parse result's config.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHARS, MAX_EDGES } from '../../src/render/mermaid/builder.js';
import { expectOnlyOurConfig } from '../fixtures/mermaid-config.js';
import { BASELINE_COLOUR, SCENARIO_COLOUR } from '../../src/render/projection.js';

let mermaid: typeof import('mermaid').default;

beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

const dir = join(import.meta.dirname, '..', '..', 'diagrams');
// Also every scenario’s folder (diagrams/scenarios/<id>/).
const files = [
  ...readdirSync(dir).filter((f) => f.endsWith('.mmd')),
  ...readdirSync(join(dir, 'scenarios')).flatMap((s) => readdirSync(join(dir, 'scenarios', s)).filter((f) => f.endsWith('.mmd')).map((f) => join('scenarios', s, f))),
].sort();

describe('committed diagrams parse with mermaid', () => {
  it('there are diagrams, of the models and of every scenario', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('scenarios')).length).toBeGreaterThanOrEqual(2);
  });
  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
    const result = await mermaid.parse(text);
    expect(result).toBeTruthy();
    // Only our own front matter may appear (title and config; a projection chart: its line colours); no init directive from user text.
    if (file.includes('projectie-')) {
      const { title: _title, ...rest } = (result as unknown as { config?: Record<string, unknown> }).config ?? {};
      expect(rest).toEqual({ themeVariables: { xyChart: { plotColorPalette: `${BASELINE_COLOUR}, ${SCENARIO_COLOUR}` } } });
    } else expectOnlyOurConfig(result, text);
    const edges = text.split('\n').filter((l) => /(-->|==>|-\.->|---|~~~)/.test(l)).length;
    expect(edges).toBeLessThanOrEqual(MAX_EDGES);
  });
});
