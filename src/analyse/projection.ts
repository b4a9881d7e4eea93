/**
 * The shortage projection (`tocdin projectie`): the teacher shortage in fte per year from
 * the base year up to the last year, without policy change (the baseline) and with the
 * levers a scenario states along the three intervention lines of seed 003 §2.
 *
 * The arithmetic, for year t from the base year t0 up to and including the last year T:
 *
 *   baseline(t)  = S0 · (1 + g/100)^(t − t0)
 *                  S0 the shortage in fte in t0, g the growth in percent a year (003 §1).
 *   hours(t)     = D · (a/100) · h / H · ramp(t)
 *                  D part-timers reached, a percent of them who expand, h extra hours a week
 *                  per expanding part-timer, H hours a week in one fte; ramp(t) = 0 before
 *                  the start year s, then min(1, (t − s + 1) / n) for a build-up of n years.
 *   lateral(t)   = Σ over k = s … t of  N · f · (r/100)^(t − k)
 *                  N extra zij-instromers a year, f their fte each, r percent who stay each
 *                  year: each year's cohort counts whole in its first year, then shrinks.
 *   flow(t)      = (t − s + 1) · (I + U)   for t ≥ s
 *                  I extra instroom and U prevented uitstroom, in fte a year; both stay.
 *   scenario(t)  = max(0, baseline(t) − hours(t) − lateral(t) − flow(t))
 *   difference   = baseline(t) − scenario(t)
 *
 * A start year before t0 counts from t0. Hours become fte by dividing by H, the hours a week
 * in one fte: no seed gives H, so the scenario states it. Every figure is kept exact and
 * rounded to whole fte only for the output (so a rounded difference may differ by 1 from the
 * difference of the rounded columns).
 *
 * Regions: the same arithmetic with S0 = p/100 · W, p the region's teacher shortage
 * percentage from the register (its peiljaar is t0) and W the region's teacher employment
 * in fte. The register has no W for any region (seed 000 Tabel 2 gives averages, minima and
 * maxima per kind of region, of all staff), so only a scenario can state W, as an
 * assumption; the national growth is then applied to the region, also an assumption.
 */
import { z } from 'zod';
import type { Projectie, Regioregister, Scenario, ScenarioProjection } from '../validate/schemas.js';

type Region = Regioregister['regios'][number];

import { PROJECTION_SECTORS } from '../validate/schemas.js';

export { PROJECTION_SECTORS };
export type ProjectionSector = (typeof PROJECTION_SECTORS)[number];

export const INTERVENTION_LINES = ['uren', 'zij_instroom', 'instroom_uitstroom'] as const;
export type InterventionLine = (typeof INTERVENTION_LINES)[number];

export const INTERVENTION_LINE_LABEL: Record<InterventionLine, string> = {
  uren: 'meer uren van het bestaande lerarenkorps',
  zij_instroom: 'meer en behouden zij-instroom',
  instroom_uitstroom: 'meer instroom en minder uitstroom',
};

/** Column heads of the table. */
export const INTERVENTION_LINE_SHORT: Record<InterventionLine, string> = {
  uren: 'uren',
  zij_instroom: 'zij-instroom',
  instroom_uitstroom: 'instroom/uitstroom',
};

const FigureOut = z.strictObject({
  naam: z.string(),
  waarde: z.number(),
  eenheid: z.string(),
  tekst: z.string().optional(),
  /** The source does not give this figure; the model or scenario assumes it. */
  aanname: z.boolean(),
  toelichting: z.string().optional(),
  bron: z.string().optional(),
});
export type FigureOut = z.infer<typeof FigureOut>;

const AssumptionOut = FigureOut.extend({ lijn: z.enum([...INTERVENTION_LINES, 'regio']) });
export type AssumptionOut = z.infer<typeof AssumptionOut>;

