/**
 * Debian's Chromium driven by playwright-core: the only place that starts a browser.
 * The page is offline and every request other than `data:` is aborted, so nothing we
 * render (or that a model could smuggle into a label) can reach the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Shown verbatim when the browser is missing; Mermaid and Markdown output need none. */
export const INSTALL_COMMAND = 'sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class ChromiumMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(`Chromium niet gevonden (gezocht: ${tried.join(', ')}). Installeer het met \`${INSTALL_COMMAND}\`, of zet TOCDIN_CHROMIUM op het pad van een Chromium of Chrome.`);
  }
}

/** `TOCDIN_CHROMIUM` wins, so users of other systems can point at their own browser. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env['TOCDIN_CHROMIUM'];
  if (own !== undefined) return own !== '' && existsSync(own) ? own : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (!found) throw new ChromiumMissingError(env['TOCDIN_CHROMIUM'] ? [env['TOCDIN_CHROMIUM']] : CANDIDATES);
  return found;
}

/**
 * Identifies the browser build for cache keys without starting it (starting costs
 * seconds, and a fully cached re-render should not pay that).
 */
export function browserFingerprint(executable: string): string {
  try {
    const s = statSync(executable);
    return `${executable}:${s.size}:${Math.floor(s.mtimeMs)}`;
  } catch {
    return executable;
  }
}

// Without the background-networking flags Chromium keeps dialling Google on a closed
// network; the sandbox cannot start as root in containers.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];

// ------------------------------------------------------------------ profiles

/**
 * Chromium needs a user-data folder (a profile) of its own per run. Its name says which
 * process made it, `tocdin-chromium-<pid>-<host>-XXXXXX`, so a later run can tell a
 * profile of a live renderer from one left behind by a process that was killed (kill -9
 * runs no cleanup at all). The host tag keeps two machines or containers that share a
 * /tmp from judging each other's process ids.
 */
export const PROFILE_PREFIX = 'tocdin-chromium-';
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const OWN_PROFILE = /^tocdin-chromium-(\d+)-([0-9a-f]{8})-[A-Za-z0-9]{6}$/;
/**
 * A profile whose maker cannot be checked (another host, or the name of older versions
 * without a process id) is removed once it is this old: no render runs for hours.
 */
export const STALE_PROFILE_MS = 6 * 60 * 60 * 1000;

/** The start of the profile folder names of process `pid` on this host (mkdtemp adds 6 characters). */
export function profilePrefix(pid: number = process.pid): string {
  return `${PROFILE_PREFIX}${pid}-${HOST_TAG}-`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the profiles in `dir` left behind by dead renderers: ours (by process id) and,
 * after STALE_PROFILE_MS, any other `tocdin-chromium-*` folder. Only folders this user
 * owns, never through a link. Returns the names removed.
 */
export function removeStaleProfiles(dir: string = tmpdir(), now: number = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const own = OWN_PROFILE.exec(name);
      const pid = own && own[2] === HOST_TAG ? Number(own[1]) : undefined;
      const stale = pid !== undefined ? pid !== process.pid && !alive(pid) : now - st.mtimeMs > STALE_PROFILE_MS;
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Removed by someone else meanwhile, or not removable: not ours to worry about.
    }
  }
  return removed;
}

/** Profiles of this process whose browser is still open. */
const liveProfiles = new Set<string>();
let handlersInstalled = false;
let interrupted: NodeJS.Signals | undefined;
let cleanedUp: Promise<void> = Promise.resolve();

/** The signal that stopped this process's browsers, if one did. */
export function interruptedBy(): NodeJS.Signals | undefined {
  return interrupted;
}

/**
 * Settles when the cleanup after a signal is done. Usually the process is gone by then (the
 * signal's default action); it only settles when someone else listens to the signal too.
 */
export function interruptionHandled(): Promise<void> {
  return cleanedUp;
}

/**
 * What a render that was stopped by Ctrl-C (or SIGTERM, SIGHUP) fails with: not an
 * internal error, the process is on its way out. The CLI shows it as one line, or not at all.
 */
export class BrowserInterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`afgebroken (${signal}): Chromium is gestopt en zijn tijdelijke profiel opgeruimd`);
  }
}

