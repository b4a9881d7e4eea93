/**
 * Characters in a model's text that nobody means to type: control characters (ESC, BEL, …),
 * bidi controls (U+202E turns the letters after it around) and zero-width characters. They
 * come along when text is copied from Word, a PDF or a website, or are put there on purpose:
 * the text then reads differently from what it is, two keys or ids that look the same are
 * not, and on a terminal an ESC can clear the screen or set the window title. tocdin shows
 * them escaped wherever it prints them; this check says where they are, so they can go.
 */
import { visit, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeChar, UNSAFE_CHARS } from '../diagnostics/terminal.js';
import { positionOf, type SourceText } from '../read/read.js';

export const CODE = 'tekst-onzichtbaar-teken';

const UNSAFE_ALL = new RegExp(UNSAFE_CHARS.source, 'g');
/** At most this many different characters are named in one message. */
const NAMED = 3;

/** One warning per string key or value that holds such a character, at the first one. */
export function checkTextSafety(source: SourceText, doc: Document.Parsed): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value !== 'string' || !UNSAFE_CHARS.test(node.value)) return;
      const found = [...new Set(node.value.match(UNSAFE_ALL))];
      const range = node.range;
      // Where the character stands in the file; when it is written as an escape ("\u202E")
      // it has no place of its own, and the scalar is shown.
      const raw = range ? source.text.slice(range[0], range[1]).indexOf(found[0]!) : -1;
      const offset = range ? range[0] + Math.max(raw, 0) : 0;
      const { line, column } = positionOf(source, offset);
      const named = found.slice(0, NAMED).map(describeChar).join(', ') + (found.length > NAMED ? `, en ${found.length - NAMED} meer` : '');
      const what = key === 'key' ? 'sleutel' : 'tekst';
      diagnostics.push({
        file: source.path,
        line,
        column,
        severity: 'warning',
        code: CODE,
        message: `${what} bevat ${found.length === 1 ? 'een teken dat je niet ziet of dat de weergave verandert' : 'tekens die je niet ziet of die de weergave veranderen'}: ${named}`,
        hint: 'verwijder het of typ de tekst opnieuw; zulke tekens komen vaak mee bij kopiëren uit Word, een PDF of een website',
      });
    },
  });
  return diagnostics;
}
