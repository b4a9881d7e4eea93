/**
 * Every diagnostic code tocdin can report, in one table: its severity, the stage that
 * reports it, a Dutch summary and a general hint. The `DiagnosticCode` type, the check that
 * every code has a fixture, and the reference page `docs/meldingen.md` (`tocdin meldingen`)
 * all come from here, so a code cannot exist in one place and be missing in another.
 * Codes are stable: users and their CI scripts rely on them.
 */
import type { Severity } from './diagnostic.js';

export interface CodeSpec {
  severity: Severity;
  /** The stage that reports it; `gebruik` = a usage or I/O problem (exit 2). */
  stage: 'read' | 'validate' | 'resolve' | 'scenario' | 'lint' | 'gebruik';
  summary: string;
  hint: string;
}

export const DIAGNOSTIC_CODES = {
  // ---- paths and files (exit 2)
  'pad-onbekend': { severity: 'error', stage: 'gebruik', summary: 'Een opgegeven pad bestaat niet.', hint: 'Controleer de spelling; standaard leest tocdin de mappen models en scenarios.' },
  'pad-onleesbaar': { severity: 'error', stage: 'gebruik', summary: 'Een bestand of map kan niet gelezen worden (rechten, of geen gewoon bestand).', hint: 'Controleer de rechten; geef alleen gewone .yaml-bestanden en mappen op.' },
  'geen-modellen': { severity: 'error', stage: 'gebruik', summary: 'Een map bevat geen .yaml- of .yml-bestanden.', hint: 'Maak een model aan, bijv. met `npx tocdin init-regio <regio-id>`.' },
  'link-buiten-map': { severity: 'error', stage: 'gebruik', summary: 'Een symbolische link in een modelmap wijst naar een plek buiten die map.', hint: 'Kopieer het bestand in de map of geef het andere pad zelf op.' },
  'link-hangt': { severity: 'error', stage: 'gebruik', summary: 'Een symbolische link wijst naar iets dat niet bestaat.', hint: 'Herstel de link of verwijder hem.' },
  'link-lus': { severity: 'error', stage: 'gebruik', summary: 'Symbolische links wijzen (via elkaar) naar zichzelf.', hint: 'Verwijder de link of laat hem naar een bestand of map wijzen.' },
  // ---- workbooks (tocdin import)
  'werkboek-onleesbaar': { severity: 'error', stage: 'gebruik', summary: 'Het bestand is geen leesbaar XLSX-werkboek: beschadigd, een oud .xls-bestand, of een ander bestand (bijv. een CSV) met de naam .xlsx.', hint: 'Open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx).' },
  'werkboek-beveiligd': { severity: 'error', stage: 'gebruik', summary: 'Het werkboek is met een wachtwoord versleuteld; tocdin kan het niet lezen.', hint: 'Haal het wachtwoord eraf (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op.' },
  'werkboek-onbekend': { severity: 'error', stage: 'gebruik', summary: 'Het werkboek is geen DIN-werkboek van tocdin (de tabbladen DIN en Inspanningen ontbreken).', hint: 'Begin met `npx tocdin export --sjabloon --regio <regio-id>` en vul dat werkboek in.' },
  // ---- reading YAML
  'bestand-leeg': { severity: 'error', stage: 'read', summary: 'Het bestand bevat geen model.', hint: 'Begin met een regel `soort: …`.' },
  'bestand-binair': { severity: 'error', stage: 'read', summary: 'Het bestand is geen tekst (NUL-bytes of ongeldige UTF-8).', hint: 'Sla het model op als UTF-8-tekst.' },
  'bestand-te-groot': { severity: 'error', stage: 'read', summary: 'Het bestand is groter dan 5 MB; een model is veel kleiner.', hint: 'Splits het model of controleer of dit het goede bestand is.' },
  'regeleinden-mac': { severity: 'warning', stage: 'read', summary: 'Het bestand gebruikt oude Mac-regeleinden (CR); tocdin leest ze als gewone regeleinden.', hint: 'Sla het bestand op met LF-regeleinden.' },
  'yaml-syntaxis': { severity: 'error', stage: 'read', summary: 'De YAML is niet geldig.', hint: 'Kijk naar inspringen, aanhalingstekens en dubbele punten op de aangewezen plek.' },
  'yaml-waarschuwing': { severity: 'error', stage: 'read', summary: 'De YAML-lezer waarschuwt; in een model verandert dat stil een waarde, dus het is een fout.', hint: 'Volg de aanwijzing in de melding.' },
  'yaml-versie': { severity: 'error', stage: 'read', summary: 'Een `%YAML 1.1`-regel (of een herhaalde %YAML-regel); tocdin leest YAML 1.2.', hint: 'Verwijder de %YAML-regel.' },
  'yaml-tag': { severity: 'error', stage: 'read', summary: 'Een expliciete tag (`!!…`, `!…`); modellen gebruiken alleen gewone waarden.', hint: 'Verwijder de tag.' },
  'yaml-merge': { severity: 'error', stage: 'read', summary: 'Een merge-sleutel (`<<`); die verbergt waar een waarde vandaan komt.', hint: 'Schrijf de velden uit.' },
  'yaml-meerdere-documenten': { severity: 'error', stage: 'read', summary: 'Het bestand bevat meer dan één YAML-document.', hint: 'Zet elk model in een eigen bestand.' },
  'yaml-alias-bom': { severity: 'error', stage: 'read', summary: 'Aliassen (`*naam`) die uitdijen tot een enorme waarde.', hint: 'Schrijf de waarden uit in plaats van ze via aliassen te herhalen.' },
  'werkboek-kolom': { severity: 'error', stage: 'read', summary: 'Een kolom die tocdin nodig heeft ontbreekt in een tabblad van het DIN-werkboek (kop hernoemd of verwijderd), of een kolomkop staat er twee keer; dat tabblad wordt niet gelezen.', hint: 'Zet de kolomkop terug zoals in het sjabloon (kolommen mogen wel van plaats wisselen); de melding noemt de verwachte koppen.' },
  'werkboek-rij': { severity: 'error', stage: 'read', summary: 'Een rij in het DIN-werkboek die tocdin nergens kan plaatsen (een tweede ambitie, een tweede rij schuifjes voor dezelfde inspanning).', hint: 'Voeg de rijen samen of verwijder er één.' },
  'werkboek-genegeerd': { severity: 'warning', stage: 'read', summary: 'Een cel met inhoud buiten de kolommen en tabbladen die tocdin leest; die inhoud komt niet in het model.', hint: 'Zet de inhoud in een kolom die tocdin leest (bijv. toelichting), of in een notitie bij de cel.' },
  // ---- validating against the schema of each kind
  'geen-model': { severity: 'error', stage: 'validate', summary: 'Het document is geen sleutel-waardelijst (geen model).', hint: 'Een model begint met `soort: …` en daaronder de velden van die soort.' },
  'soort-ontbreekt': { severity: 'error', stage: 'validate', summary: 'Het veld `soort` ontbreekt.', hint: 'Zet bovenaan `soort: beleidsmodel`, `din`, … .' },
  'soort-onbekend': { severity: 'error', stage: 'validate', summary: 'Een onbekende `soort`.', hint: 'Kies beleidsmodel, onderzoeksvragen, indicatoren, regioregister, din, scenario of bewijs.' },
  'sleutel-onbekend': { severity: 'error', stage: 'validate', summary: 'Een sleutel die deze soort niet kent (vaak een tikfout).', hint: 'De melding noemt de sleutel die het dichtst in de buurt komt.' },
  'veld-ontbreekt': { severity: 'error', stage: 'validate', summary: 'Een verplicht veld ontbreekt.', hint: 'Vul het veld in; het JSON Schema in de editor toont wat verwacht wordt.' },
  'type-ongeldig': { severity: 'error', stage: 'validate', summary: 'Een waarde van het verkeerde type (bijv. een lijst waar tekst hoort).', hint: 'De melding zegt wat verwacht wordt en wat er staat.' },
  'waarde-ongeldig': { severity: 'error', stage: 'validate', summary: 'Een waarde die niet in de vaste lijst staat.', hint: 'De melding noemt de toegestane waarden.' },
  'waarde-te-klein': { severity: 'error', stage: 'validate', summary: 'Een getal onder het minimum of een lege lijst waar er één nodig is.', hint: 'Controleer het getal of vul de lijst aan.' },
  'tekst-onzichtbaar-teken': { severity: 'warning', stage: 'validate', summary: 'Een tekst of sleutel bevat een teken dat je niet ziet of dat de weergave verandert (besturingsteken, richtingsteken zoals U+202E, teken zonder breedte).', hint: 'Verwijder het of typ de tekst opnieuw; zulke tekens komen vaak mee bij kopiëren uit Word, een PDF of een website.' },
  'id-ongeldig': { severity: 'error', stage: 'validate', summary: 'Een id die geen slug is (kleine letters, cijfers, koppeltekens).', hint: 'Bijv. `regionaal-loket`.' },
  // ---- resolving references across files
  'id-dubbel': { severity: 'error', stage: 'resolve', summary: 'Twee elementen hebben dezelfde id (ook over bestanden heen).', hint: 'Hernoem er één; ids zijn uniek in de hele werkruimte.' },
  'verwijzing-onbekend': { severity: 'error', stage: 'resolve', summary: 'Een verwijzing naar een id die niet bestaat.', hint: 'De melding noemt de id die het dichtst in de buurt komt.' },
  'verwijzing-soort': { severity: 'error', stage: 'resolve', summary: 'Een verwijzing naar een element van de verkeerde soort.', hint: 'De melding zegt welke soort hier verwacht wordt.' },
  'din-dubbel': { severity: 'error', stage: 'resolve', summary: 'Twee DIN-bestanden voor dezelfde regio.', hint: 'Voeg ze samen; één regio heeft één DIN.' },
  'bewijs-schakel-onbekend': { severity: 'error', stage: 'resolve', summary: 'Een bevinding toetst een schakel (`van` → `naar`) die niet in het beleidsmodel staat: `van` heeft geen `leidt_tot` naar `naar`.', hint: 'De melding noemt de schakel die het dichtst in de buurt komt; toets een schakel van het beleidsmodel of de aanname erachter.' },
  'bewijs-bijdrage-onbekend': { severity: 'error', stage: 'resolve', summary: 'Een bevinding toetst een bijdrage van een inspanning aan een doel die niet in haar DIN staat.', hint: 'Noem een doel uit `draagt_bij_aan` van de inspanning, of voeg de bijdrage eerst aan het DIN toe.' },
  'bewijs-zonder-onderwerp': { severity: 'error', stage: 'resolve', summary: 'Een bevinding met `richting: weerlegt` zonder `toetst` en zonder `beantwoordt`: ze weerlegt niets dat tocdin kan aanwijzen.', hint: 'Noem de schakel, aanname, bijdrage of deelvraag waarover de bevinding gaat.' },
  'bewijs-fase-toekomst': { severity: 'warning', stage: 'resolve', summary: 'Een bevinding uit een fase na die van haar register (`fase` van het register, of anders de laatste fase van de onderzoeksvragen).', hint: 'Controleer de fase (jaar-halfjaar, bijv. "2025-1").' },
  'bewijs-dubbel': { severity: 'warning', stage: 'resolve', summary: 'Twee bevindingen met dezelfde tekst en dezelfde onderwerpen: ze tellen dubbel mee in de stand van het bewijs.', hint: 'Verwijder er één of maak het verschil duidelijk.' },
  // ---- scenarios: applying the wijzigingen (src/resolve/overlay.ts); located in the scenario file
  'scenario-id-onbekend': { severity: 'error', stage: 'scenario', summary: 'Een wijziging (of `bouwt_op`, of `in`) noemt een id dat niet bestaat, of dat een eerdere wijziging al verwijderde.', hint: 'De melding noemt het id dat het dichtst in de buurt komt.' },
  'scenario-veld-onbekend': { severity: 'error', stage: 'scenario', summary: 'Een wijziging noemt een veld dat de soort van het element niet heeft (bij `voeg_toe`: een lijst die het model niet heeft).', hint: 'De melding noemt de velden van die soort en het veld dat het dichtst in de buurt komt.' },
  'scenario-ongeldig': { severity: 'error', stage: 'scenario', summary: 'Een wijziging maakt het model ongeldig (een verkeerde waarde, een verplicht veld weg, een element dat niet weg kan); de melding staat bij de wijziging en noemt de regel in het model die zij verandert.', hint: 'Pas de wijziging aan; het modelbestand zelf verandert nooit.' },
  'scenario-dubbele-wijziging': { severity: 'error', stage: 'scenario', summary: 'Twee wijzigingen in één scenario aan hetzelfde veld van hetzelfde element; welke geldt, is dan niet te zien.', hint: 'Houd er één; wil je een eerder scenario overschrijven, bouw er dan op voort met `bouwt_op`.' },
  'scenario-kring': { severity: 'error', stage: 'scenario', summary: "Scenario’s bouwen via `bouwt_op` in een kring op elkaar; geen van hen kan worden toegepast.", hint: 'Haal één `bouwt_op` uit de kring.' },
  // ---- lint rules over the graph
  'schakel-achteruit': { severity: 'error', stage: 'lint', summary: 'Een causale schakel in het beleidsmodel gaat terug of blijft in dezelfde stap.', hint: 'Schakels lopen input → activiteiten → output → outcome → impact.' },
  'schakel-overgeslagen': { severity: 'warning', stage: 'lint', summary: 'Een causale schakel slaat een stap van het beleidsmodel over.', hint: 'Voeg de tussenstap toe of licht toe waarom hij ontbreekt.' },
  'din-niveau-omgekeerd': { severity: 'error', stage: 'lint', summary: 'Een bijdrage in een DIN gaat naar hetzelfde of een lager niveau.', hint: 'Bijdragen lopen inspanning → concreet doel → ER-doel → ambitie.' },
  'din-niveau-overgeslagen': { severity: 'warning', stage: 'lint', summary: 'Een bijdrage in een DIN slaat een niveau over.', hint: 'Laat de inspanning bijdragen aan een concreet doel onder dat ER-doel.' },
  'din-andere-regio': { severity: 'warning', stage: 'lint', summary: "Een bijdrage verbindt de DIN’s van twee regio’s.", hint: 'Verwijs alleen naar doelen van de eigen regio.' },
  cyclus: { severity: 'error', stage: 'lint', summary: 'Schakels of bijdragen vormen een kring.', hint: 'Verwijder de schakel die terugwijst.' },
  'element-los': { severity: 'warning', stage: 'lint', summary: 'Een element waarnaar niets verwijst en dat nergens naar verwijst.', hint: 'Verbind het of verwijder het.' },
  'inspanning-zonder-doel': { severity: 'warning', stage: 'lint', summary: 'Een inspanning draagt aan geen enkel concreet doel bij (weesenergie).', hint: 'Voeg `draagt_bij_aan` toe, of laat het staan als eerlijk gat.' },
  'doel-zonder-inspanning': { severity: 'warning', stage: 'lint', summary: 'Een concreet doel waaraan geen inspanning bijdraagt.', hint: 'Noem de inspanning die eraan werkt, of laat het staan als eerlijk gat.' },
  'doel-zonder-indicator': { severity: 'warning', stage: 'lint', summary: 'Een concreet doel zonder indicator: concrete doelen zijn meetbaar.', hint: 'Koppel een indicator uit indicatoren.yaml.' },
  'er-doel-zonder-concreet-doel': { severity: 'warning', stage: 'lint', summary: 'Een ER-doel waaraan geen concreet doel bijdraagt.', hint: 'Maak het ER-doel merkbaar met een concreet doel.' },
  'deelvraag-zonder-bewijs': { severity: 'warning', stage: 'lint', summary: 'Een deelvraag zonder indicator en zonder methode van dataverzameling.', hint: 'Koppel een indicator (`beantwoordt`) of noem de methoden.' },
  'indicator-zonder-databron': { severity: 'warning', stage: 'lint', summary: 'Een indicator zonder databron.', hint: 'Noem waar de cijfers vandaan komen.' },
  'indicator-zonder-meetmoment': { severity: 'warning', stage: 'lint', summary: 'Een indicator zonder meetmoment.', hint: 'Noem wanneer gemeten wordt.' },
  'regio-zonder-din': { severity: 'info', stage: 'lint', summary: 'Een regio in het register zonder DIN.', hint: 'Maak er een met `npx tocdin init-regio <regio-id>`.' },
  'regio-onder-minimum': { severity: 'warning', stage: 'lint', summary: 'Een cijfer in het register ligt onder de minimale omvang van een onderwijsregio: 15.000 leerlingen po/vo of 9.000 mbo-studenten (seed 000 §2.1.1, r. 520-522).', hint: 'Controleer het cijfer en of de regio een uitzondering heeft; zonder cijfer zegt tocdin niets.' },
  'gemeente-overlap': { severity: 'info', stage: 'lint', summary: "Een gemeente ligt in twee regio’s met dezelfde sector (toegestaan: de één-regio-regel geldt per schoollocatie, seed 000 §2.1.1; landelijke regio’s tellen niet mee).", hint: 'Geen actie nodig, tenzij het een vergissing in het register is.' },
  'bewijs-achterstallig': { severity: 'warning', stage: 'lint', summary: 'Een deelvraag die gepland was voor een fase die voorbij is (tot en met de huidige fase: `--fase`, of de laatste fase in het bewijsregister), zonder één bevinding.', hint: 'Voeg de bevindingen toe aan het register (`models/bewijs/`), of verschuif de fase van de deelvraag als het onderzoek anders loopt.' },
  'deelvraag-te-breed': { severity: 'info', stage: 'lint', summary: 'Meer dan de helft van alle inspanningen telt voor een deelvraag (bij minstens 10 inspanningen): dan laat de dekking niet zien waar de gaten zitten.', hint: 'Maak `over` of de indicatoren van de deelvraag specifieker; is de vraag zo breed bedoeld (bijv. over alle functies), dan mag de melding blijven.' },
} as const satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}

