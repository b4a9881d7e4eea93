import { dirname, join, resolve } from 'node:path';
import { requireChromium } from '../../browser/chromium.js';
import { assertOutputFile } from '../../write/guard.js';
import { writeOutputFile } from '../../write/output.js';
import { buildReport, diagramsFor, regionIds, reportDiagrams } from '../../outputs.js';
import { assertSvgFiles } from '../../write/diagrams.js';
import { REPORT_FORMATS } from '../../render/index.js';
import type { Command } from '../command.js';
import { EXIT_MODEL, EXIT_OK, SCENARIO_OPTION, scenarioOf, loadForAnalysis, oneOf, pathsOrDefault, protectedInputs, requireId, withRenderer } from '../io.js';
import { printOversized } from './print.js';

export const report: Command = {
  name: 'report',
  aliases: ['rapport'],
  args: '[PAD…]',
  summary: 'één rapport: dekking, gaten, matrices, hefboompunten, schuifjes en alle diagrammen',
  details: 'html (standaard) is één bestand zonder scripts, met de diagrammen getekend in Chromium; elk diagram staat er ook als .svg naast (om in te zoomen), en het rapport linkt ernaar. md is voor GitHub.',
  options: {
    ...SCENARIO_OPTION,
    regio: { type: 'string', value: 'ID', help: 'het rapport van één regio' },
    format: { type: 'string', value: 'html|md', help: 'html (standaard, met Chromium) of md (voor GitHub)' },
    out: { type: 'string', value: 'BESTAND', help: 'het rapportbestand (standaard diagrams/rapport[-scenario-ID][-regio].html of .md; - voor de terminal)' },
  },
  async run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], REPORT_FORMATS, 'html');
    const region = values['regio'] as string | undefined;
    if (fmt === 'html') requireChromium(io.env ?? process.env);
    const paths = pathsOrDefault(io, positionals);
    const { outcome, code } = loadForAnalysis(io, paths, 'text', scenarioOf(values));
    if (code !== EXIT_OK) return code;
    // A scenario’s report never takes the place of the report of the models themselves.
    const scenario = outcome.scenario ? `-scenario-${outcome.scenario.id}` : '';
    const out = (values['out'] as string | undefined) ?? join('diagrams', `rapport${scenario}${region ? `-${region}` : ''}.${fmt}`);
    const path = out === '-' ? undefined : resolve(io.cwd, out);
    const inputs = protectedInputs(io, paths, outcome.files);
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    const drawable = diagramsFor(outcome);
    // The HTML report's drawings go next to it as .svg files, which it links to.
    const svgDir = path && fmt === 'html' ? dirname(path) : undefined;
    // Refused before the (slow) drawing: a model file, a model folder, a file tocdin did not write.
    if (path) await assertOutputFile(path, { inputs });
    if (svgDir !== undefined) await assertSvgFiles(svgDir, reportDiagrams(outcome, drawable, region).map((d) => d.name), { inputs });
    // A diagram over Mermaid's limits is refused here as in `render`, not silently reported.
    printOversized(io, drawable.set);
    if (drawable.set.oversized.length) return EXIT_MODEL;
    const request = { format: fmt, cwd: io.cwd, inputs, ...(region ? { regio: region } : {}), ...(svgDir !== undefined ? { svgDir } : {}) };
    const { content, diagrams, svgs } = fmt === 'md' ? await buildReport(outcome, drawable, request) : await withRenderer(io, (renderer) => buildReport(outcome, drawable, { ...request, renderer }));
    if (!path) {
      io.out(content);
      return EXIT_OK;
    }
    await writeOutputFile(path, content, { kind: fmt, inputs });
    io.out(`rapport geschreven: ${path} (${diagrams} diagrammen${fmt === 'html' ? ', op zichzelf staand: geen scripts, geen internet nodig' : ''})\n`);
    if (svgs) io.out(`svg ernaast (om in te zoomen): ${svgs.written.length} geschreven, ${svgs.unchanged.length} ongewijzigd in ${svgDir}\n`);
    return EXIT_OK;
  },
};
