import { PROJECTION_SECTORS, type ProjectionSector } from '../../analyse/projection.js';
import { projectionFor, regionIds } from '../../outputs.js';
import { serializeMarkdown } from '../../render/markdown.js';
import { projectionBlocks, renderProjectionJson, renderProjectionText } from '../../render/projection.js';
import { escapeForTerminal } from '../../diagnostics/terminal.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_OK, SCENARIO_OPTION, scenarioOf, loadForAnalysis, oneOf, pathsOrDefault, requireId } from '../io.js';

export const projectie: Command = {
  name: 'projectie',
  aliases: ['projection'],
  args: '[PAD…]',
  summary: 'het lerarentekort in fte per jaar tot 2030, zonder beleidswijziging en met een scenario',
  details: 'De standaardwaarden (tekort, groei) komen uit models/projectie.yaml, elk met zijn bron; wat een scenario aanneemt (projectie: in scenarios/), toont de uitvoer als aanname.',
  options: {
    scenario: { ...SCENARIO_OPTION.scenario, help: 'met de hefbomen (`projectie:`) van dit scenario (id uit scenarios/), op het model zoals het scenario het maakt' },
    sector: { type: 'string', value: 'po|vo', help: 'sector (standaard die van het scenario, anders po)' },
    regio: { type: 'string', value: 'ID', help: 'voor deze regio (alleen als het register en het scenario de cijfers hebben; anders zegt de uitvoer waarom niet)' },
    format: { type: 'string', value: 'text|json|md', help: 'uitvoer als tekst (standaard), JSON of Markdown' },
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], ['text', 'json', 'md'] as const, 'text');
    const sector = values['sector'] as ProjectionSector | undefined;
    if (sector !== undefined) requireId(PROJECTION_SECTORS, sector, 'sector');
    const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), fmt === 'json' ? 'json' : 'text', scenarioOf(values));
    if (code !== EXIT_OK) return code;
    const region = values['regio'] as string | undefined;
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    const result = projectionFor(outcome, { ...(sector ? { sector } : {}), ...(region ? { regio: region } : {}) });
    if (!result) throw new UsageError('geen standaardwaarden voor de projectie: de modellen hebben geen bestand met `soort: projectie` (zie models/projectie.yaml)');
    const { projection, chart } = result;
    if (fmt === 'json') io.out(renderProjectionJson(projection));
    else if (fmt === 'md') io.out(escapeForTerminal(serializeMarkdown({ title: '', blocks: projectionBlocks(projection, chart) })));
    else io.out(renderProjectionText(projection));
    return EXIT_OK;
  },
};