const STAGE_NL: Record<CodeSpec['stage'], string> = {
  gebruik: 'Paden en bestanden (exitcode 2)',
  read: 'YAML en werkboeken lezen',
  validate: 'Controle tegen het schema van de soort',
  resolve: 'Verwijzingen over bestanden heen',
  scenario: "Scenario’s toepassen",
  lint: 'Regels over het netwerk',
};
const SEVERITY_NL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'info' };

/** The reference page `docs/meldingen.md`: every code by stage, with severity, meaning and hint. */
export function codeReference(): string {
  const out = [
    '# Meldingen van tocdin',
    '',
    'Gemaakt met `npx tocdin meldingen` uit `src/diagnostics/codes.ts`; niet met de hand bewerken.',
    'Elke melding heeft de vorm `bestand:regel:kolom ernst code bericht`, met de regel uit het bestand',
    'en een hint. De codes zijn vast: scripts en CI mogen erop rekenen.',
  ];
  for (const stage of Object.keys(STAGE_NL) as CodeSpec['stage'][]) {
    out.push('', `## ${STAGE_NL[stage]}`, '', '| code | ernst | betekenis | wat te doen |', '|---|---|---|---|');
    for (const [code, spec] of Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, CodeSpec][]) {
      if (spec.stage === stage) out.push(`| \`${code}\` | ${SEVERITY_NL[spec.severity]} | ${spec.summary.replace(/\|/g, '\\|')} | ${spec.hint.replace(/\|/g, '\\|')} |`);
    }
  }
  return out.join('\n') + '\n';
}
