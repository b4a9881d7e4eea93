/**
 * The CLI only parses arguments, calls the library and chooses an exit code:
 * 0 fine, 1 model errors, 2 usage or I/O errors. Nothing a user types may end in a stack
 * trace: unexpected exceptions are caught at the top and reported as an internal error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join, resolve } from 'node:path';
import { discover } from '../read/discover.js';
import { hasErrors, SEVERITY_ORDER, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summarize } from '../diagnostics/format.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { GLOSSARY } from '../vocabulary/glossary.js';
import { checkWorkspace, type LoadOutcome } from '../pipeline.js';
import { allJsonSchemas } from '../write/schemas.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../vocabulary/glossary.js';
import { analyse } from '../analyse/analyse.js';
import { explain, renderExplainText } from '../analyse/paths.js';
import { ANALYSE_FORMATS, RENDERERS, REPORT_FORMATS } from '../render/index.js';
import { writeDiagramSet, writeSvgs, writeWallPosters } from '../write/diagrams.js';
import { partsOf, renderDiagramSet, type DiagramSet } from '../render/diagrams.js';
import type { Diagram } from '../render/mermaid/views.js';
import type { Analysis } from '../analyse/schema.js';
import { MAX_TILES, PAPERS, WALL_PT, type Paper } from '../render/poster.js';
import { ChromiumMissingError, findChromium, INSTALL_COMMAND, requireChromium } from '../browser/chromium.js';
import { BrowserRenderer } from '../browser/render.js';
import { asReportDiagrams, drawDiagrams, renderPosters, renderWallPosters } from '../publish.js';
import { modelVersions, type ModelVersion } from '../io/version.js';
import { filesOfKind } from '../resolve/resolve.js';
import { progressEnabled, terminalProgress } from './progress.js';

/** Drawn SVGs and printed pages, keyed by content; safe to delete at any time. */
const CACHE_DIR = '.tocdin-cache';
const POSTERS_FILE = 'posters.pdf';
const WALL_DIR = 'muur';
import { renderText } from '../render/text.js';
import { suggest } from '../diagnostics/suggest.js';
import { createRegionDin, fillTemplate, prefixFor } from '../write/init-regio.js';

export const EXIT_OK = 0;
export const EXIT_MODEL = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  color: boolean;
  /** Live "n van m" progress on stderr (terminals only). */
  progress?: boolean;
  /** For tests: the environment used to find Chromium. */
  env?: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && !process.env['CI'],
  progress: progressEnabled(process.stderr),
});

class UsageError extends Error {}

const DEFAULT_PATHS = ['models', 'scenarios'];

/**
 * With no paths given, read the default folders that exist; `scenarios/` may be empty.
 * Paths the user names explicitly must exist (exit 2 otherwise).
 */
function pathsOrDefault(io: Io, positionals: string[]): string[] {
  if (positionals.length) return positionals;
  const present = DEFAULT_PATHS.filter((p) => discover([p], io.cwd).files.length > 0);
  return present.length ? present : ['models'];
}

