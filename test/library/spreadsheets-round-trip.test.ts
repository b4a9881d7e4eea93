/**
 * The round trip of issue 21 for EVERY bundled DIN (and the fixture that uses every field):
 * export the region's DIN workbook, import it back; the model is the same (elements, fields,
 * contributions), the warnings are the ones `validate` gives for the YAML (now at cells),
 * every YAML comment survives as a comment, and the analysis of the models with the
 * imported files is identical to the analysis of the originals.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/analyse.js';
import { isCellLocation } from '../../src/diagnostics/cell.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { filesOfKind } from '../../src/resolve/resolve.js';
import { exportTemplate, importWorkbook } from '../../src/spreadsheets.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'spreadsheets', 'volledig');
const tmp = mkdtempSync(join(tmpdir(), 'tocdin-rondje-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The text of every comment in a YAML file, except the editor's schema line. */
function commentTexts(yaml: string): string[] {
  return yaml
    .split('\n')
    .map((l) => /(?:^|\s)#\s?(.*)$/.exec(l.trimStart().startsWith('#') ? l.trimStart() : l)?.[1]?.trimEnd())
    .filter((t): t is string => t !== undefined && t !== '' && !t.startsWith('yaml-language-server'));
}

describe.each([
  ['the bundled models', ROOT, ['models']],
  ['the fixture with every field', FIXTURE, ['.']],
] as const)('round trip through the DIN workbook: %s', (_name, cwd, paths) => {
  const checked = checkWorkspace([...paths], cwd);
  const dins = filesOfKind(checked.workspace, 'din');
  const copy = join(tmp, relative(ROOT, cwd).replace(/[\\/]/g, '-') || 'root');
  cpSync(join(cwd, paths[0]), join(copy, paths[0]), { recursive: true });

  it('the models load without errors and hold DINs', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(dins.length).toBeGreaterThanOrEqual(cwd === ROOT ? 10 : 1);
  });

  it.each(dins.map((f) => [f.model.regio, f] as const))('%s: export → import gives the same model, warnings and comments', async (regio, file) => {
    const path = join(tmp, `din-${regio}.xlsx`);
    writeFileSync(path, (await exportTemplate(checked, regio)).workbook);
    const out = await importWorkbook({ path, cwd, modelPaths: paths });
    expect(out.usageProblems).toEqual([]);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.outPath).toBe(resolve(cwd, file.source.path));
    expect(out.model).toEqual(file.model);

    // The same warnings as for the YAML file, by code and message; located at cells.
    const fromYaml = checked.diagnostics.filter((d) => d.file === file.source.path && d.severity !== 'info');
    const key = (d: { code: string; message: string }) => `${d.code} ${d.message}`;
    expect(out.diagnostics.map(key).sort()).toEqual(fromYaml.map(key).sort());
    for (const d of out.diagnostics) expect(isCellLocation(d), `${d.file} ${d.code}`).toBe(true);

    // Every comment of the YAML comes back as a comment (at its element).
    const original = readFileSync(join(cwd, file.source.path), 'utf8');
    const written = commentTexts(out.yaml!).join('\n');
    for (const c of commentTexts(original)) expect(written, c).toContain(c);
    expect(out.yaml!.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/din\.schema\.json$/);

    writeFileSync(join(copy, file.source.path), out.yaml!);
  });

  it('the analysis of the imported DINs is identical to the original analysis, nationally and per region', () => {
    const again = checkWorkspace([...paths], copy);
    expect(again.diagnostics.map((d) => `${d.file}:${d.code}:${d.message}`)).toEqual(checked.diagnostics.map((d) => `${d.file}:${d.code}:${d.message}`));
    expect(analyse(again.built, { diagnostics: again.diagnostics })).toEqual(analyse(checked.built, { diagnostics: checked.diagnostics }));
    for (const f of dins) {
      const regio = f.model.regio;
      expect(analyse(again.built, { diagnostics: again.diagnostics, regio }), regio).toEqual(analyse(checked.built, { diagnostics: checked.diagnostics, regio }));
    }
  });
});
