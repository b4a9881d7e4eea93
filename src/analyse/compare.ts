/**
 * What a scenario changes: a pure comparison of two analysis results (the models before and
 * after, or two scenarios), with its own schema. Per deelvraag the coverage status and reason
 * before → after, DIN gaps opened and closed, hefboompunten whose weight moved, weesenergie
 * that appeared or went, schuifjes that moved, lint findings added and removed. Only what
 * differs is listed, in a fixed order, so the result is deterministic.
 *
 * Extensible: a later section (e.g. the shortage projection) is one optional key in
 * ComparisonSchema, filled by its own module.
 */
import { z } from 'zod';
import { DIN_GAP_KINDS } from '../graph/din.js';
import { COOPERATION_LEVELS } from '../vocabulary/vocabulary.js';
import { CoverageStatus, type Analysis } from './schema.js';
import { ProjectionSchema } from './projection.js';

const Side = z.object({
  /** null: the models as they are. */
  scenario: z.string().nullable(),
  naam: z.string(),
  /** The scenarios this one builds on (bouwt_op), the first one first. */
  bouwt_op: z.array(z.string()),
});

const ElementRef = z.object({ id: z.string(), soort: z.string(), label: z.string(), regio: z.string().nullable() });

const Verdict = z.object({ status: CoverageStatus, redenen: z.array(z.string()), inspanningen: z.number().int() });
const LeverWeight = z.object({ gewicht: z.number(), onbekende_sterkte: z.number().int(), lijnen: z.number().int() });
const Sliders = z.object({ nu: z.enum(COOPERATION_LEVELS), gewenst: z.enum(COOPERATION_LEVELS) });
const Finding = z.object({ code: z.string(), ernst: z.enum(['error', 'warning', 'info']), bericht: z.string(), plek: z.string() });

export const ComparisonSchema = z.object({
  versie: z.literal(1),
  voor: Side,
  na: Side,
  regio_filter: z.string().nullable(),
  /** The name of every region the comparison mentions, for readers. */
  regio_namen: z.record(z.string(), z.string()),
  elementen: z.object({
    toegevoegd: z.array(ElementRef),
    verwijderd: z.array(ElementRef),
    gewijzigd: z.array(ElementRef.extend({ velden: z.array(z.string()) })),
  }),
  dekking: z.object({
    /** Deelvragen whose status, reasons or counted inspanningen differ; absent before or after: null. */
    deelvragen: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        onderzoeksvraag: z.string(),
        voor: Verdict.nullable(),
        na: Verdict.nullable(),
        inspanningen_erbij: z.array(z.string()),
        inspanningen_eraf: z.array(z.string()),
      }),
    ),
    onderzoeksvragen: z.array(z.object({ id: z.string(), label: z.string(), voor: CoverageStatus.nullable(), na: CoverageStatus.nullable() })),
    inspanningen_totaal: z.object({ voor: z.number().int(), na: z.number().int() }),
    /** Inspanningen only after (or only before), with the deelvragen they count for there: none is a finding too. */
    nieuwe_inspanningen: z.array(z.object({ id: z.string(), regio: z.string(), deelvragen: z.array(z.string()) })),
    verdwenen_inspanningen: z.array(z.object({ id: z.string(), regio: z.string(), deelvragen: z.array(z.string()) })),
  }),
  gaten: z.object({
    geopend: z.array(z.object({ regio: z.string(), id: z.string(), soort: z.enum(DIN_GAP_KINDS), reden: z.string() })),
    gesloten: z.array(z.object({ regio: z.string(), id: z.string(), soort: z.enum(DIN_GAP_KINDS), reden: z.string() })),
  }),
  /** Hefboompunten whose weight or reach differs, or that appear or disappear (null on that side). */
  hefboompunten: z.array(
    z.object({ regio: z.string(), soort: z.enum(['inspanning', 'concreet-doel']), id: z.string(), voor: LeverWeight.nullable(), na: LeverWeight.nullable() }),
  ),
  weesenergie: z.object({
    nieuw: z.array(z.object({ regio: z.string(), id: z.string(), reden: z.string() })),
    weg: z.array(z.object({ regio: z.string(), id: z.string(), reden: z.string() })),
    /** Still weesenergie, for another reason (e.g. its doel was removed). */
    veranderd: z.array(z.object({ regio: z.string(), id: z.string(), reden: z.string(), voor: z.string() })),
  }),
  schuifjes: z.array(z.object({ regio: z.string(), id: z.string(), label: z.string(), voor: Sliders.nullable(), na: Sliders.nullable() })),
  /** Findings of the lint rules, matched by code and the ids they name; `veranderd`: same finding, other words (e.g. a count). */
  meldingen: z.object({ erbij: z.array(Finding), weg: z.array(Finding), veranderd: z.array(Finding.extend({ voor: z.string() })) }),
  /** The shortage projection with the levers of the scenario after (`projectie:`), when it has them. */
  projectie: ProjectionSchema.optional(),
});

