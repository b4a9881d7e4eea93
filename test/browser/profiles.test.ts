/**
 * Chromium's profile folders (/tmp/tocdin-chromium-*) do not pile up (issue 14, point 10):
 * removed on close, on exit and on Ctrl-C / SIGTERM, and a run removes the ones a killed
 * process (kill -9) left behind, but never a profile of a renderer that is still running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium, openBrowser, openProfiles, PROFILE_PREFIX, profilePrefix, removeStaleProfiles, STALE_PROFILE_MS } from '../../src/browser/chromium.js';

const chromium = findChromium();
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'render-child.ts');

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (what()) return true;
  return what();
}

describe('removing stale profiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocdin-profiles-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const folder = (name: string, ageMs = 0) => {
    mkdirSync(join(dir, name, 'Default'), { recursive: true });
    writeFileSync(join(dir, name, 'Default', 'Preferences'), '{}');
    const t = (Date.now() - ageMs) / 1000;
    utimesSync(join(dir, name), t, t);
    return name;
  };

  it('removes the profile of a dead process of this host, keeps those of live ones', () => {
    const dead = folder(`${profilePrefix(deadPid())}abc123`);
    const self = folder(`${profilePrefix(process.pid)}abc123`);
    const parent = folder(`${profilePrefix(process.ppid)}abc123`);
    expect(removeStaleProfiles(dir)).toEqual([dead]);
    expect(existsSync(join(dir, dead))).toBe(false);
    expect(existsSync(join(dir, self))).toBe(true);
    expect(existsSync(join(dir, parent))).toBe(true);
  });

  it('judges a profile it cannot check (another host, an older version) by its age', () => {
    const otherTag = profilePrefix(deadPid()).includes('-00000000-') ? 'ffffffff' : '00000000';
    const otherHostYoung = folder(`${PROFILE_PREFIX}${deadPid()}-${otherTag}-abc123`);
    const otherHostOld = folder(`${PROFILE_PREFIX}${deadPid()}-${otherTag}-def456`, STALE_PROFILE_MS + 60_000);
    const legacyYoung = folder(`${PROFILE_PREFIX}Xy12Zq`);
    const legacyOld = folder(`${PROFILE_PREFIX}Ab34Cd`, STALE_PROFILE_MS + 60_000);
    expect(removeStaleProfiles(dir).sort()).toEqual([otherHostOld, legacyOld].sort());
    expect(existsSync(join(dir, otherHostYoung))).toBe(true);
    expect(existsSync(join(dir, legacyYoung))).toBe(true);
  });

  it('touches nothing but folders named like a profile: not files, not links, not their targets', () => {
    const target = mkdtempSync(join(tmpdir(), 'tocdin-linkdoel-'));
    try {
      const dead = profilePrefix(deadPid());
      writeFileSync(join(dir, `${dead}file01`), 'x');
      symlinkSync(target, join(dir, `${dead}link01`));
      folder('andere-map');
      expect(removeStaleProfiles(dir)).toEqual([]);
      expect(existsSync(join(dir, `${dead}file01`))).toBe(true);
      expect(readlinkSync(join(dir, `${dead}link01`))).toBe(target);
      expect(existsSync(target)).toBe(true);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

/** Starts the render child; resolves with its browser's profile folder once it draws. */
function startChild(command: string, args: string[], detached: boolean): Promise<{ child: ChildProcess; profile: string; browserPid: number; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(command, args, { cwd: ROOT, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^PROFILE (\S+)$/m.exec(out);
      if (!m) return;
      const profile = m[1]!;
      const pid = Number(/-(\d+)$/.exec(readlinkSync(join(profile, 'SingletonLock')))![1]);
      resolve({ child, profile, browserPid: pid, stderr: () => err, exited });
    });
    void exited.then(({ code, signal }) => reject(new Error(`child ended before drawing (${code ?? signal}): ${err}`)));
  });
}

describe.skipIf(!chromium)('profiles of real renderers', () => {
  it('a renderer removes its own profile on close, and stale ones of dead processes when it starts', async () => {
    const stale = join(tmpdir(), `${profilePrefix(deadPid())}Stale1`);
    mkdirSync(join(stale, 'Default'), { recursive: true });
    const live = join(tmpdir(), `${profilePrefix(process.ppid)}Live01`);
    mkdirSync(live, { recursive: true });
    try {
      const s = await openBrowser(chromium!);
      const [own] = openProfiles();
      expect(own).toMatch(new RegExp(`/${profilePrefix()}[A-Za-z0-9]{6}$`));
      expect(existsSync(own!)).toBe(true);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
      await s.close();
      expect(existsSync(own!)).toBe(false);
      expect(openProfiles()).toEqual([]);
    } finally {
      rmSync(stale, { recursive: true, force: true });
      rmSync(live, { recursive: true, force: true });
    }
  }, 60_000);

  it('Ctrl-C mid-render (SIGINT to `npx tsx` and its process group) leaves no profile and no browser behind', async () => {
    const { child, profile, browserPid, exited } = await startChild('npx', ['tsx', CHILD], true);
    expect(existsSync(profile)).toBe(true);
    // As a terminal does: the whole foreground process group gets the signal.
    process.kill(-child.pid!, 'SIGINT');
    const { code, signal } = await exited;
    expect(signal === 'SIGINT' || code === 130, `${code} ${signal}`).toBe(true);
    expect(await until(() => !existsSync(profile), 20_000)).toBe(true);
    expect(await until(() => !alive(browserPid), 20_000)).toBe(true);
  }, 60_000);

  it('SIGTERM mid-render ends the process as SIGTERM would (not swallowed) and leaves no profile behind', async () => {
    const { profile, browserPid, child, stderr, exited } = await startChild(process.execPath, ['--import', 'tsx', CHILD], false);
    child.kill('SIGTERM');
    const { signal } = await exited;
    expect(signal).toBe('SIGTERM');
    // The render that lost its browser waited for the cleanup instead of racing it with an error.
    expect(stderr()).toBe('');
    expect(existsSync(profile)).toBe(false);
    expect(await until(() => !alive(browserPid), 5_000)).toBe(true);
  }, 60_000);

  it('after kill -9 the profile stays until the next run removes it', async () => {
    const { profile, browserPid, child, exited } = await startChild(process.execPath, ['--import', 'tsx', CHILD], false);
    child.kill('SIGKILL');
    await exited;
    // Nothing runs on kill -9; the browser ends when its pipe to the dead process closes.
    expect(existsSync(profile)).toBe(true);
    expect(await until(() => !alive(browserPid), 10_000)).toBe(true);
    const s = await openBrowser(chromium!);
    await s.close();
    expect(existsSync(profile)).toBe(false);
  }, 60_000);
});
