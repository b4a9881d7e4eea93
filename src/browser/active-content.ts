/**
 * The one check every SVG and PDF passes before tocdin hands it on, freshly drawn or read
 * back from the cache: nothing in it may run, load or open anything. A drawing that fails
 * it is never written: a fresh one is a bug (labels are encoded and mermaid sanitises in
 * strict mode), a cached one was damaged or planted and is drawn again.
 *
 * The SVG is checked as text, because text is what reaches the user: as a standalone `.svg`
 * (parsed as XML) and inline in the HTML report (parsed as HTML). So the check accepts only
 * the small XML that mermaid's output serialises to (elements, attributes in quotes, text
 * with the five XML entities and numeric ones) and refuses everything else, such as comments,
 * CDATA, doctypes and processing instructions, which an XML and an HTML parser read differently.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

/** Elements that run, embed, load or submit something; none of them is in a mermaid drawing. */
const ACTIVE_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'link', 'meta',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'noscript', 'template', 'xmp', 'plaintext', 'noembed', 'noframes',
  'audio', 'video', 'source', 'track', 'image', 'img', 'picture',
  'handler', 'listener', 'set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor', 'discard',
]);

/** Attributes that hold a URL: only a reference inside the drawing (`#id`) may stand there. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'codebase', 'archive', 'ping', 'lowsrc', 'dynsrc']);

const NAME = '[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const TEXT = /[^<]*/y;
const ENTITY = /&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

/** Undefined when the text holds an `&` that is not one of the entities XMLSerializer writes. */
function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) return text;
  if (text.replace(ENTITY, '').includes('&')) return undefined;
  return text.replace(ENTITY, (e) => {
    if (e[1] !== '#') return NAMED[e.slice(1, -1)]!;
    const cp = e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  });
}

/** What a browser makes of a URL's start: it drops whitespace and control characters. */
function urlStart(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
}

/** The problems of a piece of CSS (a `<style>` element or a `style` attribute). */
function cssProblems(css: string, where: string): string[] {
  const out: string[] = [];
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // An escape can spell anything (`@\69mport`, `u\72l(`); mermaid's CSS has none.
  if (plain.includes('\\')) out.push(`${where}: CSS-escape`);
  if (/@import/i.test(plain)) out.push(`${where}: @import`);
  if (/expression\s*\(|-moz-binding|behavior\s*:/i.test(plain)) out.push(`${where}: CSS-expressie`);
  if (/(?:javascript|vbscript)\s*:/i.test(plain)) out.push(`${where}: javascript:`);
  if (/image-set\s*\(|\bsrc\s*\(/i.test(plain)) out.push(`${where}: extern beeld in CSS`);
  for (const m of plain.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/gi)) {
    if (!urlStart(m[2]!).startsWith('#')) out.push(`${where}: url(${m[2]!.slice(0, 40)})`);
  }
  return out;
}

/**
 * What in an SVG could run, load or open something, or keeps it from being checked
 * (text that is not the simple XML described above). Empty: the SVG is safe to write,
 * inline and open.
 */
export function svgActiveContent(svg: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  let styleText: string | undefined;
  let i = 0;
  while (i < svg.length) {
    if (svg[i] !== '<') {
      TEXT.lastIndex = i;
      const text = TEXT.exec(svg)![0];
      const decoded = decodeEntities(text);
      if (decoded === undefined) return [...problems, `ongeldige entiteit bij teken ${i}`];
      if (open.length === 0 && decoded.trim() !== '') return [...problems, `tekst buiten het <svg>-element bij teken ${i}`];
      if (styleText !== undefined) styleText += decoded;
      i += text.length;
      continue;
    }
    END_TAG.lastIndex = i;
    const end = END_TAG.exec(svg);
    if (end) {
      if (open.pop() !== end[1]) return [...problems, `</${end[1]}> sluit niet wat open staat`];
      if (localName(end[1]!) === 'style' && styleText !== undefined) {
        problems.push(...cssProblems(styleText, '<style>'));
        styleText = undefined;
      }
      i = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = i;
    const start = START_TAG.exec(svg);
    // Comments, CDATA, doctypes, processing instructions and broken tags all end here.
    if (!start) return [...problems, `geen eenvoudige XML bij teken ${i}: ${JSON.stringify(svg.slice(i, i + 20))}`];
    const [, name, attrs, selfClosing] = start;
    const element = localName(name!);
    if (open.length === 0) {
      roots++;
      if (roots > 1 || element !== 'svg') return [...problems, `het hoofdelement is <${name}>, niet één <svg>`];
    }
    if (ACTIVE_ELEMENTS.has(element)) problems.push(`<${name}>`);
    for (const a of attrs!.matchAll(ATTRIBUTE)) {
      const attr = a[1]!;
      const local = localName(attr);
      const value = decodeEntities(a[2] ?? a[3] ?? '');
      if (value === undefined) return [...problems, `ongeldige entiteit in ${name} ${attr}`];
      if (local.startsWith('on')) problems.push(`${name} ${attr}`);
      const isUrl = URL_ATTRIBUTES.has(local);
      // Only a value with a colon can name a scheme; most values (numbers, classes, ids) have none.
      if (isUrl || value.includes(':')) {
        const start = urlStart(value);
        if (start.startsWith('javascript:') || start.startsWith('vbscript:')) problems.push(`${name} ${attr}=javascript:`);
        else if (isUrl && !start.startsWith('#')) problems.push(`${name} ${attr}=${value.slice(0, 40)}`);
      }
      if (local === 'style') problems.push(...cssProblems(value, `${name} style`));
    }
    if (selfClosing === '') {
      open.push(name!);
      if (element === 'style') styleText = '';
    }
    i = START_TAG.lastIndex;
  }
  if (open.length) problems.push(`<${open[open.length - 1]}> is niet gesloten`);
  if (roots === 0) problems.push('geen <svg>-element');
  return problems;
}

/** Names that make a PDF run script, open links or files, or submit forms. */
const ACTIVE_PDF_NAMES = new Set(['JS', 'JavaScript', 'AA', 'OpenAction', 'Launch', 'URI', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'RichMedia', 'EmbeddedFile', 'EmbeddedFiles', 'XFA', 'AcroForm', 'Sound', 'Movie', 'Rendition']);

function pdfName(n: PDFName): string {
  // Names may be written with #xx escapes (/J#61vaScript); compare what they spell.
  return n.decodeText();
}

/** What in a loaded PDF could run, open or submit something; empty for Chromium's printed pages. */
export function pdfActiveContent(doc: PDFDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const walk = (o: PDFObject | undefined): void => {
    if (!o || seen.has(o)) return;
    seen.add(o);
    if (o instanceof PDFName) {
      if (ACTIVE_PDF_NAMES.has(pdfName(o))) found.add(`/${pdfName(o)}`);
    } else if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) {
        walk(k);
        walk(v);
      }
    } else if (o instanceof PDFArray) {
      for (const v of o.asArray()) walk(v);
    } else if (o instanceof PDFStream) {
      walk(o.dict);
    }
  };
  for (const [, o] of doc.context.enumerateIndirectObjects()) walk(o);
  return [...found];
}
