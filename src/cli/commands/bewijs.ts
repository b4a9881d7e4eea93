import { evidenceFor, regionIds } from '../../outputs.js';
import { EVIDENCE_FORMATS, EVIDENCE_RENDERERS } from '../../render/index.js';
import type { Command } from '../command.js';
import { EXIT_OK, loadForAnalysis, oneOf, pathsOrDefault, phaseOption, requireId, SCENARIO_OPTION, scenarioOf } from '../io.js';

export const evidenceCmd: Command = {
  name: 'bewijs',
  aliases: ['evidence'],
  args: '[PAD…]',
  summary: 'stand van het bewijs per deelvraag, oordeel per schakel, zwakste schakels, achterstallige deelvragen',
  options: {
    fase: { type: 'string', value: 'JJJJ-H', help: 'de stand tot en met deze fase (standaard: de laatste fase in het bewijsregister)' },
    regio: { type: 'string', value: 'ID', help: 'alleen de bevindingen over deze regio en de landelijke, en de paden van haar inspanningen' },
    format: { type: 'string', value: 'text|json|md', help: 'uitvoer als tekst (standaard), JSON of Markdown' },
    ...SCENARIO_OPTION,
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], EVIDENCE_FORMATS, 'text');
    const phase = phaseOption(values['fase']);
    const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), fmt === 'json' ? 'json' : 'text', { ...(phase ? { phase } : {}), ...scenarioOf(values) });
    if (code !== EXIT_OK) return code;
    const region = values['regio'] as string | undefined;
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    io.out(EVIDENCE_RENDERERS[fmt](evidenceFor(outcome, { ...(phase ? { fase: phase } : {}), ...(region ? { regio: region } : {}) })));
    return EXIT_OK;
  },
};
