/**
 * How tocdin proves it wrote a file: a marker inside the file, added here when writing (the
 * renderers stay marker-free, so their golden files and the drawn SVGs do not change). A
 * file tocdin may replace or remove must carry it; everything else is the user's.
 *
 *   .mmd          last line  `%% gemaakt door tocdin — niet met de hand bewerken`
 *   .md           last line  `<!-- gemaakt door tocdin — niet met de hand bewerken -->`
 *   .svg          an XML comment right after the XML declaration
 *   .html         `<meta name="generator" content="tocdin">` first in the head
 *   .json         `"$comment": "gemaakt door tocdin …"` first key (after `$schema`)
 *   .pdf          Creator metadata `tocdin` (set where the PDF is assembled)
 *
 * Recognition looks at the content, not the file name, so a report saved as `rapport.txt`
 * is still recognised; and it only opens regular files, reading a bounded head and tail.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';

export const MARKER_TEXT = 'gemaakt door tocdin — niet met de hand bewerken';
export const MMD_MARKER = `%% ${MARKER_TEXT}`;
export const COMMENT_MARKER = `<!-- ${MARKER_TEXT} -->`;
export const HTML_MARKER = '<meta name="generator" content="tocdin">';
export const PDF_CREATOR = 'tocdin';

export type OutputKind = 'mmd' | 'md' | 'svg' | 'html' | 'json' | 'pdf';

const KIND_BY_EXT: Record<string, OutputKind> = { '.mmd': 'mmd', '.md': 'md', '.svg': 'svg', '.html': 'html', '.htm': 'html', '.json': 'json', '.pdf': 'pdf' };

/** The kind of output a file name stands for, or undefined for names tocdin never writes. */
export function kindOf(name: string): OutputKind | undefined {
  return KIND_BY_EXT[extname(name).toLowerCase()];
}

function lastLine(text: string): string {
  const lines = text.replace(/[\r\n]+$/, '').split(/\r?\n/);
  return lines[lines.length - 1] ?? '';
}