export type Comparison = z.infer<typeof ComparisonSchema>;
export type ComparisonSide = z.infer<typeof Side>;
export type ElementChange = z.infer<typeof ElementRef>;
export type LintFinding = z.infer<typeof Finding>;

export interface CompareInput {
  voor: ComparisonSide;
  na: ComparisonSide;
  elementen: Comparison['elementen'];
  /** Lint findings of each side (file:line in `plek`; compared by code and message, not place). */
  meldingen: { voor: readonly LintFinding[]; na: readonly LintFinding[] };
}

const byKey = <T,>(xs: readonly T[], key: (x: T) => string) => new Map(xs.map((x) => [key(x), x] as const));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The difference between two analyses of the same scope (both national, or both one region). */
export function compare(before: Analysis, after: Analysis, input: CompareInput): Comparison {
  const result: Comparison = {
    versie: 1,
    voor: input.voor,
    na: input.na,
    regio_filter: after.regio_filter,
    regio_namen: Object.fromEntries([...before.dins, ...after.dins].map((d) => [d.regio, d.regio_naam] as const).sort(([a], [b]) => cmp(a, b))),
    elementen: input.elementen,
    dekking: coverageDiff(before, after),
    gaten: gapDiff(before, after),
    hefboompunten: leverDiff(before, after),
    weesenergie: orphanDiff(before, after),
    schuifjes: sliderDiff(before, after),
    meldingen: findingDiff(input.meldingen.voor, input.meldingen.na),
  };
  return ComparisonSchema.parse(result);
}

function coverageDiff(before: Analysis, after: Analysis): Comparison['dekking'] {
  const b = byKey(before.dekking.deelvragen, (d) => d.id);
  const a = byKey(after.dekking.deelvragen, (d) => d.id);
  const ids = [...new Set([...b.keys(), ...a.keys()])];
  const verdict = (d: Analysis['dekking']['deelvragen'][number] | undefined) => (d ? { status: d.status, redenen: d.redenen, inspanningen: d.inspanningen.length } : null);
  const subquestions = ids.flatMap((id) => {
    const x = b.get(id);
    const y = a.get(id);
    const voor = verdict(x);
    const na = verdict(y);
    const was = new Set(x?.inspanningen ?? []);
    const is = new Set(y?.inspanningen ?? []);
    const erbij = [...is].filter((s) => !was.has(s));
    const eraf = [...was].filter((s) => !is.has(s));
    if (same(voor, na) && erbij.length === 0 && eraf.length === 0) return [];
    const d = (y ?? x)!;
    return [{ id, label: d.label, onderzoeksvraag: d.onderzoeksvraag, voor, na, inspanningen_erbij: erbij, inspanningen_eraf: eraf }];
  });
  const qb = byKey(before.dekking.onderzoeksvragen, (q) => q.id);
  const qa = byKey(after.dekking.onderzoeksvragen, (q) => q.id);
  const onderzoeksvragen = [...new Set([...qb.keys(), ...qa.keys()])].flatMap((id) => {
    const voor = qb.get(id)?.status ?? null;
    const na = qa.get(id)?.status ?? null;
    return voor === na ? [] : [{ id, label: (qa.get(id) ?? qb.get(id))!.label, voor, na }];
  });
  const efforts = (x: Analysis) => x.dins.flatMap((din) => din.inspanningen.map((i) => ({ id: i.id, regio: din.regio })));
  const countsFor = (x: Analysis, id: string) => x.dekking.deelvragen.filter((dv) => dv.inspanningen.includes(id)).map((dv) => dv.id);
  const only = (x: Analysis, y: Analysis) => {
    const other = new Set(efforts(y).map((i) => i.id));
    return efforts(x).filter((i) => !other.has(i.id)).map((i) => ({ ...i, deelvragen: countsFor(x, i.id) }));
  };
  return {
    deelvragen: subquestions,
    onderzoeksvragen,
    inspanningen_totaal: { voor: before.dekking.inspanningen_totaal, na: after.dekking.inspanningen_totaal },
    nieuwe_inspanningen: only(after, before),
    verdwenen_inspanningen: only(before, after),
  };
}

function gapDiff(before: Analysis, after: Analysis): Comparison['gaten'] {
  const all = (x: Analysis) => x.dins.flatMap((d) => d.gaten.map((g) => ({ regio: d.regio, ...g })));
  const key = (g: { regio: string; id: string; soort: string }) => `${g.regio}\u0000${g.id}\u0000${g.soort}`;
  const b = byKey(all(before), key);
  const a = byKey(all(after), key);
  return { geopend: [...a.values()].filter((g) => !b.has(key(g))), gesloten: [...b.values()].filter((g) => !a.has(key(g))) };
}

