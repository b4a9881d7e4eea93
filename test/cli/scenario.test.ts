/**
 * `--scenario` and `tocdin vergelijk` from the command line, on the bundled models and
 * scenarios: the model as a scenario makes it, an unknown scenario is a usage error (exit 2)
 * with a suggestion, and every bundled scenario compares to something a reader can follow.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../fixtures/cli.js';
import { ComparisonSchema } from '../../src/analyse/compare.js';
import { EvidenceSchema } from '../../src/analyse/evidence.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED = readdirSync(`${ROOT}scenarios`).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('--scenario', () => {
  it('analyse --scenario shows the model as the scenario makes it', async () => {
    const r = await runCli(['analyse', '--scenario', 'ams-begeleiding-startende-zij-instromers', '--regio', 'amsterdamse-onderwijsregio', '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.schuifjes[0].inspanningen).toEqual([{ id: 'ams-dubbele-bezetting', label: expect.any(String), nu: 'autonoom', gewenst: 'afstemmen', afstand: 2 }]);
    const plain = JSON.parse((await runCli(['analyse', '--regio', 'amsterdamse-onderwijsregio', '--format', 'json'], ROOT)).out);
    expect(plain.schuifjes[0].inspanningen).toEqual([]);
  });

  it('explain --scenario knows an element only the scenario adds', async () => {
    const r = await runCli(['explain', 'zor-flexpool-vo-alle-vakken', '--scenario', 'zor-regionale-vervangingspool-vo'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('De continuïteit van onderwijs in Zeeland is sterker');
    expect(r.out.startsWith('Scenario zor-regionale-vervangingspool-vo')).toBe(true);
    expect((await runCli(['explain', 'zor-flexpool-vo-alle-vakken'], ROOT)).code).toBe(2);
  });

  it('report --scenario says so under the title', async () => {
    const r = await runCli(['report', '--scenario', 'zor-regionale-vervangingspool-vo', '--format', 'md', '--out', '-'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[2]).toContain('; met scenario zor-regionale-vervangingspool-vo (Zeeland: een regionale vervangingspool vo, naar het voorbeeld van Midden Nederland Leert): het model zoals het scenario het maakt.');
  });

  it('bewijs --scenario judges the evidence on the model as the scenario makes it', async () => {
    const args = ['bewijs', '--regio', 'zeeuwse-onderwijsregio-zor', '--format', 'json'];
    const r = await runCli([...args, '--scenario', 'zor-regionale-vervangingspool-vo'], ROOT);
    expect(r.code).toBe(0);
    const withPool = EvidenceSchema.parse(JSON.parse(r.out));
    const base = EvidenceSchema.parse(JSON.parse((await runCli(args, ROOT)).out));
    // The pool's two inspanningen carry out no activity of the beleidsmodel: no path to the
    // impact, so the region's inspanningen with a weakest link stay the same five.
    expect(withPool.regios[0]!.inspanningen.map((i) => i.id)).toEqual(base.regios[0]!.inspanningen.map((i) => i.id));
    expect(withPool.regios[0]!.inspanningen).toHaveLength(5);
  });

  it.each([['analyse'], ['explain', 'ams-ambitie'], ['report', '--format', 'md', '--out', '-'], ['bewijs'], ['vergelijk']])('%s with an unknown scenario: exit 2 and a suggestion', async (...cmd) => {
    const args = cmd[0] === 'vergelijk' ? ['vergelijk', 'ams-begeleiding'] : [...cmd, '--scenario', 'ams-begeleiding'];
    const r = await runCli(args, ROOT);
    expect(r.code).toBe(2);
    expect(r.err).toContain('onbekend scenario `ams-begeleiding`; bedoel je `ams-begeleiding-startende-zij-instromers`?');
  });
});

describe('vergelijk', () => {
  it('the bundled scenarios are at least the two of issue 20 (b) and (c)', () => {
    expect(BUNDLED).toEqual(expect.arrayContaining(['zor-regionale-vervangingspool-vo', 'ams-begeleiding-startende-zij-instromers']));
  });

  it.each(BUNDLED)('vergelijk %s: exit 0, every section, in text, md and json', async (id) => {
    const text = await runCli(['vergelijk', id], ROOT);
    expect(text.code).toBe(0);
    for (const title of ['Elementen', 'Dekking per deelvraag', 'Gaten in het DIN', 'Hefboompunten', 'Weesenergie', 'Schuifjes', 'Meldingen van de regels']) expect(text.out).toContain(title);
    const md = await runCli(['vergelijk', id, '--format', 'md'], ROOT);
    expect(md.out).toMatch(/^# Vergelijking: scenario /);
    const json = await runCli(['vergelijk', id, '--format', 'json'], ROOT);
    expect(ComparisonSchema.parse(JSON.parse(json.out)).na.scenario).toBe(id);
  });

  it('(b) Zeeland: the vervangingspool adds to the DIN, opens a gap and counts for no deelvraag', async () => {
    const r = await runCli(['vergelijk', 'zor-regionale-vervangingspool-vo', '--regio', 'zeeuwse-onderwijsregio-zor', '--format', 'json'], ROOT);
    const c = ComparisonSchema.parse(JSON.parse(r.out));
    expect(c.elementen.toegevoegd.map((e) => e.id)).toEqual([
      'zor-er-continuiteit-versterkt',
      'zor-cd-uitval-vo-gezamenlijk-opgevangen',
      'zor-cd-vervanging-zonder-commerciele-inhuur',
      'zor-vaste-vervangingspool-vo',
      'zor-flexpool-vo-alle-vakken',
      'zor-vervangingsvragen-ingevuld-via-pool',
    ]);
    expect(c.dekking.inspanningen_totaal).toEqual({ voor: 5, na: 7 });
    expect(c.dekking.nieuwe_inspanningen.map((i) => [i.id, i.deelvragen])).toEqual([
      ['zor-vaste-vervangingspool-vo', []],
      ['zor-flexpool-vo-alle-vakken', []],
    ]);
    expect(c.gaten.geopend.map((g) => [g.id, g.soort])).toEqual([['zor-cd-vervanging-zonder-commerciele-inhuur', 'doel-zonder-indicator']]);
    expect(c.hefboompunten.map((h) => [h.id, h.voor, h.na?.gewicht])).toEqual([['zor-flexpool-vo-alle-vakken', null, 2]]);
    // Found in the scenario’s file; without the scenario they are no finding of the models.
    expect(c.meldingen.erbij.map((f) => [f.code, f.plek])).toEqual([
      ['doel-zonder-indicator', 'scenarios/zor-regionale-vervangingspool-vo.yaml:43'],
      ['indicator-zonder-databron', 'scenarios/zor-regionale-vervangingspool-vo.yaml:76'],
      ['indicator-zonder-meetmoment', 'scenarios/zor-regionale-vervangingspool-vo.yaml:76'],
    ]);
    expect(c.meldingen.weg).toEqual([]);
  });

  it('(c) Amsterdam: the induction inspanning gets schuifjes, autonoom → afstemmen', async () => {
    const r = await runCli(['vergelijk', 'ams-begeleiding-startende-zij-instromers', '--format', 'json'], ROOT);
    const c = ComparisonSchema.parse(JSON.parse(r.out));
    expect(c.schuifjes).toEqual([{ regio: 'amsterdamse-onderwijsregio', id: 'ams-dubbele-bezetting', label: expect.any(String), voor: null, na: { nu: 'autonoom', gewenst: 'afstemmen' } }]);
    expect(c.elementen.gewijzigd.map((e) => [e.id, e.velden])).toEqual([['ams-dubbele-bezetting', ['schuifjes']]]);
  });

  it('usage: no scenario, the same scenario twice, an unknown region', async () => {
    expect((await runCli(['vergelijk'], ROOT)).code).toBe(2);
    const same = await runCli(['vergelijk', 'zor-regionale-vervangingspool-vo', '--met', 'zor-regionale-vervangingspool-vo'], ROOT);
    expect(same.code).toBe(2);
    const region = await runCli(['vergelijk', 'zor-regionale-vervangingspool-vo', '--regio', 'zeeuwse-onderwijsregio'], ROOT);
    expect(region.code).toBe(2);
    expect(region.err).toContain('bedoel je `zeeuwse-onderwijsregio-zor`?');
  });
});
