/**
 * Benchmark: how the pipeline scales with the number of regions.
 *
 *   npm run bench              # N = 50 and 500
 *   npm run bench -- 50 500 1000
 *
 * Per N: generate a synthetic workspace (bench/generate.ts) in a temp dir, one warm-up run
 * at N=50, then the median of 3 runs per stage, measured in-process with performance.now():
 * load+validate (read, YAML, zod, resolve), build graph, lint, analyse, and the floor: bare
 * yaml.parse of the same files. It reports; it does not judge (exit 0), except when the
 * generator itself is broken (validation errors → exit 1).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { analyse } from '../src/analyse/analyse.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { buildGraph } from '../src/graph/build.js';
import { lint } from '../src/lint/rules.js';
import { loadWorkspace } from '../src/pipeline.js';
import { generateWorkspace, type GeneratedWorkspace } from './generate.js';
import { fmtMs, median, table } from './format.js';

const RUNS = 3;
const WARMUP_N = 50;
/** Allowed growth per stage: 1.2 × the growth in N (12 for 50 → 500). */
const SLACK = 1.2;

const STAGES = ['laden', 'graaf', 'lint', 'analyse', 'totaal'] as const;
type StageName = (typeof STAGES)[number];
const STAGE_LABEL: Record<StageName | 'yaml', string> = {
  laden: '(a) laden + valideren',
  graaf: '(b) graaf bouwen',
  lint: '(c) lint',
  analyse: '(d) analyse',
  totaal: '(e) totaal',
  yaml: 'vloer: kale yaml.parse',
};

