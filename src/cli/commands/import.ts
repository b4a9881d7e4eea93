import { statSync } from 'node:fs';
import { dirname, extname, relative } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { summarize } from '../../diagnostics/format.js';
import { withOutputErrors } from '../../io/errors.js';
import { importWorkbook } from '../../spreadsheets.js';
import { writeDinFile } from '../../write/din-yaml.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_MODEL, EXIT_OK, EXIT_USAGE, pathsOrDefault, printDiagnostics } from '../io.js';

export const importCmd: Command = {
  name: 'import',
  aliases: ['importeer'],
  args: 'WERKBOEK.xlsx',
  summary: 'lees een ingevuld DIN-werkboek in en schrijf het DIN als YAML (overschrijft alleen met --overschrijf)',
  details: [
    'Het werkboek komt van `tocdin export --sjabloon`. Alles wordt gecontroleerd zoals `validate` een',
    'YAML-bestand controleert, samen met de andere modellen; elke melding wijst naar de cel',
    '(werkboek.xlsx:Inspanningen!C12). Bij een fout wordt niets geschreven (exit 1). Het DIN komt in',
    'het bestaande DIN-bestand van de regio, of in models/regios/<regio>.yaml; notities bij cellen',
    'worden commentaar in de YAML.',
  ].join('\n'),
  options: {
    out: { type: 'string', value: 'BESTAND', help: 'het DIN-bestand (standaard het DIN van de regio, of models/regios/<regio>.yaml)' },
    overschrijf: { type: 'boolean', help: 'vervang een bestaand DIN-bestand' },
    check: { type: 'boolean', help: 'controleer alleen; schrijf niets' },
  },
  async run(io, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('geef één werkboek, bijv. `tocdin import din-zuidwest-samen.xlsx`');
    const out = values['out'] as string | undefined;
    if (out !== undefined && !['.yaml', '.yml'].includes(extname(out).toLowerCase())) throw new UsageError(`een DIN-bestand eindigt op .yaml; \`${out}\` niet`);
    const outcome = await importWorkbook({ path: positionals[0]!, cwd: io.cwd, modelPaths: pathsOrDefault(io, []), ...(out !== undefined ? { out } : {}) });
    const print = (ds: typeof outcome.diagnostics) => printDiagnostics(io, ds);
    if (outcome.usageProblems.length) {
      print(outcome.usageProblems);
      return EXIT_USAGE;
    }
    if (outcome.refused) {
      io.err(`tocdin: ${outcome.refused}; er is niets geschreven.\nKies met --out een ander .yaml-bestand.\n`);
      return EXIT_USAGE;
    }
    print(outcome.diagnostics);
    if (hasErrors(outcome.diagnostics)) {
      io.out(`${summarize(outcome.diagnostics)}; er is niets geschreven.\n`);
      return EXIT_MODEL;
    }
    const path = outcome.outPath!;
    const shown = relative(io.cwd, path);
    const c = outcome.counts!;
    const counts = `${c.er_doelen} ER-doelen, ${c.concrete_doelen} concrete doelen, ${c.inspanningen} inspanningen, ${c.bijdragen} bijdragen, ${c.schuifjes} met schuifjes, ${c.streefwaarden} streefwaarden, ${c.indicatoren} regionale indicatoren, ${c.databronnen} databronnen`;
    const warnings = outcome.diagnostics.filter((d) => d.severity === 'warning').length;
    if (values['check']) {
      io.out(`in orde (${summarize(outcome.diagnostics)}): het DIN zou naar ${shown} gaan (${counts}); er is niets geschreven.\n`);
      return EXIT_OK;
    }
    let dir;
    try {
      dir = statSync(dirname(path));
    } catch {
      dir = undefined;
    }
    if (!dir?.isDirectory()) {
      io.err(`tocdin: de map ${relative(io.cwd, dirname(path)) || '.'} bestaat niet; er is niets geschreven.\nMaak de map eerst, of kies met --out een bestand in een bestaande map.\n`);
      return EXIT_USAGE;
    }
    // An errno becomes an OutputError with a Dutch message; main.ts prints it (exit 2).
    const written = withOutputErrors(path, () => writeDinFile(path, outcome.yaml!, Boolean(values['overschrijf'])));
    if (written === 'exists') {
      io.err(`tocdin: ${shown} bestaat al; er is niets overschreven.\nGebruik --overschrijf om het te vervangen, of --out voor een ander bestand.\n`);
      return EXIT_USAGE;
    }
    const verb = written === 'created' ? 'geschreven' : written === 'replaced' ? 'vervangen' : 'ongewijzigd';
    io.out(`DIN ${verb}: ${shown} (${counts})${warnings ? `; ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'} hierboven` : ''}.\nControleer met \`npx tocdin validate\`.\n`);
    return EXIT_OK;
  },
};

