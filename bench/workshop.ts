/**
 * Benchmark: `tocdin workshop`, from saving a one-region change to the updated view in the
 * page, against a full `tocdin render --svg` after the same change (what a facilitator would
 * run without the workshop page).
 *
 *   npx tsx bench/workshop.ts            # 7 saves per set, 3 renders
 *   npx tsx bench/workshop.ts --saves 3
 *   npx tsx bench/workshop.ts --alleen-workshop   # without the render runs
 *
 * Sets: A the bundled models/ (region almere-en-lelystad), B a synthetic workspace with 50
 * regions (bench/generate.ts, region 25). Each on a temp copy with its own drawing cache.
 *
 * - **save → view**: the workshop runs with a warm cache and a page open in Chromium at
 *   1920×1080 on the region's DIN. One inspanning's `tekst` gets a new word; the time runs
 *   from just before writeFileSync until the page's DIN drawing contains the word (polled
 *   in the page every animation frame). Debounce included (60 ms, the default).
 * - **render**: `tocdin render --svg` as a process (tsx start, load, analyse, Chromium
 *   start, only the changed diagrams drawn: the cache is warm), after the same kind of
 *   change. Cold (empty cache) once for reference.
 *
 * Reports medians and the ratio; does not judge (exit 0); exit 2 without Chromium.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BrowserRenderer, findChromium } from '../src/index.js';
import { INSTALL_COMMAND } from '../src/browser/chromium.js';
import { startWorkshop, type ReloadTiming } from '../src/workshop-server.js';
import { generateWorkspace, regionId } from './generate.js';
import { fmtMs, median, table } from './format.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = join(REPO, 'models');
const CLI = join(REPO, 'src', 'cli', 'main.ts');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const RENDER_RUNS = 3;
const REGIONS = 50;
const EDITED_REGION = 25;
const TARGET_MS = 1000;
const TARGET_FRACTION = 0.1;

const argSaves = process.argv.indexOf('--saves');
const SAVES = argSaves > 0 ? Number(process.argv[argSaves + 1]) : 7;
/** Only the workshop timings (no render runs): for working on the workshop itself. */
const ONLY_WORKSHOP = process.argv.includes('--alleen-workshop');
const log = (msg: string) => process.stderr.write(`  … ${msg}\n`);

interface BenchSet {
  name: string;
  dir: string;
  region: string;
  din: string;
  /** Replaces the marker in the DIN text with a new word. */
  edit: (text: string, word: string) => string;
}

function setA(): BenchSet {
  const dir = mkdtempSync(join(tmpdir(), 'tocdin-bench-ws-a-'));
  cpSync(MODELS, join(dir, 'models'), { recursive: true });
  const din = join(dir, 'models/regios/almere-en-lelystad.yaml');
  const from = 'Sterkere verbinding met jeugdhulp verkennen';
  return { name: 'A bundled models/', dir, region: 'almere-en-lelystad', din, edit: (t, w) => t.replace(from, `Sterkere verbinding met jeugdhulp ${w}`) };
}

function setB(): BenchSet {
  const dir = mkdtempSync(join(tmpdir(), 'tocdin-bench-ws-b-'));
  generateWorkspace(join(dir, 'models'), REGIONS);
  const region = regionId(EDITED_REGION, REGIONS);
  const din = join(dir, 'models/regios', `${region}.yaml`);
  return { name: `B ${REGIONS} synthetic regions`, dir, region, din, edit: (t, w) => t.replace('(inspanning 1)"', `(inspanning 1) ${w}"`) };
}

