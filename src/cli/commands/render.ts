import { resolve } from 'node:path';
import { requireChromium } from '../../browser/chromium.js';
import { diagramsFor, regionIds, regionSet, WORKSHEET_DIR, type BrowserOutputRequest } from '../../outputs.js';
import { PAPERS } from '../../render/poster.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_MODEL, EXIT_OK, SCENARIO_OPTION, loadForAnalysis, oneOf, pathsOrDefault, protectedInputs, requireId, requireScenario, withRenderer } from '../io.js';
import { printOversized, printStep, writeMermaid, writeScenarioSets } from './print.js';
import { scenarioDiagramSets, scenarioIds } from '../../scenarios.js';
import { writeBrowserOutputs, WALL_DIR } from '../../outputs.js';
import { assertOutputDir } from '../../write/guard.js';

export const render: Command = {
  name: 'render',
  aliases: ['teken'],
  args: '[PAD…]',
  summary: 'schrijf de Mermaid-diagrammen naar diagrams/ (en met Chromium SVG, posters, muurposters)',
  details: [
    '--check schrijft niets en geeft exit 1 als diagrams/ niet bij de modellen past; --svg tekent',
    'ze ook als .svg, --pdf maakt diagrams/posters.pdf (één diagram per pagina), --muur maakt',
    'diagrams/muur/ (per DIN, schuifjes en beleidsmodel een PDF met A3-vellen om aan elkaar te',
    'plakken, tekst op 2 meter leesbaar); alle drie met Chromium. --pdf maakt ook per regio',
    'diagrams/regio-<id>.pdf (een samenvatting op één A4, dan de diagrammen van de regio) en',
    'diagrams/werkbladen/schuifjes-<id>.pdf (het schuifjes-werkblad voor een werksessie; en',
    'schuifjes-leeg.pdf voor een regio zonder DIN). --regio ID schrijft alleen de bestanden',
    'van die ene regio en laat die van de andere regio’s staan. Per scenario in scenarios/ schrijft',
    'render diagrams/scenarios/<id>/: de DIN’s die het scenario verandert, met NIEUW, GEWIJZIGD en',
    'VERWIJDERD gemarkeerd; --scenario ID schrijft (of controleert) alleen die map.',
  ].join('\n'),
  options: {
    out: { type: 'string', value: 'MAP', help: 'de map voor de diagrammen (standaard: diagrams)' },
    check: { type: 'boolean', help: 'schrijf niets; exit 1 als de map niet bij de modellen past' },
    svg: { type: 'boolean', help: 'teken ook een .svg naast elke .mmd (Chromium)' },
    pdf: { type: 'boolean', help: 'maak posters.pdf, één diagram per pagina (Chromium)' },
    papier: { type: 'string', value: 'A4|A3', help: 'papierformaat van de posters (standaard per diagram: A4, of A3 als het op A4 te klein wordt)' },
    muur: { type: 'boolean', help: 'maak muurposters: A3-vellen om aan elkaar te plakken (Chromium)' },
    regio: { type: 'string', value: 'ID', help: 'alleen deze regio: haar diagrammen, regio-ID.pdf en haar werkblad' },
    ...SCENARIO_OPTION,
  },
  async run(io, { values, positionals }) {
    const check = Boolean(values['check']);
    const paper = values['papier'] === undefined ? undefined : oneOf(String(values['papier']).toUpperCase(), PAPERS, 'A4', 'papierformaat');
    const outDir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'diagrams');
    const what: Omit<BrowserOutputRequest, 'inputs'> = { outDir, svg: Boolean(values['svg']), pdf: Boolean(values['pdf']), muur: Boolean(values['muur']), ...(paper ? { papier: paper } : {}) };
    const region = values['regio'] === undefined ? undefined : String(values['regio']);
    if (region !== undefined) what.region = region;
    const drawing = what.svg || what.pdf || what.muur;
    if (check && drawing) throw new UsageError('--check vergelijkt alleen de Mermaid-bestanden; laat --svg, --pdf en --muur weg');
    if (what.papier && !what.pdf) throw new UsageError('--papier hoort bij --pdf (muurposters zijn altijd A3)');
    const scenario = values['scenario'] === undefined ? undefined : String(values['scenario']);
    if (scenario !== undefined && (drawing || region !== undefined)) throw new UsageError('--scenario schrijft alleen de Mermaid-diagrammen van dat scenario (diagrams/scenarios/ID/); laat --svg, --pdf, --muur en --regio weg');
    // Before loading anything: a missing browser is the first thing the user should hear.
    if (drawing) requireChromium(io.env ?? process.env);
    const paths = pathsOrDefault(io, positionals);
    const { outcome, code } = loadForAnalysis(io, paths, 'text');
    if (code !== EXIT_OK) return code;
    // Before anything is drawn or written: the folder must be tocdin's own and not a model folder.
    // A region id is checked against the models before anything is written.
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    const inputs = protectedInputs(io, paths, outcome.files);
    await assertOutputDir(outDir, { inputs, subdirs: [...(what.muur ? [WALL_DIR] : []), ...(what.pdf ? [WORKSHEET_DIR] : [])] });
    const drawable = diagramsFor(outcome);
    if (scenario !== undefined) {
      requireScenario(scenarioIds(outcome), scenario);
      const sets = scenarioDiagramSets(paths, io.cwd, outcome, drawable.national).filter((s) => s.id === scenario);
      for (const s of sets) printOversized(io, s.set);
      if (sets.some((s) => s.set.oversized.length)) return EXIT_MODEL;
      return writeScenarioSets(io, outDir, sets, check, inputs, true);
    }
    // With --regio only that region's files are written (and none removed as stale).
    const set = region === undefined ? drawable.set : regionSet(drawable.set, region);
    printOversized(io, set);
    if (set.oversized.length) return EXIT_MODEL;
    const written = await writeMermaid(io, outDir, set, check, inputs);
    if (written !== EXIT_OK) return written;
    if (region === undefined) {
      // Every scenario’s folder, checked with the rest.
      const sets = scenarioDiagramSets(paths, io.cwd, outcome, drawable.national);
      for (const s of sets) printOversized(io, s.set);
      if (sets.some((s) => s.set.oversized.length)) return EXIT_MODEL;
      const scenarios = await writeScenarioSets(io, outDir, sets, check, inputs);
      if (scenarios !== EXIT_OK) return scenarios;
    }
    if (!drawing) return EXIT_OK;
    await withRenderer(io, (renderer, settle) =>
      writeBrowserOutputs(outcome, drawable, renderer, { ...what, inputs }, {
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
