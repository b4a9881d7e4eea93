/**
 * init-regio writes a new DIN: never over anything already there (a DIN, a link, a FIFO),
 * folders made one at a time, `--map` under /proc refused at once (it used to loop forever
 * in a recursive mkdir).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/io/errors.js';
import { createRegionDin } from '../../src/write/init-regio.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createRegionDin', () => {
  it('creates the missing folders and the file', () => {
    const path = join(dir, 'a', 'b', 'regio.yaml');
    expect(createRegionDin(path, 'din: x\n')).toBe('created');
    expect(readFileSync(path, 'utf8')).toBe('din: x\n');
  });

  it('an existing DIN is left byte for byte', () => {
    const path = join(dir, 'regio.yaml');
    writeFileSync(path, 'mijn DIN\n');
    expect(createRegionDin(path, 'sjabloon\n')).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('mijn DIN\n');
  });

  it('a FIFO at the path counts as existing and is never opened', () => {
    const path = join(dir, 'regio.yaml');
    execFileSync('mkfifo', [path]);
    const t = Date.now();
    expect(createRegionDin(path, 'x')).toBe('exists');
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it.each(['/proc/nope', '/proc/nope/diep', '/sys/nope', '/dev/nope'])('--map %s is refused at once', (map) => {
    const t = Date.now();
    expect(() => createRegionDin(join(map, 'zuidwest-samen.yaml'), 'x')).toThrow(OutputError);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('--map an existing file: says a file is in the way', () => {
    writeFileSync(join(dir, 'regios'), 'x');
    let err: unknown;
    try {
      createRegionDin(join(dir, 'regios', 'r.yaml'), 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).reason).toBe('uitvoer-bestand-geen-map');
    expect((err as OutputError).message).toContain('is een bestand, geen map');
  });
});