/**
 * The browser's process id, from the lock Chromium keeps in its profile (a link to
 * `<host>-<pid>`): playwright does not expose it for a persistent context.
 */
function browserPid(profile: string): number | undefined {
  try {
    const m = /-(\d+)$/.exec(readlinkSync(join(profile, 'SingletonLock')));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops the browser of one of this process's profiles at once: a browser still running
 * would write into the folder being removed. The process is our own child (the lock is in
 * a profile we made and still hold), so its id cannot belong to anyone else.
 */
function stopBrowser(profile: string): void {
  const pid = browserPid(profile);
  if (pid === undefined || pid === process.pid) return;
  for (const target of [-pid, pid]) {
    try {
      // Playwright starts Chromium as the leader of its own process group: end the whole group.
      process.kill(target, 'SIGKILL');
      return;
    } catch {
      // Not a group leader (or gone already): try the process itself.
    }
  }
}

/** On `exit`, where only synchronous work runs: stop the browsers, remove their profiles. */
function removeLiveProfiles(): void {
  for (const profile of liveProfiles) {
    stopBrowser(profile);
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out; the next run removes it as stale.
    }
    liveProfiles.delete(profile);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C, SIGTERM, SIGHUP: stop the browsers at once, remove their profiles, then let the
 * signal do what it would have done. The removal is asynchronous so the process keeps
 * answering meanwhile (tsx, which `npm start` runs through, SIGKILLs a child that does not
 * acknowledge a signal within 30 ms; removing a profile takes ~80 ms).
 */
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = signal;
  const profiles = [...liveProfiles];
  for (const p of profiles) stopBrowser(p);
  cleanedUp = Promise.all(
    profiles.map((p) =>
      rm(p, { recursive: true, force: true }).then(
        () => liveProfiles.delete(p),
        () => undefined, // left for the exit handler, or the next run
      ),
    ),
  ).then(() => {
    // Not swallowed: when no one else listens, the signal gets its default action again
    // (the process ends as killed by it, exit status 128 + n in a shell). When someone does
    // (the CLI, a test runner), what happens next is theirs to decide.
    if (process.listenerCount(signal) > 1) return;
    process.off(signal, onSignal);
    process.kill(process.pid, signal);
  });
}

/** Once per process: remove the profiles on exit and on Ctrl-C, SIGTERM and SIGHUP. */
function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removeLiveProfiles);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** For tests: the profile folders of this process's open browsers. */
export function openProfiles(): string[] {
  return [...liveProfiles];
}

export interface BrowserSession {
  page: Page;
  /** Console errors and uncaught page errors, for tests and for internal-error reports. */
  consoleErrors: string[];
  /** Every non-`data:` request the page tried (all were aborted). */
  blockedRequests: string[];
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string = requireChromium()): Promise<BrowserSession> {
  if (interrupted) throw new BrowserInterruptedError(interrupted);
  const { chromium } = await import('playwright-core');
  removeStaleProfiles();
  installCleanup();
  // A fresh profile per run: no state leaks between renders, and Playwright refuses
  // --user-data-dir in launch() args.
  const profile = mkdtempSync(join(tmpdir(), profilePrefix()));
  liveProfiles.add(profile);
  const removeProfile = () => {
    liveProfiles.delete(profile);
    rmSync(profile, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    // Our own signal handlers (installCleanup) remove the profile; playwright's would close
    // the browser gracefully and leave the folder, and on SIGTERM keep the process running.
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      offline: true,
      args: FLAGS,
      viewport: { width: 1600, height: 1200 },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    removeProfile();
    if (interrupted) throw new BrowserInterruptedError(interrupted);
    throw new Error(`Chromium (${executablePath}) start niet: ${(err as Error).message.split('\n')[0]}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  // On the context, so pages opened later (one per printed poster) are watched too.
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  context.on('weberror', (e) => consoleErrors.push(e.error().message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:')) return route.continue();
    blockedRequests.push(url);
    return route.abort();
  });
  return {
    page,
    consoleErrors,
    blockedRequests,
    close: async () => {
      await context.close().catch(() => undefined);
      removeProfile();
    },
  };
}
