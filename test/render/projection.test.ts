// @vitest-environment jsdom
/**
 * The projection's views: the xychart is judged by the real mermaid parser, and the text,
 * Markdown and JSON of a scenario with two levers are golden files.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project, ProjectionSchema } from '../../src/analyse/projection.js';
import { serializeMarkdown } from '../../src/render/markdown.js';
import { projectionBlocks, projectionChart, renderProjectionJson, renderProjectionText } from '../../src/render/projection.js';
import { defaults, hours, register, scenario } from '../fixtures/projection.js';

const GOLDEN = join(import.meta.dirname, '__golden__', 'projectie');

let mermaid: typeof import('mermaid').default;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}, 60_000);

const withLevers = project({
  defaults,
  defaultsFile: 'models/projectie.yaml',
  sector: 'po',
  scenario: scenario({ sector: 'po', uren: hours, zij_instroom: { extra_per_jaar: 1000, fte_per_persoon: 0.8, behoud: { waarde: 90, toelichting: 'aanname <b>' }, vanaf: 2023 } }),
});
const baseline = project({ defaults, defaultsFile: 'models/projectie.yaml', sector: 'vo' });

describe('projection chart', () => {
  it('baseline and scenario as two lines, grey and green, years on the x axis', async () => {
    const chart = projectionChart(withLevers)!;
    expect(chart.name).toBe('projectie-po-s');
    expect(chart.view).toBe('projectie');
    await expect(chart.mermaid).toMatchFileSnapshot(join(GOLDEN, 'projectie-po-s.mmd'));
    const lines = chart.mermaid.split('\n');
    expect(lines.filter((l) => l.startsWith('  line '))).toEqual([
      '  line [9100, 9400, 9711, 10031, 10362, 10704, 11057, 11422, 11799]',
      `  line [${withLevers.jaren.map((j) => j.scenario).join(', ')}]`,
    ]);
    expect(lines).toContain('  y-axis "fte" 0 --> 12000');
    expect(lines).toContain('      plotColorPalette: "#7f7f7f, #2ca02c"');
    await expect(mermaid.parse(chart.mermaid)).resolves.toBeTruthy();
    // The parser does judge xycharts: a broken series is refused.
    await expect(mermaid.parse(chart.mermaid.replace('line [9100,', 'line [9100 ,,'))).rejects.toThrow();
  });

  it('the baseline alone is one line and parses too; no chart without years', async () => {
    const chart = projectionChart(baseline)!;
    expect(chart.mermaid.split('\n').filter((l) => l.startsWith('  line '))).toHaveLength(1);
    expect(chart.mermaid).toContain('y-axis "fte" 0 --> 3000');
    await expect(mermaid.parse(chart.mermaid)).resolves.toBeTruthy();
    expect(projectionChart(project({ defaults, defaultsFile: 'm', sector: 'po', region: register.regios[0]! }))).toBeNull();
  });

  it('the chart holds no text from the models: the scenario name is only in the caption', () => {
    const chart = projectionChart({ ...withLevers, scenario: { ...withLevers.scenario!, naam: '"]\n%%{init: {}}%%' } })!;
    expect(chart.mermaid).toBe(projectionChart(withLevers)!.mermaid);
  });
});

describe('projection views (golden)', () => {
  it('text', async () => {
    await expect(renderProjectionText(withLevers)).toMatchFileSnapshot(join(GOLDEN, 'projectie.txt'));
  });
  it('markdown', async () => {
    await expect(serializeMarkdown({ title: '', blocks: projectionBlocks(withLevers, projectionChart(withLevers)) })).toMatchFileSnapshot(join(GOLDEN, 'projectie.md'));
  });
  it('json parses against its schema', async () => {
    const json = renderProjectionJson(withLevers);
    expect(ProjectionSchema.parse(JSON.parse(json))).toEqual(withLevers);
    await expect(json).toMatchFileSnapshot(join(GOLDEN, 'projectie.json'));
  });
  it('a region without the figures says why, in text', () => {
    const text = renderProjectionText(project({ defaults, defaultsFile: 'm', sector: 'po', region: register.regios[0]! }));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Projectie lerarentekort po in Regio A tot 2030',
      '',
      'geen projectie voor Regio A: het regioregister heeft voor geen enkele regio de werkgelegenheid van leraren in fte (seed 000 Tabel 2 geeft alleen gemiddelden, minima en maxima per soort regio, van al het personeel); een scenario kan haar als aanname geven (`projectie.regio` en `projectie.werkgelegenheid_fte`)',
    ]);
  });
});
