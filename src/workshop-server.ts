/**
 * `tocdin workshop`: a page on 127.0.0.1 for the projector that follows every save of the
 * models and writes the schuifjes, status and sterkte that are filled in on screen back
 * into the DIN files (see workshop/edit.ts).
 *
 * - Only 127.0.0.1, a random key per run in the address; the Host header must name this
 *   server (no DNS rebinding), and a write must carry the key and come from this page's
 *   own origin: anything else gets 403 and writes nothing.
 * - The models are watched (chokidar); a burst of saves is one reload. Reloading keeps the
 *   files that did not change (FileMemo) and draws with the posters' renderer and content
 *   cache, so an unchanged view costs a cache hit and the page only gets the views whose
 *   HTML changed (Server-Sent Events).
 * - A model with errors: the page gets the located diagnostics and keeps the last good
 *   views, greyed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { analyse, prepare } from './analyse/analyse.js';
import type { Diagram } from './render/diagram.js';
import { BrowserInterruptedError } from './browser/chromium.js';
import type { BrowserRenderer } from './browser/render.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { writeFileAtomic } from './io/atomic.js';
import { checkWorkspace, FileMemo } from './pipeline.js';
import { drawDiagrams, type DrawnDiagram } from './publish.js';
import { filesOfKind } from './resolve/resolve.js';
import { applyFieldEdit, parseFieldEdit } from './workshop/edit.js';
import { nationalDiagrams, nationalViews, pageHtml, regionDiagrams, regionViews, type WorkshopView } from './workshop/views.js';

export interface WorkshopOptions {
  paths: readonly string[];
  cwd: string;
  renderer: BrowserRenderer;
  /** 0 or absent: a free port. */
  port?: number;
  /** The region the page opens with. */
  region?: string;
  /** Quiet time after the last file event before reloading (editors save in bursts). */
  debounceMs?: number;
  /** Problems the facilitator should see in the terminal (a failed reload, a refused write). */
  onLog?: (line: string) => void;
  /** Where a reload's time went (the benchmark prints it). */
  onReload?: (t: ReloadTiming) => void;
}

export interface ReloadTiming {
  /** First file event to the start of the reload (the debounce). */
  waitMs: number;
  /** Reading and checking the models. */
  loadMs: number;
  /** CPU time of this process for that (the wall time above also counts waiting for a busy machine). */
  loadCpuMs: number;
  /** Drawing the views the open pages show and sending what changed. */
  drawAndSendMs: number;
  /** Diagrams drawn in Chromium (cache misses). */
  drawn: number;
}

export interface Workshop {
  url: string;
  port: number;
  key: string;
  /** Resolves once the models are loaded and the first views drawn. */
  ready: Promise<void>;
  /** Reloads counted so far (tests and the benchmark wait on it). */
  reloads(): number;
  close(): Promise<void>;
}

/** Scripts only from this server; inline styles for mermaid's SVGs (their <style> and style attributes). */
export const WORKSHOP_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STATIC: Record<string, { file: string; type: string }> = {
  '/workshop.js': { file: 'workshop/client.js', type: 'text/javascript; charset=utf-8' },
  '/workshop.css': { file: 'workshop/page.css', type: 'text/css; charset=utf-8' },
};

const MAX_BODY = 64 * 1024;

interface GoodState {
  generation: number;
  ctx: ReturnType<typeof prepare>;
  diagnostics: Diagnostic[];
  /** DIN file (absolute) per region. */
  dinFiles: Map<string, string>;
  regions: { id: string; naam: string }[];
}

interface PlainProblem {
  file: string;
  line: number;
  column: number;
  /** The diagnostic code (docs/meldingen.md); none for a drawing that failed. */
  code?: string;
  message: string;
  hint?: string;
}

interface Client {
  res: ServerResponse;
  region: string | undefined;
  sent: Map<string, string>;
  /** A second message is on its way once the national views of this reload are drawn. */
  awaitingNational: boolean;
}