const HELP = `tocdin — beleidsmodellen en Doel-Inspanningen Netwerken voor de onderwijsregio's

Gebruik: tocdin <opdracht> [opties]

Opdrachten:
  start                   valideer en analyseer de modellen (wat npm start doet)
  validate [PAD…]         controleer modelbestanden (standaard: models en scenarios)
  analyse [--regio ID]    dekking van de onderzoeksvragen, gaten, hefboompunten, schuifjes
  explain ID              waarom bestaat dit element, waaraan draagt het bij, welke vragen raakt het
  render [--out MAP] [--check] [--svg] [--pdf] [--papier A4|A3] [--muur]
                          schrijf de Mermaid-diagrammen naar diagrams/ (--check: schrijf niets,
                          exit 1 als diagrams/ niet bij de modellen past); --svg tekent ze ook
                          als .svg, --pdf maakt diagrams/posters.pdf (één diagram per pagina),
                          --muur maakt diagrams/muur/ (per DIN, schuifjes en beleidsmodel een PDF
                          met A3-vellen om aan elkaar te plakken, tekst op 2 meter leesbaar);
                          alle drie met Chromium
  report [--regio ID] [--format html|md] [--out BESTAND]
                          één rapport: dekking, gaten, matrices, hefboompunten, schuifjes en alle
                          diagrammen; html (standaard, met Chromium) of md (voor GitHub)
  init-regio ID           maak models/regios/ID.yaml uit het sjabloon (overschrijft nooit)
  schema [--out MAP]      schrijf de JSON Schemas voor de editor (standaard: schemas)
  begrippen               toon de woordenlijst: Nederlandse term → type in de code

Opties:
  --format text|json|md   uitvoer als tekst (standaard), JSON of Markdown (md alleen bij analyse)
  --papier A4|A3          papierformaat van de posters (standaard per diagram: A4, of A3 als
                          het diagram op A4 te klein zou worden)
  --info                  toon ook info-meldingen (bijv. regio's zonder DIN)
  -h, --help              deze hulp
  --version               versie

SVG, PDF en het HTML-rapport gebruiken Chromium (${INSTALL_COMMAND});
zonder Chromium blijven Mermaid en Markdown werken. Tekeningen worden bewaard in
.tocdin-cache/, zodat alleen gewijzigde diagrammen opnieuw getekend worden.

Exitcodes: 0 in orde, 1 fouten in een model, 2 verkeerd gebruik of een bestand/map die niet te lezen is.
`;

const COMMANDS = ['start', 'validate', 'analyse', 'explain', 'render', 'report', 'init-regio', 'schema', 'begrippen', 'help'] as const;

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options: options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = (err as Error).message;
    const m = /Unknown option '([^']+)'/.exec(msg);
    const known = Object.keys(options ?? {}).map((k) => `--${k}`);
    const hint = m ? didYouMean(m[1]!, known) : undefined;
    throw new UsageError(m ? `onbekende optie \`${m[1]}\`${hint ? `; ${hint}` : ''}` : msg);
  }
}

function format(value: unknown): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`onbekend formaat \`${String(value)}\`; kies text of json`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, what = 'formaat'): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(String(value))) return value as T;
  const hint = didYouMean(String(value), allowed);
  throw new UsageError(`onbekend ${what} \`${String(value)}\`; kies ${allowed.join(', ')}${hint ? ` (${hint})` : ''}`);
}

function reportDiagnostics(io: Io, outcome: LoadOutcome, fmt: 'text' | 'json', showInfo = false): void {
  const all = [...outcome.usageProblems, ...outcome.diagnostics];
  if (fmt === 'json') {
    io.out(JSON.stringify({ diagnostics: all.map(plainDiagnostic) }, null, 2) + '\n');
    return;
  }
  // Infos (e.g. 39 regions without a DIN) would bury the errors; they are one flag away.
  // Errors first: they are what stops the user; within a severity, file and line order.
  const bySeverity = [...all].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const shown = showInfo ? bySeverity : bySeverity.filter((d) => d.severity !== 'info');
  for (const d of shown) io.out(formatDiagnostic(d, { color: io.color, sources: outcome.sources }) + '\n\n');
  const hidden = all.length - shown.length;
  if (hidden > 0) io.out(`(${hidden} info-meldingen niet getoond; zie ze met --info)\n`);
}

function plainDiagnostic(d: Diagnostic): Diagnostic {
  const { file, line, column, severity, code, message, hint, related } = d;
  return { file, line, column, severity, code, message, ...(hint ? { hint } : {}), ...(related ? { related } : {}) };
}

function exitFor(outcome: LoadOutcome): number {
  if (outcome.usageProblems.length > 0) return EXIT_USAGE;
  return hasErrors(outcome.diagnostics) ? EXIT_MODEL : EXIT_OK;
}

function countsPerType(outcome: LoadOutcome): string {
  const counts = new Map<ElementType, number>();
  for (const e of outcome.workspace.elements.values()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `  ${ELEMENT_TYPE_LABEL[t].padEnd(18)} ${n}`).join('\n');
}

