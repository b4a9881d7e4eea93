/**
 * One zod schema per model kind (`soort`). These are the single source of truth for the
 * YAML shape: the validator, the JSON Schemas in `schemas/` and the TypeScript types all
 * derive from them. Descriptions are in Dutch because the JSON Schema is read by
 * evaluators in their editor.
 */
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Id = z
  .string()
  .regex(SLUG_PATTERN, {
    message: 'een id bestaat uit kleine letters, cijfers en koppeltekens (bijv. "regionaal-loket")',
  })
  .describe('Stabiele sleutel (slug: kleine letters, cijfers, koppeltekens) waarmee andere elementen naar dit element verwijzen.');

export const Ref = Id.describe('Verwijzing naar het id van een ander element (mag in een ander bestand staan).');
export const RefList = z.array(Ref);

const Text = z.string().min(1, { message: 'mag niet leeg zijn' });
const Bron = Text.describe('Bronvermelding: seed-bestand en paragraaf, tabel of case waar dit element vandaan komt.');
const Toelichting = Text.describe('Vrije toelichting.');

// The vocabularies live in their own low room: render and analyse read them without
// depending on the validator.
export * from '../vocabulary/vocabulary.js';
import { COOPERATION_LEVELS, DIRECTIONS, EFFORT_STATUSES, FUNCTIONS, METHODS, SCALES, SECTORS, STAGES, STRENGTHS } from '../vocabulary/vocabulary.js';


/** Evaluation phases: four half-yearly reports in 2025–2026. */
export const Phase = z
  .string()
  .regex(/^20\d\d-[12]$/, { message: 'een fase schrijf je als jaar-halfjaar, bijv. "2025-2"' })
  .describe('Evaluatiefase als jaar-halfjaar, bijv. "2025-1" (eerste tussenrapportage).');

// ---------- beleidsmodel

const CausalLink = z.union([
  Ref,
  z
    .strictObject({
      naar: Ref.describe('Het element waartoe dit leidt.'),
      aanname: Ref.optional().describe('Id van de aanname (mechanisme) waarop deze schakel rust.'),
      toelichting: Toelichting.optional(),
    })
    .describe('Causale schakel met aanname of toelichting.'),
]);

const PolicyElement = z
  .strictObject({
    id: Id,
    tekst: Text.describe('Omschrijving zoals in het beleidsmodel.'),
    toelichting: Toelichting.optional(),
    leidt_tot: z
      .array(CausalLink)
      .optional()
      .describe('Causale schakels naar elementen in de volgende stap (of naar doelen): een id, of {naar, aanname, toelichting}.'),
    bron: Bron.optional(),
  })
  .describe('Element van het beleidsmodel.');

