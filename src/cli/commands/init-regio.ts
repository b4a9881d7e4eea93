import { join, resolve } from 'node:path';
import { checkWorkspace } from '../../pipeline.js';
import { createRegionDin, fillTemplate, prefixFor } from '../../write/init-regio.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics, requireId } from '../io.js';

export const initRegion: Command = {
  name: 'init-regio',
  args: 'ID',
  summary: 'maak models/regios/ID.yaml uit het sjabloon (overschrijft nooit)',
  options: {
    map: { type: 'string', value: 'MAP', help: 'maak het bestand in deze map (standaard: models/regios)' },
  },
  run(io, { values, positionals }) {
    const [id] = positionals;
    if (!id) throw new UsageError('geef het id van een regio uit het register, bijv. `tocdin init-regio zuidwest-samen`');
    const outcome = checkWorkspace(['models'], io.cwd);
    if (outcome.usageProblems.length) {
      reportDiagnostics(io, outcome, 'text');
      return EXIT_USAGE;
    }
    const regions = [...outcome.workspace.elements.values()].filter((e) => e.type === 'regio');
    requireId(regions.map((r) => r.id), id, 'regio');
    const region = regions.find((r) => r.id === id)!;
    const dir = resolve(io.cwd, (values['map'] as string | undefined) ?? 'models/regios');
    const path = join(dir, `${id}.yaml`);
    const content = fillTemplate({ id, naam: region.label, prefix: prefixFor(id, outcome.workspace.elements.keys()) });
    if (createRegionDin(path, content) === 'exists') {
      io.err(`tocdin: ${path} bestaat al; er is niets overschreven.\n`);
      return EXIT_USAGE;
    }
    io.out(`aangemaakt: ${path}\nVul de ambitie, ER-doelen, concrete doelen en inspanningen in (zoek op VERVANG) en controleer met \`npx tocdin validate\`.\n`);
    return EXIT_OK;
  },
};