function cmdValidate(io: Io, args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, info: { type: 'boolean' } });
  const fmt = format(values['format']);
  const outcome = checkWorkspace(pathsOrDefault(io, positionals), io.cwd);
  reportDiagnostics(io, outcome, fmt, Boolean(values['info']));
  if (fmt === 'text') {
    const ok = outcome.files.length - outcome.failedFiles.length;
    io.out(`${outcome.files.length} ${outcome.files.length === 1 ? 'bestand' : 'bestanden'} gelezen (${ok} geldig): ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
  }
  return exitFor(outcome);
}

/** Unknown ids are usage errors (exit 2) with the closest known ids as suggestions. */
function requireId(known: string[], id: string, what: string): void {
  if (known.includes(id)) return;
  const s = suggest(id, known);
  throw new UsageError(`onbekende ${what} \`${id}\`${s ? `; bedoel je \`${s}\`?` : ''}`);
}

function loadForAnalysis(io: Io, paths: string[], fmt: 'text' | 'json') {
  const outcome = checkWorkspace(paths, io.cwd);
  const code = exitFor(outcome);
  if (code !== EXIT_OK) {
    // An analysis of a broken model would mislead: show what to fix instead.
    reportDiagnostics(io, outcome, fmt);
    if (fmt === 'text') io.out(`${summarize([...outcome.usageProblems, ...outcome.diagnostics])}; los eerst de fouten op.\n`);
  }
  return { outcome, code };
}

function cmdAnalyse(io: Io, args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, regio: { type: 'string' } });
  const fmt = oneOf(values['format'], ANALYSE_FORMATS, 'text');
  const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), fmt === 'json' ? 'json' : 'text');
  if (code !== EXIT_OK) return code;
  const regio = values['regio'] as string | undefined;
  if (regio !== undefined) {
    const regions = [...outcome.workspace.elements.values()].filter((e) => e.type === 'regio').map((e) => e.id);
    requireId(regions, regio, 'regio');
  }
  const result = analyse(outcome.built, { diagnostics: outcome.diagnostics, ...(regio ? { regio } : {}) });
  io.out(RENDERERS[fmt](result));
  return EXIT_OK;
}

function cmdExplain(io: Io, args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  const fmt = format(values['format']);
  const [id, ...paths] = positionals;
  if (!id) throw new UsageError('geef het id van een element, bijv. `tocdin explain gezamenlijk-werven`');
  const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, paths), fmt);
  if (code !== EXIT_OK) return code;
  requireId([...outcome.workspace.elements.keys()], id, 'id');
  const e = explain(outcome.built, id);
  io.out(fmt === 'json' ? JSON.stringify(e, null, 2) + '\n' : renderExplainText(e));
  return EXIT_OK;
}

function cmdInitRegio(io: Io, args: string[]): number {
  const { values, positionals } = parse(args, { map: { type: 'string' } });
  const [id] = positionals;
  if (!id) throw new UsageError('geef het id van een regio uit het register, bijv. `tocdin init-regio zuidwest-samen`');
  const outcome = checkWorkspace(['models'], io.cwd);
  if (outcome.usageProblems.length) {
    reportDiagnostics(io, outcome, 'text');
    return EXIT_USAGE;
  }
  const regions = [...outcome.workspace.elements.values()].filter((e) => e.type === 'regio');
  requireId(regions.map((r) => r.id), id, 'regio');
  const region = regions.find((r) => r.id === id)!;
  const dir = resolve(io.cwd, (values['map'] as string | undefined) ?? 'models/regios');
  const path = join(dir, `${id}.yaml`);
  const content = fillTemplate({ id, naam: region.label, prefix: prefixFor(id, outcome.workspace.elements.keys()) });
  if (createRegionDin(path, content) === 'exists') {
    io.err(`tocdin: ${path} bestaat al; er is niets overschreven.\n`);
    return EXIT_USAGE;
  }
  io.out(`aangemaakt: ${path}\nVul de ambitie, ER-doelen, concrete doelen en inspanningen in (zoek op VERVANG) en controleer met \`npx tocdin validate\`.\n`);
  return EXIT_OK;
}

/** National analysis plus one per region with a DIN (for the per-region coverage views). */
function analysesFor(outcome: Checked) {
  const national = analyse(outcome.built, { diagnostics: outcome.diagnostics });
  const regional = national.dins.map((d) => analyse(outcome.built, { diagnostics: outcome.diagnostics, regio: d.regio }));
  return { national, regional };
}

