/**
 * The CLI only parses arguments, calls the library and chooses an exit code:
 * 0 fine, 1 model errors, 2 usage or I/O errors. Nothing a user types may end in a stack
 * trace: unexpected exceptions are caught at the top and reported as an internal error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summarize } from '../diagnostics/format.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { GLOSSARY } from '../glossary.js';
import { checkWorkspace, type LoadOutcome } from '../pipeline.js';
import { allJsonSchemas } from '../write/schemas.js';
import { writeFileAtomic } from '../write/atomic.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../glossary.js';

export const EXIT_OK = 0;
export const EXIT_MODEL = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  color: boolean;
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && !process.env['CI'],
});

class UsageError extends Error {}

const DEFAULT_PATHS = ['models', 'scenarios'];

const HELP = `tocdin — beleidsmodellen en Doel-Inspanningen Netwerken voor de onderwijsregio's

Gebruik: tocdin <opdracht> [opties]

Opdrachten:
  start                   valideer de modellen en toon een samenvatting (wat npm start doet)
  validate [PAD…]         controleer modelbestanden (standaard: models en scenarios)
  schema [--out MAP]      schrijf de JSON Schemas voor de editor (standaard: schemas)
  begrippen               toon de woordenlijst: Nederlandse term → type in de code

Opties:
  --format text|json      uitvoer als tekst (standaard) of JSON
  --info                  toon ook info-meldingen (bijv. regio's zonder DIN)
  -h, --help              deze hulp
  --version               versie

Exitcodes: 0 in orde, 1 fouten in een model, 2 verkeerd gebruik of een bestand/map die niet te lezen is.
`;

const COMMANDS = ['start', 'validate', 'schema', 'begrippen', 'help'] as const;

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options: options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = (err as Error).message;
    const m = /Unknown option '([^']+)'/.exec(msg);
    const known = Object.keys(options ?? {}).map((k) => `--${k}`);
    const hint = m ? didYouMean(m[1]!, known) : undefined;
    throw new UsageError(m ? `onbekende optie \`${m[1]}\`${hint ? `; ${hint}` : ''}` : msg);
  }
}

function format(value: unknown): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`onbekend formaat \`${String(value)}\`; kies text of json`);
}

function reportDiagnostics(io: Io, outcome: LoadOutcome, fmt: 'text' | 'json', showInfo = false): void {
  const all = [...outcome.usageProblems, ...outcome.diagnostics];
  if (fmt === 'json') {
    io.out(JSON.stringify({ diagnostics: all.map(plainDiagnostic) }, null, 2) + '\n');
    return;
  }
  // Infos (e.g. 39 regions without a DIN) would bury the errors; they are one flag away.
  const shown = showInfo ? all : all.filter((d) => d.severity !== 'info');
  for (const d of shown) io.out(formatDiagnostic(d, { color: io.color, sources: outcome.sources }) + '\n\n');
  const hidden = all.length - shown.length;
  if (hidden > 0) io.out(`(${hidden} info-meldingen niet getoond; zie ze met --info)\n`);
}

function plainDiagnostic(d: Diagnostic): Diagnostic {
  const { file, line, column, severity, code, message, hint, related } = d;
  return { file, line, column, severity, code, message, ...(hint ? { hint } : {}), ...(related ? { related } : {}) };
}

function exitFor(outcome: LoadOutcome): number {
  if (outcome.usageProblems.length > 0) return EXIT_USAGE;
  return hasErrors(outcome.diagnostics) ? EXIT_MODEL : EXIT_OK;
}

function countsPerType(outcome: LoadOutcome): string {
  const counts = new Map<ElementType, number>();
  for (const e of outcome.workspace.elements.values()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `  ${ELEMENT_TYPE_LABEL[t].padEnd(18)} ${n}`).join('\n');
}

function cmdValidate(io: Io, args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, info: { type: 'boolean' } });
  const fmt = format(values['format']);
  const outcome = checkWorkspace(positionals.length ? positionals : DEFAULT_PATHS, io.cwd);
  reportDiagnostics(io, outcome, fmt, Boolean(values['info']));
  if (fmt === 'text') {
    const ok = outcome.files.length - outcome.failedFiles.length;
    io.out(`${outcome.files.length} ${outcome.files.length === 1 ? 'bestand' : 'bestanden'} gelezen (${ok} geldig): ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
  }
  return exitFor(outcome);
}

function cmdStart(io: Io, args: string[]): number {
  parse(args, {});
  const outcome = checkWorkspace(DEFAULT_PATHS, io.cwd);
  reportDiagnostics(io, outcome, 'text');
  const code = exitFor(outcome);
  io.out(`tocdin: ${outcome.files.length} modelbestanden gelezen — ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
  if (code !== EXIT_OK) {
    io.out('Los eerst de fouten hierboven op; daarna volgt de samenvatting.\n');
    return code;
  }
  io.out(`\nElementen per soort:\n${countsPerType(outcome)}\n`);
  return code;
}

function cmdSchema(io: Io, args: string[]): number {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'schemas');
  for (const { file, content } of allJsonSchemas()) {
    const status = writeFileAtomic(join(dir, file), content);
    io.out(`${status === 'written' ? 'geschreven' : 'ongewijzigd'}: ${join(dir, file)}\n`);
  }
  return EXIT_OK;
}

function cmdGlossary(io: Io, args: string[]): number {
  parse(args, {});
  io.out('| begrip | YAML | type in de code | betekenis |\n|---|---|---|---|\n');
  for (const g of GLOSSARY) io.out(`| ${g.term} | \`${g.yaml}\` | \`${g.type}\` | ${g.meaning} |\n`);
  return EXIT_OK;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
      io.out(HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version') {
      io.out('tocdin 0.1.0\n');
      return EXIT_OK;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(HELP);
      return EXIT_OK;
    }
    switch (command) {
      case 'validate':
        return cmdValidate(io, rest);
      case 'start':
        return cmdStart(io, rest);
      case 'schema':
        return cmdSchema(io, rest);
      case 'begrippen':
        return cmdGlossary(io, rest);
      default: {
        const hint = didYouMean(command, COMMANDS);
        throw new UsageError(`onbekende opdracht \`${command}\`${hint ? `; ${hint}` : ''}`);
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tocdin: ${err.message}\nZie \`tocdin --help\`.\n`);
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
