/**
 * `tocdin workshop` in a real browser (issue 19): the page follows every save, shows the
 * located diagnostics over the greyed last good drawing, writes the sliders, status and
 * sterkte back into the DIN file (one line, the rest byte for byte), undoes, and refuses
 * writes without the key, from another origin or over a newer file. On a temp copy of the
 * bundled models; the drawings in a temp cache.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../../src/browser/chromium.js';
import { BrowserRenderer } from '../../src/browser/render.js';
import { startWorkshop, type Workshop } from '../../src/workshop-server.js';

const chromium = findChromium();
if (!chromium) console.warn('browsertests overgeslagen: Chromium niet gevonden');

const MODELS = join(import.meta.dirname, '../../models');
const REGION = 'almere-en-lelystad';
/** Where the screenshots go when a person wants to look at them. */
const SHOTS = process.env['TOCDIN_WORKSHOP_SHOTS'];

let tmp: string;
let din: string;
let original: string;
let renderer: BrowserRenderer;
let workshop: Workshop;
let browser: Browser;
let a: Page;
let b: Page;
const outside: string[] = [];
const consoleErrors: string[] = [];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const onDisk = () => readFileSync(din, 'utf8');

/** The differing middle of two texts, as removed and added lines. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const x = before.split('\n');
  const y = after.split('\n');
  let head = 0;
  while (head < x.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return { removed: x.slice(head, x.length - tail), added: y.slice(head, y.length - tail) };
}

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(`http://127.0.0.1:${workshop.port}/`)) outside.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(workshop.url);
  await page.waitForSelector('.view.shown svg', { timeout: 60_000 });
  return page;
}

/** A raw request, so the test controls Host, Origin and the key exactly. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: workshop.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

const origin = () => `http://127.0.0.1:${workshop.port}`;

describe.skipIf(!chromium)('tocdin workshop in Chromium', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tocdin-workshop-'));
    cpSync(MODELS, join(tmp, 'models'), { recursive: true });
    din = join(tmp, 'models/regios', `${REGION}.yaml`);
    original = onDisk();
    renderer = new BrowserRenderer({ executablePath: chromium!, cacheDir: join(tmp, 'cache') });
    workshop = await startWorkshop({ paths: ['models'], cwd: tmp, renderer, region: REGION, debounceMs: 50 });
    await workshop.ready;
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium!, headless: true });
    a = await openPage();
    b = await openPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await workshop?.close();
    await renderer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('opens on the region, one view per screen, ← → and number keys; screenshots at 1920×1080', async () => {
    expect(await a.locator('#tabs button').allTextContents()).toEqual(['1 DIN', '2 Schuifjes', '3 Status en sterkte', '4 Dekking en gaten', '5 Beleidsmodel', '6 Overzicht']);
    expect(await a.locator('.view.shown').getAttribute('data-view')).toBe('din');
    expect(await a.locator('.view.shown h1').textContent()).toBe('DIN Almere & Lelystad');
    expect(await a.locator('#region').inputValue()).toBe(REGION);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await a.screenshot({ path: join(SHOTS, 'din.png') });
    }
    // A click zooms to where the drawing's text is at least 24 px; a second click fits again.
    const box = (await a.locator('.view.shown .drawing svg').boundingBox())!;
    await a.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.85);
    expect(await a.locator('.view.shown .drawing').getAttribute('class')).toBe('drawing zoomed');
    const labelSize = await a.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('.view.shown svg')!;
      const label = svg.querySelector('.nodeLabel')!;
      return parseFloat(getComputedStyle(label).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
    });
    expect(labelSize).toBeGreaterThanOrEqual(24);
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'din-zoom.png') });
    await a.keyboard.press('0');
    expect(await a.locator('.view.shown .drawing').getAttribute('class')).toBe('drawing');
    await a.keyboard.press('2');
    expect(await a.locator('.view.shown').getAttribute('data-view')).toBe('schuifjes');
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'schuifjes.png') });
    await a.keyboard.press('ArrowRight');
    expect(await a.locator('.view.shown').getAttribute('data-view')).toBe('status');
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'status.png') });
    await a.keyboard.press('ArrowRight');
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'dekking.png') });
    await a.keyboard.press('5');
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'beleidsmodel.png') });
    await a.keyboard.press('6');
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'overzicht.png') });
    await a.keyboard.press('4');
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('ArrowLeft');
    expect(await a.locator('.view.shown').getAttribute('data-view')).toBe('schuifjes');
    // Projector text: nothing on the page below 24 px.
    const small = await a.evaluate(() =>
      [...document.querySelectorAll('header *, .view.shown *:not(svg *)')]
        .filter((el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map((el) => [el.tagName, getComputedStyle(el).fontSize] as const)
        .filter(([, size]) => parseFloat(size) < 24),
    );
    expect(small).toEqual([]);
  });

  it('the region picker switches the page to another region and back', async () => {
    await a.locator('#region').selectOption('onderwijsregio-hollands-noorden');
    await a.waitForFunction(() => document.querySelector('.view.shown h1')?.textContent?.includes('Hollands Noorden'));
    expect(await a.locator('.view.shown').getAttribute('data-view')).toBe('schuifjes');
    expect(new URL(a.url()).searchParams.get('regio')).toBe('onderwijsregio-hollands-noorden');
    expect(await a.locator('.slider:not(.unset)').count()).toBeGreaterThan(0);
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'schuifjes-ingevuld.png') });
    await a.locator('#region').selectOption(REGION);
    await a.waitForFunction(() => document.querySelector('.view.shown h1')?.textContent === 'Schuifjes Almere & Lelystad');
    // A region without a DIN says how to make one, and is in the picker by its id.
    const other = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await other.goto(workshop.url.replace(`regio=${REGION}`, 'regio=zuidwest-samen'));
    await other.waitForSelector('.view.shown .note');
    expect(await other.locator('.view.shown .note').textContent()).toContain('npx tocdin init-regio zuidwest-samen');
    expect(await other.locator('#region').inputValue()).toBe('zuidwest-samen');
    expect(await other.locator('#tabs button').allTextContents()).toEqual(['1 DIN', '2 Beleidsmodel', '3 Overzicht']);
    await other.close();
  });

  it('shows a changed tekst within 2 s of the save, without reload; a broken file shows the located diagnostic over the greyed drawing', async () => {
    await a.keyboard.press('1');
    const label = '.effort[data-effort="al-verbinding-jeugdhulp"] .label';
    // Only the views whose content changed are sent and replaced: the national ones stay the same nodes.
    await a.evaluate(() => {
      (document.querySelector('.view[data-view="beleidsmodel"]') as HTMLElement & { kept?: boolean }).kept = true;
      (document.querySelector('.view[data-view="din"]') as HTMLElement & { kept?: boolean }).kept = true;
    });
    const t0 = Date.now();
    writeFileSync(din, original.replace('Sterkere verbinding met jeugdhulp verkennen', 'Sterkere verbinding met jeugdhulp opzetten'));
    await a.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Sterkere verbinding met jeugdhulp opzetten', label, { timeout: 2000 });
    await a.waitForFunction(() => document.querySelector('.view[data-view="din"] svg')?.textContent?.includes('opzetten'), undefined, { timeout: 2000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await a.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(await a.evaluate(() => [(document.querySelector('.view[data-view="beleidsmodel"]') as HTMLElement & { kept?: boolean }).kept, (document.querySelector('.view[data-view="din"]') as HTMLElement & { kept?: boolean }).kept])).toEqual([true, undefined]);

    const broken = original.replace('    status: gepland\n', '    status: [gepland\n');
    const line = broken.split('\n').findIndex((l) => l === '    status: [gepland') + 1;
    writeFileSync(din, broken);
    await a.waitForSelector('#problems:not([hidden])', { timeout: 2000 });
    const where = await a.locator('#problems .where').first().textContent();
    expect(where).toMatch(new RegExp(`^models/regios/${REGION}\\.yaml:${line}:\\d+$`));
    expect(await a.locator('main').getAttribute('class')).toBe('stale');
    expect(await a.locator('.view.shown svg').count()).toBe(1);
    if (SHOTS) await a.screenshot({ path: join(SHOTS, 'fout.png') });
    writeFileSync(din, original);
    await a.waitForSelector('#problems[hidden]', { state: 'attached', timeout: 2000 });
    expect(await a.locator('main').getAttribute('class')).toBe('');
    await a.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Sterkere verbinding met jeugdhulp verkennen', label, { timeout: 2000 });
  });

  it('writes the sliders into the file (added in the file\'s style, then one line), shows it on a second page, and undoes byte for byte', async () => {
    await a.keyboard.press('2');
    const row = (p: Page) => p.locator('.effort[data-effort="al-samenwerking-kinderopvang"]');
    await row(a).locator('input[data-field="nu"]').fill('1');
    await a.waitForSelector('#message.info');
    expect(onDisk()).toBe(original);
    await row(a).locator('input[data-field="gewenst"]').fill('4');
    await a.waitForSelector('#message.ok');
    const first = onDisk();
    expect(changedLines(original, first)).toEqual({ removed: [], added: ['    schuifjes:', '      nu: autonoom', '      gewenst: gezamenlijk'] });
    // Every comment line is still there.
    expect(first.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(original.split('\n').filter((l) => l.trimStart().startsWith('#')));
    await b.waitForFunction(() => document.querySelector('.effort[data-effort="al-samenwerking-kinderopvang"] .slider.gewenst output')?.textContent === 'gezamenlijk', undefined, { timeout: 2000 });

    await a.waitForFunction(() => !document.querySelector('.effort[data-effort="al-samenwerking-kinderopvang"] .slider.unset'));
    await row(a).locator('input[data-field="gewenst"]').fill('5');
    await a.waitForFunction(() => document.querySelector('#message.ok'));
    await expect.poll(() => changedLines(first, onDisk())).toEqual({ removed: ['      gewenst: gezamenlijk'], added: ['      gewenst: integreren'] });

    await a.click('#undo');
    await expect.poll(onDisk).toBe(first);
    await a.waitForFunction(() => !(document.querySelector('#undo') as HTMLButtonElement).disabled);
    await a.click('#undo');
    await expect.poll(onDisk).toBe(original);
  });

  it('writes status and sterkte from their lists, one line each', async () => {
    await a.keyboard.press('3');
    await a.waitForFunction(() => document.body.dataset['generation']);
    const hashBefore = sha(onDisk());
    await a.locator('select[data-field="status"][data-effort="al-kleinschalige-toepassing"]').selectOption('lopend');
    await expect.poll(() => sha(onDisk())).not.toBe(hashBefore);
    expect(changedLines(original, onDisk())).toEqual({ removed: ['    status: gepland'], added: ['    status: lopend'] });
    const afterStatus = onDisk();
    await a.waitForFunction(() => (document.querySelector('select[data-field="status"][data-effort="al-kleinschalige-toepassing"]') as HTMLSelectElement | null)?.value === 'lopend');
    await a.locator('select[data-field="sterkte"][data-effort="al-rooster-en-inzet-rekenen"][data-goal="al-cd-rooster-en-inzet-rekenen"]').selectOption('sterk');
    await expect.poll(() => changedLines(afterStatus, onDisk())).toEqual({ removed: [], added: ['        sterkte: sterk'] });
    writeFileSync(din, original);
  });

  it('quick arrow-key steps on a slider all land (one write after the other), and a half-filled row survives a redraw', async () => {
    writeFileSync(din, original);
    await a.waitForFunction(() => document.querySelector('.effort[data-effort="al-kleinschalige-toepassing"] select[data-field="status"]') !== null);
    await a.keyboard.press('2');
    const row = a.locator('.view[data-view="schuifjes"] .effort[data-effort="al-verbinding-jeugdhulp"]');
    await row.locator('input[data-field="nu"]').fill('1');
    // Another save while NU waits for GEWENST: the page redraws, the chosen NU stays.
    const gen = await a.evaluate(() => document.body.dataset['generation']);
    writeFileSync(din, original.replace('Intensievere samenwerking met kinderopvang verkennen', 'Intensievere samenwerking met kinderopvang opzetten'));
    await a.waitForFunction((g) => document.body.dataset['generation'] !== g, gen);
    expect(await row.getAttribute('class')).toBe('effort pending');
    expect(await row.locator('.slider.nu output').textContent()).toBe('autonoom');
    const edited = onDisk();
    await row.locator('input[data-field="gewenst"]').fill('2');
    await expect.poll(() => changedLines(edited, onDisk())).toEqual({ removed: [], added: ['    schuifjes:', '      nu: autonoom', '      gewenst: kennis-delen'] });
    await a.waitForFunction(() => !document.querySelector('.effort[data-effort="al-verbinding-jeugdhulp"] .slider.unset'));
    await row.locator('input[data-field="gewenst"]').focus();
    for (let i = 0; i < 3; i++) await a.keyboard.press('ArrowRight');
    await expect.poll(() => onDisk().includes('      gewenst: integreren'), { timeout: 10_000 }).toBe(true);
    expect(await a.locator('#message.error').count()).toBe(0);
    writeFileSync(din, original);
  });

  it('filling NU and GEWENST for every inspanning leaves exactly those lines in git diff', async () => {
    writeFileSync(din, original);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: tmp, encoding: 'utf8' });
    git('init', '-q');
    git('add', 'models');
    git('commit', '-qm', 'modellen');
    await a.keyboard.press('2');
    // The file was put back to the original: wait until the page has it (no slider set), or
    // its first write would carry the hash of the edited file and be refused (409).
    await a.waitForFunction(() => !document.querySelector('.view[data-view="schuifjes"] .effort .slider:not(.unset)'), undefined, { timeout: 10_000 });
    const rows = a.locator('.view[data-view="schuifjes"] .effort');
    const ids = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['effort']!));
    for (const [i, id] of ids.entries()) {
      const row = a.locator(`.view[data-view="schuifjes"] .effort[data-effort="${id}"]`);
      await row.locator('input[data-field="nu"]').fill(String(i % 4));
      await row.locator('input[data-field="gewenst"]').fill(String((i % 4) + 2));
      await expect.poll(() => onDisk().split('\n').filter((l) => l.startsWith('      gewenst: ')).length, { timeout: 10_000 }).toBe(i + 1);
    }
    const diff = git('diff', '-U0', '--', 'models').split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(diff.filter((l) => l.startsWith('-'))).toEqual([]);
    expect(diff).toHaveLength(3 * ids.length);
    expect(diff.filter((l) => !/^\+ {4}schuifjes:$|^\+ {6}(nu|gewenst): [a-z-]+$/.test(l))).toEqual([]);
    expect(git('diff', '--name-only').trim()).toBe(`models/regios/${REGION}.yaml`);
    rmSync(join(tmp, '.git'), { recursive: true, force: true });
    writeFileSync(din, original);
  });

  it('refuses writes without the key, with a wrong key, from another origin, from another host, or over a newer file: 403/409 and nothing written', async () => {
    const body = JSON.stringify({ regio: REGION, hash: sha(onDisk()), effort: 'al-kleinschalige-toepassing', field: 'status', value: 'idee' });
    const json = { 'Content-Type': 'application/json' };
    const cases: [Record<string, string>, number][] = [
      [{ ...json, Origin: origin() }, 403],
      [{ ...json, Origin: origin(), 'X-Tocdin-Sleutel': 'fout' }, 403],
      [{ ...json, Origin: origin(), 'X-Tocdin-Sleutel': `${workshop.key}x` }, 403],
      [{ ...json, Origin: 'http://evil.example', 'X-Tocdin-Sleutel': workshop.key }, 403],
      [{ ...json, Origin: 'null', 'X-Tocdin-Sleutel': workshop.key }, 403],
      [{ ...json, 'X-Tocdin-Sleutel': workshop.key }, 403],
      [{ ...json, Origin: 'http://rebind.example', Host: 'rebind.example', 'X-Tocdin-Sleutel': workshop.key }, 403],
    ];
    for (const [headers, status] of cases) {
      expect((await raw('/api/veld', { method: 'POST', headers, body })).status, JSON.stringify(headers)).toBe(status);
      expect((await raw('/api/ongedaan', { method: 'POST', headers, body: '{}' })).status).toBe(status);
      expect(onDisk()).toBe(original);
    }
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/?sleutel=fout')).status).toBe(403);
    expect((await raw('/gebeurtenissen?sleutel=fout')).status).toBe(403);

    // The file changed on disk after the page read it: refused, the editor's change stays.
    const edited = original.replace('Kleinschalige toepassingen', 'Kleinschalige toepassing');
    writeFileSync(din, edited);
    const stale = await raw('/api/veld', { method: 'POST', headers: { ...json, Origin: origin(), 'X-Tocdin-Sleutel': workshop.key }, body });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).message).toMatch(/^Het bestand is veranderd sinds de pagina het las/);
    expect(onDisk()).toBe(edited);
    // The same through the page: it still holds the old hash until the reload arrives.
    writeFileSync(din, original);
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
