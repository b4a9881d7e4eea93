import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyFieldEdit, parseFieldEdit, type FieldEdit } from '../../src/workshop/edit.js';

const REGIONS = join(import.meta.dirname, '../../models/regios');
const read = (f: string) => readFileSync(join(REGIONS, f), 'utf8');

/** The lines that differ, as [old, new] pairs (both texts must have the same line count minus added lines). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

function apply(text: string, edit: FieldEdit): string {
  const r = applyFieldEdit(text, edit);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('writing one field back into a DIN', () => {
  it('changes one level of existing block schuifjes on one line, every other byte the same', () => {
    const text = read('onderwijsregio-hollands-noorden.yaml');
    const id = (parse(text) as { inspanningen: { id: string; schuifjes?: unknown }[] }).inspanningen.find((e) => e.schuifjes)!.id;
    const out = apply(text, { effort: id, field: 'schuifjes', gewenst: 'integreren' });
    expect(changedLines(text, out)).toEqual({ removed: ['      gewenst: gezamenlijk'], added: ['      gewenst: integreren'] });
  });

  it('changes a level inside flow schuifjes in place', () => {
    const text = read('onderwijsregio-zwolle-en-omgeving.yaml');
    const line = text.split('\n').find((l) => l.includes('schuifjes: {'))!;
    const doc = parse(text) as { inspanningen: { id: string; schuifjes?: { nu: string } }[] };
    const id = doc.inspanningen.find((e) => e.schuifjes?.nu === 'kennis-delen')!.id;
    const out = apply(text, { effort: id, field: 'schuifjes', nu: 'autonoom' });
    expect(changedLines(text, out)).toEqual({ removed: [line], added: [line.replace('nu: kennis-delen', 'nu: autonoom')] });
  });

  it('adds schuifjes after draagt_bij_aan, before a comment that belongs to the next key', () => {
    const text = read('almere-en-lelystad.yaml');
    const out = apply(text, { effort: 'al-project-ontwerplabs', field: 'schuifjes', nu: 'gezamenlijk', gewenst: 'integreren' });
    expect(changedLines(text, out)).toEqual({ removed: [], added: ['    schuifjes:', '      nu: gezamenlijk', '      gewenst: integreren'] });
    const lines = out.split('\n');
    const at = lines.indexOf('    schuifjes:');
    expect(lines[at - 1]).toBe('      - doel: al-cd-ontwerpen-getoetst-en-toegepast');
    expect(lines[at + 3]).toMatch(/^    # geen schuifjes/);
    const e = (parse(out) as { inspanningen: { id: string; schuifjes?: unknown }[] }).inspanningen.find((x) => x.id === 'al-project-ontwerplabs');
    expect(e?.schuifjes).toEqual({ nu: 'gezamenlijk', gewenst: 'integreren' });
  });

  it('adds schuifjes in flow style where the file writes them so', () => {
    const text = read('onderwijsregio-zwolle-en-omgeving.yaml');
    const doc = parse(text) as { inspanningen: { id: string; schuifjes?: unknown }[] };
    const id = doc.inspanningen.find((e) => !e.schuifjes)!.id;
    const out = apply(text, { effort: id, field: 'schuifjes', nu: 'autonoom', gewenst: 'afstemmen' });
    expect(changedLines(text, out)).toEqual({ removed: [], added: ['    schuifjes: { nu: autonoom, gewenst: afstemmen }'] });
  });

  it('refuses half schuifjes where there are none yet', () => {
    const r = applyFieldEdit(read('almere-en-lelystad.yaml'), { effort: 'al-project-ontwerplabs', field: 'schuifjes', nu: 'autonoom' });
    expect(r).toEqual({ ok: false, message: 'deze inspanning heeft nog geen schuifjes: kies NU én GEWENST' });
  });

  it('changes a status and adds a sterkte on their own lines', () => {
    const text = read('almere-en-lelystad.yaml');
    expect(changedLines(text, apply(text, { effort: 'al-kleinschalige-toepassing', field: 'status', value: 'lopend' }))).toEqual({ removed: ['    status: gepland'], added: ['    status: lopend'] });
    const out = apply(text, { effort: 'al-rooster-en-inzet-rekenen', field: 'sterkte', goal: 'al-cd-rooster-en-inzet-rekenen', value: 'sterk' });
    expect(changedLines(text, out)).toEqual({ removed: [], added: ['        sterkte: sterk'] });
    expect(out.split('\n')[out.split('\n').indexOf('        sterkte: sterk') - 1]).toBe('      - doel: al-cd-rooster-en-inzet-rekenen');
  });

  it('adds a missing status after uitvoerder, keeps quotes on an existing one', () => {
    const text = 'soort: din\nregio: r\ninspanningen:\n  - id: a\n    tekst: A # opmerking\n    functie: werven\n    uitvoerder: regio\n    bron: x\n  - id: b\n    tekst: B\n    functie: werven\n    status: "idee"\n';
    expect(apply(text, { effort: 'a', field: 'status', value: 'gepland' })).toBe(text.replace('    uitvoerder: regio\n', '    uitvoerder: regio\n    status: gepland\n'));
    expect(apply(text, { effort: 'b', field: 'status', value: 'gepland' })).toBe(text.replace('"idee"', '"gepland"'));
  });

  it('keeps CRLF line endings on the lines it adds', () => {
    const text = 'soort: din\r\nregio: r\r\ninspanningen:\r\n  - id: a\r\n    tekst: A\r\n    functie: werven\r\n    bron: x\r\n';
    expect(apply(text, { effort: 'a', field: 'schuifjes', nu: 'autonoom', gewenst: 'afstemmen' })).toBe(text.replace('    bron: x', '    schuifjes:\r\n      nu: autonoom\r\n      gewenst: afstemmen\r\n    bron: x'));
  });

  it('every inspanning of every bundled DIN can get schuifjes, one change each, the rest unchanged', () => {
    for (const f of readdirSync(REGIONS)) {
      const text = read(f);
      for (const e of (parse(text) as { inspanningen: { id: string }[] }).inspanningen) {
        const out = apply(text, { effort: e.id, field: 'schuifjes', nu: 'autonoom', gewenst: 'integreren' });
        const { removed, added } = changedLines(text, out);
        expect(removed.length + added.length, `${f} ${e.id}`).toBeLessThanOrEqual(3 + 2);
        const status = changedLines(out, apply(out, { effort: e.id, field: 'status', value: 'idee' }));
        expect(status.removed.length + status.added.length, `${f} ${e.id}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('refuses unknown inspanningen, broken YAML and values outside the vocabulary', () => {
    expect(applyFieldEdit('soort: din\ninspanningen: []\n', { effort: 'x', field: 'status', value: 'idee' })).toEqual({ ok: false, message: 'inspanning `x` staat niet (meer) in dit bestand' });
    expect(applyFieldEdit('soort: [din\n', { effort: 'x', field: 'status', value: 'idee' }).ok).toBe(false);
    expect(parseFieldEdit({ effort: 'a', field: 'schuifjes', nu: 'heel-veel' })).toBe('onbekende mate van samenwerking `heel-veel`; kies niet-handelen, autonoom, kennis-delen, afstemmen, gezamenlijk, integreren');
    expect(parseFieldEdit({ effort: 'a', field: 'status', value: 'klaar' })).toMatch(/^onbekende status `klaar`/);
    expect(parseFieldEdit({ effort: 'a', field: 'tekst', value: 'x' })).toBe('onbekend veld `tekst`; kies schuifjes, status of sterkte');
    expect(parseFieldEdit({ effort: 'a', field: 'sterkte', goal: 'g', value: 'sterk' })).toEqual({ effort: 'a', field: 'sterkte', goal: 'g', value: 'sterk' });
  });
});
