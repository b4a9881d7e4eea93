/**
 * A command is one table entry: its name, a Dutch summary, its options with their help, and
 * a run function. The overall help, `tocdin <opdracht> --help` and the check for unknown
 * options all come from the same entry, so they cannot drift apart.
 *
 * Arguments are parsed with `node:util` parseArgs: it does what we need (strings, booleans,
 * positionals) with no dependency. Unknown options are found from our own table before
 * parseArgs sees them, so the message does not depend on Node's error text.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Io } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Dutch help line. */
  help: string;
  /** The value's placeholder in the help, e.g. `text|json`. */
  value?: string;
  short?: string;
}

export interface Command {
  name: string;
  /** Other names that run this command (English or Dutch spelling). */
  aliases?: readonly string[];
  /** Positional arguments as shown in the help, e.g. `[PAD…]`. */
  args?: string;
  /** One line for the overall help. */
  summary: string;
  /** Extra lines for `tocdin <opdracht> --help`. */
  details?: string;
  options: Readonly<Record<string, OptionSpec>>;
  run: (io: Io, parsed: Parsed) => number | Promise<number>;
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A mistake in how tocdin was called (exit 2): shown as one line with a pointer to the help. */
export class UsageError extends Error {}

export function parseCommand(cmd: Command, args: readonly string[]): Parsed {
  const known = Object.keys(cmd.options);
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : arg.slice(1, 2);
    const ok = arg.startsWith('--') ? known.includes(name) : known.some((k) => cmd.options[k]!.short === name);
    if (!ok) {
      const hint = didYouMean(`--${name}`, known.map((k) => `--${k}`));
      throw new UsageError(`onbekende optie \`${arg.split('=')[0]}\` bij \`${cmd.name}\`${hint ? `; ${hint}` : ''}`);
    }
  }
  const options = Object.fromEntries(Object.entries(cmd.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    // Only a missing value can get here (`--out` at the end): the options themselves are known.
    const opt = Object.keys(cmd.options).find((k) => (err as Error).message.includes(`--${k}`));
    throw new UsageError(opt ? `optie \`--${opt}\` heeft een waarde nodig${cmd.options[opt]!.value ? ` (${cmd.options[opt]!.value})` : ''}` : (err as Error).message);
  }
}

function usage(cmd: Command): string {
  return [cmd.name, cmd.args].filter(Boolean).join(' ');
}

function optionLine(name: string, o: OptionSpec): string {
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
  return `  ${flag.padEnd(24)}${flag.length > 23 ? `\n  ${' '.repeat(24)}` : ''}${o.help}`;
}

export function commandHelp(cmd: Command): string {
  const opts = Object.entries(cmd.options);
  return [
    `Gebruik: tocdin ${usage(cmd)}${opts.length ? ' [opties]' : ''}`,
    '',
    cmd.summary,
    ...(cmd.details ? ['', cmd.details] : []),
    ...(opts.length ? ['', 'Opties:', ...opts.map(([k, o]) => optionLine(k, o))] : []),
    ...(cmd.aliases?.length ? ['', `Ook: ${cmd.aliases.map((a) => `tocdin ${a}`).join(', ')}`] : []),
    '',
  ].join('\n');
}

export function overallHelp(commands: readonly Command[], footer: string): string {
  const lines = commands.map((c) => {
    const u = usage(c);
    return `  ${u.padEnd(24)}${u.length > 23 ? `\n  ${' '.repeat(24)}` : ''}${c.summary}`;
  });
  return [
    "tocdin — beleidsmodellen en Doel-Inspanningen Netwerken voor de onderwijsregio’s",
    '',
    'Gebruik: tocdin <opdracht> [opties]     (tocdin <opdracht> --help voor de opties)',
    '',
    'Opdrachten:',
    ...lines,
    '',
    footer,
  ].join('\n');
}

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}
