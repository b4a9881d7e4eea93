import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyse, prepare } from '../../src/analyse/analyse.js';
import { diagramsFor } from '../../src/outputs.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { nationalDiagrams, regionDiagrams, regionViews } from '../../src/workshop/views.js';
import type { DrawnDiagram } from '../../src/render/diagram.js';

const ROOT = join(import.meta.dirname, '../..');
const checked = checkWorkspace(['models'], ROOT);
const ctx = prepare(checked.built);
const posters = new Map(diagramsFor(checked).set.diagrams.map((d) => [d.name, d.mermaid]));

describe('workshop views', () => {
  it('draw exactly the posters\' Mermaid text, from the region\'s own analysis', () => {
    const national = analyse(ctx, { diagnostics: checked.diagnostics });
    for (const din of national.dins) {
      const ds = regionDiagrams(analyse(ctx, { diagnostics: checked.diagnostics, regio: din.regio }), din.regio);
      expect(ds.map((d) => d.name)).toEqual([`din-${din.regio}`, `dekking-${din.regio}`]);
      for (const d of ds) expect(d.mermaid, d.name).toBe(posters.get(d.name));
    }
    for (const d of nationalDiagrams(national)) expect(d.mermaid, d.name).toBe(posters.get(d.name));
  });

  it('show each inspanning with its levels, and a note for a region without a DIN', () => {
    const region = 'onderwijsregio-hollands-noorden';
    const regional = analyse(ctx, { diagnostics: checked.diagnostics, regio: region });
    const drawn = regionDiagrams(regional, region).map((d): DrawnDiagram => ({ ...d, stage: 'drawn', svg: '<svg/>', width: 1, height: 1, fromCache: true }));
    const views = regionViews(regional, region, drawn);
    expect(views.map((v) => v.id)).toEqual(['din', 'schuifjes', 'status', 'dekking']);
    const sliders = views[1]!.html;
    const s = regional.schuifjes[0]!.inspanningen[0]!;
    expect(sliders).toContain(`<input type="range" min="0" max="5" step="1" value="1" data-field="nu" data-effort="${s.id}"`);
    expect(sliders).toContain('<output>gezamenlijk</output>');
    expect((sliders.match(/class="slider nu unset"/g) ?? []).length).toBe(regional.dins[0]!.inspanningen.length - regional.schuifjes[0]!.inspanningen.length);
    const none = regionViews(analyse(ctx, { regio: 'onbekend' }), 'onbekend', []);
    expect(none.map((v) => v.id)).toEqual(['din']);
    expect(none[0]!.html).toContain('npx tocdin init-regio onbekend');
  });
});