function asText(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

/** `head`: from `<head>` up to and including an optional `<meta charset>` right after it. */
const HEAD_START = /<head(?:\s[^>]*)?>(?:\s*<meta\s+charset="?[^">]*"?\s*\/?>)?/i;
const XML_DECL = /^\uFEFF?<\?xml[^>]*\?>/;

/** The content with tocdin's marker for its kind; content already marked is returned as is. */
export function markContent(kind: OutputKind, content: string | Uint8Array): string | Uint8Array {
  switch (kind) {
    case 'pdf':
      // The Creator is set where the pages are assembled (src/browser/render.ts).
      return content;
    case 'mmd': {
      const text = asText(content);
      if (lastLine(text) === MMD_MARKER) return text;
      return `${text.replace(/\n*$/, '')}\n${MMD_MARKER}\n`;
    }
    case 'md': {
      const text = asText(content);
      if (lastLine(text) === COMMENT_MARKER) return text;
      // A blank line first, so the comment never continues a table or a paragraph.
      return `${text.replace(/\n*$/, '')}\n\n${COMMENT_MARKER}\n`;
    }
    case 'svg': {
      const text = asText(content);
      const decl = XML_DECL.exec(text);
      if (!decl) return `${COMMENT_MARKER}\n${text}`;
      const rest = text.slice(decl[0].length).replace(/^\r?\n/, '');
      if (rest.startsWith(COMMENT_MARKER)) return text;
      return `${decl[0]}\n${COMMENT_MARKER}\n${rest}`;
    }
    case 'html': {
      const text = asText(content);
      const head = HEAD_START.exec(text);
      if (!head) throw new Error('markContent: HTML without <head>; the marker has no place');
      const at = head.index + head[0].length;
      if (text.slice(at).trimStart().startsWith(HTML_MARKER)) return text;
      return `${text.slice(0, at)}\n${HTML_MARKER}${text.slice(at)}`;
    }
    case 'json': {
      const text = asText(content);
      const value = JSON.parse(text) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('markContent: only a JSON object can carry the $comment marker');
      const { $schema, $comment, ...rest } = value as Record<string, unknown>;
      if (typeof $comment === 'string' && $comment.startsWith(MARKER_TEXT) && JSON_MARKED.test(text)) return text;
      const marked = { ...($schema !== undefined ? { $schema } : {}), $comment: MARKER_TEXT, ...rest };
      return JSON.stringify(marked, null, 2) + '\n';
    }
  }
}

const JSON_MARKED = new RegExp(`^\\uFEFF?\\{\\s*(?:"\\$schema"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"\\s*,\\s*)?"\\$comment"\\s*:\\s*"${MARKER_TEXT}`);
const SVG_MARKED = new RegExp(`^\\uFEFF?(?:<\\?xml[^>]*\\?>\\s*)?${COMMENT_MARKER}`);
const HTML_MARKED = new RegExp(`^\\uFEFF?<!doctype html>\\s*<html[^>]*>\\s*${HEAD_START.source}\\s*${HTML_MARKER}`, 'i');

/** Whether text (its first HEAD_BYTES and last TAIL_BYTES) carries one of the text markers. */
export function hasTextMarker(head: string, tail: string): boolean {
  const last = lastLine(tail);
  if (last === MMD_MARKER || last === COMMENT_MARKER) return true;
  return SVG_MARKED.test(head) || HTML_MARKED.test(head) || JSON_MARKED.test(head);
}

type ReadAt = (position: number, length: number) => Buffer;

/** A PDF string object (`<FEFF…>` hex or `(…)` literal) as text. */
function pdfString(raw: string): string | undefined {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return undefined;
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const body = raw.slice(1, -1);
  return body.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
}

/**
 * The Creator of a PDF read the quick way: the last trailer's /Info, found through the
 * classic cross-reference table, without parsing the rest (pdf-lib takes seconds on a
 * 6 MB poster file; this reads a few kilobytes). `undefined` when the file is laid out
 * otherwise (cross-reference streams, incremental updates): then pdf-lib decides.
 */
export function quickPdfCreator(size: number, read: ReadAt): string | null | undefined {
  const tailLen = Math.min(size, 4096);
  const tail = read(size - tailLen, tailLen).toString('latin1');
  const sx = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail.slice(tail.lastIndexOf('trailer')));
  if (!sx || !trailer) return undefined;
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]!);
  if (!info) return null;
  const objNum = Number(info[1]);
  const xrefAt = Number(sx[1]);
  if (!(xrefAt >= 0 && xrefAt < size)) return undefined;
  // Walk the xref subsections ("start count" then 20-byte entries) to the Info object.
  let pos = xrefAt;
  const head = read(pos, 4).toString('latin1');
  if (head !== 'xref') return undefined;
  pos += 4;
  for (let guard = 0; guard < 100_000; guard++) {
    const line = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n/.exec(read(pos, 64).toString('latin1'));
    if (!line) return undefined;
    const start = Number(line[1]);
    const count = Number(line[2]);
    pos += line[0].length;
    if (objNum >= start && objNum < start + count) {
      const entry = /^(\d{10}) (\d{5}) n/.exec(read(pos + 20 * (objNum - start), 20).toString('latin1'));
      if (!entry) return undefined;
      const at = Number(entry[1]);
      if (at >= size) return undefined;
      const obj = read(at, Math.min(8192, size - at)).toString('latin1');
      const dict = new RegExp(`^${objNum}\\s+${Number(info[2])}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(obj);
      if (!dict) return undefined;
      const creator = /\/Creator\s*(<[0-9a-fA-F\s]*>|\((?:[^()\\]|\\.)*\))/.exec(dict[1]!);
      return creator ? (pdfString(creator[1]!) ?? null) : null;
    }
    pos += 20 * count;
  }
  return undefined;
}

/** A PDF is ours when its Creator says so (quick look first, else pdf-lib with the metadata left as it is). */
export async function isOurPdf(bytes: Uint8Array): Promise<boolean> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const quick = quickPdfCreator(buf.length, (p, n) => buf.subarray(Math.max(0, p), Math.max(0, p) + n));
  if (quick !== undefined) return quick === PDF_CREATOR;
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    return doc.getCreator() === PDF_CREATOR;
  } catch {
    // Unreadable, encrypted or not a PDF at all: not something we can prove we made.
    return false;
  }
}

const HEAD_BYTES = 8 * 1024;
const TAIL_BYTES = 1024;
/** Larger PDFs are not read to look for the marker: tocdin's posters stay far below this. */
export const MAX_PDF_BYTES = 512 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/**
 * Whether the file at `path` carries tocdin's marker. Anything that is not a regular file
 * (a link, a FIFO, a device, a folder) is never ours, and is never opened.
 */
export async function isOurFile(path: string): Promise<boolean> {
  let fd: number;
  try {
    if (!lstatSync(path).isFile()) return false;
    // O_NONBLOCK: should the path have turned into a FIFO since the lstat, open returns at once.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return false;
  }
  let pdf: Buffer | undefined;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return false;
    const head = readAt(fd, 0, Math.min(HEAD_BYTES, st.size));
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
      const quick = quickPdfCreator(st.size, (p, n) => readAt(fd, p, n));
      if (quick !== undefined) return quick === PDF_CREATOR;
      if (st.size > MAX_PDF_BYTES) return false;
      pdf = readAt(fd, 0, st.size);
    } else {
      const tail = readAt(fd, Math.max(0, st.size - TAIL_BYTES), Math.min(TAIL_BYTES, st.size));
      return hasTextMarker(head.toString('utf8'), tail.toString('utf8'));
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
  return isOurPdf(pdf);
}
