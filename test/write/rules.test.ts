/**
 * Issue 14, points 1 and 2: tocdin never destroys what it did not write. Each rule of
 * src/write/guard.ts in a temp folder, through the writers the CLI uses: a user's README.md,
 * .mmd, notes or handout.pdf survive byte for byte and the run is refused before anything is
 * written, naming the file; stale files are removed only when they carry the marker; nothing
 * is ever written over a model file or into a folder models are read from.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { OutputError, OutputRefused } from '../../src/io/errors.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { renderDiagramSet, type DiagramSet } from '../../src/render/diagrams.js';
import { writeDiagramSet, writeSvgs, writeWallPosters } from '../../src/write/diagrams.js';
import { assertNotInput, assertOutputDir, assertOutputFile, inputsOf } from '../../src/write/guard.js';
import { COMMENT_MARKER, HTML_MARKER, markContent, MMD_MARKER } from '../../src/write/marker.js';
import { writeOutputFile } from '../../src/write/output.js';
import { writeSchemas } from '../../src/write/schemas.js';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'mini');
let set: DiagramSet;
beforeAll(() => {
  const checked = checkWorkspace([MINI], MINI);
  const national = analyse(checked.built, { diagnostics: checked.diagnostics });
  const regional = national.dins.map((d) => analyse(checked.built, { diagnostics: checked.diagnostics, regio: d.regio }));
  set = renderDiagramSet(national, regional);
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root` with the sha256 of its bytes. */
function hashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(root, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<OutputError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutputError);
  return err as OutputError;
}

async function pdf(creator: string | undefined, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  if (creator) doc.setCreator(creator);
  return doc.save({ useObjectStreams: false });
}

describe('rule 2: a folder holding a file tocdin did not write is refused before anything is written', () => {
  it.each([
    ['README.md', '# Mijn project\n'],
    ['mijn-schets.mmd', 'flowchart LR\n  a --> b\n'],
    ['notes.txt', 'aantekeningen\n'],
    ['package.json', '{ "name": "x" }\n'],
  ])('a user\'s %s survives byte for byte and is named', async (name, content) => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, name), content);
    const before = hashes(dir);
    const err = await refusal(writeDiagramSet(out, set));
    expect(err).toBeInstanceOf(OutputRefused);
    expect(err.reason).toBe('uitvoer-niet-van-tocdin');
    expect(err.message).toContain(`\`${name}\``);
    expect(err.message).toContain('een bestand dat tocdin niet heeft gemaakt');
    expect(err.hint).toMatch(/lege map/);
    expect(hashes(dir)).toEqual(before);
  });

  it('names one file and counts the others', async () => {
    for (const n of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(dir, n), n);
    const err = await refusal(writeDiagramSet(dir, set));
    expect(err.message).toContain('3 bestanden die tocdin niet heeft gemaakt: `a.txt` en 2 andere');
    expect(err.path).toBe(join(dir, 'a.txt'));
  });

  it('check mode refuses the same folder (and still writes nothing)', async () => {
    writeFileSync(join(dir, 'README.md'), '# van mij\n');
    const before = hashes(dir);
    await refusal(writeDiagramSet(dir, set, { check: true }));
    expect(hashes(dir)).toEqual(before);
  });

  it('hidden files are ignored and never touched', async () => {
    writeFileSync(join(dir, '.gitkeep'), '');
    writeFileSync(join(dir, '.notities.mmd'), 'flowchart LR\n  a --> b\n');
    const r = await writeDiagramSet(dir, set);
    expect(r.written.length).toBe(set.files.length);
    expect(r.removed).toEqual([]);
    expect(readFileSync(join(dir, '.notities.mmd'), 'utf8')).toBe('flowchart LR\n  a --> b\n');
  });

  it('a FIFO in the folder is refused without blocking', async () => {
    execFileSync('mkfifo', [join(dir, 'pijp.mmd')]);
    const t = Date.now();
    const err = await refusal(writeDiagramSet(dir, set));
    expect(err.message).toContain('`pijp.mmd`');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('subfolders tocdin writes into (muur/) are checked the same way, before anything is written', async () => {
    mkdirSync(join(dir, 'muur'));
    const handout = await pdf('Microsoft Word');
    writeFileSync(join(dir, 'muur', 'handout.pdf'), handout);
    const before = hashes(dir);
    const err = await refusal(assertOutputDir(dir, { subdirs: ['muur'] }));
    expect(err.message).toContain('muur');
    expect(err.message).toContain('`handout.pdf`');
    await refusal(writeWallPosters(join(dir, 'muur'), [{ name: 'din-regio-a', pdf: await pdf('tocdin') }]));
    expect(hashes(dir)).toEqual(before);
  });

  it('subfolders not written into are left alone', async () => {
    mkdirSync(join(dir, 'archief'));
    writeFileSync(join(dir, 'archief', 'oud.mmd'), 'flowchart LR\n  x --> y\n');
    await writeDiagramSet(dir, set);
    expect(readFileSync(join(dir, 'archief', 'oud.mmd'), 'utf8')).toBe('flowchart LR\n  x --> y\n');
  });

  it('a folder where a file would go is refused, not replaced', async () => {
    mkdirSync(join(dir, 'README.md'));
    const err = await refusal(writeDiagramSet(dir, set));
    expect(err.reason).toBe('uitvoer-map-geen-bestand');
    expect(readdirSync(dir)).toEqual(['README.md']);
  });
});