type Checked = ReturnType<typeof checkWorkspace>;

interface BrowserOutputs {
  svg: boolean;
  pdf: boolean;
  /** Wall posters: A3 sheets to tape together, labels readable from 2 m. */
  muur?: boolean;
  papier?: Paper;
  /** Also write the HTML report next to the diagrams (npm start). */
  report?: boolean;
}

function diagramSetFor(io: Io, outcome: Checked) {
  const { national, regional } = analysesFor(outcome);
  const set = renderDiagramSet(national, regional);
  for (const o of set.oversized) io.err(`tocdin: diagram ${o.name} is te groot (${o.chars} tekens, ${o.edges} verbindingen) en kon niet verder worden gesplitst\n`);
  return { national, regional, set };
}

function writeMermaid(io: Io, outDir: string, set: DiagramSet, check: boolean): number {
  const report = writeDiagramSet(outDir, set, { check });
  for (const s of set.splits) io.out(`gesplitst: ${s.view} in ${s.parts} delen (te groot voor één diagram)\n`);
  if (check) {
    if (report.differing.length) {
      io.out(`diagrammen in ${outDir} passen niet bij de modellen:\n${report.differing.map((f) => `  ${f}`).join('\n')}\nWerk ze bij met \`npx tocdin render\`.\n`);
      return EXIT_MODEL;
    }
    io.out(`diagrammen in ${outDir} zijn actueel (${report.unchanged.length} bestanden)\n`);
    return EXIT_OK;
  }
  const largest = [...set.diagrams].sort((a, b) => b.mermaid.length - a.mermaid.length)[0];
  io.out(`diagrammen: ${report.written.length} geschreven, ${report.unchanged.length} ongewijzigd, ${report.removed.length} verwijderd in ${outDir}\n`);
  if (largest) io.out(`grootste diagram: ${largest.name} (${largest.mermaid.length} tekens, ${largest.edges} verbindingen)\n`);
  io.out(`bekijk ze in ${join(outDir, 'README.md')} (GitHub en GitLab tonen de diagrammen direct)\n`);
  return EXIT_OK;
}

/** The version label of each diagram: its region's DIN file, or all files for national views. */
function versionsFor(io: Io, outcome: Checked): { of: (d: Diagram) => string; all: ModelVersion } {
  const files = outcome.files.map((f) => resolve(io.cwd, f));
  const versionOf = modelVersions(files, io.cwd);
  const dinFile = new Map(filesOfKind(outcome.workspace, 'din').map((f) => [f.model.regio, resolve(io.cwd, f.source.path)] as const));
  const all = versionOf(files);
  const cache = new Map<string, string>();
  return {
    all,
    of: (d) => {
      const file = d.regio ? dinFile.get(d.regio) : undefined;
      if (!file) return all.label;
      let label = cache.get(file);
      if (label === undefined) cache.set(file, (label = versionOf([file]).label));
      return label;
    },
  };
}

function regionName(outcome: Checked): (id: string) => string {
  return (id) => outcome.workspace.elements.get(id)?.label ?? id;
}

