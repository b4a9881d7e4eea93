/**
 * Issue 14, "done when": every command that writes, pointed with --out/--map at each input
 * folder (models, models/regios, scenarios), at the project folder itself and at a folder
 * holding a user's file, in a temp copy of the project (models/, scenarios/, a user's
 * README.md and package.json). Every pre-existing byte must survive; a refused run exits 2
 * with an honest message (never "interne fout") and writes nothing at all. A few runs into
 * fresh folders show that tocdin still recognises and replaces its own files.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/chromium.js';
import { main, type Io } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NO_BROWSER = { ...process.env, TOCDIN_CHROMIUM: '/geen/chromium' };
const HAS_CHROMIUM = Boolean(findChromium(process.env));

/** Region ids from the register: one with a DIN in models/regios, one without. */
const REGISTER = (parse(readFileSync(join(ROOT, 'models', 'regioregister.yaml'), 'utf8')) as { regios: { id: string }[] }).regios.map((r) => r.id);
const WITH_DIN = REGISTER.filter((id) => existsSync(join(ROOT, 'models', 'regios', `${id}.yaml`)));
const WITHOUT_DIN = REGISTER.filter((id) => !WITH_DIN.includes(id));
const A_MODEL = `models/regios/${WITH_DIN[0]}.yaml`;

/** One drawing cache for all runs (a hidden entry in each project): only time, never bytes. */
let cache: string;
beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'tocdin-safety-cache-'));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