function leverDiff(before: Analysis, after: Analysis): Comparison['hefboompunten'] {
  type Lever = { regio: string; soort: 'inspanning' | 'concreet-doel'; id: string; w: z.infer<typeof LeverWeight> };
  const all = (x: Analysis): Lever[] =>
    x.dins.flatMap((d) => [
      ...d.hefboom_inspanningen.map((h) => ({ regio: d.regio, soort: 'inspanning' as const, id: h.id, w: { gewicht: h.gewicht, onbekende_sterkte: h.onbekende_sterkte, lijnen: h.concrete_doelen } })),
      ...d.hefboom_doelen.map((h) => ({ regio: d.regio, soort: 'concreet-doel' as const, id: h.id, w: { gewicht: h.gewicht, onbekende_sterkte: h.onbekende_sterkte, lijnen: h.inspanningen } })),
    ]);
  const key = (l: Lever) => `${l.regio}\u0000${l.soort}\u0000${l.id}`;
  const b = byKey(all(before), key);
  const a = byKey(all(after), key);
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort(cmp);
  return keys.flatMap((k) => {
    const x = b.get(k);
    const y = a.get(k);
    if (x && y && same(x.w, y.w)) return [];
    const l = (y ?? x)!;
    return [{ regio: l.regio, soort: l.soort, id: l.id, voor: x?.w ?? null, na: y?.w ?? null }];
  });
}

function orphanDiff(before: Analysis, after: Analysis): Comparison['weesenergie'] {
  const all = (x: Analysis) => x.dins.flatMap((d) => d.weesenergie.map((w) => ({ regio: d.regio, ...w })));
  const key = (w: { regio: string; id: string }) => `${w.regio}\u0000${w.id}`;
  const b = byKey(all(before), key);
  const a = byKey(all(after), key);
  return {
    nieuw: [...a.values()].filter((w) => !b.has(key(w))),
    weg: [...b.values()].filter((w) => !a.has(key(w))),
    veranderd: [...a.values()].flatMap((w) => {
      const was = b.get(key(w));
      return was && was.reden !== w.reden ? [{ ...w, voor: was.reden }] : [];
    }),
  };
}

/** Every inspanning whose schuifjes differ, including one that gains or loses them. */
function sliderDiff(before: Analysis, after: Analysis): Comparison['schuifjes'] {
  type Row = { regio: string; id: string; label: string; s: z.infer<typeof Sliders> | null };
  const all = (x: Analysis): Row[] =>
    x.dins.flatMap((d) => {
      const set = byKey(x.schuifjes.find((s) => s.regio === d.regio)?.inspanningen ?? [], (i) => i.id);
      return d.inspanningen.map((i) => {
        const s = set.get(i.id);
        return { regio: d.regio, id: i.id, label: i.label, s: s ? { nu: s.nu, gewenst: s.gewenst } : null };
      });
    });
  const key = (r: Row) => `${r.regio}\u0000${r.id}`;
  const b = byKey(all(before), key);
  const a = byKey(all(after), key);
  return [...new Set([...b.keys(), ...a.keys()])].flatMap((k) => {
    const x = b.get(k);
    const y = a.get(k);
    if (same(x?.s ?? null, y?.s ?? null)) return [];
    const r = (y ?? x)!;
    return [{ regio: r.regio, id: r.id, label: r.label, voor: x?.s ?? null, na: y?.s ?? null }];
  });
}

function findingDiff(before: readonly LintFinding[], after: readonly LintFinding[]): Comparison['meldingen'] {
  // Matched by code and the ids a finding names: its place may move (an added element sits
  // in the scenario file) and its words may change (a count), it is still the same finding.
  const key = (f: LintFinding) => `${f.code}\u0000${(f.bericht.match(/`[^`]*`/g) ?? []).join(' ')}`;
  const order = (a: LintFinding, b: LintFinding) => cmp(a.code, b.code) || cmp(a.bericht, b.bericht) || cmp(a.plek, b.plek);
  const group = (xs: readonly LintFinding[]) => {
    const m = new Map<string, LintFinding[]>();
    for (const f of [...xs].sort(order)) m.set(key(f), [...(m.get(key(f)) ?? []), f]);
    return m;
  };
  const b = group(before);
  const a = group(after);
  const erbij: LintFinding[] = [];
  const weg: LintFinding[] = [];
  const veranderd: Comparison['meldingen']['veranderd'] = [];
  for (const k of [...new Set([...b.keys(), ...a.keys()])]) {
    const was = [...(b.get(k) ?? [])];
    const is = [...(a.get(k) ?? [])];
    // Identical words first, then pair what is left in order.
    for (const f of [...is]) {
      const i = was.findIndex((x) => x.bericht === f.bericht);
      if (i >= 0) {
        was.splice(i, 1);
        is.splice(is.indexOf(f), 1);
      }
    }
    while (was.length && is.length) veranderd.push({ ...is.shift()!, voor: was.shift()!.bericht });
    erbij.push(...is);
    weg.push(...was);
  }
  return { erbij: erbij.sort(order), weg: weg.sort(order), veranderd: veranderd.sort(order) };
}
