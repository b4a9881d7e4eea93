/**
 * The one glossary: each Dutch domain term, the code type that represents it, and what it
 * means. Code identifiers are English; YAML keys, messages and labels are Dutch. The README
 * table is generated from this list (`tocdin begrippen`), so it cannot drift.
 */
export type ElementType =
  | 'beleidsmodel'
  | 'input'
  | 'activiteit'
  | 'output'
  | 'outcome'
  | 'impact'
  | 'doel'
  | 'externe-factor'
  | 'aanname'
  | 'oordeel'
  | 'onderzoek'
  | 'hoofdvraag'
  | 'onderzoeksvraag'
  | 'vraagcluster'
  | 'deelvraag'
  | 'databron'
  | 'indicator'
  | 'regio'
  | 'ambitie'
  | 'er-doel'
  | 'concreet-doel'
  | 'inspanning'
  | 'scenario'
  | 'bewijsregister'
  | 'bevinding'
  | 'projectie';

export type EdgeKind =
  | 'leidt-tot'
  | 'beinvloedt'
  | 'onderbouwt'
  | 'oordeel-van'
  | 'oordeel-naar'
  | 'draagt-bij'
  | 'instantieert'
  | 'meet'
  | 'beantwoordt'
  | 'gaat-over'
  | 'deel-van'
  | 'hoort-bij'
  | 'uit-bron'
  | 'voert-uit'
  | 'legt-over'
  | 'toetst'
  | 'bewijst';

