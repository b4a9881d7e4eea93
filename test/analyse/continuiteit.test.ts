/**
 * Issue 15.2: continuïteit (vervanging, e.g. invalpools: the C of ABC&S, seed 004 l.123,
 * l.353) is a function of its own. It is a row of the function × region matrix, written
 * "continuïteit" for readers and `continuiteit` in YAML; a model that writes the diaeresis
 * gets a suggestion; the JSON Schema offers it. Fixture: the invalpool of
 * fixtures/engine/sterkte-onbekend (functie continuiteit, no beleidsmodel activity).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { RENDERERS } from '../../src/render/index.js';
import { FUNCTIONS } from '../../src/vocabulary/vocabulary.js';
import { fixture, load, ROOT } from '../fixtures/engine.js';

const loaded = load('sterkte-onbekend');
const a = analyse(loaded.built, { diagnostics: loaded.diagnostics });

describe('continuïteit als functie', () => {
  it('staat in de functielijst, tussen professionaliseren en anders organiseren', () => {
    expect(FUNCTIONS.slice(4)).toEqual(['professionaliseren', 'continuiteit', 'anders-organiseren']);
  });

  it('is een rij van de matrix functie × regio, met de trema voor de lezer', () => {
    const m = a.matrices.functie_regio;
    const row = m.rijen.findIndex((r) => r.id === 'continuiteit');
    expect(m.rijen[row]).toEqual({ id: 'continuiteit', label: 'continuïteit' });
    expect(m.cellen[row]).toEqual([1]);
    expect(RENDERERS.md(a)).toMatch(/\| continuïteit \|/);
  });

  it('een inspanning zonder activiteit (het beleidsmodel heeft er geen voor continuïteit) is geldig', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.dins[0]!.inspanningen.find((s) => s.id === 'n-invalpool')).toMatchObject({ functie: 'continuiteit', activiteit: null });
  });

  const tmp = mkdtempSync(join(tmpdir(), 'tocdin-continuiteit-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('`functie: continuïteit` (met trema) is een fout met de juiste waarde als suggestie', () => {
    cpSync(fixture('sterkte-onbekend'), tmp, { recursive: true });
    const din = join(tmp, 'din.yaml');
    writeFileSync(din, readFileSync(din, 'utf8').replace('functie: continuiteit', 'functie: continuïteit'));
    const d = checkWorkspace(['.'], tmp).diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => [x.code, x.file, x.line, x.hint])).toEqual([['waarde-ongeldig', 'din.yaml', 51, 'bedoel je `continuiteit`?']]);
  });

  it('het JSON Schema voor DINs biedt continuiteit aan', () => {
    const schema = readFileSync(join(ROOT, 'schemas', 'din.schema.json'), 'utf8');
    expect(schema).toContain('"continuiteit"');
    expect(schema).not.toContain('"default": "middel"');
  });
});
