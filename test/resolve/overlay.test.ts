/**
 * Applying scenarios (src/resolve/overlay.ts) on the mini workspace of the diagnostic
 * fixtures: removals take their references along, additions and changes are located in the
 * scenario file, lines of base elements stay right after a removal shifts their index, and
 * the base models are never changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace, loadWorkspace, type LoadOutcome } from '../../src/pipeline.js';
import { filesOfKind } from '../../src/resolve/resolve.js';

const GELDIG = fileURLToPath(new URL('../fixtures/diagnostics/geldig/', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HEAD = 'soort: scenario\nnaam: Test\nlegt_over: regio-noord\n';

/** The mini workspace plus the given scenario files (name → text). */
function workspace(scenarios: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tocdin-overlay-'));
  dirs.push(dir);
  cpSync(GELDIG, dir, { recursive: true });
  for (const [name, text] of Object.entries(scenarios)) writeFileSync(join(dir, name), text);
  return dir;
}

const where = (o: LoadOutcome) => o.diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column }));
const din = (o: LoadOutcome) => filesOfKind(o.workspace, 'din')[0]!;

describe('verwijder', () => {
  const scenario = `${HEAD}id: s\nwijzigingen:\n  - verwijder: noord-cd-meer-zij-instromers\n`;

  it('removes the element and every reference to it; the base model stays as it was', () => {
    const dir = workspace({ 's.yaml': scenario });
    const base = loadWorkspace(['.'], dir);
    const before = JSON.stringify(din(base).model);
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([]);
    expect(o.workspace.elements.has('noord-cd-meer-zij-instromers')).toBe(false);
    // The inspanning's contribution and the indicator's `meet` went with it.
    expect(din(o).model.inspanningen[0]!.draagt_bij_aan).toEqual([]);
    expect(din(o).model.indicatoren[0]!.meet).toEqual([]);
    expect(o.scenario).toEqual({
      id: 's',
      chain: ['s'],
      added: [],
      removed: ['noord-cd-meer-zij-instromers'],
      changed: [
        { id: 'noord-aantal-zij-instromers', velden: ['meet'] },
        { id: 'noord-wervingscampagne', velden: ['draagt_bij_aan'] },
      ],
    });
    expect(JSON.stringify(din(base).model)).toBe(before);
    expect(JSON.stringify(din(loadWorkspace(['.'], dir)).model)).toBe(before);
  });

  it('an element that is not in a list, or that a required field names, cannot go', () => {
    const dir = workspace({
      's.yaml': `${HEAD}id: s\nwijzigingen:\n  - verwijder: noord-ambitie\n  - verwijder: regio-noord\n`,
    });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([
      { code: 'scenario-ongeldig', file: 's.yaml', line: 6, column: 16 },
      { code: 'scenario-ongeldig', file: 's.yaml', line: 7, column: 16 },
    ]);
    expect(o.diagnostics[0]!.message).toBe('ambitie `noord-ambitie` (din.yaml:6) kan niet weg: het staat niet in een lijst');
    expect(o.diagnostics[1]!.message).toBe('regio `regio-noord` (regioregister.yaml:4) kan niet weg: `noord-ambitie` (din.yaml:3) verwijst ernaar met het verplichte veld `regio`');
  });

  it('a change to an element removed before says so', () => {
    const dir = workspace({ 's.yaml': `${HEAD}id: s\nwijzigingen:\n  - verwijder: noord-wervingscampagne\n  - wijzig: noord-wervingscampagne\n    velden:\n      status: idee\n` });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([{ code: 'scenario-id-onbekend', file: 's.yaml', line: 7, column: 13 }]);
    expect(o.diagnostics[0]!.hint).toBe('een eerdere wijziging (s.yaml:6) heeft `noord-wervingscampagne` al verwijderd');
  });

  it('after a removal shifts a list, base elements are still located at their own lines', () => {
    // Add a second inspanning, then remove the first: the second moves to index 0.
    const dir = workspace({
      's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: inspanningen\n    elementen:\n      - id: noord-loket\n        tekst: Regionaal loket\n        functie: matchen\n  - verwijder: noord-wervingscampagne\n`,
    });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    const f = din(o);
    expect(f.model.inspanningen.map((i) => i.id)).toEqual(['noord-loket']);
    expect(f.locator.locate(['inspanningen', 0, 'id'])).toMatchObject({ file: 's.yaml', line: 8, column: 13 });
    expect(f.locator.locate(['concrete_doelen', 0, 'id'])).toMatchObject({ file: 'din.yaml', line: 12, column: 9 });
    // The new inspanning contributes to nothing: the ordinary lint rule points at the scenario.
  });
});

