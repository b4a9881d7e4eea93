/**
 * Issue 14, points 4 and 9: honest I/O errors. Each errno tocdin can meet while writing gets
 * a Dutch message naming the path and the cause (an OutputError, exit 2 in the CLI) instead
 * of "interne fout"; /proc, /sys and /dev are refused up front, so the recursive mkdir that
 * looped forever under /proc is never reached.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError, outputErrorFor, shown, type OutputReason } from '../../src/io/errors.js';
import { ensureDir, inspectPlace } from '../../src/io/place.js';
import { writeFileAtomic } from '../../src/io/atomic.js';
import type { DiagramSet } from '../../src/render/diagrams.js';
import { writeDiagramSet } from '../../src/write/diagrams.js';
import { assertOutputDir } from '../../src/write/guard.js';
import { writeOutputFile } from '../../src/write/output.js';
import { writeSchemas } from '../../src/write/schemas.js';
import { createRegionDin } from '../../src/write/init-regio.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SET = { files: [{ name: 'a.mmd', content: 'flowchart LR\n  a --> b\n' }], diagrams: [], splits: [], oversized: [] } as unknown as DiagramSet;

function fake(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: fake`), { code, syscall: 'open', path: '/x/.tmp' });
}

function thrown(fn: () => unknown): OutputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    return err as OutputError;
  }
  throw new Error('expected an OutputError');
}

async function rejected(p: Promise<unknown>): Promise<OutputError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutputError);
  return err as OutputError;
}

describe('errno → Dutch message naming the path and the cause', () => {
  const cases: [string, OutputReason, RegExp][] = [
    ['EEXIST', 'uitvoer-bestand-geen-map', /bestaat al als bestand; hier is een map nodig/],
    ['ENOTDIR', 'uitvoer-bestand-geen-map', /een deel van dat pad is een bestand, geen map/],
    ['EISDIR', 'uitvoer-map-geen-bestand', /is een map, geen bestand/],
    ['EROFS', 'uitvoer-alleen-lezen', /alleen-lezen/],
    ['EACCES', 'uitvoer-geen-toestemming', /geen toestemming/],
    ['EPERM', 'uitvoer-geen-toestemming', /geen toestemming/],
    ['ENOSPC', 'uitvoer-schijf-vol', /de schijf is vol/],
    ['EDQUOT', 'uitvoer-schijf-vol', /quotum/],
    ['EINVAL', 'uitvoer-ongeldige-naam', /staat het niet toe/],
    ['ENAMETOOLONG', 'uitvoer-ongeldige-naam', /te lang/],
    ['ENOENT', 'uitvoer-schrijffout', /bestaat niet/],
    ['ELOOP', 'uitvoer-schrijffout', /kring/],
    ['EIO', 'uitvoer-schrijffout', /schrijffout/],
  ];
  it.each(cases)('%s', (code, reason, message) => {
    const err = outputErrorFor(fake(code), '/home/u/diagrams/a.mmd')!;
    expect(err).toBeInstanceOf(OutputError);
    expect(err.reason).toBe(reason);
    expect(err.errno).toBe(code);
    expect(err.path).toBe('/home/u/diagrams/a.mmd');
    // The path the user asked for, not the temp file the syscall failed on.
    expect(err.message).toContain('`/home/u/diagrams/a.mmd`');
    expect(err.message).not.toContain('.tmp');
    expect(err.message).toMatch(message);
    expect(err.hint.length).toBeGreaterThan(10);
  });

  it('anything else stays a real error (interne fout)', () => {
    expect(outputErrorFor(new TypeError('x is undefined'), '/p')).toBeUndefined();
    expect(outputErrorFor(fake('EMFILE'), '/p')).toBeUndefined();
    expect(outputErrorFor('string', '/p')).toBeUndefined();
  });

  it('a path with a newline or an escape cannot forge lines in the message', () => {
    expect(shown('a\nb\u001b[2J\u202e.md')).toBe('`a\\u{a}b\\u{1b}[2J\\u{202e}.md`');
  });
});

describe('/proc, /sys, /dev: refused at once, nothing created', () => {
  it.each(['/proc/nope', '/proc/nope/diep/dieper', '/sys/nope', '/dev/nope', '/proc'])('ensureDir(%s)', (p) => {
    const t = Date.now();
    const err = thrown(() => ensureDir(p));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(err.reason).toBe('uitvoer-geen-gewone-map');
    expect(err.message).toContain(`\`${p}\``);
    expect(err.message).toContain('geen gewone map');
    expect(existsSync(p) && p !== '/proc').toBe(false);
  });

  it('through a link into /proc (found by the real path)', () => {
    symlinkSync('/proc/self', join(dir, 'naar-proc'));
    expect(thrown(() => inspectPlace(join(dir, 'naar-proc', 'uit'))).reason).toBe('uitvoer-geen-gewone-map');
  });

  it('render --out /proc/nope and schema --out /sys/nope: refused, no hang', async () => {
    const t = Date.now();
    expect((await rejected(writeDiagramSet('/proc/nope', SET))).reason).toBe('uitvoer-geen-gewone-map');
    expect((await rejected(writeDiagramSet('/proc/nope', SET, { check: true }))).reason).toBe('uitvoer-geen-gewone-map');
    expect((await rejected(assertOutputDir('/proc/nope', { subdirs: ['muur'] }))).reason).toBe('uitvoer-geen-gewone-map');
    expect((await rejected(writeSchemas('/sys/nope'))).reason).toBe('uitvoer-geen-gewone-map');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('init-regio --map /proc/nope: refused, no hang', () => {
    const t = Date.now();
    const err = thrown(() => createRegionDin('/proc/nope/zuidwest.yaml', 'x'));
    expect(err.reason).toBe('uitvoer-geen-gewone-map');
    expect(err.message).toContain('`/proc/nope`');
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('report --out /dev/null: refused, naming /dev/null', async () => {
    const err = await rejected(writeOutputFile('/dev/null', '# r\n', { kind: 'md' }));
    expect(err.reason).toBe('uitvoer-geen-gewone-map');
    expect(err.message).toContain('`/dev/null`');
  });
});

describe('a file where a folder is needed, a folder where a file is needed', () => {
  it('--out below an existing file (ENOTDIR): names the file in the way', async () => {
    writeFileSync(join(dir, 'bestand'), 'x');
    const err = await rejected(writeDiagramSet(join(dir, 'bestand', 'diagrams'), SET));
    expect(err.reason).toBe('uitvoer-bestand-geen-map');
    expect(err.path).toBe(join(dir, 'bestand'));
    expect(err.message).toContain('is een bestand, geen map');
    expect(readFileSync(join(dir, 'bestand'), 'utf8')).toBe('x');
  });

  it('--out an existing file for a folder of outputs (EEXIST)', async () => {
    writeFileSync(join(dir, 'diagrams'), 'x');
    expect((await rejected(writeSchemas(join(dir, 'diagrams')))).reason).toBe('uitvoer-bestand-geen-map');
    expect(readFileSync(join(dir, 'diagrams'), 'utf8')).toBe('x');
  });

  it('report --out an existing folder (EISDIR)', async () => {
    mkdirSync(join(dir, 'rapport.html'));
    const err = await rejected(writeOutputFile(join(dir, 'rapport.html'), '<!doctype html><html><head></head></html>'));
    expect(err.reason).toBe('uitvoer-map-geen-bestand');
    expect(err.message).toContain('is een map, geen bestand');
    expect(thrown(() => writeFileAtomic(join(dir, 'rapport.html'), 'x')).reason).toBe('uitvoer-map-geen-bestand');
  });

  it('report --out a FIFO: refused without blocking', async () => {
    const fifo = join(dir, 'pijp.md');
    execFileSync('mkfifo', [fifo]);
    const t = Date.now();
    const err = await rejected(writeOutputFile(fifo, '# r\n'));
    expect(err.reason).toBe('uitvoer-geen-gewoon-bestand');
    expect(err.message).toContain('named pipe');
    expect(thrown(() => writeFileAtomic(fifo, 'x')).reason).toBe('uitvoer-geen-gewoon-bestand');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('a dangling link in the path is named', () => {
    symlinkSync(join(dir, 'nergens'), join(dir, 'link'));
    const err = thrown(() => ensureDir(join(dir, 'link', 'diagrams')));
    expect(err.reason).toBe('uitvoer-geen-gewoon-bestand');
    expect(err.path).toBe(join(dir, 'link'));
  });

  it('ensureDir makes each missing folder, one at a time', () => {
    ensureDir(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    ensureDir(join(dir, 'a', 'b', 'c'));
  });
});
