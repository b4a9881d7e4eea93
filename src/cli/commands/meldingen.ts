import { codeReference } from '../../diagnostics/codes.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../io.js';

export const meldingen: Command = {
  name: 'meldingen',
  summary: 'toon alle meldingscodes met ernst, betekenis en hint (docs/meldingen.md)',
  options: {},
  run(io) {
    io.out(codeReference());
    return EXIT_OK;
  },
};
