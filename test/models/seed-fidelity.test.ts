/**
 * Corrections from the line-by-line audit of the bundled models against the seeds (issue 15).
 * Each assertion is a fact a seed states (line numbers in the models' `bron`), so a later
 * edit that drops or contradicts it fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const model = (p: string) => parse(readFileSync(join(ROOT, 'models', p), 'utf8'));

type Measurement = { indicator: string; waarde: number };
const register = model('regioregister.yaml') as { regios: { id: string; notitie?: string; metingen?: Measurement[] }[] };
const region = (id: string) => register.regios.find((r) => r.id === id)!;
const measured = (id: string, indicator: string) => region(id).metingen?.find((m) => m.indicator === indicator)?.waarde;

describe('register: figures seed 000 gives', () => {
  it('Haaglanden: 159,070 pupils and 19,105 staff (000 l.997-999, l.1079)', () => {
    expect(measured('onderwijsregio-haaglanden', 'leerlingen-po-vo')).toBe(159070);
    expect(measured('onderwijsregio-haaglanden', 'personeel-po-vo')).toBe(19105);
  });
  it('Noord-Limburg: 2,300 staff (000 l.1077)', () => {
    expect(measured('onderwijsregio-noord-limburg-po', 'personeel-po')).toBe(2300);
  });
  it('Utrecht Stad: +6.0 % net inflow (000 l.1120)', () => {
    const utrecht = register.regios.find((r) => /utrecht.*stad/.test(r.id))!;
    expect(utrecht.metingen?.find((m) => m.indicator === 'saldo-netto-instroom-uitstroom')?.waarde).toBe(6.0);
  });
  it('"go" in midden-brabant-po-go is not expanded as groen onderwijs (004 l.2254)', () => {
    const note = region('midden-brabant-po-go').notitie ?? '';
    expect(note).toMatch(/onbekend/);
    expect(note).not.toMatch(/(?:go|GO)[^.]*(?:is|betekent|staat voor) groen onderwijs/i);
  });
});

describe('beleidsmodel: Figuur 1 as drawn', () => {
  const bm = model('beleidsmodel.yaml');
  const all = Object.values(bm).filter(Array.isArray).flat() as { id: string; leidt_tot?: (string | { naar: string; aanname?: string })[] }[];
  const byId = (id: string) => all.find((e) => e.id === id)!;
  const targets = (id: string) => (byId(id).leidt_tot ?? []).map((l) => (typeof l === 'string' ? l : l.naar));

  it('the impact leads to nothing: the doel is the yardstick, not a result (000 l.303-312)', () => {
    expect(targets('meer-onderwijskwaliteit-en-toegankelijk-onderwijs')).toEqual([]);
  });
  it('gezamenlijk opleiden aims at instroom (000 l.1669-1673)', () => {
    expect(targets('gezamenlijk-opleiden')).toContain('instroom-en-behoud');
  });
  it('anders organiseren: teaching with fewer teachers, on its assumption (000 l.1723-1725)', () => {
    expect(targets('onderwijs-anders-organiseren')).not.toContain('instroom-en-behoud');
    const link = (byId('onderwijs-anders-organiseren').leidt_tot ?? []).find((l) => typeof l !== 'string' && l.aanname === 'anders-organiseren-vangt-schaarste-op');
    expect(link).toBeDefined();
  });
  it('"leren omgaan met schaarste" is a doel (000 l.66-70)', () => {
    expect((bm.doelen as { id: string }[]).map((d) => d.id)).toContain('leren-omgaan-met-schaarste');
  });
});

describe('indicatoren: nothing computed that no seed states', () => {
  it('deeltijdfactor has no "≈0,7"', () => {
    expect(readFileSync(join(ROOT, 'models/indicatoren.yaml'), 'utf8')).not.toMatch(/≈\s*0,7/);
  });
});
