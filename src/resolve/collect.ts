/**
 * Every element a file declares and every reference it makes, with the model path of each
 * so diagnostics can be located. References carry the edge kind they become in the graph,
 * so the resolver and the graph builder agree by construction.
 */
import type { EdgeKind, ElementType } from '../vocabulary/glossary.js';
import type { ModelPath } from '../read/locate.js';
import type { AnyValidatedFile } from '../validate/validate.js';
import type { CooperationLevel, Func, Stage, Strength } from '../vocabulary/vocabulary.js';

export interface ElementDecl {
  id: string;
  type: ElementType;
  label: string;
  file: string;
  path: ModelPath;
  /** Region whose DIN (or register entry) declares this element. */
  regio?: string;
  bron?: string;
  stage?: Stage;
  // Per-type facts the lint rules and analyses need, so they never reach back into YAML.
  functie?: Func;
  uitvoerder?: string;
  status?: string;
  schuifjes?: { nu: CooperationLevel; gewenst: CooperationLevel };
  methoden?: string[];
  nummer?: number;
  databronnen?: number;
  meetmomenten?: number;
}

export interface RefDecl {
  from: string;
  to: string;
  edge: EdgeKind;
  /** Types the target may have; a reference to another type is reported. */
  expected: readonly ElementType[];
  file: string;
  path: ModelPath;
  /** Derived by the engine, not written by the user (e.g. an ER-doel feeds its ambitie). */
  implicit?: boolean;
  /**
   * `to` is always the id that must exist (what the user wrote); `reverse` means the graph
   * edge runs to → from, e.g. `indicatoren: [x]` on a doel becomes the edge x —meet→ doel.
   */
  reverse?: boolean;
  sterkte?: Strength;
  aanname?: string;
  toelichting?: string;
  /**
   * Checked like every reference, but not an edge of the graph: a finding's targets are read
   * by the evidence analysis (src/analyse/evidence.ts), never walked as part of the model.
   */
  resolveOnly?: boolean;
}

export interface Collected {
  elements: ElementDecl[];
  refs: RefDecl[];
}

export const POLICY_TYPES: readonly ElementType[] = ['input', 'activiteit', 'output', 'outcome', 'impact', 'doel'];
export const DIN_TYPES: readonly ElementType[] = ['ambitie', 'er-doel', 'concreet-doel', 'inspanning'];
const MEASURABLE: readonly ElementType[] = [...POLICY_TYPES, ...DIN_TYPES, 'externe-factor'];

/** Which element type each beleidsmodel section declares. */
export const STAGE_TYPE: Record<Stage | 'doelen', ElementType> = {
  input: 'input',
  activiteiten: 'activiteit',
  output: 'output',
  outcome: 'outcome',
  impact: 'impact',
  doelen: 'doel',
};