const ExternalFactor = z.strictObject({
  id: Id,
  tekst: Text.describe('Omschrijving van de externe factor.'),
  beinvloedt: RefList.optional().describe('Elementen van het beleidsmodel waarop deze factor inwerkt.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Assumption = z.strictObject({
  id: Id,
  tekst: Text.describe('De aanname of het veronderstelde mechanisme.'),
  bij: RefList.optional().describe('Elementen waarop deze aanname betrekking heeft.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Judgement = z.strictObject({
  id: Id,
  naam: z.enum(['doeltreffendheid', 'doelmatigheid']).describe('Welk evaluatieoordeel: doeltreffendheid (effectiviteit) of doelmatigheid (efficiëntie).'),
  tekst: Text.describe('Wat dit oordeel vergelijkt.'),
  van: RefList.min(1).describe('Elementen aan het begin van de vergelijking (bijv. input of outcome).'),
  naar: RefList.min(1).describe('Elementen waarmee vergeleken wordt (bijv. doelen of resultaten).'),
  bron: Bron.optional(),
});

export const BeleidsmodelSchema = z
  .strictObject({
    soort: z.literal('beleidsmodel').describe('Soort modelbestand.'),
    id: Id,
    naam: Text.describe('Naam van het beleidsmodel.'),
    toelichting: Toelichting.optional(),
    bron: Bron.optional(),
    input: z.array(PolicyElement).default([]).describe('Input: middelen en kaders.'),
    activiteiten: z.array(PolicyElement).default([]).describe('Activiteiten: wat regio’s doen.'),
    output: z.array(PolicyElement).default([]).describe('Output: directe, telbare resultaten.'),
    outcome: z.array(PolicyElement).default([]).describe('Outcome: effecten.'),
    impact: z.array(PolicyElement).default([]).describe('Impact: het uiteindelijke maatschappelijke effect.'),
    doelen: z.array(PolicyElement).default([]).describe('Doelen van het beleid.'),
    externe_factoren: z.array(ExternalFactor).default([]).describe('Externe factoren die op het model inwerken.'),
    aannames: z.array(Assumption).default([]).describe('Aannames en mechanismen waarop het model rust.'),
    oordelen: z.array(Judgement).default([]).describe('Evaluatieoordelen die over de keten heen lopen: doeltreffendheid en doelmatigheid.'),
  })
  .describe('Beleidsmodel (Theory of Change) van het onderwijsregiobeleid.');

// ---------- onderzoeksvragen

const SubQuestion = z.strictObject({
  id: Id,
  tekst: Text.describe('De deelvraag.'),
  over: RefList.default([]).describe('Elementen van het beleidsmodel (of DIN) waarover deze deelvraag gaat.'),
  methoden: z.array(z.enum(METHODS)).default([]).describe('Methoden van dataverzameling die de deelvraag beantwoorden.'),
  fasen: z.array(Phase).default([]).describe('Evaluatiefasen waarin de deelvraag beantwoord wordt.'),
  hoort_bij: RefList.optional().describe('Voor deelvragen van de eerste fase: de onderzoeksvragen waaraan ze bijdragen.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Question = z.strictObject({
  id: Id,
  nummer: z.number().int().min(1).optional().describe('Nummer van de onderzoeksvraag (1–7).'),
  tekst: Text.describe('De onderzoeksvraag.'),
  deelvragen: z.array(SubQuestion).default([]).describe('Deelvragen.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

export const OnderzoeksvragenSchema = z
  .strictObject({
    soort: z.literal('onderzoeksvragen').describe('Soort modelbestand.'),
    id: Id,
    naam: Text.describe('Naam van het onderzoek.'),
    bron: Bron.optional(),
    hoofdvraag: z
      .strictObject({ id: Id, tekst: Text.describe('De hoofdvraag.'), bron: Bron.optional() })
      .describe('De hoofdvraag van de evaluatie.'),
    onderzoeksvragen: z.array(Question).default([]).describe('De onderzoeksvragen met hun deelvragen.'),
    eerste_fase: z
      .array(Question)
      .default([])
      .describe('Clusters van deelvragen van de eerste fase (Doelen; Middelen en kaders; Samenwerking en activiteiten).'),
  })
  .describe('Onderzoeksvragen van de evaluatie.');

// ---------- indicatoren

const DataSource = z.strictObject({
  id: Id,
  naam: Text.describe('Naam van de databron.'),
  beheerder: Text.optional().describe('Organisatie die de bron beheert.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Indicator = z.strictObject({
  id: Id,
  naam: Text.describe('Naam van de indicator.'),
  definitie: Text.describe('Definitie, bijv. "tekort in fte / totale werkgelegenheid in fte".'),
  eenheid: Text.describe('Eenheid, bijv. procent, fte, aantal.'),
  databronnen: RefList.default([]).describe('Databronnen (ids uit `databronnen`) waaruit de indicator komt.'),
  meetmomenten: z
    .array(z.union([z.string().min(1), z.number().int()]))
    .default([])
    .describe('Meetmomenten, bijv. 2024, "2025-2" of "per kwartaal".'),
  meet: RefList.default([]).describe('Elementen (beleidsmodel of DIN) die deze indicator meet.'),
  beantwoordt: RefList.default([]).describe('Deelvragen waaraan deze indicator bijdraagt.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

export const IndicatorenSchema = z
  .strictObject({
    soort: z.literal('indicatoren').describe('Soort modelbestand.'),
    bron: Bron.optional(),
    databronnen: z.array(DataSource).default([]).describe('Databronnen waaruit indicatoren komen.'),
    indicatoren: z.array(Indicator).default([]).describe('De indicatoren.'),
  })
  .describe('Indicatoren en databronnen.');

// ---------- regioregister

const Count = z.number().int({ message: 'moet een heel getal zijn' }).nonnegative({ message: 'mag niet negatief zijn' });

const Measurement = z.strictObject({
  indicator: Ref.describe('Id van de indicator.'),
  waarde: z.number().describe('Gemeten waarde, in de eenheid van de indicator.'),
  peiljaar: z.union([z.number().int(), z.string().min(1)]).optional().describe('Jaar of periode van de meting.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Region = z.strictObject({
  id: Id,
  naam: Text.describe('Naam van de onderwijsregio zoals in de bron.'),
  sectoren: z.array(z.enum(SECTORS)).min(1).describe('Sectoren in de regio: po, vo, mbo.'),
  kerncijfers: z
    .strictObject({
      leerlingen_studenten: Count.optional().describe('Aantal leerlingen en studenten.'),
      besturen_po: Count.optional().describe('Aangesloten schoolbesturen po.'),
      besturen_vo: Count.optional().describe('Aangesloten schoolbesturen vo.'),
      mbo_instellingen: Count.optional().describe('Aangesloten mbo-instellingen.'),
      opleiders: Count.optional().describe('Aangesloten opleiders.'),
      mbo_studenten: Count.optional().describe('Aantal mbo-studenten.'),
    })
    .default({})
    .describe('Kerncijfers van de regiokaart.'),
  gemeenten: z.array(Text).default([]).describe('Gemeenten in het verzorgingsgebied.'),
  landelijk: z
    .boolean()
    .default(false)
    .describe("true voor een van de vier landelijke onderwijsregio’s (groen onderwijs, reformatorisch): de geografische criteria gelden niet (seed 000 voetnoot 21, r. 529-530)."),
  thema_case: Text.optional().describe('Themacase op de regiokaart.'),
  metingen: z.array(Measurement).default([]).describe('Waarden van indicatoren voor deze regio.'),
  notitie: Text.optional().describe('Twijfel of eigenaardigheid in de bron; de cijfers zijn niet gecorrigeerd.'),
  bron: Bron.optional(),
});

export const RegioregisterSchema = z
  .strictObject({
    soort: z.literal('regioregister').describe('Soort modelbestand.'),
    bron: Bron.optional(),
    regios: z.array(Region).default([]).describe('De onderwijsregio’s.'),
  })
  .describe('Register van onderwijsregio’s.');

// ---------- din

const Target = z.strictObject({
  indicator: Ref.describe('Indicator waarop de streefwaarde betrekking heeft.'),
  waarde: z.number().describe('Streefwaarde.'),
  jaar: z.number().int().optional().describe('Jaar waarin de streefwaarde gehaald moet zijn.'),
  toelichting: Toelichting.optional(),
  bron: Bron.optional(),
});

const Contribution = z.strictObject({
  doel: Ref.describe('Concreet doel waaraan de inspanning bijdraagt.'),
  // No default: a strength nobody stated is unknown, not 'middel' (issue 15.1).
  sterkte: z
    .enum(STRENGTHS)
    .optional()
    .describe('Sterkte van de bijdrage (zwak, middel of sterk), alleen als de bron haar noemt; zet de woorden van de bron in `toelichting`. Zonder sterkte: sterkte onbekend.'),
  toelichting: Toelichting.optional(),
});

const Sliders = z.strictObject({
  nu: z.enum(COOPERATION_LEVELS).describe('Huidige mate van samenwerking (blauw schuifje).'),
  gewenst: z.enum(COOPERATION_LEVELS).describe('Gewenste mate van samenwerking (groen schuifje).'),
  schaal: z.enum(SCALES).optional().describe('Schaalniveau waarop de activiteit plaatsvindt.'),
});

export const DinSchema = z
  .strictObject({
    soort: z.literal('din').describe('Soort modelbestand.'),
    regio: Ref.describe('Id van de regio in het regioregister.'),
    naam: Text.optional().describe('Titel van dit DIN.'),
    voorbeeld: z.boolean().default(false).describe('true als dit DIN een voorbeeld is, afgeleid uit openbare teksten, en niet het plan van de regio zelf.'),
    toelichting: Toelichting.optional(),
    bron: Bron.optional(),
    ambitie: z
      .strictObject({ id: Id, tekst: Text.describe('De ambitie: het uiteindelijke maatschappelijke effect.'), toelichting: Toelichting.optional(), bron: Bron.optional() })
      .describe('De gedeelde ambitie.'),
    er_doelen: z
      .array(
        z.strictObject({
          id: Id,
          tekst: Text.describe('Richtinggevend doel, vaak een vergrotende trap: beter, sterker, minder, sneller.'),
          draagt_bij_aan: RefList.optional().describe('Standaard de ambitie van dit DIN.'),
          toelichting: Toelichting.optional(),
          bron: Bron.optional(),
        }),
      )
      .default([])
      .describe('ER-doelen.'),
    concrete_doelen: z
      .array(
        z.strictObject({
          id: Id,
          tekst: Text.describe('Merkbaar en meetbaar doel.'),
          draagt_bij_aan: RefList.default([]).describe('ER-doelen waaraan dit doel bijdraagt.'),
          indicatoren: RefList.default([]).describe('Indicatoren die dit doel meetbaar maken.'),
          streefwaarden: z.array(Target).default([]).describe('Streefwaarden, alleen als de bron ze noemt.'),
          toelichting: Toelichting.optional(),
          bron: Bron.optional(),
        }),
      )
      .default([])
      .describe('Concrete doelen.'),
    inspanningen: z
      .array(
        z.strictObject({
          id: Id,
          tekst: Text.describe('De activiteit of het initiatief.'),
          functie: z
            .enum(FUNCTIONS)
            .describe('Kernfunctie: werven, matchen, opleiden, begeleiden, professionaliseren, continuiteit (vervanging, bijv. invalpools: de C van ABC&S) of anders-organiseren.'),
          thema: Text.optional().describe('Thema, bijv. uit Tabel 1 van seed 002 of de publicatiethema’s van seed 004.'),
          activiteit: Ref.optional().describe('Activiteit van het beleidsmodel waarvan dit een uitwerking is.'),
          uitvoerder: Text.default('regio').describe('Wie voert uit: "regio" of de naam van een andere partij (bijv. "UWV", "gemeente").'),
          status: z.enum(EFFORT_STATUSES).default('lopend').describe('Stand van de inspanning.'),
          draagt_bij_aan: z.array(Contribution).default([]).describe('Bijdragen aan concrete doelen.'),
          schuifjes: Sliders.optional().describe('Schuifjesmodel: huidige en gewenste mate van samenwerking.'),
          toelichting: Toelichting.optional(),
          bron: Bron.optional(),
        }),
      )
      .default([])
      .describe('Inspanningen.'),
    databronnen: z.array(DataSource).default([]).describe('Regionale databronnen die alleen dit DIN gebruikt.'),
    indicatoren: z.array(Indicator).default([]).describe('Regionale indicatoren die alleen dit DIN gebruikt (landelijke staan in indicatoren.yaml).'),
  })
  .describe('Doel-Inspanningen Netwerk (DIN) van één regio.');

// ---------- projectie (the shortage projection's defaults, each figure with its bron)

/** The sectors seed 003 projects the shortage for (§1, Figuren 1-2). */
export const PROJECTION_SECTORS = ['po', 'vo'] as const;
const ProjectionSector = z.enum(PROJECTION_SECTORS);

const Figure = z
  .strictObject({
    waarde: z.number().describe('Het getal.'),
    eenheid: Text.describe('Eenheid, bijv. "fte", "procent per jaar", "uur per week".'),
    tekst: Text.optional().describe('Het getal zoals de bron het schrijft, bijv. "1 op de 7".'),
    aanname: z.boolean().default(false).describe('true als de bron dit getal niet geeft en het model het aanneemt (met de reden in `toelichting`).'),
    toelichting: Toelichting.optional(),
    bron: Bron,
  })
  .describe('Een getal met zijn bron.');

export const ProjectieSchema = z
  .strictObject({
    soort: z.literal('projectie').describe('Soort modelbestand.'),
    id: Id,
    naam: Text.describe('Naam van de projectie.'),
    tot_jaar: z.number().int().describe('Laatste jaar van de projectie.'),
    toelichting: Toelichting.optional(),
    bron: Bron.optional(),
    sectoren: z
      .array(
        z.strictObject({
          sector: ProjectionSector.describe('Onderwijssector (po of vo).'),
          basisjaar: Figure.describe('Jaar waarin het tekort gold.'),
          tekort: Figure.describe('Landelijk lerarentekort in fte in het basisjaar.'),
          groei: Figure.describe('Groei van het tekort zonder beleidswijziging, in procent per jaar.'),
        }),
      )
      .min(1)
      .describe('Per sector het tekort en zijn groei zonder beleidswijziging.'),
    kengetallen: z
      .array(Figure.extend({ id: Id, naam: Text.describe('Wat het getal is.'), sector: z.enum(SECTORS).optional().describe('Sector waarvoor het getal geldt.') }))
      .default([])
      .describe('Andere getallen uit de bronnen die de projectie toont (bijv. gemiddelde contractgrootte), met hun bron.'),
  })
  .describe('Standaardwaarden van de tekortprojectie, elk getal met zijn bron.');

// ---------- scenario: projectie parameters (the levers along the three intervention lines)

/** A scenario’s assumption: a number, or {waarde, toelichting, bron}; `value` says what numbers fit. */
const parameter = (value: z.ZodNumber = z.number()) =>
  z
    .union([
      value,
      z.strictObject({
        waarde: value.describe('Het getal.'),
        toelichting: Toelichting.optional(),
        bron: Bron.optional(),
      }),
    ])
    .describe('Een aanname van het scenario: een getal, of {waarde, toelichting, bron}.');
const Positive = parameter(z.number().positive({ message: 'moet groter dan 0 zijn' }));
const NonNegative = parameter(z.number().min(0, { message: 'mag niet negatief zijn' }));
const Percent = parameter(z.number().min(0, { message: 'een percentage ligt tussen 0 en 100' }).max(100, { message: 'een percentage ligt tussen 0 en 100' }));
const Year = z.number().int().describe('Jaar waarin de maatregel ingaat.');

export const ScenarioProjectionSchema = z
  .strictObject({
    sector: ProjectionSector.describe('Onderwijssector van de projectie (po of vo).'),
    regio: Ref.optional().describe('Regio uit het regioregister; zonder regio landelijk.'),
    werkgelegenheid_fte: Positive.optional().describe('Alleen met `regio`: de werkgelegenheid van leraren in de regio in fte (geen seed geeft die per regio).'),
    uren: z
      .strictObject({
        deeltijders: NonNegative.describe('Aantal leraren in deeltijd dat de maatregel bereikt.'),
        aandeel_uitbreiders: Percent.describe('Deel van de deeltijders dat uren uitbreidt, in procent.'),
        extra_uren: NonNegative.describe('Extra uren per week per leraar die uitbreidt.'),
        uren_per_fte: Positive.describe('Uren per week in één fte.'),
        vanaf: Year,
        opbouw_jaren: z.number().int().min(1).default(1).describe('Jaren tot het volle effect (lineaire opbouw); 1 = meteen.'),
      })
      .optional()
      .describe('Interventielijn 1: meer uren van het bestaande lerarenkorps.'),
    zij_instroom: z
      .strictObject({
        extra_per_jaar: NonNegative.describe('Extra zij-instromers per jaar (personen).'),
        fte_per_persoon: NonNegative.describe('Gemiddelde betrekking van een zij-instromer in fte.'),
        behoud: Percent.describe('Deel van de zij-instromers dat elk jaar blijft, in procent.'),
        vanaf: Year,
      })
      .optional()
      .describe('Interventielijn 2: meer en behouden zij-instroom.'),
    instroom_uitstroom: z
      .strictObject({
        extra_instroom_fte: NonNegative.describe('Extra instroom van nieuwe leraren per jaar, in fte.'),
        minder_uitstroom_fte: NonNegative.describe('Voorkomen uitstroom per jaar, in fte.'),
        vanaf: Year,
      })
      .optional()
      .describe('Interventielijn 3: meer instroom en minder uitstroom.'),
  })
  .check((ctx) => {
    // Without a region the employment figure would be silently ignored.
    if (ctx.value.werkgelegenheid_fte !== undefined && ctx.value.regio === undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value.werkgelegenheid_fte, path: ['werkgelegenheid_fte'], message: 'geldt alleen voor een regio: zet er `regio:` bij, of laat het weg voor de landelijke projectie' });
    }
  })
  .describe('Parameters van de tekortprojectie langs de drie interventielijnen (seed 003 §2). Wat de seeds niet geven, is een aanname van dit scenario.');

// ---------- scenario

/**
 * One change of a scenario. A single strict object with the keys of all three forms, so a
 * typo in a key gets a "did you mean"; which form it is, is checked in the refinement
 * (exactly one of `voeg_toe`, `verwijder`, `wijzig`). Added elements are plain groups
 * here: they are checked with the element schema of the list they join when the scenario
 * is applied (src/resolve/overlay.ts), located in the scenario file.
 */
export const ScenarioChange = z
  .strictObject({
    voeg_toe: Text.optional().describe('Voeg elementen toe aan deze lijst (bijv. `inspanningen`, `concrete_doelen`, `deelvragen`) van het model uit `in`.'),
    in: Ref.optional().describe('Bij `voeg_toe`: het model of element waarin de lijst staat: een regio-id (haar DIN), het id van het beleidsmodel of het onderzoek, een onderzoeksvraag, of `indicatoren` / `regioregister`. Standaard: `legt_over`.'),
    elementen: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .optional()
      .describe('Bij `voeg_toe`: de nieuwe elementen, in dezelfde vorm als in het modelbestand (met `id`, `tekst`, `bron`, …).'),
    verwijder: Ref.optional().describe('Verwijder het element met dit id; verwijzingen ernaar (bijdragen, schakels, …) gaan mee.'),
    wijzig: Ref.optional().describe('Wijzig velden van het element met dit id.'),
    velden: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Bij `wijzig`: de velden met hun nieuwe waarde (een veld dat het element niet heeft is een fout; een lijst vervangt de hele lijst).'),
    toelichting: Toelichting.optional().describe('Waarom deze wijziging; noem hier welke waarden een keuze van het scenario zijn en geen feit.'),
    bron: Bron.optional(),
  })
  .superRefine((c, ctx) => {
    const forms = (['voeg_toe', 'verwijder', 'wijzig'] as const).filter((k) => c[k] !== undefined);
    if (forms.length !== 1) {
      // At the second form's key, so the message quotes one line; without any form, at the wijziging.
      ctx.addIssue({ code: 'custom', message: `een wijziging heeft precies één van \`voeg_toe\`, \`verwijder\` of \`wijzig\`${forms.length ? ` (hier: ${forms.map((f) => `\`${f}\``).join(', ')})` : ''}`, path: forms.length > 1 ? [forms[1]!] : [] });
      return;
    }
    const need = (key: 'elementen' | 'velden', form: string) => ctx.addIssue({ code: 'custom', message: `\`${form}\` heeft \`${key}:\` nodig`, path: [form] });
    const stray = (key: string, form: string) => ctx.addIssue({ code: 'custom', message: `\`${key}\` hoort niet bij \`${form}\``, path: [key] });
    if (c.voeg_toe !== undefined) {
      if (!c.elementen) need('elementen', 'voeg_toe');
      if (c.velden) stray('velden', 'voeg_toe');
    } else {
      if (c.elementen) stray('elementen', c.wijzig !== undefined ? 'wijzig' : 'verwijder');
      if (c.in) stray('in', c.wijzig !== undefined ? 'wijzig' : 'verwijder');
      if (c.wijzig !== undefined && !c.velden) need('velden', 'wijzig');
      if (c.verwijder !== undefined && c.velden) stray('velden', 'verwijder');
    }
  })
  .describe('Eén wijziging: `voeg_toe` (met `elementen`, eventueel `in`), `verwijder` (een id) of `wijzig` (een id, met `velden`).');
export type ScenarioChange = z.output<typeof ScenarioChange>;

export const ScenarioSchema = z
  .strictObject({
    soort: z.literal('scenario').describe('Soort modelbestand.'),
    id: Id,
    naam: Text.describe('Naam van het scenario.'),
    legt_over: Text.describe('Model waarover dit scenario heen gelegd wordt (id van een regio, het beleidsmodel, …); ook waar `voeg_toe` standaard toevoegt.'),
    bouwt_op: Ref.optional().describe('Id van een ander scenario dat eerst wordt toegepast; dit scenario komt erbovenop.'),
    toelichting: Toelichting.optional(),
    bron: Bron.optional(),
    wijzigingen: z
      .array(ScenarioChange)
      .default([])
      .describe('De wijzigingen, in volgorde toegepast op de modellen (de modelbestanden zelf veranderen nooit).'),
    projectie: ScenarioProjectionSchema.optional().describe('Hefbomen voor `tocdin projectie`: wat het scenario aanneemt over de drie interventielijnen.'),
  })
  .describe('Wat-als-scenario: wijzigingen die over de modellen heen gelegd worden (toevoegen, verwijderen, wijzigen), eventueel bovenop een ander scenario.');

// ---------- bewijs (the register of findings)

const TestedLink = z
  .strictObject({
    van: Ref.describe('Het element van het beleidsmodel waar de schakel begint.'),
    naar: Ref.describe('Het element waartoe de schakel leidt (`leidt_tot` van `van`).'),
  })
  .describe('Een causale schakel van het beleidsmodel: van → naar moet een `leidt_tot` van het beleidsmodel zijn.');

const TestedContribution = z
  .strictObject({
    inspanning: Ref.describe('De inspanning van een DIN.'),
    doel: Ref.describe('Het concrete doel waaraan de inspanning volgens haar DIN bijdraagt (`draagt_bij_aan`).'),
  })
  .describe('Een bijdrage in een DIN: de inspanning moet in haar DIN aan dit doel bijdragen.');

const Finding = z.strictObject({
  id: Id,
  tekst: Text.describe('De bevinding, in de woorden van de bron.'),
  methode: z.enum(METHODS).describe('De methode waarmee de bevinding verzameld is (dezelfde lijst als de `methoden` van een deelvraag).'),
  fase: Phase.describe('De evaluatiefase (rapportage) waarin de bevinding gedaan is, bijv. "2025-1".'),
  regios: RefList.default([]).describe("Regio’s (ids uit het regioregister) waarover de bevinding gaat; leeg: landelijk."),
  beantwoordt: RefList.default([]).describe('Deelvragen (ids uit de onderzoeksvragen) die de bevinding (deels) beantwoordt.'),
  toetst: z
    .strictObject({
      schakels: z.array(TestedLink).default([]).describe('Causale schakels van het beleidsmodel die de bevinding toetst.'),
      aannames: RefList.default([]).describe('Aannames van het beleidsmodel die de bevinding toetst.'),
      bijdragen: z.array(TestedContribution).default([]).describe('Bijdragen van inspanningen aan concrete doelen (DIN) die de bevinding toetst.'),
    })
    .default({ schakels: [], aannames: [], bijdragen: [] })
    .describe('Waarop de bevinding betrekking heeft: schakels, aannames en bijdragen.'),
  richting: z.enum(DIRECTIONS).describe('Wat de bevinding zegt over wat ze toetst: ondersteunt, weerlegt, gemengd of geen-uitspraak.'),
  sterkte: z.enum(STRENGTHS).describe('Hoe sterk het bewijs is (zwak, middel, sterk); de reden in `toelichting`.'),
  toelichting: Text.describe('Waarom deze sterkte: de voorbehouden van de bron (bijv. "eerste indrukken", "relatieve nulmeting").'),
  omvang: Text.optional().describe('Omvang van het bewijs, bijv. "26 interviews" of "50 plannen van aanpak".'),
  bron: Bron.describe('Bronvermelding: seed-bestand, paragraaf en regels.'),
});

export const BewijsSchema = z
  .strictObject({
    soort: z.literal('bewijs').describe('Soort modelbestand.'),
    id: Id,
    naam: Text.describe('Naam van het register, bijv. de rapportage waaruit de bevindingen komen.'),
    fase: Phase.optional().describe('De fase van de rapportage waaruit dit register komt; een bevinding uit een latere fase is een waarschuwing. Zonder `fase`: de laatste fase van de onderzoeksvragen.'),
    toelichting: Toelichting.optional(),
    bron: Bron.optional(),
    bevindingen: z.array(Finding).default([]).describe('De bevindingen.'),
  })
  .describe('Register van bevindingen (bewijs) van de evaluatie: wat is gevonden, met welke methode, hoe sterk, en wat het toetst.');

export const KIND_SCHEMAS = {
  beleidsmodel: BeleidsmodelSchema,
  onderzoeksvragen: OnderzoeksvragenSchema,
  indicatoren: IndicatorenSchema,
  regioregister: RegioregisterSchema,
  din: DinSchema,
  scenario: ScenarioSchema,
  bewijs: BewijsSchema,
  projectie: ProjectieSchema,
} as const;

export type Kind = keyof typeof KIND_SCHEMAS;
export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];

export type Beleidsmodel = z.output<typeof BeleidsmodelSchema>;
export type Onderzoeksvragen = z.output<typeof OnderzoeksvragenSchema>;
export type Indicatoren = z.output<typeof IndicatorenSchema>;
export type Regioregister = z.output<typeof RegioregisterSchema>;
export type Din = z.output<typeof DinSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Bewijs = z.output<typeof BewijsSchema>;
export type Projectie = z.output<typeof ProjectieSchema>;
export type ScenarioProjection = z.output<typeof ScenarioProjectionSchema>;

export type ModelOf<K extends Kind> = z.output<(typeof KIND_SCHEMAS)[K]>;
