import { GLOSSARY } from '../../vocabulary/glossary.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../io.js';

export const begrippen: Command = {
  name: 'begrippen',
  summary: 'toon de woordenlijst: Nederlandse term → type in de code',
  options: {},
  run(io) {
    io.out('| begrip | YAML | type in de code | naam in de code | betekenis |\n|---|---|---|---|---|\n');
    for (const g of GLOSSARY) io.out(`| ${g.term} | \`${g.yaml}\` | \`${g.type}\` | \`${g.english}\` | ${g.meaning} |\n`);
    return EXIT_OK;
  },
};
