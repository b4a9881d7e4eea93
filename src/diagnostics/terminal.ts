/**
 * Text from a model file can hold characters that act on a terminal instead of showing: ESC
 * starts sequences that clear the screen, set the window title or colour the rest of the
 * output; BEL rings; CR moves back over what was printed; bidi controls reorder the letters
 * after them (U+202E shows `gnp.exe` for `exe.png`); zero-width characters hide a difference.
 * Every one of them is written as a visible `\u001b`-style escape: readable on a terminal,
 * and the very escape a JSON string uses, so a sink may apply this to JSON output too and
 * the result still parses to the same value.
 */

/**
 * The characters that are escaped: C0 controls but tab and newline, DEL, C1 controls, the
 * bidi controls (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069) and the zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF).
 */
export const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const UNSAFE_ALL = new RegExp(UNSAFE_CHARS.source, 'g');

/**
 * The SGR sequences node's styleText emits for the styles tocdin paints diagnostics with
 * (bold, dim, red, green, yellow, cyan and their resets). They only change colour and
 * weight; they cannot hide text, move the cursor or set a title.
 */
const OWN_COLOUR = /\x1b\[(?:1|2|22|31|32|33|36|39)m/y;

export interface EscapeOptions {
  /** Keep our own colour sequences (see OWN_COLOUR): for a sink whose output is coloured. */
  keepColour?: boolean;
}

export function escapeForTerminal(s: string, opts: EscapeOptions = {}): string {
  return s.replace(UNSAFE_ALL, (ch: string, offset: number) => {
    if (opts.keepColour && ch === '\x1b') {
      OWN_COLOUR.lastIndex = offset;
      if (OWN_COLOUR.test(s)) return ch;
    }
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `U+202E (rechts-naar-linksoverschrijving)`: a character by code point and kind, for messages. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHAR_NAMES.get(cp) ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 'besturingsteken' : undefined);
  return name ? `${code} (${name})` : code;
}

const CHAR_NAMES = new Map<number, string>([
  [0x00, 'NUL'], [0x07, 'belsignaal'], [0x08, 'backspace'], [0x0d, 'carriage return'], [0x1b, 'escape, begin van een terminalcode'],
  [0x7f, 'delete'], [0x9b, 'begin van een terminalcode'],
  [0x061c, 'Arabische richtingsmarkering'], [0x200b, 'spatie zonder breedte'], [0x200c, 'verbindingsbreker zonder breedte'],
  [0x200d, 'verbinder zonder breedte'], [0x200e, 'links-naar-rechtsmarkering'], [0x200f, 'rechts-naar-linksmarkering'],
  [0x202a, 'links-naar-rechtsinbedding'], [0x202b, 'rechts-naar-linksinbedding'], [0x202c, 'einde van richtingsopmaak'],
  [0x202d, 'links-naar-rechtsoverschrijving'], [0x202e, 'rechts-naar-linksoverschrijving'],
  [0x2060, 'woordverbinder zonder breedte'], [0x2066, 'links-naar-rechtsisolatie'], [0x2067, 'rechts-naar-linksisolatie'],
  [0x2068, 'richtingsisolatie'], [0x2069, 'einde van richtingsisolatie'], [0xfeff, 'byte order mark, onzichtbaar'],
]);
