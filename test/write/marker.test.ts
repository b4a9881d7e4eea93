/**
 * tocdin's marker in each kind of file it writes, and its recognition: by content (not by
 * file name), only in regular files, never hanging on a FIFO. Files a user could have —
 * a README, notes, package.json, a PDF from elsewhere — are never taken for ours.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/write/schemas.js';
import { COMMENT_MARKER, HTML_MARKER, isOurFile, isOurPdf, kindOf, markContent, MARKER_TEXT, quickPdfCreator, type OutputKind } from '../../src/write/marker.js';

const GOLDEN = join(import.meta.dirname, '..', 'render', '__golden__');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocdin-marker-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function pdf(creator?: string, opts: { pages?: number; objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < (opts.pages ?? 1); i++) doc.addPage();
  if (creator !== undefined) doc.setCreator(creator);
  return doc.save({ useObjectStreams: opts.objectStreams ?? false });
}

const quick = (bytes: Uint8Array) => {
  const b = Buffer.from(bytes);
  return quickPdfCreator(b.length, (p, n) => b.subarray(p, p + n));
};

describe('markContent', () => {
  const cases: [OutputKind, string][] = [
    ['md', readFileSync(join(GOLDEN, 'rapport.md'), 'utf8')],
    ['md', readFileSync(join(GOLDEN, 'README.md'), 'utf8')],
    ['html', readFileSync(join(GOLDEN, 'rapport.html'), 'utf8')],
    ['svg', '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n'],
    // The schema as it was before it carried the marker.
    ['json', JSON.stringify({ ...JSON.parse(jsonSchemaFor('din')), $comment: undefined }, null, 2) + '\n'],
    ['mmd', readFileSync(join(GOLDEN, 'beleidsmodel.mmd'), 'utf8')],
  ];

  it.each(cases.map(([k, c], i) => [`${k} #${i}`, k, c] as const))('%s is marked, recognised and marked only once', async (_, kind, content) => {
    expect(await isOurFile(put('unmarked', content))).toBe(false);
    const marked = markContent(kind, content) as string;
    expect(marked).not.toBe(content);
    expect(markContent(kind, marked)).toBe(marked);
    // Recognised by content whatever the name (a report saved as .txt stays ours).
    expect(await isOurFile(put(`x.${kind}`, marked))).toBe(true);
    expect(await isOurFile(put('x.txt', marked))).toBe(true);
  });

  it('.md: an HTML comment on the last line, after a blank line', () => {
    const marked = markContent('md', '| a |\n|---|\n| 1 |\n') as string;
    expect(marked).toBe(`| a |\n|---|\n| 1 |\n\n${COMMENT_MARKER}\n`);
  });

  it('.svg: an XML comment right after the XML declaration', () => {
    const marked = markContent('svg', '<?xml version="1.0" encoding="UTF-8"?>\n<svg/>\n') as string;
    expect(marked).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${COMMENT_MARKER}\n<svg/>\n`);
  });

  it('.html: the generator meta right after the charset, nothing else in the page changes', () => {
    const html = readFileSync(join(GOLDEN, 'rapport.html'), 'utf8');
    const marked = markContent('html', html) as string;
    expect(marked).toContain(`<meta charset="utf-8">\n${HTML_MARKER}\n<meta http-equiv`);
    expect(marked.replace(`\n${HTML_MARKER}`, '')).toBe(html);
  });

  it('.json: $comment right after $schema, still the same schema', () => {
    const schema = JSON.parse(jsonSchemaFor('beleidsmodel')) as Record<string, unknown>;
    expect(Object.keys(schema).slice(0, 2)).toEqual(['$schema', '$comment']);
    expect(schema['$comment']).toBe(MARKER_TEXT);
    const other = markContent('json', '{"name": "x", "version": "1"}') as string;
    expect(JSON.parse(other)).toEqual({ $comment: MARKER_TEXT, name: 'x', version: '1' });
  });

  it('.pdf: left as it is (the Creator is set where the PDF is assembled)', async () => {
    const bytes = await pdf('tocdin');
    expect(markContent('pdf', bytes)).toBe(bytes);
  });

  it('kindOf knows only the kinds tocdin writes', () => {
    expect(['a.mmd', 'README.md', 'a.svg', 'r.html', 's.schema.json', 'p.pdf', 'x.yaml', 'notes.txt', 'Makefile'].map(kindOf)).toEqual(['mmd', 'md', 'svg', 'html', 'json', 'pdf', undefined, undefined, undefined]);
  });
});

describe('isOurFile: a user\'s files are never taken for ours', () => {
  it.each([
    ['README.md', '# Mijn project\n\nZie ook `%% gemaakt door tocdin — niet met de hand bewerken` in de diagrammen.\n'],
    ['notes.txt', 'boodschappen\n'],
    ['package.json', '{\n  "name": "x",\n  "$comment": "iets anders"\n}\n'],
    ['mijn-schets.mmd', 'flowchart LR\n  a --> b\n%% mijn eigen commentaar\n'],
    ['rapport.html', '<!doctype html>\n<html><head><meta charset="utf-8"><title>x</title></head><body><!-- <meta name="generator" content="tocdin"> --></body></html>\n'],
    ['leeg.md', ''],
  ])('%s', async (name, content) => {
    expect(await isOurFile(put(name, content))).toBe(false);
  });

  it('a PDF from elsewhere (another Creator, none, broken, encrypted-looking) is not ours; one with Creator tocdin is', async () => {
    expect(await isOurFile(put('tocdin.pdf', await pdf('tocdin')))).toBe(true);
    expect(await isOurFile(put('chromium.pdf', await pdf('Chromium')))).toBe(false);
    expect(await isOurFile(put('geen.pdf', await pdf()))).toBe(false);
    expect(await isOurFile(put('kapot.pdf', '%PDF-1.7\n/Creator (tocdin)\n%%EOF\n'))).toBe(false);
    expect(await isOurPdf(new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('a link to a marked file, a folder and a FIFO are not ours, and a FIFO does not hang', async () => {
    const target = put('echt.mmd', markContent('mmd', 'flowchart LR\n  a --> b\n'));
    expect(await isOurFile(target)).toBe(true);
    symlinkSync(target, join(dir, 'link.mmd'));
    expect(await isOurFile(join(dir, 'link.mmd'))).toBe(false);
    expect(await isOurFile(dir)).toBe(false);
    execFileSync('mkfifo', [join(dir, 'fifo.mmd')]);
    const t = Date.now();
    expect(await isOurFile(join(dir, 'fifo.mmd'))).toBe(false);
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await isOurFile(join(dir, 'bestaat-niet.md'))).toBe(false);
  });
});

describe('the Creator of a PDF, read quickly', () => {
  it('tocdin\'s own layout (classic xref table) is read without pdf-lib', async () => {
    expect(quick(await pdf('tocdin'))).toBe('tocdin');
    expect(quick(await pdf('Chromium'))).toBe('Chromium');
    expect(quick(await pdf('café ✓'))).toBe('café ✓');
  });

  it('a literal string Creator and a PDF without Info', () => {
    const info = '%PDF-1.4\n1 0 obj\n<< /Creator (toc\\144in) >>\nendobj\n';
    const xref = `xref\n0 2\n0000000000 65535 f \n${String(9).padStart(10, '0')} 00000 n \n`;
    const withInfo = `${info}${xref}trailer\n<< /Size 2 /Info 1 0 R >>\nstartxref\n${info.length}\n%%EOF\n`;
    expect(quick(Buffer.from(withInfo, 'latin1'))).toBe('tocdin');
    const noInfo = `${info}${xref}trailer\n<< /Size 2 >>\nstartxref\n${info.length}\n%%EOF\n`;
    expect(quick(Buffer.from(noInfo, 'latin1'))).toBeNull();
  });

  it('other layouts (object streams) fall back to pdf-lib and are still recognised', async () => {
    const bytes = await pdf('tocdin', { objectStreams: true });
    expect(quick(bytes)).toBeUndefined();
    expect(await isOurPdf(bytes)).toBe(true);
    expect(await isOurPdf(await pdf('Chromium', { objectStreams: true }))).toBe(false);
  });

  it('a large tocdin PDF is recognised in milliseconds, not seconds', async () => {
    const path = put('posters.pdf', await pdf('tocdin', { pages: 2000 }));
    const t = performance.now();
    expect(await isOurFile(path)).toBe(true);
    expect(performance.now() - t).toBeLessThan(100);
  });
});
