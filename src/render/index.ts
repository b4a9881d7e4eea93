/**
 * The one registry of renderers: pure functions from the analysis result (and, for the
 * reports, the drawn diagrams) to a string. The CLI picks one by name; nothing else
 * writes output formats.
 */
import type { Analysis } from '../analyse/schema.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderEvidenceMarkdown, renderMarkdown } from './markdown.js';
import type { Evidence } from '../analyse/evidence.js';
import { renderEvidenceText } from './evidence.js';
import type { ReportOptions } from './report.js';
import { renderText } from './text.js';

export type Renderer = (analysis: Analysis, options?: ReportOptions) => string;

export const RENDERERS = {
  text: (a) => renderText(a),
  json: (a) => renderJson(a),
  md: renderMarkdown,
  html: renderHtml,
} as const satisfies Record<string, Renderer>;

export type RenderFormat = keyof typeof RENDERERS;
export const RENDER_FORMATS = Object.keys(RENDERERS) as RenderFormat[];
/** `analyse` prints to a terminal; the HTML report is `tocdin report`'s job. */
export const ANALYSE_FORMATS = ['text', 'json', 'md'] as const satisfies readonly RenderFormat[];
export const REPORT_FORMATS = ['html', 'md'] as const satisfies readonly RenderFormat[];

/** `tocdin bewijs`: the state of evidence as text, JSON (its own schema) or Markdown. */
export const EVIDENCE_RENDERERS = {
  text: renderEvidenceText,
  json: (e: Evidence) => JSON.stringify(e, null, 2) + '\n',
  md: renderEvidenceMarkdown,
} as const satisfies Record<string, (e: Evidence) => string>;
export const EVIDENCE_FORMATS = Object.keys(EVIDENCE_RENDERERS) as (keyof typeof EVIDENCE_RENDERERS)[];
