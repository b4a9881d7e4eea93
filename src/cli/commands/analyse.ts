import { analyse as analyseModel } from '../../analyse/analyse.js';
import { regionIds } from '../../outputs.js';
import { ANALYSE_FORMATS, RENDERERS } from '../../render/index.js';
import type { Command } from '../command.js';
import { scenarioNote } from '../../scenarios.js';
import { EXIT_OK, SCENARIO_OPTION, scenarioOf, loadForAnalysis, oneOf, pathsOrDefault, requireId } from '../io.js';

export const analyse: Command = {
  name: 'analyse',
  aliases: ['analyze'],
  args: '[PAD…]',
  summary: 'dekking van de onderzoeksvragen, gaten, hefboompunten, schuifjes',
  options: {
    ...SCENARIO_OPTION,
    regio: { type: 'string', value: 'ID', help: 'alleen deze regio (id uit het regioregister)' },
    format: { type: 'string', value: 'text|json|md', help: 'uitvoer als tekst (standaard), JSON of Markdown' },
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], ANALYSE_FORMATS, 'text');
    const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), fmt === 'json' ? 'json' : 'text', scenarioOf(values));
    if (code !== EXIT_OK) return code;
    const region = values['regio'] as string | undefined;
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    if (fmt !== 'json') io.out(scenarioNote(outcome));
    io.out(RENDERERS[fmt](analyseModel(outcome.built, { diagnostics: outcome.diagnostics, ...(region ? { regio: region } : {}) })));
    return EXIT_OK;
  },
};
