/**
 * `tocdin workshop` as a process: one line with the address, the page served with the key
 * (403 without), an unknown region refused with a suggestion, and Ctrl-C stops it cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';

const chromium = findChromium();
const ROOT = join(import.meta.dirname, '../..');
/** What `npx tocdin` runs: one node process (tsx registered inside it). */
const BIN = join(ROOT, 'bin/tocdin.js');
let tmp: string;

describe.skipIf(!chromium)('tocdin workshop as a process', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tocdin-workshop-cli-'));
    cpSync(join(ROOT, 'models'), join(tmp, 'models'), { recursive: true });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses an unknown region with a suggestion', () => {
    const r = spawnSync(process.execPath, [BIN, 'workshop', '--regio', 'almere-en-lelystat'], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('onbekende regio `almere-en-lelystat`; bedoel je `almere-en-lelystad`?');
  });

  it('says so when the port is taken, and ends (exit 2)', async () => {
    const busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', () => ok()));
    const port = (busy.address() as AddressInfo).port;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((ok) => {
        const child = spawn(process.execPath, [BIN, 'workshop', '--poort', String(port)], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        child.on('exit', (status) => ok({ status, stderr }));
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`tocdin workshop: poort ${port} is bezet; kies een andere met --poort of laat --poort weg`);
    } finally {
      busy.close();
    }
  });

  it('prints one line with the address, serves the page with the key only, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'workshop', '--regio', 'almere-en-lelystad'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const line = await new Promise<string>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`geen adres binnen 60 s: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (out.includes('\n')) {
          clearTimeout(t);
          ok(out.split('\n')[0]!);
        }
      });
    });
    const m = /^Workshop: (http:\/\/127\.0\.0\.1:(\d+)\/\?sleutel=([A-Za-z0-9_-]{32})&regio=almere-en-lelystad) {2}\(Ctrl-C stopt\)$/.exec(line);
    expect(m, line).not.toBeNull();
    const page = await fetch(m![1]!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/workshop.js" defer></script>');
    expect((await fetch(`http://127.0.0.1:${m![2]}/`)).status).toBe(403);
    const exit = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    child.kill('SIGINT');
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    expect(await exit, `${out}\n${err}`).toBe(0);
    expect(out).toContain('Workshop gestopt.');
  });
});