async function saveToView(set: BenchSet, chromium: string): Promise<{ times: number[]; reloads: ReloadTiming[] }> {
  const original = readFileSync(set.din, 'utf8');
  const renderer = new BrowserRenderer({ executablePath: chromium, cacheDir: join(set.dir, '.tocdin-cache') });
  const reloads: ReloadTiming[] = [];
  const workshop = await startWorkshop({ paths: ['models'], cwd: set.dir, renderer, region: set.region, onReload: (t) => reloads.push(t) });
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({ executablePath: chromium, headless: true });
  const times: number[] = [];
  try {
    await workshop.ready;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(workshop.url);
    await page.waitForSelector('.view.shown svg', { timeout: 300_000 });
    // One untimed round: the region's first edit draws its views once (a cold cache entry).
    for (let i = 0; i <= SAVES; i++) {
      const word = `stap${i}x${Date.now() % 100000}`;
      const waiting = page.waitForFunction((w) => document.querySelector('.view[data-view="din"] svg')?.textContent?.includes(w), word, { timeout: 60_000, polling: 'raf' });
      const t0 = performance.now();
      writeFileSync(set.din, set.edit(original, word));
      await waiting;
      if (i > 0) times.push(performance.now() - t0);
      const r = reloads[reloads.length - 1];
      log(`${set.name}: opslaan → beeld ${fmtMs(performance.now() - t0)} ms${i === 0 ? ' (warmloop, niet geteld)' : ''}; server: wachten ${fmtMs(r?.waitMs ?? 0)}, laden ${fmtMs(r?.loadMs ?? 0)} (cpu ${fmtMs(r?.loadCpuMs ?? 0)}), tekenen+sturen ${fmtMs(r?.drawAndSendMs ?? 0)} ms, ${r?.drawn ?? 0} getekend`);
    }
  } finally {
    writeFileSync(set.din, original);
    await browser.close();
    await workshop.close();
    await renderer.close();
  }
  return { times, reloads: reloads.slice(-SAVES) };
}

function renderOnce(set: BenchSet, out: string): number {
  const t0 = performance.now();
  const r = spawnSync(TSX, [CLI, 'render', '--svg', '--out', out, 'models'], { cwd: set.dir, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`render faalde (${r.status}): ${r.stdout}\n${r.stderr}`);
  return ms;
}

function renders(set: BenchSet): { cold: number; warm: number[] } {
  const original = readFileSync(set.din, 'utf8');
  const out = join(set.dir, 'diagrams');
  mkdirSync(out, { recursive: true });
  rmSync(join(set.dir, '.tocdin-cache'), { recursive: true, force: true });
  const cold = renderOnce(set, out);
  log(`${set.name}: render --svg koud ${fmtMs(cold)} ms`);
  const warm: number[] = [];
  try {
    for (let i = 0; i < RENDER_RUNS; i++) {
      writeFileSync(set.din, set.edit(original, `render${i}x${Date.now() % 100000}`));
      warm.push(renderOnce(set, out));
      log(`${set.name}: render --svg na één wijziging ${fmtMs(warm[warm.length - 1]!)} ms`);
    }
  } finally {
    writeFileSync(set.din, original);
  }
  return { cold, warm };
}

async function main(): Promise<number> {
  const chromium = findChromium();
  if (!chromium) {
    process.stderr.write(`Chromium niet gevonden; installeer het met \`${INSTALL_COMMAND}\`.\n`);
    return 2;
  }
  const rows: string[][] = [];
  for (const make of [setA, setB]) {
    const set = make();
    try {
      // The render runs first: they fill the cache the workshop then starts from.
      const r = ONLY_WORKSHOP ? { cold: NaN, warm: [NaN] } : renders(set);
      const { times: saves, reloads } = await saveToView(set, chromium);
      const m = median(saves);
      const w = median(r.warm);
      const server = `${fmtMs(median(reloads.map((x) => x.loadMs)))} (cpu ${fmtMs(median(reloads.map((x) => x.loadCpuMs)))}) + ${fmtMs(median(reloads.map((x) => x.drawAndSendMs)))}`;
      rows.push([set.name, fmtMs(m), server, `${fmtMs(Math.min(...saves))}–${fmtMs(Math.max(...saves))}`, fmtMs(w), fmtMs(r.cold), (m / w).toFixed(3), m < TARGET_MS && m / w < TARGET_FRACTION ? 'ja' : 'nee']);
    } finally {
      rmSync(set.dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    `\n(belasting van de machine bij het einde: ${loadavg()[0]!.toFixed(1)} over 1 minuut, ${availableParallelism()} kernen)\ntocdin workshop: opslaan van één regio → bijgewerkt beeld in de pagina (mediaan van ${SAVES}), tegen \`render --svg\` (mediaan van ${RENDER_RUNS}, warme cache; koud eenmaal)\n\n` +
      table(['set', 'opslaan→beeld ms', 'laden + tekenen ms', 'min–max', 'render ms', 'render koud ms', 'verhouding', `< ${TARGET_MS} ms en < 1/10`], rows) +
      '\n',
  );
  return 0;
}

process.exitCode = await main();
