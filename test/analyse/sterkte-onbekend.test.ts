/**
 * Issue 15.1: a contribution's strength is not a default. Without `sterkte` the analysis says
 * "unknown" (null), a hefboom weight counts such a line as 1 and says how many of its lines
 * have an unknown strength. Fixture: fixtures/engine/sterkte-onbekend (sums in its header).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { AnalysisSchema } from '../../src/analyse/schema.js';
import { load } from '../fixtures/engine.js';

const loaded = load('sterkte-onbekend');
const a = analyse(loaded.built, { diagnostics: loaded.diagnostics });
const din = a.dins[0]!;

describe('sterkte onbekend', () => {
  it('het model heeft geen fouten en de analyse past in haar schema', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(AnalysisSchema.parse(a)).toEqual(a);
  });

  it('een bijdrage zonder sterkte blijft zonder sterkte: geen middel in de graaf of de analyse', () => {
    expect(loaded.built.graph.getEdgeAttributes('n-loket>draagt-bij>n-cd-zij')).not.toHaveProperty('sterkte');
    expect(din.bijdragen.filter((b) => b.van === 'n-campagne')).toEqual([
      { van: 'n-campagne', naar: 'n-cd-zij', sterkte: null },
      { van: 'n-campagne', naar: 'n-cd-stage', sterkte: 'sterk' },
    ]);
    expect(din.inspanningen.find((s) => s.id === 'n-loket')!.bijdragen).toEqual([
      { doel: 'n-cd-zij', sterkte: null },
      { doel: 'n-cd-stage', sterkte: null },
    ]);
  });

  it('telt een onbekende sterkte als 1 en zegt hoeveel lijnen een onbekende sterkte hebben', () => {
    // With the old default (middel) n-campagne weighed 5 and ranked above n-opleiden.
    expect(din.hefboom_inspanningen).toEqual([
      { id: 'n-campagne', gewicht: 4, onbekende_sterkte: 1, concrete_doelen: 2, er_doelen: 2 },
      { id: 'n-opleiden', gewicht: 4, onbekende_sterkte: 0, concrete_doelen: 2, er_doelen: 2 },
      { id: 'n-loket', gewicht: 2, onbekende_sterkte: 2, concrete_doelen: 2, er_doelen: 2 },
    ]);
    expect(din.hefboom_doelen).toEqual([{ id: 'n-cd-zij', gewicht: 5, onbekende_sterkte: 3, er_doelen: 2, inspanningen: 4 }]);
  });
});