export function collect(f: AnyValidatedFile): Collected {
  const file = f.source.path;
  const elements: ElementDecl[] = [];
  const refs: RefDecl[] = [];
  const el = (e: Omit<ElementDecl, 'file'>) => elements.push({ file, ...e });
  const ref = (r: Omit<RefDecl, 'file'>) => refs.push({ file, ...r });
  const refList = (from: string, ids: readonly string[] | undefined, base: ModelPath, edge: EdgeKind, expected: readonly ElementType[]) =>
    (ids ?? []).forEach((to, i) => ref({ from, to, edge, expected, path: [...base, i] }));

  switch (f.kind) {
    case 'beleidsmodel': {
      const m = f.model;
      el({ id: m.id, type: 'beleidsmodel', label: m.naam, path: ['id'], bron: m.bron });
      for (const key of ['input', 'activiteiten', 'output', 'outcome', 'impact', 'doelen'] as const) {
        m[key].forEach((e, i) => {
          const stage = key === 'doelen' ? undefined : key;
          el({ id: e.id, type: STAGE_TYPE[key], label: e.tekst, path: [key, i, 'id'], bron: e.bron, ...(stage ? { stage } : {}) });
          (e.leidt_tot ?? []).forEach((link, j) => {
            const to = typeof link === 'string' ? link : link.naar;
            const path = typeof link === 'string' ? [key, i, 'leidt_tot', j] : [key, i, 'leidt_tot', j, 'naar'];
            const extra = typeof link === 'string' ? {} : { ...(link.aanname ? { aanname: link.aanname } : {}), ...(link.toelichting ? { toelichting: link.toelichting } : {}) };
            ref({ from: e.id, to, edge: 'leidt-tot', expected: POLICY_TYPES, path, ...extra });
            if (typeof link !== 'string' && link.aanname) {
              ref({ from: e.id, to: link.aanname, edge: 'onderbouwt', expected: ['aanname'], path: [key, i, 'leidt_tot', j, 'aanname'], reverse: true });
            }
          });
        });
      }
      m.externe_factoren.forEach((e, i) => {
        el({ id: e.id, type: 'externe-factor', label: e.tekst, path: ['externe_factoren', i, 'id'], bron: e.bron });
        refList(e.id, e.beinvloedt, ['externe_factoren', i, 'beinvloedt'], 'beinvloedt', POLICY_TYPES);
      });
      m.aannames.forEach((a, i) => {
        el({ id: a.id, type: 'aanname', label: a.tekst, path: ['aannames', i, 'id'], bron: a.bron });
        refList(a.id, a.bij, ['aannames', i, 'bij'], 'onderbouwt', POLICY_TYPES);
      });
      m.oordelen.forEach((o, i) => {
        el({ id: o.id, type: 'oordeel', label: `${o.naam}: ${o.tekst}`, path: ['oordelen', i, 'id'], bron: o.bron });
        refList(o.id, o.van, ['oordelen', i, 'van'], 'oordeel-van', POLICY_TYPES);
        refList(o.id, o.naar, ['oordelen', i, 'naar'], 'oordeel-naar', POLICY_TYPES);
      });
      break;
    }
    case 'onderzoeksvragen': {
      const m = f.model;
      el({ id: m.id, type: 'onderzoek', label: m.naam, path: ['id'], bron: m.bron });
      el({ id: m.hoofdvraag.id, type: 'hoofdvraag', label: m.hoofdvraag.tekst, path: ['hoofdvraag', 'id'], bron: m.hoofdvraag.bron });
      for (const key of ['onderzoeksvragen', 'eerste_fase'] as const) {
        m[key].forEach((q, i) => {
          const qType: ElementType = key === 'onderzoeksvragen' ? 'onderzoeksvraag' : 'vraagcluster';
          el({ id: q.id, type: qType, label: q.tekst, path: [key, i, 'id'], bron: q.bron, ...(q.nummer !== undefined ? { nummer: q.nummer } : {}) });
          ref({ from: q.id, to: m.hoofdvraag.id, edge: 'deel-van', expected: ['hoofdvraag'], path: [key, i, 'id'], implicit: true });
          q.deelvragen.forEach((d, j) => {
            const base = [key, i, 'deelvragen', j];
            el({ id: d.id, type: 'deelvraag', label: d.tekst, path: [...base, 'id'], bron: d.bron, methoden: d.methoden });
            ref({ from: d.id, to: q.id, edge: 'deel-van', expected: [qType], path: [...base, 'id'], implicit: true });
            refList(d.id, d.over, [...base, 'over'], 'gaat-over', MEASURABLE);
            refList(d.id, d.hoort_bij, [...base, 'hoort_bij'], 'hoort-bij', ['onderzoeksvraag']);
          });
        });
      }
      break;
    }
    case 'indicatoren':
      collectIndicators(f.model.databronnen, f.model.indicatoren, el, refList);
      break;
    case 'regioregister':
      f.model.regios.forEach((r, i) => {
        el({ id: r.id, type: 'regio', label: r.naam, path: ['regios', i, 'id'], bron: r.bron, regio: r.id });
        r.metingen.forEach((mt, j) =>
          ref({ from: r.id, to: mt.indicator, edge: 'meet', expected: ['indicator'], path: ['regios', i, 'metingen', j, 'indicator'], reverse: true }),
        );
      });
      break;
    case 'din': {
      const m = f.model;
      const region = m.regio;
      const a = m.ambitie;
      el({ id: a.id, type: 'ambitie', label: a.tekst, path: ['ambitie', 'id'], bron: a.bron ?? m.bron, regio: region });
      ref({ from: a.id, to: region, edge: 'hoort-bij', expected: ['regio'], path: ['regio'] });
      m.er_doelen.forEach((e, i) => {
        el({ id: e.id, type: 'er-doel', label: e.tekst, path: ['er_doelen', i, 'id'], bron: e.bron, regio: region });
        if (e.draagt_bij_aan === undefined) {
          ref({ from: e.id, to: a.id, edge: 'draagt-bij', expected: DIN_TYPES, path: ['er_doelen', i, 'id'], implicit: true });
        } else {
          refList(e.id, e.draagt_bij_aan, ['er_doelen', i, 'draagt_bij_aan'], 'draagt-bij', DIN_TYPES);
        }
      });
      m.concrete_doelen.forEach((c, i) => {
        el({ id: c.id, type: 'concreet-doel', label: c.tekst, path: ['concrete_doelen', i, 'id'], bron: c.bron, regio: region });
        refList(c.id, c.draagt_bij_aan, ['concrete_doelen', i, 'draagt_bij_aan'], 'draagt-bij', DIN_TYPES);
        // Written on the doel, but it is the indicator that measures the doel.
        c.indicatoren.forEach((ind, j) =>
          ref({ from: c.id, to: ind, edge: 'meet', expected: ['indicator'], path: ['concrete_doelen', i, 'indicatoren', j], reverse: true }),
        );
        c.streefwaarden.forEach((s, j) =>
          ref({ from: c.id, to: s.indicator, edge: 'meet', expected: ['indicator'], path: ['concrete_doelen', i, 'streefwaarden', j, 'indicator'], reverse: true }),
        );
      });
      m.inspanningen.forEach((s, i) => {
        el({
          id: s.id, type: 'inspanning', label: s.tekst, path: ['inspanningen', i, 'id'], bron: s.bron, regio: region,
          functie: s.functie, uitvoerder: s.uitvoerder, status: s.status, ...(s.schuifjes ? { schuifjes: { nu: s.schuifjes.nu, gewenst: s.schuifjes.gewenst } } : {}),
        });
        ref({ from: region, to: s.id, edge: 'voert-uit', expected: ['inspanning'], path: ['inspanningen', i, 'id'], implicit: true });
        if (s.activiteit) ref({ from: s.id, to: s.activiteit, edge: 'instantieert', expected: ['activiteit'], path: ['inspanningen', i, 'activiteit'] });
        s.draagt_bij_aan.forEach((c, j) =>
          ref({ from: s.id, to: c.doel, edge: 'draagt-bij', expected: DIN_TYPES, path: ['inspanningen', i, 'draagt_bij_aan', j, 'doel'], sterkte: c.sterkte, ...(c.toelichting ? { toelichting: c.toelichting } : {}) }),
        );
      });
      collectIndicators(m.databronnen, m.indicatoren, el, refList, region);
      break;
    }
    case 'bewijs': {
      const m = f.model;
      el({ id: m.id, type: 'bewijsregister', label: m.naam, path: ['id'], bron: m.bron });
      m.bevindingen.forEach((b, i) => {
        const base = ['bevindingen', i];
        el({ id: b.id, type: 'bevinding', label: b.tekst, path: [...base, 'id'], bron: b.bron });
        const check = (to: string, path: ModelPath, edge: EdgeKind, expected: readonly ElementType[]) => ref({ from: b.id, to, edge, expected, path, resolveOnly: true });
        b.regios.forEach((r, j) => check(r, [...base, 'regios', j], 'toetst', ['regio']));
        b.beantwoordt.forEach((d, j) => check(d, [...base, 'beantwoordt', j], 'bewijst', ['deelvraag']));
        b.toetst.schakels.forEach((l, j) => {
          check(l.van, [...base, 'toetst', 'schakels', j, 'van'], 'toetst', POLICY_TYPES);
          check(l.naar, [...base, 'toetst', 'schakels', j, 'naar'], 'toetst', POLICY_TYPES);
        });
        b.toetst.aannames.forEach((a, j) => check(a, [...base, 'toetst', 'aannames', j], 'toetst', ['aanname']));
        b.toetst.bijdragen.forEach((c, j) => {
          check(c.inspanning, [...base, 'toetst', 'bijdragen', j, 'inspanning'], 'toetst', ['inspanning']);
          check(c.doel, [...base, 'toetst', 'bijdragen', j, 'doel'], 'toetst', ['concreet-doel', 'er-doel', 'ambitie']);
        });
      });
      break;
    }
    case 'scenario': {
      const m = f.model;
      el({ id: m.id, type: 'scenario', label: m.naam, path: ['id'], bron: m.bron });
      ref({ from: m.id, to: m.legt_over, edge: 'legt-over', expected: ['beleidsmodel', 'regio', 'onderzoek', 'projectie'], path: ['legt_over'] });
      if (m.projectie?.regio) ref({ from: m.id, to: m.projectie.regio, edge: 'legt-over', expected: ['regio'], path: ['projectie', 'regio'] });
      break;
    }
    case 'projectie': {
      const m = f.model;
      el({ id: m.id, type: 'projectie', label: m.naam, path: ['id'], bron: m.bron });
      break;
    }
  }
  return { elements, refs };
}

