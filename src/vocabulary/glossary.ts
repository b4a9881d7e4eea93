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
  | 'scenario';

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
  | 'legt-over';

export interface GlossaryEntry {
  term: string;
  yaml: string;
  type: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'soort', yaml: 'soort', type: 'Kind', meaning: 'Soort modelbestand: beleidsmodel, onderzoeksvragen, indicatoren, regioregister, din of scenario.' },
  { term: 'beleidsmodel', yaml: 'soort: beleidsmodel', type: "Beleidsmodel / ElementType 'beleidsmodel'", meaning: 'Theory of Change van het onderwijsregiobeleid.' },
  { term: 'input (middelen en kaders)', yaml: 'input', type: "Stage 'input' / ElementType 'input'", meaning: 'Middelen en kaders, bijv. subsidieverstrekking.' },
  { term: 'activiteiten', yaml: 'activiteiten', type: "Stage 'activiteiten' / ElementType 'activiteit'", meaning: "Wat regio's doen, bijv. gezamenlijk werven." },
  { term: 'output', yaml: 'output', type: "Stage 'output' / ElementType 'output'", meaning: 'Directe, telbare resultaten.' },
  { term: 'outcome', yaml: 'outcome', type: "Stage 'outcome' / ElementType 'outcome'", meaning: 'Effecten van de output.' },
  { term: 'impact', yaml: 'impact', type: "Stage 'impact' / ElementType 'impact'", meaning: 'Uiteindelijk maatschappelijk effect.' },
  { term: 'doelen', yaml: 'doelen', type: "ElementType 'doel'", meaning: 'Doelen van het beleid (primair doel).' },
  { term: 'externe factoren', yaml: 'externe_factoren', type: "ElementType 'externe-factor'", meaning: 'Invloeden van buiten het beleid: regionale context, overige regelingen, economie.' },
  { term: 'aannames', yaml: 'aannames', type: "ElementType 'aanname'", meaning: 'Veronderstelde mechanismen waarop een causale schakel rust.' },
  { term: 'leidt tot', yaml: 'leidt_tot', type: "EdgeKind 'leidt-tot'", meaning: 'Causale schakel naar de volgende stap.' },
  { term: 'doeltreffendheid / doelmatigheid', yaml: 'oordelen', type: "ElementType 'oordeel'", meaning: 'Evaluatieoordelen: effectiviteit (outcome t.o.v. doelen) en efficiëntie (resultaten t.o.v. middelen).' },
  { term: 'onderzoeksvragen', yaml: 'soort: onderzoeksvragen', type: "Onderzoeksvragen / ElementType 'onderzoeksvraag'", meaning: 'De zeven onderzoeksvragen van de evaluatie.' },
  { term: 'hoofdvraag', yaml: 'hoofdvraag', type: "ElementType 'hoofdvraag'", meaning: 'De centrale vraag van de evaluatie.' },
  { term: 'deelvragen', yaml: 'deelvragen', type: "ElementType 'deelvraag'", meaning: 'Deelvragen per onderzoeksvraag; de eenheid van dekking.' },
  { term: 'eerste fase', yaml: 'eerste_fase', type: "ElementType 'vraagcluster'", meaning: 'Clusters deelvragen van de eerste tussenrapportage.' },
  { term: 'methoden / fasen', yaml: 'methoden, fasen', type: 'METHODS / Phase', meaning: 'Hoe en wanneer een deelvraag beantwoord wordt.' },
  { term: 'indicatoren', yaml: 'soort: indicatoren, indicatoren', type: "ElementType 'indicator'", meaning: 'Meetbare grootheden met definitie, eenheid, databron en meetmomenten.' },
  { term: 'databronnen', yaml: 'databronnen', type: "ElementType 'databron'", meaning: 'Waar de cijfers van een indicator vandaan komen (DUO, Centerdata, …).' },
  { term: 'meet / beantwoordt', yaml: 'meet, beantwoordt', type: "EdgeKind 'meet' / 'beantwoordt'", meaning: 'Indicator meet een element; indicator draagt bij aan een deelvraag.' },
  { term: 'dekking: gedekt / deels / gat', yaml: '(analyse) status', type: 'CoverageStatus', meaning: 'Of een deelvraag met bewijs beantwoord kan worden.' },
  { term: 'regioregister', yaml: 'soort: regioregister', type: "Regioregister / ElementType 'regio'", meaning: "De onderwijsregio's met kerncijfers en gemeenten." },
  { term: 'kerncijfers / metingen', yaml: 'kerncijfers, metingen', type: 'Region.kerncijfers / Measurement', meaning: 'Cijfers van de regiokaart en waarden van indicatoren per regio.' },
  { term: 'DIN (Doel-Inspanningen Netwerk)', yaml: 'soort: din', type: 'Din', meaning: 'Netwerk van ambitie, ER-doelen, concrete doelen en inspanningen van één regio.' },
  { term: 'ambitie', yaml: 'ambitie', type: "ElementType 'ambitie'", meaning: 'Het uiteindelijke maatschappelijke effect dat de partners willen.' },
  { term: 'ER-doelen', yaml: 'er_doelen', type: "ElementType 'er-doel'", meaning: 'Richtinggevende doelen: beter, sterker, minder, sneller.' },
  { term: 'concrete doelen', yaml: 'concrete_doelen', type: "ElementType 'concreet-doel'", meaning: 'Merkbare en meetbare doelen.' },
  { term: 'streefwaarden', yaml: 'streefwaarden', type: 'Target', meaning: 'Te halen waarde van een indicator.' },
  { term: 'inspanningen', yaml: 'inspanningen', type: "ElementType 'inspanning'", meaning: 'Activiteiten en initiatieven, ook van andere partijen.' },
  { term: 'draagt bij aan', yaml: 'draagt_bij_aan', type: "EdgeKind 'draagt-bij'", meaning: 'Bijdrage naar het niveau erboven, met sterkte zwak/middel/sterk.' },
  { term: 'functie', yaml: 'functie', type: 'Func', meaning: 'Kernfunctie: werven, matchen, opleiden, begeleiden, professionaliseren, anders-organiseren.' },
  { term: 'uitvoerder', yaml: 'uitvoerder', type: 'string', meaning: '"regio" of de andere partij die de inspanning uitvoert.' },
  { term: 'schuifjes (nu / gewenst)', yaml: 'schuifjes', type: 'Sliders / CooperationLevel', meaning: 'Huidige en gewenste mate van samenwerking: niet-handelen … integreren.' },
  { term: 'scenario', yaml: 'soort: scenario', type: "Scenario / ElementType 'scenario'", meaning: 'Wat-als-overlay op een model.' },
  { term: 'bron', yaml: 'bron', type: 'string', meaning: 'Bronvermelding: seed-bestand en paragraaf.' },
  { term: 'diagnose', yaml: '—', type: 'Diagnostic', meaning: 'Melding met bestand, regel, kolom, ernst, code en hint.' },
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
};