const YearOut = z.strictObject({
  jaar: z.number().int(),
  basis: z.number().int(),
  scenario: z.number().int().nullable(),
  verschil: z.number().int().nullable(),
  /** Fte each intervention line takes off the shortage in this year (null without scenario). */
  per_lijn: z.strictObject({ uren: z.number().int(), zij_instroom: z.number().int(), instroom_uitstroom: z.number().int() }).nullable(),
});
export type ProjectionYear = z.infer<typeof YearOut>;

/** The JSON output of `tocdin projectie --format json`; tests parse against it. */
export const ProjectionSchema = z.strictObject({
  sector: z.enum(PROJECTION_SECTORS),
  regio: z.strictObject({ id: z.string(), naam: z.string() }).nullable(),
  scenario: z.strictObject({ id: z.string(), naam: z.string(), bestand: z.string(), lijnen: z.array(z.enum(INTERVENTION_LINES)) }).nullable(),
  /** False when no projection can be made (a region without the figures it needs). */
  mogelijk: z.boolean(),
  /** Why not, when `mogelijk` is false. */
  reden: z.string().nullable(),
  basisjaar: z.number().int().nullable(),
  tot_jaar: z.number().int(),
  jaren: z.array(YearOut),
  /** The defaults the projection uses, each with its bron (or marked as an assumption). */
  standaardwaarden: z.array(FigureOut),
  /** Other figures from the sources shown beside the projection. */
  kengetallen: z.array(FigureOut),
  /** What the scenario assumes: parameters, never facts. */
  aannames: z.array(AssumptionOut),
  opmerkingen: z.array(z.string()),
  bestand: z.string(),
});
export type Projection = z.infer<typeof ProjectionSchema>;

export interface ProjectionRequest {
  defaults: Projectie;
  /** Displayed path of the defaults file. */
  defaultsFile: string;
  sector: ProjectionSector;
  scenario?: { model: Scenario; file: string };
  /** A region from the register, when the projection is for one region. */
  region?: Region;
}

type Param = NonNullable<ScenarioProjection['werkgelegenheid_fte']>;

function param(p: Param): { waarde: number; toelichting?: string; bron?: string } {
  return typeof p === 'number' ? { waarde: p } : p;
}

/** A scenario parameter as an assumption of the scenario (even when it cites a source). */
function assumption(lijn: AssumptionOut['lijn'], naam: string, p: Param, eenheid: string): AssumptionOut {
  const { waarde, toelichting, bron } = param(p);
  return { lijn, naam, waarde, eenheid, aanname: true, ...(toelichting ? { toelichting } : {}), ...(bron ? { bron } : {}) };
}

function figure(naam: string, f: Projectie['sectoren'][number]['tekort']): FigureOut {
  return { naam, waarde: f.waarde, eenheid: f.eenheid, ...(f.tekst ? { tekst: f.tekst } : {}), aanname: f.aanname, ...(f.toelichting ? { toelichting: f.toelichting } : {}), bron: f.bron };
}

/** The part of a lever in force in year t: 0 before the start, then a linear build-up. */
export function ramp(t: number, start: number, years: number): number {
  return t < start ? 0 : Math.min(1, (t - start + 1) / years);
}

/** The fte the three levers take off the shortage in year t (exact, not rounded). */
export function leverEffects(p: ScenarioProjection, t: number, t0: number): Record<InterventionLine, number> {
  const out: Record<InterventionLine, number> = { uren: 0, zij_instroom: 0, instroom_uitstroom: 0 };
  if (p.uren) {
    const u = p.uren;
    const perYear = (param(u.deeltijders).waarde * param(u.aandeel_uitbreiders).waarde) / 100 * param(u.extra_uren).waarde / param(u.uren_per_fte).waarde;
    out.uren = perYear * ramp(t, Math.max(u.vanaf, t0), u.opbouw_jaren);
  }
  if (p.zij_instroom) {
    const z = p.zij_instroom;
    const cohort = param(z.extra_per_jaar).waarde * param(z.fte_per_persoon).waarde;
    const stay = param(z.behoud).waarde / 100;
    for (let k = Math.max(z.vanaf, t0); k <= t; k++) out.zij_instroom += cohort * stay ** (t - k);
  }
  if (p.instroom_uitstroom) {
    const f = p.instroom_uitstroom;
    const start = Math.max(f.vanaf, t0);
    if (t >= start) out.instroom_uitstroom = (t - start + 1) * (param(f.extra_instroom_fte).waarde + param(f.minder_uitstroom_fte).waarde);
  }
  return out;
}

