import { resolve } from 'node:path';
import { countByCode } from '../../diagnostics/diagnostic.js';
import { summarize, SEVERITY_NL } from '../../diagnostics/format.js';
import { findChromium, INSTALL_COMMAND } from '../../browser/chromium.js';
import { diagramsFor, WALL_DIR, WORKSHEET_DIR, writeBrowserOutputs } from '../../outputs.js';
import { assertOutputDir } from '../../write/guard.js';
import { checkWorkspace, type LoadOutcome } from '../../pipeline.js';
import { renderText } from '../../render/text.js';
import { evidenceSummary } from '../../render/evidence.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../../vocabulary/glossary.js';
import type { Command } from '../command.js';
import { EXIT_MODEL, EXIT_OK, exitFor, pathsOrDefault, protectedInputs, reportDiagnostics, withRenderer } from '../io.js';
import { printOversized, printStep, writeMermaid, writeScenarioSets } from './print.js';
import { scenarioDiagramSets } from '../../scenarios.js';

export const start: Command = {
  name: 'start',
  summary: 'valideer en analyseer de modellen en schrijf diagrams/ (wat npm start doet)',
  options: {},
  async run(io) {
    const outcome = checkWorkspace(pathsOrDefault(io, []), io.cwd);
    const code = exitFor(outcome);
    if (code !== EXIT_OK) reportDiagnostics(io, outcome, 'text');
    else io.out(groupedWarnings(outcome));
    io.out(`tocdin: ${outcome.files.length} modelbestanden gelezen — ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
    if (code !== EXIT_OK) {
      io.out('Los eerst de fouten hierboven op; daarna volgt de analyse.\n');
      return code;
    }
    io.out(`\nElementen per soort:\n${countsPerType(outcome)}\n\n`);
    const drawable = diagramsFor(outcome);
    printOversized(io, drawable.set);
    io.out(renderText(drawable.national));
    io.out('\n');
    io.out(evidenceSummary(drawable.national.bewijs));
    io.out('\n');
    const outDir = resolve(io.cwd, 'diagrams');
    if (drawable.set.oversized.length) return EXIT_MODEL;
    const chromium = findChromium(io.env ?? process.env);
    const inputs = protectedInputs(io, pathsOrDefault(io, []), outcome.files);
    await assertOutputDir(outDir, { inputs, subdirs: chromium ? [WALL_DIR, WORKSHEET_DIR] : [] });
    const written = await writeMermaid(io, outDir, drawable.set, false, inputs);
    if (written !== EXIT_OK) return written;
    const scenarioSets = scenarioDiagramSets(pathsOrDefault(io, []), io.cwd, outcome, drawable.national);
    for (const s of scenarioSets) printOversized(io, s.set);
    const scenarios = await writeScenarioSets(io, outDir, scenarioSets, false, inputs);
    if (scenarios !== EXIT_OK) return scenarios;
    if (!chromium) {
      io.out(`SVG, posters.pdf, regio-PDF’s, werkbladen, muurposters en rapport.html overgeslagen: Chromium niet gevonden. Installeer het met \`${INSTALL_COMMAND}\`.\n`);
      return EXIT_OK;
    }
    await withRenderer(io, (renderer, settle) =>
      writeBrowserOutputs(outcome, drawable, renderer, { outDir, inputs, svg: true, pdf: true, muur: true, report: true }, {
        cwd: io.cwd,
        onStep: (s) => {
          settle();
          printStep(io, s);
        },
      }),
    );
    return EXIT_OK;
  },
};

function countsPerType(outcome: LoadOutcome): string {
  const counts = new Map<ElementType, number>();
  for (const e of outcome.workspace.elements.values()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `  ${ELEMENT_TYPE_LABEL[t].padEnd(18)} ${n}`).join('\n');
}

/** For the overview: warnings and infos counted per code; details are one command away. */
function groupedWarnings(outcome: LoadOutcome): string {
  const counts = countByCode(outcome.diagnostics);
  if (counts.length === 0) return '';
  const lines = counts.map(({ code, severity, n }) => `  ${String(n).padStart(4)} × ${severity === 'warning' ? 'waarschuwing' : SEVERITY_NL[severity]} ${code}`);
  return `Meldingen in de modellen (details: npx tocdin validate --info):\n${lines.join('\n')}\n\n`;
}