const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function startWorkshop(opts: WorkshopOptions): Promise<Workshop> {
  const key = randomBytes(24).toString('base64url');
  const keyBytes = Buffer.from(key);
  const memo = new FileMemo();
  const log = opts.onLog ?? (() => undefined);
  const roots = opts.paths.map((p) => (isAbsolute(p) ? p : resolve(opts.cwd, p)));
  let good: GoodState | undefined;
  let problems: PlainProblem[] = [];
  let generation = 0;
  let reloadCount = 0;
  /** Orders the hashes the page gets (events and write answers) as the server saw the file. */
  let seq = 0;
  const viewCache = new Map<string, { generation: number; views: Promise<WorkshopView[]> }>();
  let national: { generation: number; views: Promise<WorkshopView[]>; done?: WorkshopView[] } | undefined;
  /** The national views last drawn: shown until this reload's are ready. */
  let lastNational: WorkshopView[] = [];
  /** Drawings by Mermaid text, with the reload that last used them. */
  const recent = new Map<string, { drawn: DrawnDiagram; generation: number }>();
  const clients = new Set<Client>();
  const undo: { path: string; before: string; after: string }[] = [];
  const assets = new Map(Object.entries(STATIC).map(([url, s]) => [url, { body: readFileSync(new URL(`./${s.file}`, import.meta.url)), type: s.type }]));

  function load(): void {
    const checked = checkWorkspace(roots, opts.cwd, { memo });
    const bad = checked.usageProblems.length > 0 || hasErrors(checked.diagnostics);
    generation++;
    if (bad) {
      problems = [...checked.usageProblems, ...checked.diagnostics]
        .filter((d) => d.severity === 'error')
        .map(({ file, line, column, code, message, hint }) => ({ file, line, column, code, message, ...(hint ? { hint } : {}) }));
      return;
    }
    problems = [];
    const dinFiles = new Map(filesOfKind(checked.workspace, 'din').map((f) => [f.model.regio, resolve(opts.cwd, f.source.path)] as const));
    const regions = [...dinFiles.keys()].map((id) => ({ id, naam: checked.workspace.elements.get(id)?.label ?? id }));
    good = { generation, ctx: prepare(checked.built), diagnostics: checked.diagnostics, dinFiles, regions };
    // Drawings no reload has used for a while (a region nobody looks at, an old text) go.
    for (const [k, v] of recent) if (v.generation < generation - 2) recent.delete(k);
  }

  /** Unchanged Mermaid text: the drawing of an earlier reload, without even a cache read. */
  async function draw(diagrams: readonly Diagram[], g: GoodState): Promise<DrawnDiagram[]> {
    const missing = diagrams.filter((d) => !recent.has(d.mermaid));
    for (const d of await drawDiagrams(missing, opts.renderer)) recent.set(d.mermaid, { drawn: d, generation: g.generation });
    return diagrams.map((d) => {
      const hit = recent.get(d.mermaid)!;
      hit.generation = g.generation;
      return { ...hit.drawn, ...d, stage: 'drawn' as const };
    });
  }

  /** One region's views for the current reload: its own analysis only (milliseconds). */
  function regionViewsFor(region: string): Promise<WorkshopView[]> {
    const g = good;
    if (!g) return Promise.resolve([]);
    const hit = viewCache.get(region);
    if (hit && hit.generation === g.generation) return hit.views;
    const views = (async () => {
      const regional = analyse(g.ctx, { diagnostics: g.diagnostics, regio: region });
      return regionViews(regional, region, await draw(regionDiagrams(regional, region), g));
    })();
    viewCache.set(region, { generation: g.generation, views });
    // A failed drawing is tried again by the next request, not remembered.
    views.catch(() => {
      if (viewCache.get(region)?.views === views) viewCache.delete(region);
    });
    return views;
  }

  /** The national views for the current reload, analysed and drawn once for all pages. */
  function nationalViewsFor(): NonNullable<typeof national> | undefined {
    const g = good;
    if (!g) return undefined;
    if (national?.generation === g.generation) return national;
    const entry: NonNullable<typeof national> = { generation: g.generation, views: Promise.resolve([]) };
    entry.views = (async () => {
      // After the pages got their region: the national analysis takes the longest.
      await new Promise((r) => setImmediate(r));
      const views = nationalViews(await draw(nationalDiagrams(analyse(g.ctx, { diagnostics: g.diagnostics })), g));
      entry.done = views;
      if (national === entry) lastNational = views;
      return views;
    })();
    national = entry;
    entry.views.catch(() => {
      if (national === entry) national = undefined;
    });
    return entry;
  }

  async function send(client: Client): Promise<void> {
    let views: WorkshopView[] = [];
    try {
      // The region first: after a save in one region its views are on the page before the
      // national analysis has even started.
      views = client.region ? await regionViewsFor(client.region) : [];
      const nat = nationalViewsFor();
      views = [...views, ...(nat?.done ?? lastNational)];
      if (nat && !nat.done && !client.awaitingNational) {
        client.awaitingNational = true;
        nat.views.then(
          () => {
            client.awaitingNational = false;
            if (clients.has(client)) void send(client);
          },
          () => (client.awaitingNational = false),
        );
      }
    } catch (err) {
      if (err instanceof BrowserInterruptedError) return;
      log(`tekenen mislukt: ${(err as Error).message}`);
      problems = [{ file: '(tekenen)', line: 1, column: 1, message: (err as Error).message }];
      views = [];
    }
    const file = client.region ? good?.dinFiles.get(client.region) : undefined;
    const text = file ? readText(file) : undefined;
    const message = {
      region: client.region ?? null,
      regions: good?.regions ?? [],
      generation,
      views: views.map((v) => ({ id: v.id, tab: v.tab, key: v.key, ...(client.sent.get(v.id) === v.key ? {} : { html: v.html }) })),
      problems,
      hash: text === undefined ? null : sha256(text),
      seq: ++seq,
      undo: undo.length > 0,
    };
    for (const v of views) client.sent.set(v.id, v.key);
    if (!client.res.writableEnded) client.res.write(`data: ${JSON.stringify(message)}\n\n`);
  }

  // Reloads one after another; changes during a reload give exactly one more.
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let firstEvent: number | undefined;
  function reload(): Promise<void> {
    if (queued) return running;
    queued = true;
    running = running.then(async () => {
      queued = false;
      const t0 = performance.now();
      const waitMs = firstEvent === undefined ? 0 : t0 - firstEvent;
      firstEvent = undefined;
      const drawnBefore = opts.renderer.drawn;
      const cpu = process.cpuUsage();
      try {
        load();
      } catch (err) {
        log(`herladen mislukt: ${(err as Error).message}`);
      }
      const t1 = performance.now();
      const used = process.cpuUsage(cpu);
      await Promise.all([...clients].map((c) => send(c)));
      reloadCount++;
      opts.onReload?.({ waitMs, loadMs: t1 - t0, loadCpuMs: (used.user + used.system) / 1000, drawAndSendMs: performance.now() - t1, drawn: opts.renderer.drawn - drawnBefore });
    });
    return running;
  }

  let timer: NodeJS.Timeout | undefined;
  const debounceMs = opts.debounceMs ?? 60;
  const changed = (path: string) => {
    if (!/\.ya?ml$/i.test(path)) return;
    firstEvent ??= performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;

  // After listening (a busy port leaves nothing open); loaded here, not at the top: every
  // other command starts without it.
  const { watch } = await import('chokidar');
  const watcher: FSWatcher = watch(roots, { ignoreInitial: true, ignored: (p) => /(^|[/\\])\.[^/\\]+\.tmp-/.test(p) });
  watcher.on('all', (_event, path) => changed(path));

  const origin = `http://127.0.0.1:${port}`;
  const ready = reload()
    .then(() => Promise.all([opts.region ? regionViewsFor(opts.region) : [], nationalViewsFor()?.views]))
    .then(
      () => undefined,
      (err: Error) => {
        // Stopped by Ctrl-C while drawing: the session is ending, nothing to report.
        if (!(err instanceof BrowserInterruptedError)) log(`tekenen mislukt: ${err.message}`);
      },
    );
  const keepAlive = setInterval(() => {
    for (const c of clients) c.res.write(': still here\n\n');
  }, 20_000);

  function headers(res: ServerResponse, type: string, status = 200): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': WORKSHOP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    headers(res, 'application/json; charset=utf-8', status);
    res.end(JSON.stringify(body));
  }

  function refuse(res: ServerResponse, status: number, message: string): void {
    headers(res, 'text/plain; charset=utf-8', status);
    res.end(`${message}\n`);
  }

  function keyMatches(given: string | null | undefined): boolean {
    if (typeof given !== 'string') return false;
    const b = Buffer.from(given);
    return b.length === keyBytes.length && timingSafeEqual(b, keyBytes);
  }

  function readBody(req: IncomingMessage): Promise<string | undefined> {
    return new Promise((ok) => {
      const parts: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          ok(undefined);
          req.destroy();
        } else parts.push(c);
      });
      req.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
      req.on('error', () => ok(undefined));
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 is not this page.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return refuse(res, 403, 'Onbekende host.');
    const url = new URL(req.url ?? '/', origin);
    const asset = assets.get(url.pathname);
    if (req.method === 'GET' && asset) {
      headers(res, asset.type);
      return void res.end(asset.body);
    }
    if (req.method === 'GET' && url.pathname === '/') {
      if (!keyMatches(url.searchParams.get('sleutel'))) return refuse(res, 403, 'Sleutel ontbreekt of klopt niet: open het adres dat `tocdin workshop` toont.');
      headers(res, 'text/html; charset=utf-8');
      return void res.end(pageHtml());
    }
    if (req.method === 'GET' && url.pathname === '/gebeurtenissen') {
      if (!keyMatches(url.searchParams.get('sleutel'))) return refuse(res, 403, 'Sleutel ontbreekt of klopt niet.');
      const region = url.searchParams.get('regio') || opts.region;
      headers(res, 'text/event-stream; charset=utf-8');
      res.write(': tocdin workshop\n\n');
      const client: Client = { res, region: region || good?.regions[0]?.id, sent: new Map(), awaitingNational: false };
      clients.add(client);
      req.on('close', () => clients.delete(client));
      await ready.catch(() => undefined);
      return send(client);
    }
    if (req.method === 'POST' && (url.pathname === '/api/veld' || url.pathname === '/api/ongedaan')) {
      // A write: same origin and the key, or nothing happens.
      if (req.headers.origin !== origin && req.headers.origin !== `http://localhost:${port}`) return refuse(res, 403, 'Schrijven mag alleen vanaf de eigen pagina (Origin klopt niet).');
      if (!keyMatches(req.headers['x-tocdin-sleutel'] as string | undefined)) return refuse(res, 403, 'Sleutel ontbreekt of klopt niet.');
      const raw = await readBody(req);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw ?? '') as Record<string, unknown>;
      } catch {
        return json(res, 400, { ok: false, message: 'verzoek is geen JSON' });
      }
      return url.pathname === '/api/veld' ? writeField(res, body) : undoLast(res);
    }
    refuse(res, 404, 'Niet gevonden.');
  }

  function writeField(res: ServerResponse, body: Record<string, unknown>): void {
    const edit = parseFieldEdit(body);
    if (typeof edit === 'string') return json(res, 400, { ok: false, message: edit });
    const region = typeof body['regio'] === 'string' ? body['regio'] : '';
    const path = good?.dinFiles.get(region);
    if (!path) return json(res, 404, { ok: false, message: `regio \`${region}\` heeft geen DIN-bestand` });
    const text = readText(path);
    if (text === undefined) return json(res, 409, { ok: false, message: 'het DIN-bestand is niet te lezen' });
    if (sha256(text) !== body['hash']) {
      void reload();
      return json(res, 409, { ok: false, message: 'Het bestand is veranderd sinds de pagina het las (in de editor?); niets geschreven. De pagina toont nu de nieuwe stand: zet het opnieuw.' });
    }
    const r = applyFieldEdit(text, edit);
    if (!r.ok) return json(res, 422, { ok: false, message: r.message });
    if (r.changed) {
      try {
        writeFileAtomic(path, r.text);
      } catch (err) {
        return json(res, 500, { ok: false, message: `schrijven mislukt: ${(err as Error).message}` });
      }
      undo.push({ path, before: text, after: r.text });
      void reload();
    }
    json(res, 200, { ok: true, hash: sha256(r.text), seq: ++seq, undo: undo.length > 0 });
  }

  function undoLast(res: ServerResponse): void {
    const last = undo[undo.length - 1];
    if (!last) return json(res, 409, { ok: false, message: 'er is niets om ongedaan te maken' });
    if (readText(last.path) !== last.after) {
      undo.length = 0;
      return json(res, 409, { ok: false, message: 'Het bestand is sindsdien veranderd; ongedaan maken zou dat overschrijven. Niets geschreven.' });
    }
    try {
      writeFileAtomic(last.path, last.before);
    } catch (err) {
      return json(res, 500, { ok: false, message: `schrijven mislukt: ${(err as Error).message}` });
    }
    undo.pop();
    void reload();
    json(res, 200, { ok: true, hash: sha256(last.before), seq: ++seq, undo: undo.length > 0 });
  }

  return {
    url: `${origin}/?sleutel=${key}${opts.region ? `&regio=${encodeURIComponent(opts.region)}` : ''}`,
    port,
    key,
    ready,
    reloads: () => reloadCount,
    async close() {
      clearTimeout(timer);
      clearInterval(keepAlive);
      for (const c of clients) c.res.end();
      clients.clear();
      await watcher.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await running.catch(() => undefined);
    },
  };
}
