/**
 * Debian's Chromium driven by playwright-core: the only place that starts a browser.
 * The page is offline and every request other than `data:` is aborted, so nothing we
 * render (or that a model could smuggle into a label) can reach the network.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

export interface BrowserSession {
  page: Page;
  /** Console errors and uncaught page errors, for tests and for internal-error reports. */
  consoleErrors: string[];
  /** Every non-`data:` request the page tried (all were aborted). */
  blockedRequests: string[];
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string = requireChromium()): Promise<BrowserSession> {
  const { chromium } = await import('playwright-core');
  // A fresh profile per run: no state leaks between renders, and Playwright refuses
  // --user-data-dir in launch() args.
  const profile = mkdtempSync(join(tmpdir(), 'tocdin-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, offline: true, args: FLAGS, viewport: { width: 1600, height: 1200 } });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
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
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
