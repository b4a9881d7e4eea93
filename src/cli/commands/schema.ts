import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { allJsonSchemas } from '../../write/schemas.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../io.js';

export const schema: Command = {
  name: 'schema',
  summary: 'schrijf de JSON Schemas voor de editor (standaard: schemas)',
  options: {
    out: { type: 'string', value: 'MAP', help: 'de map voor de schema-bestanden (standaard: schemas)' },
  },
  run(io, { values }) {
    const dir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'schemas');
    for (const { file, content } of allJsonSchemas()) {
      const status = writeFileAtomic(join(dir, file), content);
      io.out(`${status === 'written' ? 'geschreven' : 'ongewijzigd'}: ${join(dir, file)}\n`);
    }
    return EXIT_OK;
  },
};
