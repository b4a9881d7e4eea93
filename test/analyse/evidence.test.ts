/**
 * The evidence engine on a hand-built register (test/fixtures/engine/bewijs/): the exact
 * `stand` for each rule of the table, the exact judgement per link and aanname, and the
 * exact weakest link on each path, nationally, per phase and per region.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evidence, rollupState, STATE_RULES, stateOf, VERDICT_RULES, weakestLink } from '../../src/analyse/evidence.js';
import { load } from '../fixtures/engine.js';

const built = () => load('bewijs').built;
const byId = <T extends { id: string }>(xs: readonly T[]) => Object.fromEntries(xs.map((x) => [x.id, x]));

describe('stand per deelvraag: one deelvraag per rule of the table', () => {
  const e = evidence(built());
  const dv = byId(e.deelvragen);

  it('the current phase is the latest phase in the register', () => {
    expect(e.fase).toBe('2025-2');
  });

  it.each([
    ['dv-geen', 'geen'],
    ['dv-mager', 'mager'],
    ['dv-mager-zwak', 'mager'],
    ['dv-voldoende', 'voldoende'],
    ['dv-sterk', 'sterk'],
    ['dv-tegenstrijdig', 'tegenstrijdig'],
    ['dv-zuid', 'mager'],
    ['dv-later', 'mager'],
  ] as const)('%s → %s', (id, stand) => {
    expect(dv[id]!.stand).toBe(stand);
  });

  it('every rule of the table is hit by at least one deelvraag of the fixture', () => {
    const hit = new Set(e.deelvragen.map((d) => d.stand));
    expect(STATE_RULES.map((r) => r.stand).filter((s) => !hit.has(s))).toEqual([]);
  });

  it('per phase and the gap-map cells: count and strongest strength', () => {
    expect(e.fasen).toEqual(['2025-1', '2025-2']);
    expect(dv['dv-later']!.per_fase).toEqual([
      { fase: '2025-1', stand: 'geen', aantal: 0 },
      { fase: '2025-2', stand: 'mager', aantal: 1 },
    ]);
    expect(dv['dv-tegenstrijdig']!.methoden).toEqual(['interviews', 'arbeidsmarktdata']);
    const m = (id: string, method: string) => dv[id]!.per_methode[['deskresearch', 'documentanalyse', 'interviews', 'arbeidsmarktdata', 'vragenlijst', 'focusgroepen', 'casestudies'].indexOf(method)];
    expect(m('dv-mager', 'interviews')).toEqual({ aantal: 2, sterkste: 'sterk' });
    expect(m('dv-mager', 'documentanalyse')).toEqual({ aantal: 0, sterkste: null });
    expect(dv['dv-later']!.per_fase_kaart).toEqual([{ aantal: 0, sterkste: null }, { aantal: 1, sterkste: 'middel' }]);
  });

  it('rolls up to the onderzoeksvragen and the hoofdvraag', () => {
    const q = byId(e.onderzoeksvragen);
    // ov1: geen, mager, mager, voldoende → the weakest, a deelvraag without evidence counting as mager.
    expect(q['ov1']!.stand).toBe('mager');
    expect(q['ov1']!.aantallen).toEqual({ geen: 1, mager: 2, voldoende: 1, sterk: 0, tegenstrijdig: 0 });
    expect(q['ov2']!.stand).toBe('tegenstrijdig');
    expect(e.hoofdvraag).toMatchObject({ id: 'mini-hoofdvraag', stand: 'tegenstrijdig' });
    expect(rollupState(['geen', 'geen'])).toBe('geen');
    expect(rollupState(['sterk', 'voldoende'])).toBe('voldoende');
  });

  it('overdue: planned up to the current phase without a finding', () => {
    expect(e.achterstallig).toEqual([{ deelvraag: 'dv-geen', fasen: ['2025-1'] }]);
    expect(dv['dv-geen']!.achterstallig).toBe(true);
  });
});

describe('--fase and --regio', () => {
  it('--fase 2025-1: findings of later phases do not count', () => {
    const e = evidence(built(), { fase: '2025-1' });
    expect(byId(e.deelvragen)['dv-later']!.stand).toBe('geen');
    expect(e.bevindingen.map((b) => b.id)).not.toContain('b-later');
    // dv-later was planned for 2025-2: not overdue at 2025-1.
    expect(e.achterstallig.map((a) => a.deelvraag)).toEqual(['dv-geen']);
  });

  it("--regio: that region's findings and the national ones; another region's do not count", () => {
    const noord = evidence(built(), { regio: 'regio-noord' });
    expect(byId(noord.deelvragen)['dv-zuid']!.stand).toBe('geen');
    expect(byId(noord.deelvragen)['dv-sterk']!.stand).toBe('sterk');
    expect(noord.regios.map((r) => r.regio)).toEqual(['regio-noord']);
    const zuid = evidence(built(), { regio: 'regio-zuid' });
    expect(byId(zuid.deelvragen)['dv-zuid']!.stand).toBe('mager');
    expect(zuid.regios).toEqual([]);
  });
});

describe('contribution analysis: judgement per link and aanname, weakest link per path', () => {
  const e = evidence(built());

  it('the exact judgement of every causal link', () => {
    expect(e.schakels.map((l) => [l.van, l.naar, l.oordeel, l.bevindingen, l.via_aanname])).toEqual([
      ['werven', 'campagnes', 'sterk', ['s-werven-1', 's-werven-2'], []],
      ['matchen', 'plaatsingen', 'betwist', ['s-match-1', 's-match-2'], []],
      ['campagnes', 'instroom', 'matig', [], ['s-aanname']],
      ['plaatsingen', 'instroom', 'ongetoetst', [], []],
      ['instroom', 'kwaliteit', 'zwak', ['s-kwaliteit'], []],
    ]);
  });

  it('the exact judgement of every aanname and tested contribution', () => {
    expect(e.aannames.map((a) => [a.id, a.oordeel])).toEqual([
      ['a-campagne', 'ongetoetst'],
      ['a-instroom', 'matig'],
      ['a-kwaliteit', 'ongetoetst'],
    ]);
    expect(e.bijdragen).toEqual([{ inspanning: 'n-campagne', doel: 'n-cd-zij', regio: 'regio-noord', oordeel: 'zwak', bevindingen: ['s-bijdrage'] }]);
  });

  it('the exact weakest link on each path from an activity to the impact', () => {
    expect(e.paden).toEqual([
      { activiteit: 'werven', via: ['werven', 'campagnes', 'instroom', 'kwaliteit'], zwakste: { van: 'instroom', naar: 'kwaliteit', oordeel: 'zwak' }, oordeel: 'zwak' },
      { activiteit: 'matchen', via: ['matchen', 'plaatsingen', 'instroom', 'kwaliteit'], zwakste: { van: 'matchen', naar: 'plaatsingen', oordeel: 'betwist' }, oordeel: 'betwist' },
    ]);
  });

  it("each region's inspanningen reach the impact through the activities they carry out", () => {
    expect(e.regios).toEqual([
      {
        regio: 'regio-noord',
        inspanningen: [
          { id: 'n-campagne', activiteit: 'werven', paden: [0], zwakste: { van: 'instroom', naar: 'kwaliteit', oordeel: 'zwak' } },
          { id: 'n-match', activiteit: 'matchen', paden: [1], zwakste: { van: 'matchen', naar: 'plaatsingen', oordeel: 'betwist' } },
        ],
      },
    ]);
  });

  it('weakest link: the lowest judgement, the first on a tie; betwist is weaker than ongetoetst', () => {
    const v = new Map([['a → b', 'ongetoetst'], ['b → c', 'betwist'], ['c → d', 'betwist']] as const);
    expect(weakestLink(['a', 'b', 'c', 'd'], v)).toEqual({ van: 'b', naar: 'c', oordeel: 'betwist' });
    expect(weakestLink(['a', 'b'], new Map())).toEqual({ van: 'a', naar: 'b', oordeel: 'ongetoetst' });
  });
});

describe('the rule tables are documented', () => {
  it('the README prints every rule of both tables, word for word', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const r of STATE_RULES) expect(readme).toContain(`| \`${r.stand}\` | ${r.regel} |`);
    for (const r of VERDICT_RULES) expect(readme).toContain(`| \`${r.oordeel}\` | ${r.regel} |`);
  });
});

describe('without a register', () => {
  it('nothing crashes: no phase, every deelvraag geen, every link ongetoetst', () => {
    const e = evidence(load('lint', 'deelvraag-zonder-bewijs').built);
    expect(e.fase).toBeNull();
    expect(e.registers).toEqual([]);
    expect(new Set(e.deelvragen.map((d) => d.stand))).toEqual(new Set(['geen']));
    expect(e.achterstallig).toEqual([]);
  });
});

describe('explain shows the evidence on an element, its links and its paths', () => {
  it('an inspanning: the finding on its contribution, and its path to the impact with the weakest link', async () => {
    const { explain } = await import('../../src/analyse/paths.js');
    const x = explain(built(), 'n-match');
    expect(x.bewijs.paden).toEqual([{ via: ['matchen', 'plaatsingen', 'instroom', 'kwaliteit'], zwakste: { van: 'matchen', naar: 'plaatsingen', oordeel: 'betwist' } }]);
    const c = explain(built(), 'campagnes');
    expect(c.bewijs.schakels).toEqual([
      { van: 'werven', naar: 'campagnes', oordeel: 'sterk' },
      { van: 'campagnes', naar: 'instroom', oordeel: 'matig' },
    ]);
    expect(c.bewijs.bevindingen.map((b) => [b.id, b.waarom])).toEqual([
      ['s-werven-1', 'toetst de schakel werven → campagnes'],
      ['s-werven-2', 'toetst de schakel werven → campagnes'],
    ]);
    expect(explain(built(), 'dv-tegenstrijdig').bewijs).toMatchObject({ stand: 'tegenstrijdig', bevindingen: [{ id: 'b-tegen-1', waarom: 'beantwoordt deze deelvraag' }, { id: 'b-tegen-2' }] });
  });
});