interface Result {
  n: number;
  files: number;
  bytes: number;
  elements: number;
  nodes: number;
  edges: number;
  errors: number;
  warnings: number;
  info: number;
  ms: Record<StageName | 'yaml', number>;
  runs: Record<StageName | 'yaml', number[]>;
  peakRssMb: number;
  maxRssMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

interface RunOutcome {
  ms: Record<StageName, number>;
  diagnostics: Diagnostic[];
  usageProblems: Diagnostic[];
  failedFiles: string[];
  elements: number;
  nodes: number;
  edges: number;
  peakRss: number;
}

function runPipeline(dir: string): RunOutcome {
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const t0 = performance.now();
  const loaded = loadWorkspace(['.'], dir);
  const t1 = performance.now();
  sample();
  const t2 = performance.now();
  const built = buildGraph(loaded.workspace);
  const t3 = performance.now();
  sample();
  const t4 = performance.now();
  const lintDiags = lint(built);
  const t5 = performance.now();
  sample();
  const diagnostics = [...loaded.diagnostics, ...lintDiags];
  const t6 = performance.now();
  const analysis = analyse(built, { diagnostics });
  const t7 = performance.now();
  sample();
  if (analysis.dins.length === 0) throw new Error('analyse vond geen DIN');
  const ms = { laden: t1 - t0, graaf: t3 - t2, lint: t5 - t4, analyse: t7 - t6, totaal: 0 };
  ms.totaal = ms.laden + ms.graaf + ms.lint + ms.analyse;
  return {
    ms,
    diagnostics,
    usageProblems: loaded.usageProblems,
    failedFiles: loaded.failedFiles,
    elements: loaded.workspace.elements.size,
    nodes: built.graph.order,
    edges: built.graph.size,
    peakRss,
  };
}

function bareYaml(gen: GeneratedWorkspace): number {
  const t0 = performance.now();
  let keys = 0;
  for (const f of gen.files) {
    const doc = parse(readFileSync(join(gen.dir, f), 'utf8')) as Record<string, unknown>;
    keys += Object.keys(doc).length;
  }
  const t1 = performance.now();
  if (keys === 0) throw new Error('geen YAML gelezen');
  return t1 - t0;
}

function checkGenerated(n: number, o: RunOutcome): void {
  const errors = [...o.usageProblems, ...o.diagnostics].filter((d) => d.severity === 'error');
  const warnings = o.diagnostics.filter((d) => d.severity === 'warning').length;
  console.log(`  N=${n}: ${errors.length} fouten, ${warnings} waarschuwingen${o.failedFiles.length ? `, ${o.failedFiles.length} bestanden mislukt` : ''}`);
  if (errors.length > 0 || o.failedFiles.length > 0) {
    console.error(`\nDe generator is stuk: de synthetische werkruimte voor N=${n} valideert niet. Eerste fouten:`);
    for (const d of errors.slice(0, 5)) console.error(`  ${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
    process.exit(1);
  }
}

function measure(n: number): Result {
  const dir = mkdtempSync(join(tmpdir(), `tocdin-bench-${n}-`));
  try {
    const gen = generateWorkspace(dir, n);
    const runs = { laden: [], graaf: [], lint: [], analyse: [], totaal: [], yaml: [] } as Record<StageName | 'yaml', number[]>;
    let last: RunOutcome | undefined;
    let peakRss = 0;
    for (let i = 0; i < RUNS; i++) {
      const o = runPipeline(dir);
      if (i === 0) checkGenerated(n, o);
      for (const s of STAGES) runs[s].push(o.ms[s]);
      peakRss = Math.max(peakRss, o.peakRss);
      last = o;
    }
    for (let i = 0; i < RUNS; i++) runs.yaml.push(bareYaml(gen));
    const o = last!;
    const ms = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<StageName | 'yaml', number>;
    return {
      n,
      files: gen.files.length,
      bytes: gen.bytes,
      elements: o.elements,
      nodes: o.nodes,
      edges: o.edges,
      errors: o.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: o.diagnostics.filter((d) => d.severity === 'warning').length,
      info: o.diagnostics.filter((d) => d.severity === 'info').length,
      ms,
      runs,
      peakRssMb: mb(peakRss),
      // resourceUsage().maxRSS is in KiB and is the peak of the whole process so far.
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmtRatio = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '∞');

function main(): void {
  const args = process.argv.slice(2).map(Number);
  const ns = (args.length ? args : [50, 500]).filter((x) => Number.isInteger(x) && x > 0);
  if (ns.length === 0) {
    console.error('gebruik: npm run bench -- [N …]   (positieve gehele getallen, bijv. 50 500)');
    process.exit(2);
  }
  ns.sort((a, b) => a - b);
  console.log(`tocdin benchmark — Node ${process.version}, ${RUNS} metingen per N (mediaan), opwarmen met N=${WARMUP_N}`);

  // Warm-up: JIT, module loading and the zod schemas' first-use costs stay out of the numbers.
  {
    const dir = mkdtempSync(join(tmpdir(), 'tocdin-bench-warmup-'));
    try {
      generateWorkspace(dir, WARMUP_N);
      runPipeline(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log('\nValidatie van de gegenereerde werkruimtes:');
  const results: Result[] = [];
  for (const n of ns) {
    const t0 = performance.now();
    results.push(measure(n));
    console.log(`    (N=${n} klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s, inclusief genereren)`);
  }

  console.log('\nOmvang');
  console.log(
    table(
      ['N', 'bestanden', 'KiB YAML', 'elementen', 'knopen', 'kanten', 'fouten', 'waarsch.', 'info'],
      results.map((r) => [String(r.n), String(r.files), (r.bytes / 1024).toFixed(0), String(r.elements), String(r.nodes), String(r.edges), String(r.errors), String(r.warnings), String(r.info)]),
    ),
  );

  console.log('\nTijd per fase (ms, mediaan van 3; tussen haakjes min–max)');
  const rowsFor = (s: StageName | 'yaml') => [STAGE_LABEL[s], ...results.map((r) => `${fmtMs(r.ms[s])} (${fmtMs(Math.min(...r.runs[s]))}–${fmtMs(Math.max(...r.runs[s]))})`)];
  console.log(table(['fase', ...results.map((r) => `N=${r.n}`)], [...STAGES.map(rowsFor), rowsFor('yaml')]));

  const over: string[] = [];
  if (results.length >= 2) {
    console.log('\nGroei per fase');
    const pairs = results.slice(1).map((b, i) => [results[i]!, b] as const);
    const rows: string[][] = [];
    for (const s of [...STAGES, 'yaml'] as const) {
      const row = [STAGE_LABEL[s]];
      for (const [a, b] of pairs) {
        const ratio = b.ms[s] / a.ms[s];
        const target = SLACK * (b.n / a.n);
        const ok = ratio <= target;
        if (!ok && s !== 'yaml') over.push(`${STAGE_LABEL[s]}: t(${b.n})/t(${a.n}) = ${fmtRatio(ratio)} > ${fmtRatio(target)}`);
        row.push(fmtRatio(ratio), `≤ ${fmtRatio(target)}`, s === 'yaml' ? '(ref)' : ok ? 'PASS' : 'OVER');
      }
      rows.push(row);
    }
    console.log(table(['fase', ...pairs.flatMap(([a, b]) => [`t(${b.n})/t(${a.n})`, 'doel', 'oordeel'])], rows));
  }

  console.log('\nOverhead ten opzichte van kale yaml.parse (zelfde bestanden)');
  console.log(
    table(
      ['N', 'kale yaml (ms)', 'laden (ms)', 'laden / yaml', 'totaal (ms)', 'totaal / yaml'],
      results.map((r) => [String(r.n), fmtMs(r.ms.yaml), fmtMs(r.ms.laden), fmtRatio(r.ms.laden / r.ms.yaml), fmtMs(r.ms.totaal), fmtRatio(r.ms.totaal / r.ms.yaml)]),
    ),
  );

  console.log('\nGeheugen');
  console.log(
    table(
      ['N', 'piek RSS na fasen (MiB)', 'maxRSS proces tot nu (MiB)'],
      results.map((r) => [String(r.n), r.peakRssMb.toFixed(0), r.maxRssMb.toFixed(0)]),
    ),
  );

  if (over.length) {
    console.log(`\nLET OP: ${over.length} fase(n) groeien sneller dan het doel (superlineair):`);
    for (const o of over) console.log(`  OVER  ${o}`);
  } else if (results.length >= 2) {
    console.log('\nAlle fasen binnen het groeidoel.');
  }
}

main();
