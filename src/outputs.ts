/**
 * What `start`, `render` and `report` produce, composed from the stages: the analyses, the
 * diagram set, the model versions printed on pages, and the browser outputs (SVGs, posters,
 * wall posters, the HTML report). The CLI calls these and prints what they return; it never
 * composes stages itself. Each step of the browser outputs is reported as data through
 * `onStep`, so the CLI can print it the moment it is done (a poster run takes a minute).
 */
import { join, resolve } from 'node:path';
import { analyse, prepare } from './analyse/analyse.js';
import type { Analysis } from './analyse/schema.js';
import { modelVersions, type ModelVersion } from './io/version.js';
import type { checkWorkspace } from './pipeline.js';
import { drawDiagrams, renderPosters, renderRegionPdf, renderWallPosters, renderWorksheets, type PosterResult, type WallPoster, type Worksheet } from './publish.js';
import { filesOfKind } from './resolve/resolve.js';
import { partsOf, renderDiagramSet, type DiagramSet } from './render/diagrams.js';
import { RENDERERS } from './render/index.js';
import { gapMapPages } from './render/evidence.js';
import type { AnyDiagram, Diagram } from './render/diagram.js';
import type { Paper } from './render/poster.js';
import type { BrowserRenderer } from './browser/render.js';
import { writeRegionPdfs, writeSvgFiles, writeSvgs, writeWallPosters, writeWorksheets, type WriteReport } from './write/diagrams.js';
import type { Inputs } from './write/guard.js';
import { writeOutputFile } from './write/output.js';
import { PROJECTION_SECTORS, project, type Projection, type ProjectionSector } from './analyse/projection.js';
import { projectionChart } from './render/projection.js';

export type CheckedWorkspace = ReturnType<typeof checkWorkspace>;

export const POSTERS_FILE = 'posters.pdf';
export const WALL_DIR = 'muur';
export const REPORT_FILE = 'rapport.html';
/** The schuifjes worksheets, one PDF per region (and a blank one): written with the posters. */
export const WORKSHEET_DIR = 'werkbladen';
/** One folder per scenario with its diagrams (src/scenarios.ts), written by `render`. */
export const SCENARIO_DIR = 'scenarios';

/** The analyses and the diagram set drawn from them: what every output is made of. */
export interface Drawable {
  national: Analysis;
  /** One analysis per region with a DIN (for the per-region coverage views). */
  regional: Analysis[];
  set: DiagramSet;
}

export function analysesFor(checked: CheckedWorkspace): Pick<Drawable, 'national' | 'regional'> {
  // One prepared context for the nation and every region: the graph is indexed once.
  const ctx = prepare(checked.built);
  const national = analyse(ctx, { diagnostics: checked.diagnostics });
  const regional = national.dins.map((d) => analyse(ctx, { diagnostics: checked.diagnostics, regio: d.regio }));
  return { national, regional };
}

/** `tocdin bewijs`: the state of evidence for a phase and region, beside the design coverage. */
export function evidenceFor(checked: CheckedWorkspace, opts: { fase?: string; regio?: string } = {}): Analysis['bewijs'] {
  return analyse(checked.built, { diagnostics: checked.diagnostics, ...opts }).bewijs;
}

export function diagramsFor(checked: CheckedWorkspace): Drawable {
  const { national, regional } = analysesFor(checked);
  return { national, regional, set: renderDiagramSet(national, regional) };
}

/**
 * The part of the diagram set one region owns (render --regio): its DIN, schuifjes and
 * coverage `.mmd` files, without the index; marked partial, so writing it removes nothing.
 */
export function regionSet(set: DiagramSet, region: string): DiagramSet & { partial: true } {
  const diagrams = set.diagrams.filter((d) => d.regio === region);
  const names = new Set(diagrams.map((d) => `${d.name}.mmd`));
  return {
    files: set.files.filter((f) => names.has(f.name)),
    diagrams,
    splits: set.splits.filter((s) => diagrams.some((d) => d.deelVan === s.view)),
    oversized: set.oversized.filter((o) => diagrams.some((d) => d.name === o.name)),
    partial: true,
  };
}

export function regionIds(checked: CheckedWorkspace): string[] {
  return [...checked.workspace.elements.values()].filter((e) => e.type === 'regio').map((e) => e.id);
}

/** The report's analysis: the nation, or one region (already analysed when it has a DIN). */
export function reportAnalysis(checked: CheckedWorkspace, drawable: Drawable, regio?: string): { analysis: Analysis; diagrams: Diagram[] } {
  if (!regio) return { analysis: drawable.national, diagrams: drawable.set.diagrams };
  const analysis = drawable.regional.find((r) => r.regio_filter === regio) ?? analyse(checked.built, { diagnostics: checked.diagnostics, regio });
  return { analysis, diagrams: drawable.set.diagrams.filter((d) => d.regio === regio) };
}

