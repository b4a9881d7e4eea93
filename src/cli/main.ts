/**
 * The CLI only parses arguments, calls the library and chooses an exit code:
 * 0 fine, 1 model errors, 2 usage or I/O errors. The commands are a table
 * (src/cli/commands/index.ts); the help is generated from it. Nothing a user types may end
 * in a stack trace: unexpected exceptions are caught here and reported as an internal error.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import { ChromiumMissingError, INSTALL_COMMAND } from '../browser/chromium.js';
import { OutputError } from '../io/errors.js';
import { commandHelp, findCommand, overallHelp, parseCommand, UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';
import { defaultIo, EXIT_OK, EXIT_USAGE, type Io } from './io.js';

export { EXIT_MODEL, EXIT_OK, EXIT_USAGE, type Io } from './io.js';

const VERSION = '0.1.0';

const FOOTER = `SVG, PDF en het HTML-rapport gebruiken Chromium (${INSTALL_COMMAND});
zonder Chromium blijven Mermaid en Markdown werken. Tekeningen worden bewaard in
.tocdin-cache/, zodat alleen gewijzigde diagrammen opnieuw getekend worden.

Exitcodes: 0 in orde, 1 fouten in een model, 2 verkeerd gebruik of een bestand/map die niet te lezen is.
`;

export const HELP = overallHelp(COMMANDS, FOOTER);

const isHelp = (a: string | undefined) => a === '-h' || a === '--help' || a === 'help';

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || isHelp(name)) {
      // `tocdin help render` is the same as `tocdin render --help`.
      const about = name === 'help' && rest[0] ? findCommand(COMMANDS, rest[0]) : undefined;
      io.out(about ? commandHelp(about) : HELP);
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version') {
      io.out(`tocdin ${VERSION}\n`);
      return EXIT_OK;
    }
    const command = findCommand(COMMANDS, name);
    if (!command) {
      const hint = didYouMean(name, [...COMMANDS.map((c) => c.name), 'help']);
      throw new UsageError(`onbekende opdracht \`${name}\`${hint ? `; ${hint}` : ''}`);
    }
    if (rest.some((a) => a === '-h' || a === '--help')) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(io, parseCommand(command, rest));
  } catch (err) {
    if (err instanceof ChromiumMissingError) {
      io.err(`tocdin: ${err.message}\nMermaid-diagrammen (tocdin render) en het Markdown-rapport (tocdin report --format md) werken zonder Chromium.\n`);
      return EXIT_USAGE;
    }
    if (err instanceof OutputError) {
      // A refusal (not tocdin's folder, a model file) or an I/O problem: named, with the cause.
      io.err(`tocdin: ${err.message}\n${err.hint}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      io.err(`tocdin: ${err.message}\nZie \`tocdin ${name && findCommand(COMMANDS, name) ? `${name} ` : ''}--help\`.\n`);
      return EXIT_USAGE;
    }
    // Not something the user did: say so plainly, without a stack trace.
    io.err(`tocdin: interne fout: ${(err as Error)?.message ?? String(err)}\nMeld dit als issue, met het commando dat je gaf.\n`);
    if (process.env['TOCDIN_DEBUG']) io.err(String((err as Error)?.stack) + '\n');
    return EXIT_USAGE;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