describe('rule 1: only marked files are replaced or removed', () => {
  it('every written file carries the marker, and a re-run recognises them as its own', async () => {
    const first = await writeDiagramSet(dir, set);
    expect(first.written.sort()).toEqual(set.files.map((f) => f.name).sort());
    for (const f of set.files) {
      const text = readFileSync(join(dir, f.name), 'utf8');
      expect(text.trimEnd().split('\n').at(-1)).toBe(f.name.endsWith('.md') ? COMMENT_MARKER : MMD_MARKER);
    }
    const again = await writeDiagramSet(dir, set);
    expect(again.unchanged.length).toBe(set.files.length);
    expect(again.written).toEqual([]);
    expect((await writeDiagramSet(dir, set, { check: true })).differing).toEqual([]);
  });

  it('a stale marked .mmd is removed; marked files of other writers stay', async () => {
    writeFileSync(join(dir, 'weg.mmd'), markContent('mmd', 'flowchart LR\n  a --> b\n'));
    writeFileSync(join(dir, 'rapport.md'), markContent('md', '# rapport\n'));
    writeFileSync(join(dir, 'posters.pdf'), await pdf('tocdin'));
    writeFileSync(join(dir, 'oud.svg'), markContent('svg', '<?xml version="1.0"?>\n<svg/>\n'));
    expect((await writeDiagramSet(dir, set, { check: true })).differing).toContain('weg.mmd');
    const r = await writeDiagramSet(dir, set);
    expect(r.removed).toEqual(['weg.mmd']);
    expect(existsSync(join(dir, 'weg.mmd'))).toBe(false);
    for (const f of ['rapport.md', 'posters.pdf', 'oud.svg']) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('SVGs: the marker follows the XML declaration; a stale marked SVG goes, the .mmd stay', async () => {
    await writeDiagramSet(dir, set);
    writeFileSync(join(dir, 'oud.svg'), markContent('svg', '<?xml version="1.0"?>\n<svg/>\n'));
    const r = await writeSvgs(dir, [{ name: 'beleidsmodel', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }]);
    expect(r.removed).toEqual(['oud.svg']);
    expect(readFileSync(join(dir, 'beleidsmodel.svg'), 'utf8')).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${COMMENT_MARKER}\n<svg xmlns="http://www.w3.org/2000/svg"/>\n`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.mmd')).length).toBe(set.files.length - 1);
  });

  it('wall posters: a stale tocdin PDF is removed, the current one written', async () => {
    const muur = join(dir, 'muur');
    mkdirSync(muur);
    writeFileSync(join(muur, 'oud.pdf'), await pdf('tocdin'));
    const r = await writeWallPosters(muur, [{ name: 'din-regio-a', pdf: await pdf('tocdin', 2) }]);
    expect(r).toMatchObject({ written: ['din-regio-a.pdf'], removed: ['oud.pdf'] });
  });

  it('a PDF without Creator tocdin is never written (it could not be recognised later)', async () => {
    await expect(writeWallPosters(dir, [{ name: 'x', pdf: await pdf('Chromium') }])).rejects.toThrow(/Creator tocdin/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('one file: absent, marked or byte-identical may be replaced; a user\'s file may not', async () => {
    const path = join(dir, 'rapport.md');
    expect(await writeOutputFile(path, '# rapport\n')).toBe('written');
    expect(await writeOutputFile(path, '# rapport\n')).toBe('unchanged');
    expect(await writeOutputFile(path, '# rapport 2\n')).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe(`# rapport 2\n\n${COMMENT_MARKER}\n`);
    const mine = join(dir, 'mijn.md');
    writeFileSync(mine, '# van mij\n');
    const err = await refusal(writeOutputFile(mine, '# rapport\n'));
    expect(err.reason).toBe('uitvoer-niet-van-tocdin');
    expect(err.message).toContain(mine);
    await refusal(assertOutputFile(mine));
    expect(readFileSync(mine, 'utf8')).toBe('# van mij\n');
    // Next to a user's file is fine: only that one file is written.
    expect(await writeOutputFile(join(dir, 'rapport.html'), '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>r</title>\n</head>\n<body></body>\n</html>\n')).toBe('written');
    expect(readFileSync(join(dir, 'rapport.html'), 'utf8')).toContain(`<meta charset="utf-8">\n${HTML_MARKER}\n<title>`);
    expect(readFileSync(mine, 'utf8')).toBe('# van mij\n');
  });

  it('the report kind comes from the format, so a report saved as .txt is recognised next time', async () => {
    const path = join(dir, 'rapport.txt');
    expect(await writeOutputFile(path, '# r\n', { kind: 'md' })).toBe('written');
    expect(await writeOutputFile(path, '# r2\n', { kind: 'md' })).toBe('written');
    await expect(writeOutputFile(join(dir, 'rapport.txt2'), '# r\n')).rejects.toThrow(OutputError);
  });
});

describe('rule 3: never over a model file, never into a model folder', () => {
  let project: string;
  beforeEach(() => {
    project = join(dir, 'project');
    cpSync(MINI, join(project, 'models'), { recursive: true });
  });

  it('report --out a model file is refused, whatever its name, and the model survives', async () => {
    const model = join(project, 'models', 'regios', readdirSync(join(project, 'models', 'regios'))[0]!);
    const before = readFileSync(model);
    const inputs = inputsOf(project, ['models'], [model]);
    const err = await refusal(writeOutputFile(model, '# rapport\n', { kind: 'md', inputs }));
    expect(err.reason).toBe('uitvoer-is-invoer');
    // Without knowing the inputs, rule 1 still refuses: the model carries no marker.
    expect((await refusal(writeOutputFile(model, '# rapport\n', { kind: 'md' }))).reason).toBe('uitvoer-niet-van-tocdin');
    // A model given by file name only (no folder) is protected the same way.
    expect((await refusal(writeOutputFile(model, '# r\n', { kind: 'md', inputs: { files: [model], dirs: [] } }))).reason).toBe('uitvoer-is-invoer');
    expect(readFileSync(model).equals(before)).toBe(true);
  });

  it('a new file inside a model folder is refused', async () => {
    const inputs = inputsOf(project, ['models']);
    expect((await refusal(writeOutputFile(join(project, 'models', 'regios', 'rapport.md'), '# r\n', { inputs }))).reason).toBe('uitvoer-is-invoer');
    expect(existsSync(join(project, 'models', 'regios', 'rapport.md'))).toBe(false);
  });

  it('an output folder equal to or inside a model folder is refused, also through a link', async () => {
    const inputs = inputsOf(project, ['models', 'scenarios']);
    expect(inputs.dirs).toEqual([join(project, 'models')]);
    for (const out of ['models', 'models/regios', 'models/nieuw']) {
      const err = await refusal(writeDiagramSet(join(project, out), set, { inputs }));
      expect(err.reason, out).toBe('uitvoer-is-invoer');
    }
    symlinkSync(join(project, 'models'), join(dir, 'alias'));
    expect((await refusal(writeSchemas(join(dir, 'alias'), { inputs }))).reason).toBe('uitvoer-is-invoer');
    expect(existsSync(join(project, 'models', 'nieuw'))).toBe(false);
    expect(readdirSync(join(project, 'models')).some((f) => f.endsWith('.mmd') || f.endsWith('.json'))).toBe(false);
  });

  it('a folder next to the models is fine; the project folder itself is left to rule 2', () => {
    const inputs = inputsOf(project, ['models']);
    expect(() => assertNotInput(join(project, 'diagrams'), inputs, 'dir')).not.toThrow();
    expect(() => assertNotInput(project, inputs, 'dir')).not.toThrow();
    expect(() => assertNotInput(join(project, 'rapport.md'), inputs, 'file')).not.toThrow();
  });
});

describe('schemas', () => {
  it('carry the $comment marker, re-run unchanged, refuse a folder with a user\'s package.json', async () => {
    const r = await writeSchemas(dir);
    expect(r.written.length).toBeGreaterThan(3);
    expect((await writeSchemas(dir)).unchanged.length).toBe(r.written.length);
    for (const f of r.written) expect((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { $comment: string }).$comment).toMatch(/^gemaakt door tocdin/);
    writeFileSync(join(dir, 'package.json'), '{ "name": "x" }\n');
    const mtime = statSync(join(dir, r.written[0]!)).mtimeMs;
    expect((await refusal(writeSchemas(dir))).message).toContain('`package.json`');
    expect(statSync(join(dir, r.written[0]!)).mtimeMs).toBe(mtime);
  });
});
