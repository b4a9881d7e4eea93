/**
 * Benchmark: drawing the diagram set to SVG with tocdin's renderer (one Chromium page, a
 * content-hash cache) against mermaid-cli as a user would run it: one `mmdc` process per
 * diagram, one after the other.
 *
 *   npx tsx bench/render.ts                    # mmdc on every diagram of both sets (slow)
 *   npx tsx bench/render.ts --mmdc-sample 10   # mmdc on 10 diagrams per set, extrapolated
 *   BENCH_QUICK=1 npx tsx bench/render.ts      # the same as --mmdc-sample 10
 *
 * Sets: the bundled models/ and a synthetic workspace with 50 regions (bench/generate.ts);
 * the mmdc comparison uses the first 50 diagrams of the synthetic set. Our renderer is timed
 * from construction to close(), browser launch included, three times (median), each cold run
 * with a fresh empty cache (the full synthetic set once: it takes minutes). Then, with a
 * filled cache: the same set again (all hits, the browser must not start) and the set after
 * editing one inspanning of one synthetic region, each three times. mmdc runs once. It
 * reports and does not judge (exit 0); exit 2 when Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BrowserRenderer, checkWorkspace, diagramsFor, findChromium } from '../src/index.js';
import { INSTALL_COMMAND } from '../src/browser/chromium.js';
import type { SvgJob } from '../src/browser/render.js';
import { generateWorkspace, regionId } from './generate.js';
import { fmtMs, median, table } from './format.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const MMDC = join(REPO, 'node_modules', '.bin', 'mmdc');
const RUNS = 3;
/** The full synthetic set takes minutes cold; its one run is only the yardstick for the cached re-render. */
const COLD_FULL_RUNS = 1;
const REGIONS = 50;
const COMPARE_N = 50;
const QUICK_SAMPLE = 10;
/** Middle of the range, so the edit is not special by being first or last. */
const EDITED_REGION = 25;
const EDIT_SUFFIX = ' (gewijzigd)';
const TARGET_RATIO = 12;
const TARGET_FRACTION = 0.1;
/** Flags as in the brief (and close to src/browser/chromium.ts), so both sides run the same browser the same way. */
const MMDC_BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface BuiltSet {
  jobs: SvgJob[];
  /** checkWorkspace + analyses + renderDiagramSet: paid by the CLI too, but not part of the render timings. */
  pipelineMs: number;
  errors: number;
}

interface RenderRun {
  ms: number;
  drawn: number;
  hits: number;
  misses: number;
  launched: boolean;
}

