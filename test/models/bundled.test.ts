/**
 * The bundled models (models/ in the repository): the seven onderzoeksvragen and the three
 * first-phase clusters are all analysed and the models have no errors.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { ROOT } from '../fixtures/engine.js';

const o = checkWorkspace(['models'], ROOT);
const a = analyse(o.built, { diagnostics: o.diagnostics });

describe('meegeleverde modellen', () => {
  it('laden zonder gebruiksproblemen en zonder fouten (ook geen lintfouten)', () => {
    expect(o.usageProblems).toEqual([]);
    expect(o.failedFiles).toEqual([]);
    expect(o.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.samenvatting.diagnostieken.fouten).toBe(0);
  });

  it('rapporteren alle zeven onderzoeksvragen, genummerd 1..7', () => {
    const numbered = a.dekking.onderzoeksvragen.filter((q) => q.nummer !== null);
    expect(numbered.map((q) => q.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(numbered.map((q) => q.id)).toEqual(['ov1', 'ov2', 'ov3', 'ov4', 'ov5', 'ov6', 'ov7']);
  });

  it('hebben 7, 4, 3, 3, 3, 4 en 5 deelvragen bij ov1..ov7', () => {
    const numbered = a.dekking.onderzoeksvragen.filter((q) => q.nummer !== null);
    expect(numbered.map((q) => q.deelvragen.length)).toEqual([7, 4, 3, 3, 3, 4, 5]);
    for (const q of numbered) expect(q.gedekt + q.deels + q.gat).toBe(q.deelvragen.length);
  });

  it('hebben drie clusters van de eerste fase met 2, 3 en 3 deelvragen', () => {
    const clusters = a.dekking.onderzoeksvragen.filter((q) => q.nummer === null);
    expect(clusters.map((q) => q.deelvragen.length)).toEqual([2, 3, 3]);
    expect(clusters.every((q) => o.built.graph.getNodeAttribute(q.id, 'type') === 'vraagcluster')).toBe(true);
  });

  it('geven elke deelvraag een status en een onderzoeksvraag', () => {
    const all = o.built.graph.filterNodes((_n, x) => x.type === 'deelvraag');
    expect(a.dekking.deelvragen.map((d) => d.id)).toEqual(all);
    expect(all).toHaveLength(37);
    for (const d of a.dekking.deelvragen) {
      expect(['gedekt', 'deels', 'gat']).toContain(d.status);
      expect(d.onderzoeksvraag).not.toBe('');
      expect(d.redenen.length).toBeGreaterThan(0);
    }
    const listed = a.dekking.onderzoeksvragen.flatMap((q) => q.deelvragen).sort();
    expect(listed).toEqual([...all].sort());
  });
});
