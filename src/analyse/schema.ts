/**
 * The analysis result: plain JSON with its own schema. Renderers receive only this, never
 * the model, so every view is a pure function of a checked, serialisable value.
 */
import { z } from 'zod';
import { COUNT_KINDS } from '../graph/coverage.js';
import { DIN_GAP_KINDS } from '../graph/din.js';
import { COOPERATION_LEVELS, FUNCTIONS, STAGES, STRENGTHS } from '../vocabulary/vocabulary.js';
import { EvidenceSchema } from './evidence.js';

export const CoverageStatus = z.enum(['gedekt', 'deels', 'gat']).describe('gedekt: keten van bewijs compleet; deels: bewijs met een ontbrekende schakel; gat: geen bewijs');
export type CoverageStatus = z.infer<typeof CoverageStatus>;

const Ref = z.object({ id: z.string(), label: z.string() });

const Matrix = z.object({
  rijen: z.array(Ref),
  kolommen: z.array(Ref),
  /** cellen[rij][kolom]; 0 is a gap cell. */
  cellen: z.array(z.array(z.number().int().nonnegative())),
});
export type Matrix = z.infer<typeof Matrix>;

export const AnalysisSchema = z.object({
  versie: z.literal(1),
  regio_filter: z.string().nullable(),
  samenvatting: z.object({
    bestanden: z.number().int(),
    elementen: z.record(z.string(), z.number().int()),
    regios: z.number().int(),
    regios_met_din: z.number().int(),
    diagnostieken: z.object({ fouten: z.number().int(), waarschuwingen: z.number().int(), info: z.number().int() }),
  }),
  beleidsmodel: z.object({
    stappen: z.array(z.object({ stap: z.enum([...STAGES, 'doelen', 'externe_factoren']), elementen: z.array(Ref) })),
    schakels: z.array(z.object({ van: z.string(), naar: z.string(), aanname: z.string().nullable(), toelichting: z.string().nullable() })),
    aannames: z.array(z.object({ id: z.string(), label: z.string(), bij: z.array(z.string()) })),
    externe_invloeden: z.array(z.object({ van: z.string(), naar: z.string() })),
    oordelen: z.array(z.object({ id: z.string(), label: z.string(), van: z.array(z.string()), naar: z.array(z.string()) })),
  }),
  dekking: z.object({
    deelvragen: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        onderzoeksvraag: z.string(),
        status: CoverageStatus,
        redenen: z.array(z.string()),
        indicatoren: z.array(z.string()),
        databronnen: z.array(z.string()),
        gemeten_elementen: z.array(z.string()),
        /** The inspanningen in scope that count for the deelvraag (src/graph/coverage.ts), in graph order. */
        inspanningen: z.array(z.string()),
        /** Per counted inspanning, in the same order, why it counts. */
        ketens: z.array(
          z.object({
            inspanning: z.string(),
            soort: z.enum(COUNT_KINDS).describe('a: voert een activiteit uit waar de deelvraag over gaat; b: de activiteit leidt in één stap tot een element waar de deelvraag over gaat; c: draagt bij aan een concreet doel dat een beantwoordende indicator meet'),
            via: z.array(z.string()).describe('de ids van de keten: inspanning, activiteit (a, b), element uit `over` (b); of inspanning, concreet doel, indicator (c)'),
          }),
        ),
        /** Counted inspanningen as a share of all inspanningen in scope (0 to 1, three decimals). */
        aandeel: z.number().min(0).max(1),
        /** More than half of the inspanningen in scope count (and at least 10 in scope): the lint info `deelvraag-te-breed`. */
        te_breed: z.boolean(),
        /** Regions whose inspanningen count (effort). */
        regios: z.array(z.string()),
        /** Regions with data for the deelvraag: a measurement of an answering indicator, or an answering indicator of their own DIN. */
        data_regios: z.array(z.string()),
        methoden: z.array(z.string()),
      }),
    ),
    /** All inspanningen in scope: the denominator of `aandeel`. */
    inspanningen_totaal: z.number().int().nonnegative(),
    onderzoeksvragen: z.array(
      z.object({
        id: z.string(),
        nummer: z.number().int().nullable(),
        label: z.string(),
        status: CoverageStatus,
        gedekt: z.number().int(),
        deels: z.number().int(),
        gat: z.number().int(),
        deelvragen: z.array(z.string()),
      }),
    ),
    /** Per region with a DIN: the deelvragen its inspanningen count for, and those it has data for. */
    per_regio: z.array(z.object({ regio: z.string(), deelvragen: z.array(z.string()), data: z.array(z.string()) })),
  }),
  indicatoren: z.array(z.object({ id: z.string(), label: z.string(), databronnen: z.array(Ref), regio: z.string().nullable() })),
  matrices: z.object({
    deelvraag_regio: Matrix,
    functie_regio: Matrix,
    stap_regio: Matrix,
  }),
  dins: z.array(
    z.object({
      regio: z.string(),
      regio_naam: z.string(),
      voorbeeld: z.boolean(),
      ambitie: Ref,
      er_doelen: z.array(Ref),
      concrete_doelen: z.array(Ref.extend({ indicatoren: z.array(z.string()), er_doelen: z.array(z.string()) })),
      inspanningen: z.array(
        Ref.extend({
          functie: z.enum(FUNCTIONS),
          uitvoerder: z.string(),
          status: z.string(),
          activiteit: z.string().nullable(),
          // null: the model states no strength (sterkte onbekend).
          bijdragen: z.array(z.object({ doel: z.string(), sterkte: z.enum(STRENGTHS).nullable() })),
        }),
      ),
      bijdragen: z.array(z.object({ van: z.string(), naar: z.string(), sterkte: z.enum(STRENGTHS).nullable() })),
      // gewicht: zwak 1, middel 2, sterk 3, sterkte onbekend 1; onbekende_sterkte: how many of
      // the lines counted have no stated strength, so a reader sees how much of the weight is a guess.
      hefboom_inspanningen: z.array(
        z.object({ id: z.string(), gewicht: z.number(), onbekende_sterkte: z.number().int(), concrete_doelen: z.number().int(), er_doelen: z.number().int() }),
      ),
      hefboom_doelen: z.array(
        z.object({ id: z.string(), gewicht: z.number(), onbekende_sterkte: z.number().int(), er_doelen: z.number().int(), inspanningen: z.number().int() }),
      ),
      weesenergie: z.array(z.object({ id: z.string(), reden: z.string() })),
      gaten: z.array(z.object({ id: z.string(), soort: z.enum(DIN_GAP_KINDS), reden: z.string() })),
    }),
  ),
  schuifjes: z.array(
    z.object({
      regio: z.string(),
      inspanningen: z.array(
        z.object({ id: z.string(), label: z.string(), nu: z.enum(COOPERATION_LEVELS), gewenst: z.enum(COOPERATION_LEVELS), afstand: z.number().int() }),
      ),
      zonder_schuifjes: z.number().int(),
      meer_samenwerking: z.number().int(),
      gelijk: z.number().int(),
      minder_samenwerking: z.number().int(),
      blijft_autonoom: z.number().int(),
    }),
  ),
  regios_zonder_din: z.array(z.string()),
  /** The state of evidence from the register of findings (src/analyse/evidence.ts). */
  bewijs: EvidenceSchema,
  gemeente_overlap: z.array(z.object({ gemeente: z.string(), sector: z.string(), regios: z.array(z.string()) })),
});

export type Analysis = z.infer<typeof AnalysisSchema>;