let project: string;
beforeEach(async () => {
  project = mkdtempSync(join(tmpdir(), 'tocdin-safety-'));
  cpSync(join(ROOT, 'models'), join(project, 'models'), { recursive: true });
  cpSync(join(ROOT, 'scenarios'), join(project, 'scenarios'), { recursive: true });
  writeFileSync(join(project, 'README.md'), '# Mijn beleidsproject\n\nAantekeningen die niemand mag overschrijven.\n');
  writeFileSync(join(project, 'package.json'), '{ "name": "mijn-project", "private": true }\n');
  // A folder holding a user's file, and one whose muur/ holds a handout made elsewhere.
  mkdirSync(join(project, 'docs'));
  writeFileSync(join(project, 'docs', 'notes.txt'), 'notities van de workshop\n');
  mkdirSync(join(project, 'print', 'muur'), { recursive: true });
  const handout = await PDFDocument.create();
  handout.addPage();
  handout.setCreator('LibreOffice');
  writeFileSync(join(project, 'print', 'muur', 'handout.pdf'), await handout.save());
  symlinkSync(cache, join(project, '.tocdin-cache'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** Every non-hidden file in the project with the sha256 of its bytes. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(project, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(project);
  return out;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd: project, color: false, env };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Runs argv; every byte there before is still there; returns the run and the files added. */
async function runKeepingBytes(argv: string[], env?: NodeJS.ProcessEnv) {
  const before = snapshot();
  const r = await run(argv, env);
  const after = snapshot();
  for (const [file, hash] of before) expect(after.get(file), `${file} na ${argv.join(' ')}: ${r.err}`).toBe(hash);
  const added = [...after.keys()].filter((f) => !before.has(f));
  return { ...r, added };
}

/** A refusal: exit 2, an honest message, and nothing written at all. */
async function expectRefused(argv: string[], env?: NodeJS.ProcessEnv) {
  const r = await runKeepingBytes(argv, env);
  expect(r.code, `${argv.join(' ')}\n${r.out}\n${r.err}`).toBe(2);
  expect(r.err).toMatch(/^tocdin: /m);
  expect(r.err).not.toContain('interne fout');
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.added, `${argv.join(' ')} schreef toch iets`).toEqual([]);
  return r;
}

const INPUT_FOLDERS = ['models', 'models/regios', 'scenarios'];
const USER_PLACES = ['.', 'docs'];

describe('render (Mermaid) is refused at input folders, at . and at a folder with a user\'s file', () => {
  it.each([...INPUT_FOLDERS, ...USER_PLACES].map((o) => [o]))('render --out %s', async (out) => {
    await expectRefused(['render', '--out', out]);
  });
  it.each([...INPUT_FOLDERS, ...USER_PLACES].map((o) => [o]))('render --check --out %s', async (out) => {
    await expectRefused(['render', '--check', '--out', out]);
  });
  it('render --out /proc/nope: refused at once', async () => {
    const t = Date.now();
    const r = await expectRefused(['render', '--out', '/proc/nope']);
    expect(r.err).toContain('/proc/nope');
    expect(Date.now() - t).toBeLessThan(30_000);
  });
});

describe.skipIf(!HAS_CHROMIUM)('render with Chromium outputs is refused before anything is drawn or written', () => {
  it.each([
    [['--svg', '--out', 'models']],
    [['--pdf', '--out', 'models/regios']],
    [['--svg', '--pdf', '--muur', '--out', 'scenarios']],
    [['--svg', '--pdf', '--muur', '--out', '.']],
    [['--svg', '--out', 'docs']],
    // Only muur/ holds the user's handout: the whole run must still be refused up front.
    [['--muur', '--out', 'print']],
  ])('render %j', async (args) => {
    await expectRefused(['render', ...args]);
  }, 240_000);
});

describe('report', () => {
  it.each([
    [A_MODEL],
    ['models/rapport.md'],
    ['models/regios/rapport.md'],
    ['scenarios/README.md'],
    ['scenarios/rapport.md'],
    ['README.md'],
    ['package.json'],
    ['docs/notes.txt'],
    ['docs'],
    ['.'],
    ['/dev/null'],
  ])('report --format md --out %s is refused', async (out) => {
    await expectRefused(['report', '--format', 'md', '--out', out]);
  });

  it.skipIf(!HAS_CHROMIUM).each([[A_MODEL], ['README.md'], ['models/rapport.html']])('report --format html --out %s is refused', async (out) => {
    await expectRefused(['report', '--format', 'html', '--out', out]);
  }, 240_000);

  it('next to a user\'s file is fine: only the new report is added, and it can be replaced by the next run', async () => {
    const r = await runKeepingBytes(['report', '--format', 'md', '--out', 'docs/rapport.md']);
    expect(r.code, r.err).toBe(0);
    expect(r.added).toEqual(['docs/rapport.md']);
    const again = await runKeepingBytes(['report', '--format', 'md', '--out', 'docs/rapport.md']);
    expect(again.code, again.err).toBe(0);
  });
});

describe('schema', () => {
  it.each([...INPUT_FOLDERS, ...USER_PLACES].map((o) => [o]))('schema --out %s is refused', async (out) => {
    await expectRefused(['schema', '--out', out]);
  });

  it('into a fresh folder, twice', async () => {
    const r = await runKeepingBytes(['schema', '--out', 'editor-schemas']);
    expect(r.code, r.err).toBe(0);
    expect(r.added.length).toBeGreaterThan(3);
    expect((await runKeepingBytes(['schema', '--out', 'editor-schemas'])).code).toBe(0);
  });
});

describe('init-regio only ever adds a new file', () => {
  it.each([['models/regios'], ['scenarios'], ['.'], ['docs']])('init-regio ID --map %s', async (map) => {
    const r = await runKeepingBytes(['init-regio', WITHOUT_DIN[0]!, '--map', map]);
    expect(r.code, r.err).toBe(0);
    expect(r.added).toEqual([join(map, `${WITHOUT_DIN[0]}.yaml`)]);
  });

  it('an existing DIN: exit 2, untouched', async () => {
    const r = await runKeepingBytes(['init-regio', WITH_DIN[0]!]);
    expect(r.code).toBe(2);
    expect(r.added).toEqual([]);
  });

  it('init-regio ID --map /proc/nope: refused at once', async () => {
    const t = Date.now();
    await expectRefused(['init-regio', WITHOUT_DIN[0]!, '--map', '/proc/nope']);
    expect(Date.now() - t).toBeLessThan(30_000);
  });
});

describe('start writes into diagrams/ only when it holds nothing but tocdin\'s files', () => {
  it('a user\'s file in diagrams/: refused, before anything is written', async () => {
    mkdirSync(join(project, 'diagrams'));
    writeFileSync(join(project, 'diagrams', 'README.md'), '# mijn overzicht\n');
    await expectRefused(['start'], NO_BROWSER);
  });

  it.skipIf(!HAS_CHROMIUM)('with Chromium: a user\'s PDF in diagrams/muur/ is refused before drawing', async () => {
    mkdirSync(join(project, 'diagrams', 'muur'), { recursive: true });
    writeFileSync(join(project, 'diagrams', 'muur', 'handout.pdf'), readFileSync(join(project, 'print', 'muur', 'handout.pdf')));
    await expectRefused(['start']);
  }, 240_000);
});

describe('tocdin still replaces its own files', () => {
  it('render twice, report into diagrams/, render again, check: all fine and nothing of the user\'s touched', async () => {
    const first = await runKeepingBytes(['render']);
    expect(first.code, first.err).toBe(0);
    expect(first.added.length).toBeGreaterThan(10);
    expect((await runKeepingBytes(['render'])).code).toBe(0);
    const rep = await runKeepingBytes(['report', '--format', 'md']);
    expect(rep.code, rep.err).toBe(0);
    expect(rep.added).toEqual(['diagrams/rapport.md']);
    const again = await runKeepingBytes(['render']);
    expect(again.code, again.err).toBe(0);
    const check = await runKeepingBytes(['render', '--check']);
    expect(check.code, check.out + check.err).toBe(0);
  });

  it('start without Chromium, twice', async () => {
    const r = await runKeepingBytes(['start'], NO_BROWSER);
    expect(r.code, r.err).toBe(0);
    expect((await runKeepingBytes(['start'], NO_BROWSER)).code).toBe(0);
  });
});
