/**
 * The DIN as YAML: any text a workbook cell can hold comes back the same through the YAML
 * reader and validator (a property test), comments land at their element, and the file
 * has the bundled files' shape (schema line, key order, blank lines, lists of ids on one line).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readModelText } from '../../src/read/read.js';
import { DinSchema } from '../../src/validate/schemas.js';
import { validateFile } from '../../src/validate/validate.js';
import { dinYaml, schemaRefFor } from '../../src/write/din-yaml.js';

function readBack(yaml: string) {
  const read = readModelText('din.yaml', yaml);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const v = validateFile(read.file!);
  expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return v.file!.model;
}

const base = (text: string, comment?: string) => ({
  data: {
    soort: 'din',
    regio: 'regio-noord',
    naam: text,
    ambitie: { id: 'a-ambitie', tekst: text, toelichting: text },
    inspanningen: [{ id: 'a-x', tekst: text, functie: 'werven', draagt_bij_aan: [{ doel: 'a-cd', toelichting: text }] }],
    indicatoren: [{ id: 'a-ind', naam: 'n', definitie: 'd', eenheid: 'e', meetmomenten: [2025, text] }],
  },
  comments: new Map(comment === undefined ? [] : [['[]', comment], ['["inspanningen",0]', comment]]),
});

describe('DIN YAML writer', () => {
  it('property: every text (quotes, #, :, line breaks, leading spaces, numbers, yes/no, unicode) reads back unchanged', () => {
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
      fc.constantFrom('2024', 'ja', 'nee', 'true', 'null', '~', '- lijst', '# geen commentaar', 'a: b', '"', "'", '  spaties  ', 'regel 1\nregel 2\n', '=SUM(A1)', '@x', '[a, b]', '{a: 1}', '%YAML', '*alias', '&anker', '!tag', '0x1F', '1e3'),
    ).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), (t, comment) => {
        const { data, comments } = base(t, comment);
        const yaml = dinYaml(data, { schemaRef: '../../schemas/din.schema.json', comments });
        expect(readBack(yaml)).toEqual(DinSchema.parse(data));
      }),
      { numRuns: 300 },
    );
  });

  it('the shape of the bundled files', () => {
    const data = {
      inspanningen: [{ draagt_bij_aan: [{ sterkte: 'sterk', doel: 'a-cd' }], functie: 'werven', tekst: 'Kort', id: 'a-x' }],
      regio: 'regio-noord',
      soort: 'din',
      er_doelen: [{ id: 'a-er', tekst: 'x'.repeat(120), draagt_bij_aan: ['a-ambitie', 'b'] }],
      ambitie: { id: 'a-ambitie', tekst: 'Ambitie' },
    };
    const comments = new Map([
      ['[]', 'Bovenaan het bestand.'],
      ['["er_doelen"]', 'Over de ER-doelen.'],
      ['["inspanningen",0]', 'Bij de inspanning,\nover twee regels.'],
      ['["inspanningen",0,"draagt_bij_aan",0]', 'Bij de bijdrage.'],
    ]);
    expect(dinYaml(data, { schemaRef: '../../schemas/din.schema.json', comments })).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/din.schema.json',
        '# Bovenaan het bestand.',
        '',
        'soort: din',
        'regio: regio-noord',
        '',
        'ambitie:',
        '  id: a-ambitie',
        '  tekst: Ambitie',
        '',
        '# Over de ER-doelen.',
        'er_doelen:',
        '  - id: a-er',
        '    tekst: >-',
        `      ${'x'.repeat(120)}`,
        '    draagt_bij_aan: [a-ambitie, b]',
        '',
        'inspanningen:',
        '  # Bij de inspanning,',
        '  # over twee regels.',
        '  - id: a-x',
        '    tekst: Kort',
        '    functie: werven',
        '    draagt_bij_aan:',
        '      # Bij de bijdrage.',
        '      - doel: a-cd',
        '        sterkte: sterk',
        '',
      ].join('\n'),
    );
  });

  it('the schema line is relative to where the file goes', () => {
    expect(schemaRefFor('/p/models/regios/x.yaml', '/p/schemas/din.schema.json')).toBe('../../schemas/din.schema.json');
    expect(schemaRefFor('/p/x.yaml', '/p/schemas/din.schema.json')).toBe('schemas/din.schema.json');
  });
});