function pt(points: number): string {
  return `${points.toFixed(1).replace('.', ',')} pt`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/**
 * Chromium is optional: only the commands that need it fail (exit 2), with the fix.
 * A renderer for the length of `work`, always closed after it. `settle` clears the
 * progress line so the next message starts on a clean line.
 */
async function withRenderer<T>(io: Io, work: (renderer: BrowserRenderer, settle: () => void) => Promise<T>): Promise<T> {
  const progress = io.progress ? terminalProgress(io.err) : undefined;
  const renderer = new BrowserRenderer({
    executablePath: requireChromium(io.env ?? process.env),
    cacheDir: resolve(io.cwd, CACHE_DIR),
    ...(progress ? { onProgress: progress } : {}),
  });
  const settle = () => progress?.clear();
  try {
    return await work(renderer, settle);
  } finally {
    settle();
    await renderer.close();
  }
}

async function writeBrowserOutputs(io: Io, outcome: Checked, { national, regional, set }: { national: Analysis; regional: readonly Analysis[]; set: DiagramSet }, outDir: string, what: BrowserOutputs): Promise<void> {
  const started = Date.now();
  await withRenderer(io, async (renderer, settle) => {
    const drawn = await drawDiagrams(set.diagrams, renderer);
    settle();
    const fromCache = drawn.filter((d) => d.fromCache).length;
    io.out(`SVG: ${drawn.length} diagrammen getekend met Chromium (${fromCache} uit de cache, ${drawn.length - fromCache} opnieuw) in ${seconds(Date.now() - started)}\n`);
    if (what.svg) {
      const r = writeSvgs(outDir, drawn);
      io.out(`svg: ${r.written.length} geschreven, ${r.unchanged.length} ongewijzigd, ${r.removed.length} verwijderd in ${outDir}\n`);
    }
    const versions = versionsFor(io, outcome);
    // What every printed page says about its diagram: the same on posters and wall sheets.
    const page = {
      regioNaam: regionName(outcome),
      versie: versions.of,
      title: 'tocdin — diagrammen van het onderwijsregiobeleid',
      date: new Date(`${versions.all.datum}T12:00:00Z`),
    };
    if (what.pdf) {
      const t = Date.now();
      const posters = await renderPosters(drawn, renderer, {
        ...page,
        ...(what.papier ? { papier: what.papier } : {}),
        partsOf: (d) => partsOf(national, regional, d),
      });
      settle();
      const path = join(outDir, POSTERS_FILE);
      writeFileAtomic(path, posters.pdf);
      const sizes = new Map<string, number>();
      for (const p of posters.pages) {
        const k = `${p.size.paper} ${p.size.landscape ? 'liggend' : 'staand'}`;
        sizes.set(k, (sizes.get(k) ?? 0) + 1);
      }
      for (const p of posters.split) io.out(`poster: ${p.view} in ${p.parts} delen (heel zou het op papier te klein zijn om te lezen)\n`);
      io.out(`pdf: ${path}, ${posters.pages.length} pagina's (${[...sizes].map(([k, n]) => `${n}× ${k}`).join(', ')}) in ${seconds(Date.now() - t)}\n`);
      const pts = posters.pages.map((p) => p.labelPt).sort((a, b) => a - b);
      const smallest = posters.pages.find((p) => p.labelPt === pts[0]);
      if (smallest) io.out(`tekst in de diagrammen op papier: ${pt(pts[0]!)} tot ${pt(pts[pts.length - 1]!)} (mediaan ${pt(pts[Math.floor(pts.length / 2)]!)}); kleinste: ${smallest.name}\n`);
    }
    if (what.muur) {
      const t = Date.now();
      const wall = await renderWallPosters(drawn, renderer, page);
      settle();
      const dir = join(outDir, WALL_DIR);
      const r = writeWallPosters(dir, wall);
      const sheets = wall.reduce((n, p) => n + p.tiling.cols * p.tiling.rows, 0);
      io.out(`muurposters: ${wall.length} in ${dir} (${r.written.length} geschreven, ${r.unchanged.length} ongewijzigd, ${r.removed.length} verwijderd), samen ${sheets} A3-vellen, in ${seconds(Date.now() - t)}\n`);
      for (const p of wall) {
        const { cols, rows, labelPt } = p.tiling;
        const note = labelPt < WALL_PT - 1e-9 ? ` — kleiner dan ${pt(WALL_PT)}: op ${MAX_TILES} vellen past het niet groter` : '';
        io.out(`  ${p.name}.pdf: ${cols * rows === 1 ? '1 vel' : `${cols * rows} vellen (${cols} breed, ${rows} hoog)`}, tekst ${pt(labelPt)}${note}\n`);
      }
    }
    if (what.report) {
      const path = join(outDir, 'rapport.html');
      writeFileAtomic(path, RENDERERS.html(national, { diagrams: asReportDiagrams(drawn), modelVersie: versions.all.label }));
      io.out(`rapport: ${path}\n`);
    }
  });
}

function papier(value: unknown): Paper | undefined {
  return value === undefined ? undefined : oneOf(String(value).toUpperCase(), PAPERS, 'A4', 'papierformaat');
}

async function cmdRender(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, check: { type: 'boolean' }, svg: { type: 'boolean' }, pdf: { type: 'boolean' }, papier: { type: 'string' }, muur: { type: 'boolean' } });
  const check = Boolean(values['check']);
  const what: BrowserOutputs = { svg: Boolean(values['svg']), pdf: Boolean(values['pdf']), muur: Boolean(values['muur']), ...(values['papier'] !== undefined ? { papier: papier(values['papier'])! } : {}) };
  const drawing = what.svg || what.pdf || what.muur;
  if (check && drawing) throw new UsageError('--check vergelijkt alleen de Mermaid-bestanden; laat --svg, --pdf en --muur weg');
  if (what.papier && !what.pdf) throw new UsageError('--papier hoort bij --pdf (muurposters zijn altijd A3)');
  // Before loading anything: a missing browser is the first thing the user should hear.
  if (drawing) requireChromium(io.env ?? process.env);
  const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), 'text');
  if (code !== EXIT_OK) return code;
  const outDir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'diagrams');
  const drawable = diagramSetFor(io, outcome);
  if (drawable.set.oversized.length) return EXIT_MODEL;
  const written = writeMermaid(io, outDir, drawable.set, check);
  if (written !== EXIT_OK || !drawing) return written;
  await writeBrowserOutputs(io, outcome, drawable, outDir, what);
  return EXIT_OK;
}