/** The version label of each diagram: its region's DIN file, or all files for national views. */
export function versionsFor(checked: CheckedWorkspace, cwd: string): { of: (d: Pick<AnyDiagram, 'regio'>) => string; all: ModelVersion } {
  const files = checked.files.map((f) => resolve(cwd, f));
  const versionOf = modelVersions(files, cwd);
  const dinFile = new Map(filesOfKind(checked.workspace, 'din').map((f) => [f.model.regio, resolve(cwd, f.source.path)] as const));
  const all = versionOf(files);
  const labels = new Map<string, string>();
  return {
    all,
    of: (d) => {
      const file = d.regio ? dinFile.get(d.regio) : undefined;
      if (!file) return all.label;
      let label = labels.get(file);
      if (label === undefined) labels.set(file, (label = versionOf([file]).label));
      return label;
    },
  };
}

export function regionName(checked: CheckedWorkspace): (id: string) => string {
  return (id) => checked.workspace.elements.get(id)?.label ?? id;
}

export interface BrowserOutputRequest {
  outDir: string;
  /** What the command read: never written over or into (see write/guard.ts). */
  inputs: Inputs;
  svg: boolean;
  pdf: boolean;
  /** Wall posters: A3 sheets to tape together, labels readable from 2 m. */
  muur?: boolean;
  papier?: Paper;
  /** Also write the HTML report next to the diagrams (npm start). */
  report?: boolean;
  /**
   * Only this region (render --regio): its diagrams, its own PDF and its worksheet; nothing
   * of other regions is written or removed, and posters.pdf and the report are not made.
   */
  region?: string;
}

export type OutputStep =
  | { step: 'drawn'; total: number; fromCache: number; ms: number }
  | { step: 'svg'; dir: string; written: WriteReport }
  | { step: 'posters'; path: string; posters: PosterResult; ms: number }
  | { step: 'muur'; dir: string; posters: WallPoster[]; written: WriteReport; ms: number }
  | { step: 'werkbladen'; dir: string; sheets: Worksheet[]; written: WriteReport; ms: number }
  | { step: 'regio'; dir: string; regios: { regio: string; pages: number }[]; written: WriteReport; ms: number }
  | { step: 'report'; path: string };

