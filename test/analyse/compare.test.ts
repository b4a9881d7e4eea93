/**
 * `tocdin vergelijk` on hand-built fixtures: the analysis fixture (test/fixtures/engine/analyse)
 * with the scenarios of test/fixtures/engine/scenario. Each test asserts the exact difference:
 * a status that flips, a gap that closes, a hefboom weight that changes, a schuifje that moves,
 * weesenergie whose reason changes, lint findings that go, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from '../../src/pipeline.js';
import { compareWorkspaces } from '../../src/scenarios.js';
import { renderComparisonText } from '../../src/render/compare.js';
import { ComparisonSchema } from '../../src/analyse/compare.js';

const ENGINE = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));
const PATHS = ['analyse', 'scenario'];
const load = (scenario?: string) => {
  const o = checkWorkspace(PATHS, ENGINE, scenario ? { scenario } : {});
  expect(o.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return o;
};
const base = load();

describe('compare: exact differences', () => {
  it('a deelvraag flips from gat to gedekt when an indicator and an inspanning for begeleiden are added', () => {
    const c = compareWorkspaces(base, load('begeleiding-gemeten'));
    expect(c.elementen).toEqual({
      toegevoegd: [
        { id: 'ind-uitval', soort: 'indicator', label: 'Uitval van starters', regio: null },
        { id: 'n-inductie', soort: 'inspanning', label: 'Inductieprogramma voor starters', regio: 'regio-noord' },
      ],
      verwijderd: [],
      gewijzigd: [],
    });
    expect(c.dekking.deelvragen.map((d) => [d.id, d.voor?.status, d.na?.status, d.inspanningen_erbij])).toEqual([['dv3-1', 'gat', 'gedekt', ['n-inductie']]]);
    expect(c.dekking.deelvragen[0]!.na!.redenen).toEqual([
      'keten compleet: 1 indicator(en); 1 inspanning werkt eraan (1 voert een activiteit uit waar de deelvraag over gaat); geen regio heeft metingen',
    ]);
    expect(c.dekking.onderzoeksvragen).toEqual([{ id: 'ov3', label: 'Wat is nog onbekend?', voor: 'gat', na: 'deels' }]);
    expect(c.dekking.inspanningen_totaal).toEqual({ voor: 9, na: 10 });
    expect(c.dekking.nieuwe_inspanningen).toEqual([{ id: 'n-inductie', regio: 'regio-noord', deelvragen: ['dv3-1'] }]);
    expect(c.hefboompunten).toEqual([
      { regio: 'regio-noord', soort: 'concreet-doel', id: 'n-cd-mentor', voor: { gewicht: 5, onbekende_sterkte: 0, lijnen: 2 }, na: { gewicht: 7, onbekende_sterkte: 0, lijnen: 3 } },
    ]);
    expect(c.gaten).toEqual({ geopend: [], gesloten: [] });
    expect(c.schuifjes).toEqual([]);
    expect(c.meldingen.erbij).toEqual([]);
    expect(c.meldingen.weg.map((f) => f.code)).toEqual(['deelvraag-zonder-bewijs']);
  });

  it('a gap closes, a hefboom weight changes and a schuifje moves', () => {
    const c = compareWorkspaces(base, load('sterker-werven'));
    expect(c.elementen.gewijzigd.map((e) => [e.id, e.velden])).toEqual([
      ['n-cd-mentor', ['indicatoren']],
      ['n-campagne', ['draagt_bij_aan']],
      ['n-coach', ['schuifjes']],
    ]);
    expect(c.gaten).toEqual({
      geopend: [],
      gesloten: [{ regio: 'regio-noord', id: 'n-cd-mentor', soort: 'doel-zonder-indicator', reden: 'geen indicator: het doel is (nog) niet meetbaar' }],
    });
    // n-cd-zij: zwak (1) → sterk (3) from n-campagne, plus sterk (3) from n-opleiden.
    expect(c.hefboompunten).toEqual([
      { regio: 'regio-noord', soort: 'concreet-doel', id: 'n-cd-zij', voor: { gewicht: 4, onbekende_sterkte: 0, lijnen: 2 }, na: { gewicht: 6, onbekende_sterkte: 0, lijnen: 2 } },
      { regio: 'regio-noord', soort: 'inspanning', id: 'n-campagne', voor: { gewicht: 4, onbekende_sterkte: 0, lijnen: 3 }, na: { gewicht: 6, onbekende_sterkte: 0, lijnen: 3 } },
    ]);
    expect(c.schuifjes).toEqual([
      { regio: 'regio-noord', id: 'n-coach', label: 'Loopbaancoaches', voor: { nu: 'niet-handelen', gewenst: 'autonoom' }, na: { nu: 'niet-handelen', gewenst: 'afstemmen' } },
    ]);
    // No status flips; dv1-3 now counts the two inspanningen feeding n-cd-mentor.
    expect(c.dekking.deelvragen.map((d) => [d.id, d.voor?.status, d.na?.status, d.inspanningen_erbij])).toEqual([['dv1-3', 'gedekt', 'gedekt', ['n-campagne', 'n-opleiden']]]);
  });

  it('removing a concreet doel: its lines go, a hefboompunt disappears, weesenergie changes its reason', () => {
    const c = compareWorkspaces(base, load('vacaturebank-weg'));
    expect(c.elementen.verwijderd).toEqual([{ id: 'n-cd-los', soort: 'concreet-doel', label: 'Een vacaturebank', regio: 'regio-noord' }]);
    expect(c.elementen.gewijzigd.map((e) => [e.id, e.velden])).toEqual([
      ['n-matchen', ['draagt_bij_aan']],
      ['n-vacaturebank', ['draagt_bij_aan']],
    ]);
    expect(c.hefboompunten).toEqual([{ regio: 'regio-noord', soort: 'inspanning', id: 'n-matchen', voor: { gewicht: 4, onbekende_sterkte: 0, lijnen: 2 }, na: null }]);
    expect(c.weesenergie).toEqual({
      nieuw: [],
      weg: [],
      veranderd: [{ regio: 'regio-noord', id: 'n-vacaturebank', reden: 'draagt aan geen concreet doel bij', voor: 'bijdrage loopt dood bij `n-cd-los`: daarvandaan geen weg naar de ambitie' }],
    });
    expect(c.gaten.geopend.map((g) => [g.id, g.soort])).toEqual([['n-vacaturebank', 'inspanning-zonder-doel']]);
    expect(c.gaten.gesloten.map((g) => [g.id, g.soort])).toEqual([['n-cd-los', 'doel-zonder-indicator']]);
    expect(c.meldingen.erbij.map((f) => [f.code, f.plek])).toEqual([['inspanning-zonder-doel', 'analyse/regios/noord.yaml:80']]);
  });

  it('--met: two scenarios, one building on the other; per region; deterministic and schema-checked', () => {
    const c = compareWorkspaces(load('sterker-werven'), load('bovenop'), { regio: 'regio-noord' });
    expect(c.voor).toEqual({ scenario: 'sterker-werven', naam: 'Noord werft sterker', bouwt_op: [] });
    expect(c.na).toEqual({ scenario: 'bovenop', naam: 'Sterker werven en ook gezamenlijk coachen', bouwt_op: ['sterker-werven'] });
    expect(c.regio_filter).toBe('regio-noord');
    expect(c.elementen.gewijzigd.map((e) => e.id)).toEqual(['n-coach']);
    expect(c.schuifjes.map((s) => [s.id, s.voor?.gewenst, s.na?.gewenst])).toEqual([['n-coach', 'afstemmen', 'gezamenlijk']]);
    expect(c.hefboompunten).toEqual([]);
    expect(ComparisonSchema.parse(c)).toEqual(c);
    expect(JSON.stringify(compareWorkspaces(load('sterker-werven'), load('bovenop'), { regio: 'regio-noord' }))).toBe(JSON.stringify(c));
    const text = renderComparisonText(c);
    expect(text).toContain('n-coach (Onderwijsregio Noord): nu niet-handelen, gewenst afstemmen → nu niet-handelen, gewenst gezamenlijk (4 stappen meer samenwerking gewenst dan nu)');
    expect(text).toContain('geen deelvraag verandert van status');
  });

  it('the same workspace on both sides: every section says "geen"', () => {
    const c = compareWorkspaces(base, base);
    expect(c.dekking.deelvragen).toEqual([]);
    expect(c.meldingen).toEqual({ erbij: [], weg: [], veranderd: [] });
    expect(renderComparisonText(c)).toContain('geen element toegevoegd, verwijderd of gewijzigd');
  });
});
