/**
 * Synthetic workspace for the benchmark: the real beleidsmodel, onderzoeksvragen and
 * indicatoren (so every reference resolves), a regioregister with N synthetic regions and
 * one DIN per region in the shape of models/regios/*.yaml.
 *
 * Deterministic: every region draws from its own mulberry32 stream seeded by its index, so
 * the same N always gives byte-identical files (and region k is the same for every N ≥ k).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { COOPERATION_LEVELS, EFFORT_STATUSES, FUNCTIONS, SECTORS, STRENGTHS, type Func } from '../src/vocabulary/vocabulary.js';

const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'models');
const COPIED = ['beleidsmodel.yaml', 'onderzoeksvragen.yaml', 'indicatoren.yaml'] as const;

export const DIN_SHAPE = { erDoelen: 5, concreteDoelen: 15, inspanningen: 40 } as const;

export interface GeneratedWorkspace {
  dir: string;
  n: number;
  /** Every file written, relative to dir, sorted. */
  files: string[];
  bytes: number;
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from empty list');
    return x;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** k distinct items, in the order of xs. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx.slice(0, Math.min(k, xs.length)).sort((a, b) => a - b).map((i) => xs[i]!);
  }
}

/** A double-quoted YAML scalar (JSON strings are valid YAML 1.2). */
const q = (s: string): string => JSON.stringify(s);

/** continuïteit has no activity in Figuur 1 of the beleidsmodel, so its inspanningen name none. */
const ACTIVITY_BY_FUNCTION: Record<Func, string | undefined> = {
  werven: 'gezamenlijk-werven',
  matchen: 'gezamenlijk-matchen',
  opleiden: 'gezamenlijk-opleiden',
  begeleiden: 'gezamenlijk-begeleiden',
  professionaliseren: 'gezamenlijk-professionaliseren',
  continuiteit: undefined,
  'anders-organiseren': 'onderwijs-anders-organiseren',
};

const THEMAS = ['Werven en behouden', 'Zij-instroom', 'Opleiden in de school', 'Begeleiding van starters', 'Onderwijs bij schaarste', 'Strategische personeelsplanning', 'Regionale arbeidsmarkt'];
const UITVOERDERS = ['regio', 'regio', 'regio', 'UWV', 'gemeente', 'lerarenopleidingen in de regio', 'schoolbesturen po en vo'];
const ER_TEKSTEN = [
  'Minder lerarentekort in de regio',
  'Betere spreiding van bevoegde leraren over de scholen',
  'Sneller en beter ingewerkte starters',
  'Meer zij-instromers die behouden blijven voor het onderwijs',
  'Sterkere samenwerking tussen besturen, opleiders en gemeenten',
  'Aantrekkelijker werk voor leraren en ondersteuners',
  'Meer kansengelijkheid voor leerlingen',
];
const CD_TEKSTEN = [
  'Het aantal onvervulde vacatures voor leraren is gedaald ten opzichte van de nulmeting',
  'Alle startende leraren volgen een begeleidingsprogramma van minstens twee jaar',
  'Het aantal zij-instromers dat na twee jaar nog in het onderwijs werkt, is gestegen',
  'Elke school heeft een opleidingsplek voor studenten van de lerarenopleidingen',
  'Er is één regionaal loket voor werven en matchen van onderwijspersoneel',
  'De uitval van startende leraren in de eerste drie jaar is lager dan het landelijk gemiddelde',
  'Scholen met een groot tekort krijgen voorrang bij de inzet van de regionale invalpool',
  'Het aandeel kleine deeltijdbanen in het po is afgenomen',
  'Besturen maken jaarlijks een gezamenlijke arbeidsmarktanalyse',
];
const INSP_TEKSTEN: Record<Func, string[]> = {
  werven: ['Regionale wervingscampagne voor leraren en ondersteuners', 'Gezamenlijke vacaturebank van de besturen', 'Open dagen voor zij-instromers met een informatiemarkt'],
  matchen: ['Regionaal loket dat kandidaten aan scholen koppelt', 'Regionale invalpool voor kortdurende vervanging', 'Mobiliteitsbank voor personeel dat van school wil wisselen'],
  opleiden: ['Samen opleiden in de school met de lerarenopleidingen', 'Versneld traject voor zij-instromers met werkplekleren', 'Opleidingsplaatsen voor onderwijsassistenten in het mbo'],
  begeleiden: ['Inductieprogramma voor startende leraren', 'Buddy-netwerk voor zij-instromers in hun eerste jaar', 'Intervisie voor starters over schoolgrenzen heen'],
  professionaliseren: ['Regionale academie voor schoolleiders', 'Scholing in differentiëren en klassenmanagement', 'Leergemeenschap van opleidingscoördinatoren'],
  continuiteit: ['Regionale invalpool voor kortdurende vervanging', 'Bovenschools flexteam voor langdurig verzuim', 'Vaste pool van bovenformatief aangestelde docenten'],
  'anders-organiseren': ['Teamteaching met onderwijsassistenten en vakspecialisten', 'Slimmer roosteren om lesuitval te voorkomen', 'Gedeelde inzet van vakdocenten tussen kleine scholen'],
};