interface MmdcResult {
  n: number;
  sampled: number;
  /** Wall time per sampled diagram, process start to exit. */
  ms: number[];
  failures: string[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const fmtS = (ms: number) => (ms / 1000 >= 10 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
const spread = (xs: readonly number[]) => (xs.length === 1 ? fmtS(xs[0]!) : `${fmtS(median(xs))} (${fmtS(Math.min(...xs))}–${fmtS(Math.max(...xs))})`);
const log = (msg: string) => process.stderr.write(`  … ${msg}\n`);

function buildSet(paths: string[], cwd: string): BuiltSet {
  const t0 = performance.now();
  const outcome = checkWorkspace(paths, cwd);
  const { set } = diagramsFor(outcome);
  const pipelineMs = performance.now() - t0;
  if (set.diagrams.length === 0) throw new Error(`geen diagrammen uit ${join(cwd, ...paths)}`);
  const errors = [...outcome.usageProblems, ...outcome.diagnostics].filter((d) => d.severity === 'error').length;
  return { jobs: set.diagrams.map((d) => ({ name: d.name, mermaid: d.mermaid })), pipelineMs, errors };
}

async function renderOnce(jobs: readonly SvgJob[], executablePath: string, cacheDir: string | undefined): Promise<RenderRun> {
  const t0 = performance.now();
  const renderer = new BrowserRenderer({ cacheDir, executablePath });
  let launched = false;
  try {
    await renderer.renderSvgs(jobs);
    // Asked before close(), which forgets the session.
    launched = renderer.browser !== undefined;
  } finally {
    await renderer.close();
  }
  return { ms: performance.now() - t0, drawn: renderer.drawn, hits: renderer.cache.hits, misses: renderer.cache.misses, launched };
}

/** One mmdc process per diagram; the sample is spread over the set, which cycles DIN, schuifjes and coverage views per region. */
function runMmdc(jobs: readonly SvgJob[], k: number, config: string, dir: string): MmdcResult {
  const n = jobs.length;
  const sampled = Math.min(k, n);
  const indices = Array.from({ length: sampled }, (_, j) => Math.floor((j * n) / sampled));
  const ms: number[] = [];
  const failures: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const i of indices) {
    const job = jobs[i]!;
    const input = join(dir, `${job.name}.mmd`);
    const output = join(dir, `${job.name}.svg`);
    writeFileSync(input, job.mermaid);
    const t0 = performance.now();
    const r = spawnSync(MMDC, ['-i', input, '-o', output, '-p', config], { encoding: 'utf8', timeout: 180_000 });
    ms.push(performance.now() - t0);
    // A failed diagram still costs its time; it is counted, and named below the table.
    const ok = r.status === 0 && existsSync(output) && readFileSync(output, 'utf8').includes('<svg');
    if (!ok) failures.push(`${job.name}: ${r.error?.message ?? (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n')[0]}`);
    log(`mmdc ${ms.length}/${sampled} ${job.name} ${fmtS(ms.at(-1)!)} s${ok ? '' : ' MISLUKT/FAILED'}`);
  }
  return { n, sampled, ms, failures };
}

function parseSample(argv: string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--mmdc-sample' ? argv[++i] : a.startsWith('--mmdc-sample=') ? a.slice('--mmdc-sample='.length) : null;
    if (v === null) {
      console.error(`onbekend argument / unknown argument: ${a}\ngebruik / usage: npx tsx bench/render.ts [--mmdc-sample K]`);
      process.exit(2);
    }
    const k = Number(v);
    if (!Number.isInteger(k) || k < 0) {
      console.error('--mmdc-sample K: K is een geheel getal ≥ 0 / a whole number ≥ 0 (0 = skip mmdc)');
      process.exit(2);
    }
    return k;
  }
  return process.env['BENCH_QUICK'] === '1' ? QUICK_SAMPLE : undefined;
}

/** Appends to the first inspanning's one-line tekst: a change that touches that region's diagrams only. */
function editOneRegion(workspace: string): string {
  const rel = join('regios', `${regionId(EDITED_REGION, REGIONS)}.yaml`);
  const file = join(workspace, rel);
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\ninspanningen:\n');
  const m = start < 0 ? null : /^( {4}tekst: ".*)"$/m.exec(text.slice(start));
  if (!m) throw new Error(`geen inspanning met een tekst van één regel in ${rel}; past bench/generate.ts nog bij deze benchmark?`);
  const at = start + m.index;
  writeFileSync(file, `${text.slice(0, at)}${m[1]}${EDIT_SUFFIX}"${text.slice(at + m[0].length)}`);
  return `${rel}: ${m[1]!.trim()}${EDIT_SUFFIX}"`;
}

async function main(): Promise<void> {
  const sampleArg = parseSample(process.argv.slice(2));
  const chromium = findChromium();
  if (!chromium) {
    console.error(`Chromium ontbreekt / Chromium is missing. Installeer / install: ${INSTALL_COMMAND}`);
    process.exit(2);
  }
  const mmdcPresent = existsSync(MMDC);
  const root = mkdtempSync(join(tmpdir(), 'tocdin-bench-render-'));
  try {
    console.log(`tocdin render benchmark — Node ${process.version}, Chromium ${chromium}, tocdin ${RUNS}× (median; cold B ${COLD_FULL_RUNS}×), mmdc 1×`);

    log('diagrammen bouwen / building diagram sets');
    // Untimed first pass: module loading and the schemas' first use would otherwise land in A's pipeline time.
    buildSet(['models'], REPO);
    const bundled = buildSet(['models'], REPO);
    const synthDir = join(root, 'synth');
    generateWorkspace(synthDir, REGIONS);
    const synth = buildSet(['.'], synthDir);
    const compare = synth.jobs.slice(0, COMPARE_N);
    // Which diagrams should be redrawn after the edit: the ones whose mermaid text changed.
    const edit = editOneRegion(synthDir);
    const changed = buildSet(['.'], synthDir);
    const before = new Map(synth.jobs.map((j) => [j.name, j.mermaid]));
    const expectedRedraw = changed.jobs.filter((j) => before.get(j.name) !== j.mermaid).length;

    // Untimed: the first launch pays for loading playwright-core and reading Chromium and
    // mermaid from disk; "cold" below means an empty cache, not an empty page cache.
    log('opwarmen / warm-up');
    await renderOnce([{ name: 'warmup', mermaid: 'flowchart LR\n  a --> b' }], chromium, undefined);

    const cold = { bundled: [] as RenderRun[], compare: [] as RenderRun[], synth: [] as RenderRun[] };
    const unchanged = { bundled: [] as RenderRun[], synth: [] as RenderRun[] };
    const oneRegion: RenderRun[] = [];
    const cache = (name: string, r: number) => join(root, `cache-${name}-${r}`);
    for (let r = 0; r < RUNS; r++) {
      log(`tocdin koud / cold A, C ${r + 1}/${RUNS}`);
      cold.bundled.push(await renderOnce(bundled.jobs, chromium, cache('bundled', r)));
      cold.compare.push(await renderOnce(compare, chromium, cache('compare', r)));
    }
    for (let r = 0; r < COLD_FULL_RUNS; r++) {
      log(`tocdin koud / cold B ${r + 1}/${COLD_FULL_RUNS} (${synth.jobs.length} diagrams)`);
      cold.synth.push(await renderOnce(synth.jobs, chromium, cache('synth', r)));
    }
    for (let r = 0; r < RUNS; r++) {
      log(`tocdin cache ${r + 1}/${RUNS}`);
      unchanged.bundled.push(await renderOnce(bundled.jobs, chromium, cache('bundled', r)));
      unchanged.synth.push(await renderOnce(synth.jobs, chromium, cache('synth', 0)));
      // A copy per run: the edited run adds its redrawn diagram, so the next run must
      // start again from exactly what the cold run left behind.
      const filled = join(root, `cache-edit-${r}`);
      cpSync(cache('synth', 0), filled, { recursive: true });
      oneRegion.push(await renderOnce(changed.jobs, chromium, filled));
    }

    const mmdcSets: { label: string; jobs: SvgJob[]; k: number }[] = [
      { label: 'bundled', jobs: bundled.jobs, k: sampleArg ?? bundled.jobs.length },
      { label: 'compare', jobs: compare, k: sampleArg ?? compare.length },
    ];
    const mmdc = new Map<string, MmdcResult>();
    if (mmdcPresent) {
      const config = join(root, 'puppeteer.json');
      writeFileSync(config, JSON.stringify({ executablePath: chromium, args: MMDC_BROWSER_ARGS }));
      if (mmdcSets.some((s) => s.k > 0)) {
        log('mmdc opwarmen / warm-up');
        runMmdc([{ name: 'warmup', mermaid: 'flowchart LR\n  a --> b' }], 1, config, join(root, 'mmdc-warmup'));
      }
      for (const s of mmdcSets) if (s.k > 0) mmdc.set(s.label, runMmdc(s.jobs, s.k, config, join(root, `mmdc-${s.label}`)));
    }

    // ---------- report
    const short = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);
    console.log('\nSets');
    console.log(
      table(
        ['set', 'diagrams', 'errors', 'pipeline ms', 'contents'],
        [
          ['A  bundled models/', String(bundled.jobs.length), String(bundled.errors), fmtMs(bundled.pipelineMs), 'all'],
          [`B  synthetic, ${REGIONS} regions`, String(synth.jobs.length), String(synth.errors), fmtMs(synth.pipelineMs), 'all'],
          [`C  synthetic, first ${compare.length}`, String(compare.length), '', '', `${short(compare[0]!.name)} … ${short(compare.at(-1)!.name)}`],
          [`B' B after edit`, String(changed.jobs.length), String(changed.errors), fmtMs(changed.pipelineMs), `${expectedRedraw} diagram(s) changed`],
        ],
        [0, 4],
      ),
    );
    console.log(`edit: ${edit}`);
    console.log('pipeline ms = checkWorkspace + analyses + renderDiagramSet (not in the render times below)');

    console.log(`\nCold render, empty cache, browser launch included (s; tocdin median of ${RUNS} (min–max), B ${COLD_FULL_RUNS}×; mmdc once)`);
    const ratioRows: string[][] = [];
    const notes: string[] = [];
    let ratioAt50: number | undefined;
    const coldRows: [string, string, SvgJob[], RenderRun[]][] = [
      ['A', 'bundled', bundled.jobs, cold.bundled],
      ['C', 'compare', compare, cold.compare],
      ['B', 'synth', synth.jobs, cold.synth],
    ];
    for (const [set, key, jobs, runs] of coldRows) {
      const ours = median(runs.map((x) => x.ms));
      const m = mmdc.get(key);
      const drawnOk = runs.every((x) => x.drawn === jobs.length && x.launched);
      let mmdcCells = ['—', '—', '—', '—'];
      if (m) {
        const perDiagram = sum(m.ms) / m.ms.length;
        const total = perDiagram * m.n;
        const ratio = total / ours;
        if (key === 'compare') ratioAt50 = ratio;
        const basis = m.sampled === m.n ? `measured ${m.n}/${m.n}` : `extrapolated from ${m.sampled}/${m.n}`;
        mmdcCells = [fmtS(total), fmtS(perDiagram), basis, `${ratio.toFixed(1)}×`];
        if (m.failures.length) notes.push(`mmdc failed on ${m.failures.length} of ${m.sampled} (set ${set}): ${m.failures.slice(0, 3).join('; ')}`);
      }
      if (!drawnOk) notes.push(`set ${set}: a cold run did not draw every diagram (drawn ${runs.map((x) => x.drawn).join('/')} of ${jobs.length})`);
      ratioRows.push([set, String(jobs.length), spread(runs.map((x) => x.ms)), fmtS(ours / jobs.length), ...mmdcCells]);
    }
    console.log(table(['set', 'N', 'tocdin', 'tocdin/diagram', 'mmdc', 'mmdc/diagram', 'mmdc basis', 'mmdc/tocdin'], ratioRows, [0, 6]));
    if (!mmdcPresent) notes.push(`mmdc not found at ${MMDC}: no comparison`);
    else if (mmdc.size === 0) notes.push('mmdc skipped (--mmdc-sample 0)');

    const coldFull = median(cold.synth.map((x) => x.ms));
    console.log(`\nRe-render with a filled cache (a new renderer on the cacheDir its cold run filled; s, median of ${RUNS}; fraction of cold B = ${fmtS(coldFull)} s)`);
    const cacheRows: [string, string, number, number, RenderRun[]][] = [
      ['no change', 'A', bundled.jobs.length, 0, unchanged.bundled],
      ['no change', 'B', synth.jobs.length, 0, unchanged.synth],
      ['one region edited', "B'", changed.jobs.length, expectedRedraw, oneRegion],
    ];
    const fraction = median(oneRegion.map((x) => x.ms)) / coldFull;
    console.log(
      table(
        ['case', 'set', 'N', 'redrawn', 'expected', 'hit rate', 'browser', 'time', 'of cold B'],
        cacheRows.map(([label, set, n, expected, runs]) => {
          const hits = sum(runs.map((x) => x.hits));
          const lookups = sum(runs.map((x) => x.hits + x.misses));
          const drawn = runs.map((x) => x.drawn);
          const launched = runs.filter((x) => x.launched).length;
          if (drawn.some((d) => d !== expected)) notes.push(`${label}: redrawn ${drawn.join('/')} per run, expected ${expected}`);
          return [
            label,
            set,
            String(n),
            String(median(drawn)),
            String(expected),
            `${((100 * hits) / lookups).toFixed(1)}%`,
            launched === 0 ? 'not started' : `started ${launched}/${runs.length}`,
            spread(runs.map((x) => x.ms)),
            (median(runs.map((x) => x.ms)) / coldFull).toFixed(3),
          ];
        }),
      ),
    );
    console.log(`one region edited, end to end as the CLI would: pipeline ${fmtS(changed.pipelineMs)} s + render ${fmtS(median(oneRegion.map((x) => x.ms)))} s`);
    if (unchanged.bundled.some((x) => x.launched) || unchanged.synth.some((x) => x.launched)) notes.push('the browser was started although every diagram was in the cache');

    console.log('\nTargets');
    const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
    const m50 = mmdc.get('compare');
    console.log(
      table(
        ['target', 'value', 'goal', 'verdict'],
        [
          [
            `mmdc/tocdin at ${compare.length} diagrams (set C)${m50 && m50.sampled < m50.n ? `, mmdc extrapolated from ${m50.sampled}` : ''}`,
            ratioAt50 === undefined ? '—' : `${ratioAt50.toFixed(1)}×`,
            `≥ ${TARGET_RATIO}×`,
            verdict(ratioAt50 === undefined ? undefined : ratioAt50 >= TARGET_RATIO),
          ],
          ['one region edited / cold full render (set B)', fraction.toFixed(3), `< ${TARGET_FRACTION.toFixed(2)}`, verdict(fraction < TARGET_FRACTION)],
        ],
      ),
    );
    if (notes.length) {
      console.log('\nNotes');
      for (const n of notes) console.log(`  ${n}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
