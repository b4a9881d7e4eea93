/**
 * A full disk and a read-only folder, simulated (the tests run as any user, possibly root,
 * so real permissions cannot be relied on): node:fs's write fails the way the kernel would,
 * and the writers must report an OutputError naming the target, leave no temp file and keep
 * the previous version of the file intact.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../src/io/errors.js';
import type { DiagramSet } from '../../src/render/diagrams.js';
import { writeDiagramSet } from '../../src/write/diagrams.js';
import { createRegionDin } from '../../src/write/init-regio.js';
import { writeOutputFile } from '../../src/write/output.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, writeFileSync: vi.fn(actual.writeFileSync), mkdirSync: vi.fn(actual.mkdirSync) };
});

const failing = (code: string) => () => {
  throw Object.assign(new Error(`${code}: simulated`), { code });
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-sim-'));
});
afterEach(() => {
  vi.mocked(fs.writeFileSync).mockReset();
  vi.mocked(fs.mkdirSync).mockReset();
  rmSync(dir, { recursive: true, force: true });
});

const set = (text: string) => ({ files: [{ name: 'a.mmd', content: text }], diagrams: [], splits: [], oversized: [] }) as unknown as DiagramSet;

async function rejected(p: Promise<unknown>): Promise<OutputError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutputError);
  return err as OutputError;
}

describe.each([
  ['ENOSPC', 'uitvoer-schijf-vol', 'de schijf is vol'],
  ['EROFS', 'uitvoer-alleen-lezen', 'alleen-lezen'],
  ['EACCES', 'uitvoer-geen-toestemming', 'geen toestemming'],
])('%s while writing', (code, reason, words) => {
  it('render: an OutputError naming the file; the previous version and no temp file remain', async () => {
    await writeDiagramSet(dir, set('flowchart LR\n  a --> b\n'));
    const before = readFileSync(join(dir, 'a.mmd'));
    vi.mocked(fs.writeFileSync).mockImplementation(failing(code));
    const err = await rejected(writeDiagramSet(dir, set('flowchart LR\n  a --> c\n')));
    expect(err.reason).toBe(reason);
    expect(err.message).toContain(words);
    expect(err.message).toContain(`\`${join(dir, 'a.mmd')}\``);
    expect(readFileSync(join(dir, 'a.mmd')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['a.mmd']);
  });

  it('report: the same for one file', async () => {
    vi.mocked(fs.writeFileSync).mockImplementation(failing(code));
    const err = await rejected(writeOutputFile(join(dir, 'rapport.md'), '# r\n'));
    expect(err.reason).toBe(reason);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('making the folder', async () => {
    vi.mocked(fs.mkdirSync).mockImplementation(failing(code));
    const err = await rejected(writeDiagramSet(join(dir, 'nieuw', 'diagrams'), set('flowchart LR\n  a --> b\n')));
    expect(err.reason).toBe(reason);
    expect(err.path).toBe(join(dir, 'nieuw'));
  });

  it('init-regio', () => {
    vi.mocked(fs.writeFileSync).mockImplementation(failing(code));
    let err: unknown;
    try {
      createRegionDin(join(dir, 'regios', 'x.yaml'), 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).reason).toBe(reason);
    expect((err as OutputError).path).toBe(join(dir, 'regios', 'x.yaml'));
  });
});
