/** A spreadsheet cell as a diagnostic location, and how the formatter prints it. */
import { describe, expect, it } from 'vitest';
import { cellLocation, cellReference, columnLetters, isCellLocation } from '../../src/diagnostics/cell.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

describe('cell locations', () => {
  it('column letters as Excel counts them', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('sheet names that are not a plain word are quoted, as in Excel\'s name box', () => {
    expect(cellReference('Inspanningen', 12, 3)).toBe('Inspanningen!C12');
    expect(cellReference('ER-doelen', 2, 1)).toBe("'ER-doelen'!A2");
    expect(cellReference('Concrete doelen', 5, 2)).toBe("'Concrete doelen'!B5");
    expect(cellReference("Jan's blad", 1, 1)).toBe("'Jan''s blad'!A1");
  });

  it('a cell location carries its row and column as line and column', () => {
    expect(cellLocation('werkboek.xlsx', 'Inspanningen', 12, 3)).toEqual({ file: 'werkboek.xlsx:Inspanningen!C12', line: 12, column: 3 });
    expect(isCellLocation(cellLocation('werkboek.xlsx', 'Inspanningen', 12, 3))).toBe(true);
    // A YAML location is not a cell, even for a file name that ends like one at another line.
    expect(isCellLocation({ file: 'models/din.yaml', line: 12, column: 3 })).toBe(false);
    expect(isCellLocation({ file: 'raar!C12', line: 11, column: 3 })).toBe(false);
  });

  it('formats as `werkboek.xlsx:Inspanningen!C12 fout code bericht`, without row and column again', () => {
    const d = { ...cellLocation('werkboek.xlsx', 'Inspanningen', 12, 3), severity: 'error' as const, code: 'waarde-ongeldig' as const, message: '`Werven!` is geen geldige waarde voor `functie`', hint: 'bedoel je `werven`?', related: [{ ...cellLocation('werkboek.xlsx', 'ER-doelen', 2, 1), message: 'eerste definitie' }] };
    expect(formatDiagnostic(d).split('\n')).toEqual([
      'werkboek.xlsx:Inspanningen!C12 fout waarde-ongeldig `Werven!` is geen geldige waarde voor `functie`',
      '      hint: bedoel je `werven`?',
      "      zie ook werkboek.xlsx:'ER-doelen'!A2 eerste definitie",
    ]);
    // YAML locations are unchanged.
    expect(formatDiagnostic({ file: 'a.yaml', line: 3, column: 5, severity: 'warning', code: 'element-los', message: 'm' })).toBe('a.yaml:3:5 waarschuwing element-los m');
  });
});