/** Each lever's parameters as the output names them: YAML key, Dutch name, unit. */
const LEVER_PARAMETERS = {
  uren: [
    ['deeltijders', 'leraren in deeltijd die de maatregel bereikt', 'personen'],
    ['aandeel_uitbreiders', 'deel van hen dat uren uitbreidt', 'procent'],
    ['extra_uren', 'extra uren per leraar die uitbreidt', 'uur per week'],
    ['uren_per_fte', 'uren in één fte', 'uur per week'],
  ],
  zij_instroom: [
    ['extra_per_jaar', 'extra zij-instromers per jaar', 'personen'],
    ['fte_per_persoon', 'betrekking per zij-instromer', 'fte'],
    ['behoud', 'behoud per jaar', 'procent'],
  ],
  instroom_uitstroom: [
    ['extra_instroom_fte', 'extra instroom per jaar', 'fte'],
    ['minder_uitstroom_fte', 'voorkomen uitstroom per jaar', 'fte'],
  ],
} as const satisfies Record<InterventionLine, readonly (readonly [string, string, string])[]>;

function scenarioAssumptions(p: ScenarioProjection): AssumptionOut[] {
  return INTERVENTION_LINES.flatMap((line) => {
    const lever = p[line];
    if (!lever) return [];
    const values = lever as unknown as Record<string, Param>;
    return [
      ...LEVER_PARAMETERS[line].map(([key, naam, eenheid]) => assumption(line, naam, values[key]!, eenheid)),
      { lijn: line, naam: 'ingang', waarde: lever.vanaf, eenheid: 'jaartal', aanname: true },
      ...('opbouw_jaren' in lever ? [{ lijn: line, naam: 'opbouw tot het volle effect', waarde: lever.opbouw_jaren, eenheid: 'jaar', aanname: true }] : []),
    ];
  });
}

const SHORTAGE_INDICATOR: Record<ProjectionSector, string> = { po: 'tekortpercentage-leraren-po', vo: 'tekortpercentage-leraren-vo' };

