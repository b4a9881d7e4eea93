/**
 * A real spreadsheet program opens what tocdin writes: LibreOffice (`soffice --headless`)
 * converts the tables workbook to one CSV per sheet, with the same cells; and it opens the
 * DIN workbook and saves it again (as a person would), after which `tocdin import` still
 * reads the same DIN, notes included. Skipped, with a message, when soffice is absent
 * (install: apt-get install -y libreoffice-calc-nogui); CI installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/pipeline.js';
import { filesOfKind } from '../../src/resolve/resolve.js';
import { analysisTables } from '../../src/render/tables.js';
import { tablesWorkbook } from '../../src/render/xlsx.js';
import { exportTemplate, importWorkbook } from '../../src/spreadsheets.js';
import { national } from '../fixtures/mini.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const available = soffice.status === 0;
if (!available) console.warn('LibreOffice (soffice) ontbreekt: de test met een echt rekenprogramma wordt overgeslagen. Installeer: apt-get install -y libreoffice-calc-nogui');

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'spreadsheets', 'volledig');
const tmp = mkdtempSync(join(tmpdir(), 'tocdin-lo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function convert(file: string, to: string, outdir: string): void {
  // A profile of its own: a second soffice (or a user's) must not be in the way.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp, 'profiel')}`, '--headless', '--convert-to', to, '--outdir', outdir, file], { stdio: 'pipe', timeout: 120_000 });
}

/** RFC 4180: fields separated by `sep`, quoted with ", "" inside quotes. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

describe.skipIf(!available)('LibreOffice opens the workbooks', () => {
  it('the tables workbook: every sheet converts to CSV with the cells tocdin wrote', async () => {
    const tables = analysisTables(national);
    const file = join(tmp, 'tabellen.xlsx');
    writeFileSync(file, await tablesWorkbook(tables, 'tocdin — tabellen'));
    const out = join(tmp, 'csv');
    // ;  "  UTF-8  from line 1  …  raw values (not as shown)  …  all sheets (-1), one file each
    convert(file, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', out);
    expect(readdirSync(out).sort()).toEqual(['Inhoud', ...tables.map((t) => t.sheet)].map((s) => `tabellen-${s}.csv`).sort());
    for (const t of tables) {
      const cells = parseCsv(readFileSync(join(out, `tabellen-${t.sheet}.csv`), 'utf8'), ';');
      expect(cells[0], t.sheet).toEqual(t.columns.map((c) => c.header));
      expect(cells.slice(1), t.sheet).toEqual(t.rows.map((r) => r.map(String)));
    }
  });

  it('the DIN workbook, saved again by LibreOffice, imports to the same DIN with its notes', async () => {
    const checked = checkWorkspace(['.'], FIXTURE);
    const file = join(tmp, 'din-noord.xlsx');
    writeFileSync(file, (await exportTemplate(checked, 'regio-noord')).workbook);
    const out = join(tmp, 'opgeslagen');
    convert(file, 'xlsx:Calc MS Excel 2007 XML', out);
    const o = await importWorkbook({ path: join(out, 'din-noord.xlsx'), cwd: FIXTURE, modelPaths: ['.'] });
    expect(o.usageProblems).toEqual([]);
    expect(o.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(o.model).toEqual(filesOfKind(checked.workspace, 'din')[0]!.model);
    expect(o.yaml).toContain('# de campagne draagt vooral bij aan zij-instroom');
    expect(o.yaml).toContain('# Twee ER-doelen: één naar de ambitie (standaard), één met een expliciete lege lijst.');
  });
});
