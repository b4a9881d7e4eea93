// @vitest-environment jsdom
/**
 * The `.mmd` marker is a Mermaid comment as the last line: every kind of diagram tocdin
 * writes (flowcharts with and without front matter, pies) must still parse with the real
 * mermaid parser, with no config slipping in, and the marker must be recognised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasTextMarker, markContent, MMD_MARKER } from '../../src/write/marker.js';
import { expectOnlyOurConfig } from '../fixtures/mermaid-config.js';

let mermaid: typeof import('mermaid').default;

beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

const ROOT = join(import.meta.dirname, '..', '..');
const sources = [
  ...readdirSync(join(ROOT, 'test', 'render', '__golden__')).filter((f) => f.endsWith('.mmd')).map((f) => join('test', 'render', '__golden__', f)),
  // One committed diagram of each kind the bundled models produce.
  ...['beleidsmodel.mmd', 'overzicht-dekking.mmd', 'dekking-landelijk.mmd'].map((f) => join('diagrams', f)),
].sort();

describe('marked .mmd files still parse', () => {
  it('covers flowcharts, front matter and a pie', () => {
    const texts = sources.map((s) => readFileSync(join(ROOT, s), 'utf8'));
    expect(texts.some((t) => /^pie /m.test(t))).toBe(true);
    // Front matter first (title and our config), the marker last: mermaid reads both.
    expect(texts.every((t) => t.startsWith('---\n') && /\nconfig:\n/.test(t))).toBe(true);
    expect(texts.some((t) => /^flowchart /m.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('---'))).toBe(true);
  });

  it.each(sources)('%s', async (source) => {
    const original = readFileSync(join(ROOT, source), 'utf8');
    const marked = markContent('mmd', original) as string;
    expect(marked.trimEnd().split('\n').at(-1)).toBe(MMD_MARKER);
    expect(hasTextMarker(marked.slice(0, 8192), marked.slice(-1024))).toBe(true);
    // Marking twice changes nothing (a re-run compares equal).
    expect(markContent('mmd', marked)).toBe(marked);
    const before = await mermaid.parse(original);
    const after = await mermaid.parse(marked);
    expect(after.diagramType).toBe(before.diagramType);
    expectOnlyOurConfig(after, marked);
  });
});