export interface GlossaryEntry {
  term: string;
  yaml: string;
  type: string;
  /** The one English word used for the term in code identifiers (camelCase parts). */
  english: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'soort', yaml: 'soort', type: 'Kind', english: 'kind', meaning: 'Soort modelbestand: beleidsmodel, onderzoeksvragen, indicatoren, regioregister, din, scenario, bewijs of projectie.' },
  { term: 'beleidsmodel', yaml: 'soort: beleidsmodel', type: "Beleidsmodel / ElementType 'beleidsmodel'", english: 'policyModel', meaning: 'Theory of Change van het onderwijsregiobeleid.' },
  { term: 'input (middelen en kaders)', yaml: 'input', type: "Stage 'input' / ElementType 'input'", english: 'input', meaning: 'Middelen en kaders, bijv. subsidieverstrekking.' },
  { term: 'activiteiten', yaml: 'activiteiten', type: "Stage 'activiteiten' / ElementType 'activiteit'", english: 'activity', meaning: "Wat regio’s doen, bijv. gezamenlijk werven." },
  { term: 'output', yaml: 'output', type: "Stage 'output' / ElementType 'output'", english: 'output', meaning: 'Directe, telbare resultaten.' },
  { term: 'outcome', yaml: 'outcome', type: "Stage 'outcome' / ElementType 'outcome'", english: 'outcome', meaning: 'Effecten van de output.' },
  { term: 'impact', yaml: 'impact', type: "Stage 'impact' / ElementType 'impact'", english: 'impact', meaning: 'Uiteindelijk maatschappelijk effect.' },
  { term: 'doelen', yaml: 'doelen', type: "ElementType 'doel'", english: 'goal', meaning: 'Doelen van het beleid (primair doel).' },
  { term: 'externe factoren', yaml: 'externe_factoren', type: "ElementType 'externe-factor'", english: 'externalFactor', meaning: 'Invloeden van buiten het beleid: regionale context, overige regelingen, economie.' },
  { term: 'aannames', yaml: 'aannames', type: "ElementType 'aanname'", english: 'assumption', meaning: 'Veronderstelde mechanismen waarop een causale schakel rust.' },
  { term: 'leidt tot', yaml: 'leidt_tot', type: "EdgeKind 'leidt-tot'", english: 'leadsTo', meaning: 'Causale schakel naar de volgende stap.' },
  { term: 'doeltreffendheid / doelmatigheid', yaml: 'oordelen', type: "ElementType 'oordeel'", english: 'judgement', meaning: 'Evaluatieoordelen: effectiviteit (outcome t.o.v. doelen) en efficiëntie (resultaten t.o.v. middelen).' },
  { term: 'onderzoeksvragen', yaml: 'soort: onderzoeksvragen', type: "Onderzoeksvragen / ElementType 'onderzoeksvraag'", english: 'question', meaning: 'De zeven onderzoeksvragen van de evaluatie.' },
  { term: 'hoofdvraag', yaml: 'hoofdvraag', type: "ElementType 'hoofdvraag'", english: 'mainQuestion', meaning: 'De centrale vraag van de evaluatie.' },
  { term: 'deelvragen', yaml: 'deelvragen', type: "ElementType 'deelvraag'", english: 'subquestion', meaning: 'Deelvragen per onderzoeksvraag; de eenheid van dekking.' },
  { term: 'eerste fase', yaml: 'eerste_fase', type: "ElementType 'vraagcluster'", english: 'cluster', meaning: 'Clusters deelvragen van de eerste tussenrapportage.' },
  { term: 'methoden / fasen', yaml: 'methoden, fasen', type: 'METHODS / Phase', english: 'method / phase', meaning: 'Hoe en wanneer een deelvraag beantwoord wordt.' },
  { term: 'indicatoren', yaml: 'soort: indicatoren, indicatoren', type: "ElementType 'indicator'", english: 'indicator', meaning: 'Meetbare grootheden met definitie, eenheid, databron en meetmomenten.' },
  { term: 'databronnen', yaml: 'databronnen', type: "ElementType 'databron'", english: 'source', meaning: 'Waar de cijfers van een indicator vandaan komen (DUO, Centerdata, …).' },
  { term: 'meet / beantwoordt', yaml: 'meet, beantwoordt', type: "EdgeKind 'meet' / 'beantwoordt'", english: 'measures / answers', meaning: 'Indicator meet een element; indicator draagt bij aan een deelvraag.' },
  { term: 'dekking: gedekt / deels / gat', yaml: '(analyse) status', type: 'CoverageStatus', english: 'coverage', meaning: 'Of een deelvraag met bewijs beantwoord kan worden.' },
  { term: 'regioregister', yaml: 'soort: regioregister', type: "Regioregister / ElementType 'regio'", english: 'register', meaning: "De onderwijsregio’s met kerncijfers en gemeenten." },
  { term: 'kerncijfers / metingen', yaml: 'kerncijfers, metingen', type: 'Region.kerncijfers / Measurement', english: 'keyFigures / measurement', meaning: 'Cijfers van de regiokaart en waarden van indicatoren per regio.' },
  { term: 'DIN (Doel-Inspanningen Netwerk)', yaml: 'soort: din', type: 'Din', english: 'din', meaning: 'Netwerk van ambitie, ER-doelen, concrete doelen en inspanningen van één regio.' },
  { term: 'ambitie', yaml: 'ambitie', type: "ElementType 'ambitie'", english: 'ambition', meaning: 'Het uiteindelijke maatschappelijke effect dat de partners willen.' },
  { term: 'ER-doelen', yaml: 'er_doelen', type: "ElementType 'er-doel'", english: 'erGoal', meaning: 'Richtinggevende doelen: beter, sterker, minder, sneller.' },
  { term: 'concrete doelen', yaml: 'concrete_doelen', type: "ElementType 'concreet-doel'", english: 'concreteGoal', meaning: 'Merkbare en meetbare doelen.' },
  { term: 'streefwaarden', yaml: 'streefwaarden', type: 'Target', english: 'target', meaning: 'Te halen waarde van een indicator.' },
  { term: 'inspanningen', yaml: 'inspanningen', type: "ElementType 'inspanning'", english: 'effort', meaning: 'Activiteiten en initiatieven, ook van andere partijen.' },
  { term: 'draagt bij aan', yaml: 'draagt_bij_aan', type: "EdgeKind 'draagt-bij'", english: 'contribution', meaning: 'Bijdrage naar het niveau erboven; een inspanning met sterkte zwak/middel/sterk alleen als de bron die noemt, anders sterkte onbekend.' },
  { term: 'functie', yaml: 'functie', type: 'Func', english: 'func', meaning: 'Kernfunctie: werven, matchen, opleiden, begeleiden, professionaliseren, continuïteit (`continuiteit`: vervanging, bijv. invalpools; de C van ABC&S), anders-organiseren.' },
  { term: 'uitvoerder', yaml: 'uitvoerder', type: 'string', english: 'executor', meaning: '"regio" of de andere partij die de inspanning uitvoert.' },
  { term: 'schuifjes (nu / gewenst)', yaml: 'schuifjes', type: 'Sliders / CooperationLevel', english: 'sliders', meaning: 'Huidige en gewenste mate van samenwerking: niet-handelen … integreren.' },
  { term: 'scenario', yaml: 'soort: scenario', type: "Scenario / ElementType 'scenario'", english: 'scenario', meaning: 'Wat-als: wijzigingen die over de modellen heen gelegd worden (`--scenario ID`); de modelbestanden zelf veranderen nooit.' },
  { term: 'overlay (legt over)', yaml: 'legt_over', type: 'overlayScenarios / OverlayOutcome', english: 'overlay', meaning: 'Een scenario toepassen op kopieën van de gecontroleerde modellen, vóór het oplossen van verwijzingen; `legt_over` noemt het model waar het over gaat.' },
  { term: 'wijziging (voeg_toe / verwijder / wijzig)', yaml: 'wijzigingen', type: 'ScenarioChange', english: 'change', meaning: 'Eén stap van een scenario: elementen toevoegen aan een lijst, een element verwijderen (met de verwijzingen ernaar) of velden van een element wijzigen.' },
  { term: 'bouwt op', yaml: 'bouwt_op', type: 'ScenarioEffect.chain', english: 'chain', meaning: 'Het scenario dat eerst wordt toegepast; dit scenario komt erbovenop.' },
  { term: 'vergelijking (voor → na)', yaml: '(vergelijk) voor, na', type: 'Comparison', english: 'comparison', meaning: 'Wat een scenario verandert aan dekking, gaten, hefboompunten, weesenergie, schuifjes en meldingen (`tocdin vergelijk`).' },
  { term: 'projectie (tekortprojectie)', yaml: 'soort: projectie; scenario: projectie', type: "Projectie / ElementType 'projectie' / Projection", english: 'projection', meaning: 'Het landelijke lerarentekort in fte per jaar tot 2030, zonder beleidswijziging en met de hefbomen van een scenario (seed 003 §1-2).' },
  { term: 'tekort (lerarentekort)', yaml: 'tekort', type: 'Projection.jaren[].basis', english: 'shortage', meaning: 'Het lerarentekort in fte.' },
  { term: 'zonder beleidswijziging (basislijn)', yaml: '(projectie) basis', type: 'ProjectionYear.basis', english: 'baseline', meaning: 'Het tekort als het groeit met de groei uit de bron.' },
  { term: 'interventielijn', yaml: 'uren, zij_instroom, instroom_uitstroom', type: 'InterventionLine', english: 'interventionLine', meaning: 'Een van de drie interventiepakketten van seed 003 §2: meer uren van het bestaande lerarenkorps; meer en behouden zij-instroom; meer instroom en minder uitstroom.' },
  { term: 'deeltijders / urenuitbreiding', yaml: 'deeltijders, aandeel_uitbreiders, extra_uren', type: 'ScenarioProjection.uren', english: 'partTimer / hoursExpansion', meaning: 'Leraren in deeltijd en het deel dat uren uitbreidt (proeftuin Het Potentieel Pakken: 25 %).' },
  { term: 'zij-instroom', yaml: 'zij_instroom', type: 'ScenarioProjection.zij_instroom', english: 'lateralEntry', meaning: 'Leraren die uit een ander beroep het onderwijs in komen.' },
  { term: 'instroom / uitstroom', yaml: 'instroom_uitstroom', type: 'ScenarioProjection.instroom_uitstroom', english: 'inflow / outflow', meaning: 'Nieuwe leraren die beginnen en leraren die het onderwijs verlaten.' },
  { term: 'kengetal', yaml: 'kengetallen', type: 'FigureOut', english: 'figure', meaning: 'Een getal uit een bron dat de projectie toont, met zijn bron.' },
  { term: 'bron', yaml: 'bron', type: 'string', english: 'bron', meaning: 'Bronvermelding: seed-bestand en paragraaf.' },
  { term: 'hefboom(punt)', yaml: '(analyse) hefboom_inspanningen, hefboom_doelen', type: 'Din.hefboom_*', english: 'lever', meaning: 'Een inspanning of concreet doel dat via meerdere lijnen aan het DIN bijdraagt; het gewicht telt de lijnen (sterkte onbekend telt als 1).' },
  { term: 'weesenergie', yaml: '(analyse) weesenergie', type: 'Din.weesenergie', english: 'orphanEffort', meaning: 'Een inspanning die geen ambitie bereikt: energie zonder doel.' },
  { term: 'muur(poster)', yaml: '—', type: 'WallPoster', english: 'wall', meaning: 'Een diagram op A3-vellen om aan elkaar te plakken, op 2 meter leesbaar.' },
  { term: 'papier(formaat)', yaml: '—', type: 'Paper', english: 'paper', meaning: 'A4 of A3, liggend of staand, gekozen per diagram.' },
  { term: 'bewijs(register)', yaml: 'soort: bewijs', type: "Bewijs / ElementType 'bewijsregister'", english: 'evidence', meaning: 'Register van bevindingen van de evaluatie: wat gevonden is, met welke methode, hoe sterk en wat het toetst.' },
  { term: 'bevinding', yaml: 'bevindingen', type: "ElementType 'bevinding'", english: 'finding', meaning: 'Eén bevinding: tekst, methode, fase, richting (ondersteunt, weerlegt, gemengd, geen-uitspraak) en sterkte (zwak, middel, sterk) met reden.' },
  { term: 'toetst / schakel', yaml: 'toetst: schakels, aannames, bijdragen', type: "EdgeKind 'toetst' / Link", english: 'tests / link', meaning: 'Waarop een bevinding betrekking heeft: een causale schakel (van → naar), een aanname of een bijdrage van een inspanning.' },
  { term: 'richting', yaml: 'richting', type: 'Direction', english: 'direction', meaning: 'Wat een bevinding zegt: ondersteunt, weerlegt, gemengd of geen-uitspraak.' },
  { term: 'stand (van het bewijs)', yaml: '(bewijs) stand', type: 'EvidenceState', english: 'state', meaning: 'Hoe ver een deelvraag beantwoord is: geen, mager, voldoende, sterk of tegenstrijdig (de regeltabel in src/analyse/evidence.ts).' },
  { term: 'oordeel (over een schakel)', yaml: '(bewijs) oordeel', type: 'LinkVerdict', english: 'verdict', meaning: 'Contributieanalyse: ongetoetst, zwak, matig, sterk of betwist, per schakel en aanname; een pad is zo sterk als zijn zwakste schakel.' },
  { term: 'zwakste schakel', yaml: '(bewijs) zwakste', type: 'weakest', english: 'weakest', meaning: 'De schakel met het laagste oordeel op een pad van activiteit naar impact.' },
  { term: 'bewijskaart (evidence gap map)', yaml: '—', type: 'GapMap', english: 'gapMap', meaning: 'Tabel van deelvragen tegen methoden (en fasen): per cel het aantal bevindingen en de sterkste sterkte; lege cellen zijn gaten.' },
  { term: 'regio', yaml: 'regio', type: "ElementType 'regio'", english: 'region', meaning: 'Een onderwijsregio uit het register.' },
  { term: 'diagnose', yaml: '—', type: 'Diagnostic', english: 'diagnostic', meaning: 'Melding met bestand, regel, kolom, ernst, code en hint.' },
];

/** Dutch display names of element types, for messages and labels. */
export const ELEMENT_TYPE_LABEL: Record<ElementType, string> = {
  beleidsmodel: 'beleidsmodel',
  input: 'input',
  activiteit: 'activiteit',
  output: 'output',
  outcome: 'outcome',
  impact: 'impact',
  doel: 'doel',
  'externe-factor': 'externe factor',
  aanname: 'aanname',
  oordeel: 'oordeel',
  onderzoek: 'onderzoek',
  hoofdvraag: 'hoofdvraag',
  onderzoeksvraag: 'onderzoeksvraag',
  vraagcluster: 'vraagcluster',
  deelvraag: 'deelvraag',
  databron: 'databron',
  indicator: 'indicator',
  regio: 'regio',
  ambitie: 'ambitie',
  'er-doel': 'ER-doel',
  'concreet-doel': 'concreet doel',
  inspanning: 'inspanning',
  scenario: 'scenario',
  bewijsregister: 'bewijsregister',
  bevinding: 'bevinding',
  projectie: 'projectie',
};
