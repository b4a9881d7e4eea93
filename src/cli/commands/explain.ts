import { explain as explainElement } from '../../analyse/paths.js';
import { renderExplainText } from '../../render/explain.js';
import { UsageError, type Command } from '../command.js';
import { scenarioNote } from '../../scenarios.js';
import { EXIT_OK, SCENARIO_OPTION, scenarioOf, loadForAnalysis, oneOf, pathsOrDefault, requireId } from '../io.js';

export const explain: Command = {
  name: 'explain',
  aliases: ['uitleg'],
  args: 'ID [PAD…]',
  summary: 'waarom bestaat dit element, waaraan draagt het bij, welke vragen raakt het',
  options: {
    ...SCENARIO_OPTION,
    format: { type: 'string', value: 'text|json', help: 'uitvoer als tekst (standaard) of JSON' },
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], ['text', 'json'] as const, 'text');
    const [id, ...paths] = positionals;
    if (!id) throw new UsageError('geef het id van een element, bijv. `tocdin explain gezamenlijk-werven`');
    const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, paths), fmt, scenarioOf(values));
    if (code !== EXIT_OK) return code;
    requireId([...outcome.workspace.elements.keys()], id, 'id');
    const e = explainElement(outcome.built, id);
    if (fmt !== 'json') io.out(scenarioNote(outcome));
    io.out(fmt === 'json' ? JSON.stringify(e, null, 2) + '\n' : renderExplainText(e));
    return EXIT_OK;
  },
};
