import { join, resolve } from 'node:path';
import { writeSchemas } from '../../write/schemas.js';
import type { Command } from '../command.js';
import { EXIT_OK, protectedInputs } from '../io.js';

export const schema: Command = {
  name: 'schema',
  summary: 'schrijf de JSON Schemas voor de editor (standaard: schemas)',
  options: {
    out: { type: 'string', value: 'MAP', help: 'de map voor de schema-bestanden (standaard: schemas)' },
  },
  async run(io, { values }) {
    const dir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'schemas');
    const r = await writeSchemas(dir, { inputs: protectedInputs(io, [], []) });
    for (const f of r.written) io.out(`geschreven: ${join(dir, f)}\n`);
    for (const f of r.unchanged) io.out(`ongewijzigd: ${join(dir, f)}\n`);
    for (const f of r.removed) io.out(`verwijderd: ${join(dir, f)}\n`);
    return EXIT_OK;
  },
};