describe('voeg_toe', () => {
  it('adds elements in the shape of the model; a dangling reference is reported at the scenario line', () => {
    const dir = workspace({
      's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: inspanningen\n    elementen:\n      - id: noord-loket\n        tekst: Regionaal loket\n        functie: matchen\n        draagt_bij_aan:\n          - doel: noord-cd-meer-zij-instromrs\n`,
    });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([{ code: 'verwijzing-onbekend', file: 's.yaml', line: 12, column: 19 }]);
    expect(o.diagnostics[0]!.hint).toBe('bedoel je `noord-cd-meer-zij-instromers`?');
    // Without --scenario the same mistake is found by checking every scenario.
    expect(where(loadWorkspace(['.'], dir))).toEqual([{ code: 'verwijzing-onbekend', file: 's.yaml', line: 12, column: 19 }]);
  });

  it('an element of the wrong shape gets the ordinary diagnostics, in the scenario file', () => {
    const dir = workspace({ 's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: inspanningen\n    elementen:\n      - id: noord-loket\n        tekst: Regionaal loket\n        functi: matchen\n` });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([
      { code: 'veld-ontbreekt', file: 's.yaml', line: 8, column: 9 },
      { code: 'sleutel-onbekend', file: 's.yaml', line: 10, column: 9 },
    ]);
    expect(o.diagnostics[1]!.hint).toBe('bedoel je `functie`?');
  });

  it('a list the model does not have is an unknown field, with the lists it does have', () => {
    const dir = workspace({ 's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: inspaningen\n    elementen:\n      - id: x\n` });
    const o = loadWorkspace(['.'], dir, { scenario: 's' });
    expect(where(o)).toEqual([{ code: 'scenario-veld-onbekend', file: 's.yaml', line: 6, column: 15 }]);
    expect(o.diagnostics[0]!.hint).toBe('bedoel je `inspanningen`?');
  });
});

describe('wijzig and bouwt_op', () => {
  it('a scenario builds on another: both apply, in order; the later one may change what the first changed', () => {
    const dir = workspace({
      'a.yaml': `${HEAD}id: a\nwijzigingen:\n  - wijzig: noord-wervingscampagne\n    velden:\n      status: gepland\n      schuifjes: {nu: autonoom, gewenst: afstemmen}\n`,
      'b.yaml': `${HEAD}id: b\nbouwt_op: a\nwijzigingen:\n  - wijzig: noord-wervingscampagne\n    velden:\n      schuifjes: {nu: autonoom, gewenst: gezamenlijk}\n`,
    });
    const o = loadWorkspace(['.'], dir, { scenario: 'b' });
    expect(where(o)).toEqual([]);
    const s = din(o).model.inspanningen[0]!;
    expect(s.status).toBe('gepland');
    expect(s.schuifjes).toEqual({ nu: 'autonoom', gewenst: 'gezamenlijk' });
    expect(o.scenario).toMatchObject({ chain: ['a', 'b'], changed: [{ id: 'noord-wervingscampagne', velden: ['schuifjes', 'status'] }] });
    // The changed field points at the scenario that changed it last.
    expect(din(o).locator.locate(['inspanningen', 0, 'schuifjes'])).toMatchObject({ file: 'b.yaml', line: 9 });
    expect(din(o).locator.locate(['inspanningen', 0, 'status'])).toMatchObject({ file: 'a.yaml', line: 8 });
  });

  it('a cycle of two is reported once, and an unknown bouwt_op suggests a scenario', () => {
    const dir = workspace({
      'a.yaml': `${HEAD}id: a\nbouwt_op: b\n`,
      'b.yaml': `${HEAD}id: b\nbouwt_op: a\n`,
      'c.yaml': `${HEAD}id: c-scenario\nbouwt_op: c-scenari\n`,
    });
    const o = loadWorkspace(['.'], dir);
    expect(where(o)).toEqual([
      { code: 'scenario-kring', file: 'a.yaml', line: 5, column: 11 },
      { code: 'scenario-id-onbekend', file: 'c.yaml', line: 5, column: 11 },
    ]);
    expect(o.diagnostics[0]!.message).toBe('scenario `a` bouwt via `bouwt_op` op zichzelf voort: a → b → a');
    expect(o.diagnostics[1]!.hint).toBe('bedoel je `c-scenario`?');
  });
});

describe('checking every scenario', () => {
  it('the lint rules run on each scenario too; what they find in it is reported in its file, without --scenario', () => {
    const dir = workspace({
      's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: leidt_tot\n    in: meer-instroom\n    elementen:\n      - naar: wervingscampagnes\n`,
    });
    const o = checkWorkspace(['.'], dir);
    expect(where(o)).toEqual([{ code: 'schakel-achteruit', file: 's.yaml', line: 9, column: 15 }]);
  });

  it('adds to a nested list (an element with lists of its own) and says which form a wijziging lacks', () => {
    const dir = workspace({
      's.yaml': `${HEAD}id: s\nwijzigingen:\n  - voeg_toe: leidt_tot\n    in: gezamenlijk-werven\n    elementen:\n      - naar: meer-instroom\n  - wijzig: noord-ambitie\n`,
    });
    const o = loadWorkspace(['.'], dir);
    expect(where(o)).toEqual([{ code: 'waarde-ongeldig', file: 's.yaml', line: 10, column: 13 }]);
    expect(o.diagnostics[0]!.message).toBe('`wijzig` (`noord-ambitie`): `wijzig` heeft `velden:` nodig');
  });
});