interface NationalIds {
  indicators: string[];
  activities: string[];
}

function readNationalIds(): NationalIds {
  const ind = parse(readFileSync(join(MODELS_DIR, 'indicatoren.yaml'), 'utf8')) as { indicatoren: { id: string }[] };
  const bm = parse(readFileSync(join(MODELS_DIR, 'beleidsmodel.yaml'), 'utf8')) as { activiteiten: { id: string }[] };
  return { indicators: ind.indicatoren.map((i) => i.id), activities: bm.activiteiten.map((a) => a.id) };
}

function pad(i: number, n: number): string {
  return String(i).padStart(Math.max(3, String(n).length), '0');
}

export function regionId(i: number, n: number): string {
  return `synth-regio-${pad(i, n)}`;
}

function regioregister(n: number, national: NationalIds): string {
  const out: string[] = [
    '# Synthetisch regioregister voor de benchmark (bench/generate.ts); geen echte regio\'s.',
    'soort: regioregister',
    'bron: "bench/generate.ts, synthetische gegevens"',
    'regios:',
  ];
  for (let i = 1; i <= n; i++) {
    const r = new Rng(0x51e6 + i * 7919);
    const id = regionId(i, n);
    const sectoren = r.sample(SECTORS, r.int(1, 3));
    out.push('', `  - id: ${id}`, `    naam: ${q(`Synthetische onderwijsregio ${pad(i, n)}`)}`, '    sectoren:');
    for (const s of sectoren) out.push(`      - ${s}`);
    out.push('    kerncijfers:');
    out.push(`      leerlingen_studenten: ${r.int(8000, 120000)}`);
    out.push(`      besturen_po: ${sectoren.includes('po') ? r.int(3, 60) : 0}`);
    out.push(`      besturen_vo: ${sectoren.includes('vo') ? r.int(2, 25) : 0}`);
    out.push(`      mbo_instellingen: ${sectoren.includes('mbo') ? r.int(1, 4) : 0}`);
    out.push(`      opleiders: ${r.int(1, 8)}`);
    out.push('    gemeenten:');
    const count = r.int(3, 8);
    for (let g = 1; g <= count; g++) out.push(`      - Synthgemeente ${pad(i, n)}-${g}`);
    // A few regions share a gemeente with the region before them, as in the real register.
    if (i > 1 && r.chance(0.1)) out.push(`      - Synthgemeente ${pad(i - 1, n)}-1`);
    if (r.chance(0.4)) {
      out.push('    metingen:');
      for (const ind of r.sample(national.indicators, r.int(1, 2))) {
        out.push(`      - indicator: ${ind}`, `        waarde: ${(r.int(5, 250) / 10).toFixed(1)}`, '        peiljaar: 2024');
      }
    }
    out.push('    bron: "bench/generate.ts"');
  }
  return out.join('\n') + '\n';
}