/** Draws the diagram set once and writes what the request asks for, reporting each step. */
export async function writeBrowserOutputs(
  checked: CheckedWorkspace,
  drawable: Drawable,
  renderer: BrowserRenderer,
  request: BrowserOutputRequest,
  opts: { cwd: string; onStep: (s: OutputStep) => void },
): Promise<void> {
  const { national, regional } = drawable;
  const { outDir, region } = request;
  const partial = region !== undefined;
  const set = partial ? regionSet(drawable.set, region) : drawable.set;
  const writeOpts = { inputs: request.inputs, partial };
  let t = Date.now();
  const drawn = await drawDiagrams(set.diagrams, renderer);
  opts.onStep({ step: 'drawn', total: drawn.length, fromCache: drawn.filter((d) => d.fromCache).length, ms: Date.now() - t });
  if (request.svg) opts.onStep({ step: 'svg', dir: outDir, written: await writeSvgs(outDir, drawn, writeOpts) });
  const versions = versionsFor(checked, opts.cwd);
  // What every printed page says about its diagram: the same on posters and wall sheets.
  const page = {
    regioNaam: regionName(checked),
    versie: versions.of,
    title: 'tocdin — diagrammen van het onderwijsregiobeleid',
    date: new Date(`${versions.all.datum}T12:00:00Z`),
  };
  const posterOpts = {
    ...page,
    ...(request.papier ? { papier: request.papier } : {}),
    partsOf: (d: AnyDiagram) => partsOf(national, regional, d),
  };
  if (request.pdf && !partial) {
    t = Date.now();
    // Regional coverage is in each region's own PDF (and the report), not in the national set.
    const posters = await renderPosters(
      drawn.filter((d) => !(d.view === 'dekking' && d.regio)),
      renderer,
      { ...posterOpts, tablePages: gapMapPages(national.bewijs, versions.all.label) },
    );
    const path = join(outDir, POSTERS_FILE);
    await writeOutputFile(path, posters.pdf, { inputs: request.inputs });
    opts.onStep({ step: 'posters', path, posters, ms: Date.now() - t });
  }
  if (request.pdf) {
    // One PDF per region: its summary page, then its diagrams; and the worksheets.
    t = Date.now();
    const regions = partial ? [region] : national.dins.map((d) => d.regio);
    const pdfs: { regio: string; pdf: Uint8Array; pages: number }[] = [];
    for (const r of regions) {
      const regionVersion = versions.of({ regio: r });
      pdfs.push({ regio: r, ...(await renderRegionPdf(national, r, drawn, renderer, { ...posterOpts, title: `Regio ${page.regioNaam(r)}`, regionVersion })) });
    }
    const written = await writeRegionPdfs(outDir, pdfs, writeOpts);
    opts.onStep({ step: 'regio', dir: outDir, regios: pdfs.map(({ regio: r, pages }) => ({ regio: r, pages })), written, ms: Date.now() - t });
    t = Date.now();
    const sheets = await renderWorksheets(national, renderer, {
      versie: (r) => (r ? versions.of({ regio: r }) : versions.all.label),
      regioNaam: page.regioNaam,
      date: page.date,
      ...(partial ? { regions: [region] } : {}),
    });
    const dir = join(outDir, WORKSHEET_DIR);
    opts.onStep({ step: 'werkbladen', dir, sheets, written: await writeWorksheets(dir, sheets, writeOpts), ms: Date.now() - t });
  }
  if (request.muur) {
    t = Date.now();
    const posters = await renderWallPosters(drawn, renderer, { ...page, partsOf: posterOpts.partsOf });
    const dir = join(outDir, WALL_DIR);
    opts.onStep({ step: 'muur', dir, posters, written: await writeWallPosters(dir, posters, writeOpts), ms: Date.now() - t });
  }
  if (request.report && !partial) {
    const path = join(outDir, REPORT_FILE);
    // With --svg the drawings are next to the report, and it links to them.
    // Coverage in its parts (drawn for the posters already, so taken from the cache).
    const byName = new Map(drawn.map((d) => [d.name, d] as const));
    const figures = reportFigures(drawable, set.diagrams);
    const parts = await drawDiagrams(figures.filter((d) => !byName.has(d.name)), renderer);
    for (const p of parts) byName.set(p.name, p);
    const shown = figures.map((d) => byName.get(d.name)!);
    const projectie = await drawnProjections(reportProjections(checked, {}), renderer);
    await writeOutputFile(path, RENDERERS.html(national, { diagrams: shown, modelVersie: versions.all.label, svgFiles: request.svg, projectie }), { inputs: request.inputs });
    opts.onStep({ step: 'report', path });
  }
}

/**
 * What the HTML report shows of `diagrams`: a coverage view in its parts (a few
 * onderzoeksvragen each, as on the posters), so each question stands beside its deelvragen
 * in a figure no taller than a screen; the whole view is one link away, as its `.svg`.
 */
export function reportFigures(drawable: Drawable, diagrams: readonly Diagram[]): Diagram[] {
  return diagrams.flatMap((d) => {
    const parts = d.view === 'dekking' ? partsOf(drawable.national, drawable.regional, d) : [];
    return parts.length ? parts : [d];
  });
}

/** The diagrams a report of the nation or of `regio` shows (their names, for checking where their `.svg` files go). */
export function reportDiagrams(checked: CheckedWorkspace, drawable: Drawable, regio?: string): Diagram[] {
  return reportAnalysis(checked, drawable, regio).diagrams;
}

/**
 * The report of the nation or one region, as Markdown (no browser) or self-contained HTML.
 * `svgDir`: write each drawing as `<name>.svg` there (next to the report) and link to it.
 */
export async function buildReport(
  checked: CheckedWorkspace,
  drawable: Drawable,
  request: { format: 'html' | 'md'; regio?: string; cwd: string; renderer?: BrowserRenderer; svgDir?: string; inputs?: Inputs },
): Promise<{ content: string; diagrams: number; svgs?: WriteReport }> {
  const { analysis, diagrams } = reportAnalysis(checked, drawable, request.regio);
  const s = checked.scenario;
  // A scenario’s report says so where the model version stands: under the title.
  const modelVersie = versionsFor(checked, request.cwd).all.label + (s ? `; met scenario ${s.id} (${checked.workspace.elements.get(s.id)?.label ?? s.id}): het model zoals het scenario het maakt` : '');
  const projectie = reportProjections(checked, request.regio === undefined ? {} : { regio: request.regio });
  if (request.format === 'md') return { content: RENDERERS.md(analysis, { diagrams: diagrams, modelVersie, projectie }), diagrams: diagrams.length };
  if (!request.renderer) throw new Error('buildReport: html needs a renderer');
  const figures = reportFigures(drawable, diagrams);
  // The whole views too when their .svg files are written (the parts link to them).
  const drawn = await drawDiagrams(request.svgDir !== undefined ? [...figures, ...diagrams.filter((d) => !figures.includes(d))] : figures, request.renderer);
  const wholes = new Set(diagrams.map((d) => d.name));
  const svgs = request.svgDir !== undefined ? await writeSvgFiles(request.svgDir, drawn.filter((d) => wholes.has(d.name)), request.inputs ? { inputs: request.inputs } : {}) : undefined;
  const shown = drawn.slice(0, figures.length);
  return { content: RENDERERS.html(analysis, { diagrams: shown, modelVersie, svgFiles: svgs !== undefined, projectie: await drawnProjections(projectie, request.renderer) }), diagrams: diagrams.length, ...(svgs ? { svgs } : {}) };
}