/** The projection of one sector, nationally or for one region, with or without a scenario. */
export function project(req: ProjectionRequest): Projection {
  const { defaults, sector } = req;
  const levers = req.scenario?.model.projectie;
  const sectorDefaults = defaults.sectoren.find((s) => s.sector === sector);
  const T = defaults.tot_jaar;
  const kengetallen = defaults.kengetallen
    .filter((k) => k.sector === undefined || k.sector === sector)
    .map((k) => figure(k.naam, k));
  const base: Projection = {
    sector,
    regio: req.region ? { id: req.region.id, naam: req.region.naam } : null,
    scenario: req.scenario ? { id: req.scenario.model.id, naam: req.scenario.model.naam, bestand: req.scenario.file, lijnen: INTERVENTION_LINES.filter((l) => levers?.[l] !== undefined) } : null,
    mogelijk: false,
    reden: null,
    basisjaar: null,
    tot_jaar: T,
    jaren: [],
    standaardwaarden: [],
    kengetallen,
    aannames: levers ? scenarioAssumptions(levers) : [],
    opmerkingen: [],
    bestand: req.defaultsFile,
  };
  if (!sectorDefaults) return { ...base, reden: `${req.defaultsFile} heeft geen standaardwaarden voor het ${sector}` };

  let S0 = sectorDefaults.tekort.waarde;
  let t0 = sectorDefaults.basisjaar.waarde;
  const g = sectorDefaults.groei.waarde;
  const standaardwaarden: FigureOut[] = [
    figure(`basisjaar (${sector})`, sectorDefaults.basisjaar),
    figure(`lerarentekort ${sector} landelijk`, sectorDefaults.tekort),
    figure(`groei van het tekort zonder beleidswijziging (${sector})`, sectorDefaults.groei),
  ];
  const opmerkingen: string[] = [];

  if (req.region) {
    const r = req.region;
    const pct = r.metingen.find((m) => m.indicator === SHORTAGE_INDICATOR[sector]);
    const W = levers?.regio === r.id ? levers.werkgelegenheid_fte : undefined;
    const missing: string[] = [];
    if (!pct) missing.push(`het regioregister heeft voor ${r.naam} geen tekortpercentage leraren ${sector} (indicator \`${SHORTAGE_INDICATOR[sector]}\`)`);
    if (W === undefined) {
      missing.push(
        `het regioregister heeft voor geen enkele regio de werkgelegenheid van leraren in fte (seed 000 Tabel 2 geeft alleen gemiddelden, minima en maxima per soort regio, van al het personeel); een scenario kan haar als aanname geven (\`projectie.regio\` en \`projectie.werkgelegenheid_fte\`)`,
      );
    }
    const year = typeof pct?.peiljaar === 'number' ? pct.peiljaar : /^\d{4}$/.test(pct?.peiljaar ?? '') ? Number(pct!.peiljaar) : NaN;
    if (pct && !Number.isInteger(year)) missing.push(`het tekortpercentage van ${r.naam} heeft geen peiljaar als jaartal`);
    if (missing.length) return { ...base, standaardwaarden, reden: `geen projectie voor ${r.naam}: ${missing.join('; ')}` };
    const w = param(W!).waarde;
    S0 = (pct!.waarde / 100) * w;
    t0 = year;
    standaardwaarden.splice(0, 2, {
      naam: `tekortpercentage leraren ${sector} in ${r.naam} (peiljaar ${year})`,
      waarde: pct!.waarde,
      eenheid: 'procent',
      aanname: false,
      ...(pct!.toelichting ? { toelichting: pct!.toelichting } : {}),
      ...(pct!.bron ? { bron: pct!.bron } : {}),
    });
    base.aannames.unshift(
      assumption('regio', `werkgelegenheid leraren ${sector} in ${r.naam}`, W!, 'fte'),
      { lijn: 'regio', naam: `groei van het tekort in ${r.naam}: de landelijke groei (${sector})`, waarde: g, eenheid: 'procent per jaar', aanname: true },
    );
    opmerkingen.push(`Tekort in ${year}: ${String(pct!.waarde).replace('.', ',')} % van ${w} fte = ${Math.round(S0)} fte.`);
  }

  if (levers && levers.sector !== sector) opmerkingen.push(`Het scenario gaat over het ${levers.sector}; zijn hefbomen tellen hier niet mee.`);
  const active = levers && levers.sector === sector ? levers : undefined;
  const jaren: ProjectionYear[] = [];
  let clamped = false;
  for (let t = t0; t <= T; t++) {
    const baseline = S0 * (1 + g / 100) ** (t - t0);
    if (!active) {
      jaren.push({ jaar: t, basis: Math.round(baseline), scenario: null, verschil: null, per_lijn: null });
      continue;
    }
    const e = leverEffects(active, t, t0);
    const raw = baseline - e.uren - e.zij_instroom - e.instroom_uitstroom;
    if (raw < 0) clamped = true;
    const withLevers = Math.max(0, raw);
    jaren.push({
      jaar: t,
      basis: Math.round(baseline),
      scenario: Math.round(withLevers),
      verschil: Math.round(baseline - withLevers),
      per_lijn: { uren: Math.round(e.uren), zij_instroom: Math.round(e.zij_instroom), instroom_uitstroom: Math.round(e.instroom_uitstroom) },
    });
  }
  if (clamped) opmerkingen.push('In sommige jaren nemen de hefbomen meer weg dan het tekort; het tekort is daar 0 (een overschot rekent de projectie niet).');
  if (t0 > T) opmerkingen.push(`Het basisjaar ${t0} ligt na ${T}: geen jaren om te tonen.`);
  return { ...base, mogelijk: true, basisjaar: t0, jaren, standaardwaarden, opmerkingen };
}
