/**
 * Honest I/O errors for everything tocdin writes. A refused or failed write is the user's
 * situation (a full disk, a read-only folder, a file where a folder should be), not a bug:
 * it gets a Dutch message naming the path and the cause, and the CLI exits 2 with it.
 * Only errors this module does not recognise stay "interne fout".
 */

/** Stable codes (Dutch kebab-case, like the diagnostic codes) for tests and the CLI. */
export type OutputReason =
  /** The place holds files tocdin did not write (rules 1 and 2: never destroy them). */
  | 'uitvoer-niet-van-tocdin'
  /** The place is a model file or a folder models are read from. */
  | 'uitvoer-is-invoer'
  /** /proc, /sys, /dev and the like: not a place for files. */
  | 'uitvoer-geen-gewone-map'
  /** A FIFO, device, socket or symbolic link where a file would be written. */
  | 'uitvoer-geen-gewoon-bestand'
  /** A file where a folder is needed (ENOTDIR, EEXIST from mkdir). */
  | 'uitvoer-bestand-geen-map'
  /** A folder where a file is needed (EISDIR). */
  | 'uitvoer-map-geen-bestand'
  | 'uitvoer-alleen-lezen'
  | 'uitvoer-geen-toestemming'
  | 'uitvoer-schijf-vol'
  | 'uitvoer-ongeldige-naam'
  | 'uitvoer-schrijffout';

export class OutputError extends Error {
  constructor(
    readonly reason: OutputReason,
    /** The path the message is about (the offending file or folder). */
    readonly path: string,
    message: string,
    readonly hint: string,
    /** The errno code behind it, when there was one. */
    readonly errno?: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Refused before writing: something there is not tocdin's to replace (rules 1–3). */
export class OutputRefused extends OutputError {
  constructor(reason: 'uitvoer-niet-van-tocdin' | 'uitvoer-is-invoer', path: string, message: string, hint: string) {
    super(reason, path, message, hint);
    this.name = 'OutputRefused';
  }
}

/**
 * A path as shown in a message: in backticks, with control characters escaped, so a file
 * name holding a newline or an escape sequence cannot forge lines or repaint the terminal.
 */
export function shown(path: string): string {
  return '`' + path.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`) + '`';
}

const CHOOSE_ELSEWHERE = 'Kies een andere plek, bijvoorbeeld een map in je project.';

/**
 * The OutputError for a failed file-system call on `path`, or undefined when the error is
 * not a known I/O condition (then it is a bug and should stay one).
 */
export function outputErrorFor(err: unknown, path: string): OutputError | undefined {
  if (err instanceof OutputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const p = shown(path);
  const make = (reason: OutputReason, message: string, hint: string) => new OutputError(reason, path, message, hint, code);
  switch (code) {
    case 'ENOTDIR':
      return make('uitvoer-bestand-geen-map', `${p} kan niet worden geschreven: een deel van dat pad is een bestand, geen map`, 'Controleer het pad; waar een map moet staan, staat een bestand.');
    case 'EEXIST':
      return make('uitvoer-bestand-geen-map', `${p} bestaat al als bestand; hier is een map nodig`, CHOOSE_ELSEWHERE);
    case 'EISDIR':
      return make('uitvoer-map-geen-bestand', `${p} is een map, geen bestand`, 'Geef de naam van een bestand in die map.');
    case 'EROFS':
      return make('uitvoer-alleen-lezen', `${p} kan niet worden geschreven: het bestandssysteem is alleen-lezen`, CHOOSE_ELSEWHERE);
    case 'EACCES':
    case 'EPERM':
      return make('uitvoer-geen-toestemming', `geen toestemming om ${p} te schrijven`, 'Kies een map waarin je mag schrijven, of pas de rechten aan.');
    case 'ENOSPC':
    case 'EDQUOT':
      return make('uitvoer-schijf-vol', `${p} kon niet worden geschreven: de schijf is vol${code === 'EDQUOT' ? ' (je quotum is op)' : ''}`, 'Maak ruimte vrij en probeer het opnieuw; er is geen half geschreven bestand achtergebleven.');
    case 'EINVAL':
      return make('uitvoer-ongeldige-naam', `${p} kan hier niet worden geschreven: de naam of het bestandssysteem staat het niet toe`, CHOOSE_ELSEWHERE);
    case 'ENAMETOOLONG':
      return make('uitvoer-ongeldige-naam', `de naam ${p} is te lang voor het bestandssysteem`, 'Kies een kortere naam of een minder diepe map.');
    case 'ENOENT':
      return make('uitvoer-schrijffout', `${p} kan niet worden geschreven: de map bestaat niet en kon niet worden gemaakt`, CHOOSE_ELSEWHERE);
    case 'ELOOP':
      return make('uitvoer-schrijffout', `${p} kan niet worden geschreven: symbolische links in het pad wijzen in een kring`, 'Controleer de links in het pad.');
    case 'EBUSY':
    case 'ETXTBSY':
      return make('uitvoer-schrijffout', `${p} is in gebruik en kan niet worden vervangen`, 'Sluit het programma dat het bestand open heeft en probeer het opnieuw.');
    case 'EIO':
      return make('uitvoer-schrijffout', `schrijffout van de schijf bij ${p}`, 'Controleer de schijf of kies een andere plek.');
    case 'EXDEV':
      return make('uitvoer-schrijffout', `${p} kan niet worden vervangen (een ander bestandssysteem in het pad)`, CHOOSE_ELSEWHERE);
    default:
      return undefined;
  }
}

/** Runs `fn`; a known I/O failure becomes an OutputError about `path`, anything else is rethrown. */
export function withOutputErrors<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw outputErrorFor(err, path) ?? err;
  }
}