type ProjectionView = { projection: Projection; chart: Diagram | null };

/**
 * The projections a report shows: under a scenario with levers, its sector with them; else
 * the baseline of po and vo (for a region: the sectors it has; the projection says why it
 * cannot be made when the register lacks the figures).
 */
export function reportProjections(checked: CheckedWorkspace, q: { regio?: string }): ProjectionView[] {
  if (leverScenario(checked)?.model.projectie) {
    const one = projectionFor(checked, q);
    return one ? [one] : [];
  }
  const region = q.regio ? filesOfKind(checked.workspace, 'regioregister').flatMap((f) => f.model.regios).find((r) => r.id === q.regio) : undefined;
  const sectors = PROJECTION_SECTORS.filter((s) => !region || region.sectoren.includes(s));
  return sectors.flatMap((sector) => projectionFor(checked, { ...q, sector }) ?? []);
}

/** The projection of a scenario that has levers (`vergelijk`); null when it (and what it builds on) has none. */
export function scenarioProjection(checked: CheckedWorkspace, q: ProjectionQuery = {}): Projection | null {
  if (!leverScenario(checked)?.model.projectie) return null;
  return projectionFor(checked, q)?.projection ?? null;
}

/** The chart of that projection, for the scenario’s folder of diagrams (`render`). */
export function scenarioProjectionChart(checked: CheckedWorkspace): Diagram | null {
  const p = scenarioProjection(checked);
  return p ? projectionChart(p) : null;
}

/** The projections with their charts drawn (for the HTML report). */
async function drawnProjections(views: readonly ProjectionView[], renderer: BrowserRenderer): Promise<{ projection: Projection; chart: AnyDiagram | null }[]> {
  const charts = views.flatMap((v) => (v.chart ? [v.chart] : []));
  const drawn = charts.length ? await drawDiagrams(charts, renderer) : [];
  return views.map((v) => ({ projection: v.projection, chart: v.chart ? drawn[charts.indexOf(v.chart)]! : null }));
}

export interface ProjectionQuery {
  /** Default: the scenario’s sector, else po. */
  sector?: ProjectionSector;
  /** Default: the region the scenario’s projection names, else national. */
  regio?: string;
}

/**
 * The scenario whose levers the projection uses: of the applied scenario (`--scenario`) and
 * the ones it builds on, the last that has a `projectie` block; the applied one itself when
 * none has (the output then says it has no parameters). Undefined without a scenario.
 */
function leverScenario(checked: CheckedWorkspace) {
  const applied = checked.scenario;
  if (!applied) return undefined;
  const files = filesOfKind(checked.workspace, 'scenario');
  const byId = (id: string) => files.find((f) => f.model.id === id);
  return [...applied.chain].reverse().map(byId).find((f) => f?.model.projectie) ?? byId(applied.id);
}

/**
 * The shortage projection of the workspace (`tocdin projectie`, the report, `vergelijk`):
 * the defaults from the `soort: projectie` file, the levers of the applied scenario. Null
 * when the workspace has no projection defaults. Ids must be known (the CLI checks them first).
 */
export function projectionFor(checked: CheckedWorkspace, q: ProjectionQuery = {}): { projection: Projection; chart: Diagram | null } | null {
  const defaults = filesOfKind(checked.workspace, 'projectie')[0];
  if (!defaults) return null;
  const scenario = leverScenario(checked);
  const levers = scenario?.model.projectie;
  const regionId = q.regio ?? levers?.regio;
  const region = regionId ? filesOfKind(checked.workspace, 'regioregister').flatMap((f) => f.model.regios).find((r) => r.id === regionId) : undefined;
  const projection = project({
    defaults: defaults.model,
    defaultsFile: defaults.source.path,
    sector: q.sector ?? levers?.sector ?? 'po',
    ...(scenario ? { scenario: { model: scenario.model, file: scenario.source.path } } : {}),
    ...(region ? { region } : {}),
  });
  return { projection, chart: projectionChart(projection) };
}