function din(i: number, n: number, national: NationalIds): string {
  const r = new Rng(0xd1e + i * 104729);
  const regio = regionId(i, n);
  const p = `sr${pad(i, n)}`; // id prefix, unique per region
  const bron = (where: string) => q(`bench/generate.ts, synthetisch DIN ${pad(i, n)}, ${where}`);
  const out: string[] = [
    '# Synthetisch DIN voor de benchmark (bench/generate.ts); vorm als models/regios/*.yaml.',
    '# Bewust opengelaten: een deel van de concrete doelen heeft geen indicator (eerlijke gaten).',
    'soort: din',
    `regio: ${regio}`,
    `naam: ${q(`Synthetisch DIN regio ${pad(i, n)}`)}`,
    'voorbeeld: true',
    `toelichting: ${q('Synthetisch model voor de prestatiemeting; geen plan van aanpak van een echte regio.')}`,
    `bron: ${bron('kop')}`,
    '',
    'ambitie:',
    `  id: ${p}-ambitie`,
    `  tekst: ${q(`Genoeg goede leraren voor elke leerling in regio ${pad(i, n)}, nu en in de toekomst`)}`,
    '  toelichting: >-',
    '    Synthetische ambitie: elke leerling krijgt les van een bevoegde leraar, ook op scholen',
    '    waar het tekort nu het grootst is.',
    `  bron: ${bron('ambitie')}`,
    '',
    'er_doelen:',
  ];
  const erIds: string[] = [];
  for (let e = 1; e <= DIN_SHAPE.erDoelen; e++) {
    const id = `${p}-er-${e}`;
    erIds.push(id);
    out.push(`  - id: ${id}`, `    tekst: ${q(r.pick(ER_TEKSTEN))}`);
    if (r.chance(0.3)) out.push(`    draagt_bij_aan: [${p}-ambitie]`);
    out.push(`    bron: ${bron(`ER-doel ${e}`)}`);
  }
  out.push('', 'concrete_doelen:');
  const cdIds: string[] = [];
  for (let c = 1; c <= DIN_SHAPE.concreteDoelen; c++) {
    const id = `${p}-cd-${c}`;
    cdIds.push(id);
    out.push(`  - id: ${id}`, '    tekst: >-', `      ${r.pick(CD_TEKSTEN)}`, `      (synthetisch doel ${c} van regio ${pad(i, n)})`);
    out.push(`    draagt_bij_aan: [${r.sample(erIds, r.int(1, 2)).join(', ')}]`);
    if (r.chance(0.8)) {
      const ind = r.pick(national.indicators);
      out.push(`    indicatoren: [${ind}]`);
      if (r.chance(0.25)) out.push('    streefwaarden:', `      - indicator: ${ind}`, `        waarde: ${r.int(1, 100)}`, `        jaar: ${r.int(2026, 2030)}`);
    } else {
      out.push('    # geen indicator: de bron noemt geen maat voor dit doel');
    }
    out.push(`    bron: ${bron(`concreet doel ${c}`)}`);
  }
  out.push('', 'inspanningen:');
  for (let s = 1; s <= DIN_SHAPE.inspanningen; s++) {
    const functie = FUNCTIONS[(s - 1) % FUNCTIONS.length]!;
    const own = ACTIVITY_BY_FUNCTION[functie];
    const activiteit = own === undefined ? undefined : r.chance(0.85) ? own : r.pick(national.activities);
    out.push(
      `  - id: ${p}-insp-${s}`,
      `    tekst: ${q(`${r.pick(INSP_TEKSTEN[functie])} (inspanning ${s})`)}`,
      `    functie: ${functie}`,
      `    thema: ${q(r.pick(THEMAS))}`,
      ...(activiteit ? [`    activiteit: ${activiteit}`] : []),
      `    uitvoerder: ${q(r.pick(UITVOERDERS))}`,
      `    status: ${r.pick(EFFORT_STATUSES.slice(0, 4))}`,
      '    draagt_bij_aan:',
    );
    for (const doel of r.sample(cdIds, r.int(1, 3))) {
      // About one in four contributions states no strength (sterkte onbekend), as in real DINs.
      const sterkte = r.chance(0.25) ? undefined : r.pick(STRENGTHS);
      out.push(`      - doel: ${doel}`, ...(sterkte ? [`        sterkte: ${sterkte}`] : []));
    }
    if (r.chance(0.5)) {
      const nu = r.int(1, 4);
      const gewenst = Math.min(COOPERATION_LEVELS.length - 1, nu + r.int(0, 2));
      out.push(`    schuifjes: { nu: ${COOPERATION_LEVELS[nu]}, gewenst: ${COOPERATION_LEVELS[gewenst]}, schaal: ${r.pick(['school', 'subregionaal', 'regionaal'])} }`);
    } else {
      out.push('    # geen schuifjes: het gewenste niveau van samenwerking is niet bekend');
    }
    out.push(`    bron: ${bron(`inspanning ${s}`)}`);
  }
  return out.join('\n') + '\n';
}

/** Write the workspace for N regions into dir (created if missing). */
export function generateWorkspace(dir: string, n: number): GeneratedWorkspace {
  if (!Number.isInteger(n) || n < 1) throw new Error(`N moet een positief geheel getal zijn, niet ${n}`);
  const national = readNationalIds();
  mkdirSync(join(dir, 'regios'), { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  const write = (rel: string, text: string) => {
    writeFileSync(join(dir, rel), text);
    files.push(rel);
    bytes += Buffer.byteLength(text);
  };
  for (const name of COPIED) write(name, readFileSync(join(MODELS_DIR, name), 'utf8'));
  write('regioregister.yaml', regioregister(n, national));
  for (let i = 1; i <= n; i++) write(`regios/${regionId(i, n)}.yaml`, din(i, n, national));
  return { dir, n, files: files.sort(), bytes };
}
