/**
 * The self-contained HTML report: no script, no network, every diagram inlined as SVG.
 * The Content-Security-Policy forbids scripts and remote loads, so even a mistake in
 * escaping could not run code; all user text is escaped anyway.
 */
import type { Analysis } from '../analyse/schema.js';
import { buildReport, type Block, type Cell, type Inline, type ReportDoc, type ReportOptions } from './report.js';
import { FONT_STACK, PAGE_CSP } from './page-style.js';
import { EVIDENCE_CSS } from './evidence-style.js';

/** No script-src: scripts are forbidden. Inline styles are ours (and mermaid's in SVGs). */
/** The report's policy is every page's policy (kept under its old name for the tests). */
export const REPORT_CSP = PAGE_CSP;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function inline(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : 'strong' in p ? `<strong>${escapeHtml(p.strong)}</strong>` : `<code>${escapeHtml(p.code)}</code>`)).join('');
}

function cell(c: Cell, tag: 'td' | 'th' = 'td'): string {
  if (typeof c === 'number') return `<${tag} class="num">${c}</${tag}>`;
  if (typeof c === 'string') return `<${tag}>${escapeHtml(c)}</${tag}>`;
  if ('gap' in c) return `<${tag} class="num gap" title="geen">–</${tag}>`;
  if ('mark' in c) return `<${tag} class="mk ${escapeHtml(c.tone)}"${c.title ? ` title="${escapeHtml(c.title)}"` : ''}>${escapeHtml(c.mark)}</${tag}>`;
  return `<${tag} class="st st-${c.status}">${c.status}</${tag}>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return `<div class="table"><table>\n<thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${b.rows.map((r) => `<tr>${r.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('\n')}\n</tbody></table></div>`;
    case 'diagram': {
      const body =
        b.svg && b.width && b.height
          ? // The SVG came out of our browser stage, which refuses scripts and handlers.
            `<div class="svg svg-${b.view}" style="--w:${b.width}px;--ar:${(b.width / b.height).toFixed(4)}">${b.svg}</div>`
          : `<pre class="mermaid-bron">${escapeHtml(b.mermaid)}</pre>`;
      // Relative, so it works from disk: the .svg is written next to the report.
      const link = b.svgFile ? ` · <a class="los" href="${escapeHtml(encodeURIComponent(b.svgFile))}">los openen als SVG (in de browser in te zoomen)</a>` : '';
      return `<figure class="diagram" id="diagram-${escapeHtml(b.name)}">\n<h3>${escapeHtml(b.title)}</h3>\n<figcaption>${escapeHtml(b.caption)}${b.file !== undefined ? ` <span class="bestand">(${escapeHtml(b.file)}.mmd)</span>` : ''}${link}</figcaption>\n${body}\n</figure>`;
    }
  }
}

const CSS = `
:root { color-scheme: light; }
body { print-color-adjust: exact; -webkit-print-color-adjust: exact; font-family: ${FONT_STACK}; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 75rem; }
h1 { font-size: 1.8em; margin: 0 0 .4em; }
h2 { font-size: 1.35em; border-bottom: 2px solid #000; padding-bottom: .15em; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
nav ol { columns: 2; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; background: #f0f0f0; padding: 0 .2em; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #969696; padding: .2em .45em; text-align: left; vertical-align: top; }
thead th { background: #e0e0e0; }
tbody th { font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.gap { font-weight: bold; color: #a50f15; text-align: center; }
.st { font-weight: bold; white-space: nowrap; }
.st-gedekt { background: #e5f5e0; }
.st-deels { background: #fee391; }
.st-gat { background: #a50f15; color: #fff; }
${EVIDENCE_CSS}
figure.diagram { margin: 1.5em 0; }
figcaption { margin-bottom: .5em; }
.bestand { color: #525252; font-size: .85em; }
/*
 * Every diagram at a readable size: mermaid draws its text at 16 px, and a drawing is never
 * shrunk below 80 % of its natural size (text ≥ 12.8 px). What does not fit scrolls inside
 * its frame: sideways for a wide DIN or beleidsmodel, downwards for a tall coverage view, so
 * no figure is taller than the screen. A wide frame may use the whole window, not only the
 * text column. No script: the frame is plain CSS, and the .svg link opens the drawing alone.
 */
.svg { overflow: auto; max-height: 80vh; width: min(calc(var(--w) + 2px), calc(100vw - 4rem)); margin-left: 50%; transform: translateX(-50%); border: 1px solid #d9d9d9; box-sizing: border-box; }
/* Mermaid measured its labels with the browser defaults; the page's type must not reach them. */
.svg > svg { display: block; width: max(min(100%, var(--w)), calc(var(--w) * .8)); height: auto; line-height: normal; font-size: 16px; }
pre.mermaid-bron { white-space: pre-wrap; font-size: .8em; background: #f5f5f5; padding: .5em; }
footer { margin-top: 2em; font-size: .85em; color: #525252; border-top: 1px solid #bdbdbd; padding-top: .5em; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  /* One diagram per page, scaled to fit it: the handout keeps them whole. */
  figure.diagram { break-before: page; break-inside: avoid; margin: 0; }
  .svg { overflow: visible; max-height: none; width: auto; margin: 0; transform: none; border: 0; }
  .svg > svg { width: min(100%, calc(200mm * var(--ar))); }
  a { color: inherit; text-decoration: none; }
}
`;

export function serializeHtml(doc: ReportDoc, opts: { generator?: string } = {}): string {
  const toc = doc.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  const out: string[] = [];
  out.push('<!doctype html>');
  out.push('<html lang="nl">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="referrer" content="no-referrer">');
  out.push(`<title>${escapeHtml(doc.title)}</title>`);
  out.push(`<style>${CSS}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<main>');
  const [first, ...rest] = doc.blocks;
  if (first) out.push(block(first));
  if (rest[0]?.kind === 'paragraph') out.push(block(rest.shift()!));
  out.push(`<nav aria-label="inhoud"><ol>\n${toc.map((h) => `<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`).join('\n')}\n</ol></nav>`);
  for (const b of rest) out.push(block(b));
  out.push('</main>');
  out.push(`<footer>${escapeHtml(opts.generator ?? 'Gemaakt met tocdin uit de modellen in models/.')} Dit bestand is op zichzelf staand: geen scripts, geen verbindingen met internet.</footer>`);
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

export function renderHtml(a: Analysis, opts: ReportOptions = {}): string {
  return serializeHtml(buildReport(a, opts));
}
