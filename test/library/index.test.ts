/**
 * The public surface: what a user of the library (or the bench) imports from src/index.ts
 * is enough to go from model files to a checked analysis and its diagrams.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import * as tocdin from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('public entry point', () => {
  it('models in, a schema-valid analysis and a diagram set out', () => {
    const checked = tocdin.checkWorkspace(['models'], ROOT);
    expect(tocdin.hasErrors(checked.diagnostics)).toBe(false);
    const analysis = tocdin.analyse(checked.built, { diagnostics: checked.diagnostics });
    expect(tocdin.AnalysisSchema.parse(JSON.parse(tocdin.RENDERERS.json(analysis)))).toEqual(JSON.parse(tocdin.RENDERERS.json(analysis)));
    const { set } = tocdin.diagramsFor(checked);
    expect(set.diagrams.map((d) => d.name)).toContain('beleidsmodel');
    expect(tocdin.FUNCTIONS).toContain('werven');
  });

  it('package.json points its exports at the entry point and the CLI', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.exports['.']).toBe('./src/index.ts');
    expect(pkg.exports['./cli']).toBe('./src/cli/main.ts');
    expect(pkg.dependencies['pdf-lib'], 'pdf-lib is imported at run time by src/browser').toBeDefined();
  });
});