async function cmdReport(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { regio: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
  const fmt = oneOf(values['format'], REPORT_FORMATS, 'html');
  if (fmt === 'html') requireChromium(io.env ?? process.env);
  const { outcome, code } = loadForAnalysis(io, pathsOrDefault(io, positionals), 'text');
  if (code !== EXIT_OK) return code;
  const regio = values['regio'] as string | undefined;
  if (regio !== undefined) requireId([...outcome.workspace.elements.values()].filter((e) => e.type === 'regio').map((e) => e.id), regio, 'regio');
  const { national, regional, set } = diagramSetFor(io, outcome);
  // The diagram set already analysed the nation and every region with a DIN.
  const analysis = !regio ? national : regional.find((r) => r.regio_filter === regio) ?? analyse(outcome.built, { diagnostics: outcome.diagnostics, regio });
  const diagrams = regio ? set.diagrams.filter((d) => d.regio === regio) : set.diagrams;
  const versions = versionsFor(io, outcome);
  let content: string;
  if (fmt === 'md') {
    content = RENDERERS.md(analysis, { diagrams: asReportDiagrams(diagrams), modelVersie: versions.all.label });
  } else {
    const drawn = await withRenderer(io, (renderer) => drawDiagrams(diagrams, renderer));
    content = RENDERERS.html(analysis, { diagrams: asReportDiagrams(drawn), modelVersie: versions.all.label });
  }
  const out = (values['out'] as string | undefined) ?? join('diagrams', `rapport${regio ? `-${regio}` : ''}.${fmt}`);
  if (out === '-') {
    io.out(content);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, out);
  writeFileAtomic(path, content);
  io.out(`rapport geschreven: ${path} (${diagrams.length} diagrammen${fmt === 'html' ? ', op zichzelf staand: geen scripts, geen internet nodig' : ''})\n`);
  return EXIT_OK;
}

async function cmdStart(io: Io, args: string[]): Promise<number> {
  parse(args, {});
  const outcome = checkWorkspace(pathsOrDefault(io, []), io.cwd);
  const code = exitFor(outcome);
  if (code !== EXIT_OK) reportDiagnostics(io, outcome, 'text');
  else io.out(groupedWarnings(outcome));
  io.out(`tocdin: ${outcome.files.length} modelbestanden gelezen — ${summarize([...outcome.usageProblems, ...outcome.diagnostics])}\n`);
  if (code !== EXIT_OK) {
    io.out('Los eerst de fouten hierboven op; daarna volgt de analyse.\n');
    return code;
  }
  io.out(`\nElementen per soort:\n${countsPerType(outcome)}\n\n`);
  const drawable = diagramSetFor(io, outcome);
  io.out(renderText(drawable.national));
  io.out('\n');
  const outDir = resolve(io.cwd, 'diagrams');
  if (drawable.set.oversized.length) return EXIT_MODEL;
  const written = writeMermaid(io, outDir, drawable.set, false);
  if (written !== EXIT_OK) return written;
  if (!findChromium(io.env ?? process.env)) {
    io.out(`SVG, posters.pdf, muurposters en rapport.html overgeslagen: Chromium niet gevonden. Installeer het met \`${INSTALL_COMMAND}\`.\n`);
    return EXIT_OK;
  }
  await writeBrowserOutputs(io, outcome, drawable, outDir, { svg: true, pdf: true, muur: true, report: true });
  return EXIT_OK;
}

/** For the overview: warnings and infos counted per code; details are one command away. */
function groupedWarnings(outcome: LoadOutcome): string {
  const byCode = new Map<string, { severity: string; n: number }>();
  for (const d of outcome.diagnostics) {
    const e = byCode.get(d.code) ?? { severity: d.severity, n: 0 };
    e.n++;
    byCode.set(d.code, e);
  }
  if (byCode.size === 0) return '';
  const rank = (sev: string) => (sev === 'error' ? 0 : sev === 'warning' ? 1 : 2);
  const lines = [...byCode.entries()].sort(([a, x], [b, y]) => rank(x.severity) - rank(y.severity) || (a < b ? -1 : 1)).map(([code, { severity, n }]) => `  ${String(n).padStart(4)} × ${severity === 'warning' ? 'waarschuwing' : severity === 'info' ? 'info' : 'fout'} ${code}`);
  return `Meldingen in de modellen (details: npx tocdin validate --info):\n${lines.join('\n')}\n\n`;
}

function cmdSchema(io: Io, args: string[]): number {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = resolve(io.cwd, (values['out'] as string | undefined) ?? 'schemas');
  for (const { file, content } of allJsonSchemas()) {
    const status = writeFileAtomic(join(dir, file), content);
    io.out(`${status === 'written' ? 'geschreven' : 'ongewijzigd'}: ${join(dir, file)}\n`);
  }
  return EXIT_OK;
}

function cmdGlossary(io: Io, args: string[]): number {
  parse(args, {});
  io.out('| begrip | YAML | type in de code | betekenis |\n|---|---|---|---|\n');
  for (const g of GLOSSARY) io.out(`| ${g.term} | \`${g.yaml}\` | \`${g.type}\` | ${g.meaning} |\n`);
  return EXIT_OK;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
      io.out(HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version') {
      io.out('tocdin 0.1.0\n');
      return EXIT_OK;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(HELP);
      return EXIT_OK;
    }
    switch (command) {
      case 'validate':
        return cmdValidate(io, rest);
      case 'start':
        return await cmdStart(io, rest);
      case 'analyse':
      case 'analyze':
        return cmdAnalyse(io, rest);
      case 'explain':
      case 'uitleg':
        return cmdExplain(io, rest);
      case 'render':
        return await cmdRender(io, rest);
      case 'report':
      case 'rapport':
        return await cmdReport(io, rest);
      case 'init-regio':
        return cmdInitRegio(io, rest);
      case 'schema':
        return cmdSchema(io, rest);
      case 'begrippen':
        return cmdGlossary(io, rest);
      default: {
        const hint = didYouMean(command, COMMANDS);
        throw new UsageError(`onbekende opdracht \`${command}\`${hint ? `; ${hint}` : ''}`);
      }
    }
  } catch (err) {
    if (err instanceof ChromiumMissingError) {
      io.err(`tocdin: ${err.message}\nMermaid-diagrammen (tocdin render) en het Markdown-rapport (tocdin report --format md) werken zonder Chromium.\n`);
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      io.err(`tocdin: ${err.message}\nZie \`tocdin --help\`.\n`);
      return EXIT_USAGE;
    }
    // Not something the user did: say so plainly, without a stack trace.
    io.err(`tocdin: interne fout: ${(err as Error)?.message ?? String(err)}\nMeld dit als issue, met het commando dat je gaf.\n`);
    if (process.env['TOCDIN_DEBUG']) io.err(String((err as Error)?.stack) + '\n');
    return EXIT_USAGE;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
