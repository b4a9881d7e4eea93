import { summarize } from '../../diagnostics/format.js';
import { checkWorkspace } from '../../pipeline.js';
import type { Command } from '../command.js';
import { exitFor, oneOf, pathsOrDefault, phaseOption, reportDiagnostics } from '../io.js';

export const validate: Command = {
  name: 'validate',
  aliases: ['controleer'],
  args: '[PAD…]',
  summary: 'controleer modelbestanden (standaard: models en scenarios)',
  options: {
    format: { type: 'string', value: 'text|json', help: 'meldingen als tekst (standaard) of JSON' },
    fase: { type: 'string', value: 'JJJJ-H', help: 'de huidige fase voor `bewijs-achterstallig` (standaard: de laatste fase in het bewijsregister)' },
    info: { type: 'boolean', help: "toon ook info-meldingen (bijv. regio’s zonder DIN)" },
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], ['text', 'json'] as const, 'text');
    const phase = phaseOption(values['fase']);
    const outcome = checkWorkspace(pathsOrDefault(io, positionals), io.cwd, phase ? { phase } : {});
    reportDiagnostics(io, outcome, fmt, Boolean(values['info']));
    if (fmt === 'text') {
      const ok = outcome.files.length - outcome.failedFiles.length;
      io.out(`${outcome.files.length} ${outcome.files.length === 1 ? 'bestand' : 'bestanden'} gelezen (${ok} geldig): ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
    }
    return exitFor(outcome);
  },
};