type IndicatorLike = { id: string; naam: string; bron?: string | undefined; databronnen: string[]; meetmomenten: unknown[]; meet: string[]; beantwoordt: string[] };

function collectIndicators(
  sources: readonly { id: string; naam: string; bron?: string | undefined }[],
  indicators: readonly IndicatorLike[],
  el: (e: Omit<ElementDecl, 'file'>) => void,
  refList: (from: string, ids: readonly string[] | undefined, base: ModelPath, edge: EdgeKind, expected: readonly ElementType[]) => void,
  region?: string,
): void {
  const r = region ? { regio: region } : {};
  sources.forEach((s, i) => el({ id: s.id, type: 'databron', label: s.naam, path: ['databronnen', i, 'id'], bron: s.bron, ...r }));
  indicators.forEach((ind, i) => {
    el({ id: ind.id, type: 'indicator', label: ind.naam, path: ['indicatoren', i, 'id'], bron: ind.bron, databronnen: ind.databronnen.length, meetmomenten: ind.meetmomenten.length, ...r });
    refList(ind.id, ind.databronnen, ['indicatoren', i, 'databronnen'], 'uit-bron', ['databron']);
    refList(ind.id, ind.meet, ['indicatoren', i, 'meet'], 'meet', MEASURABLE);
    refList(ind.id, ind.beantwoordt, ['indicatoren', i, 'beantwoordt'], 'beantwoordt', ['deelvraag']);
  });
}
