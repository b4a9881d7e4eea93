/**
 * The one registry of renderers: pure functions from the analysis result to a string.
 * The CLI picks one by name; nothing else writes output formats.
 */
import type { Analysis } from '../analyse/schema.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export type Renderer = (analysis: Analysis) => string;

export const RENDERERS = {
  text: renderText,
  json: renderJson,
  md: renderMarkdown,
} as const satisfies Record<string, Renderer>;

export type RenderFormat = keyof typeof RENDERERS;
export const RENDER_FORMATS = Object.keys(RENDERERS) as RenderFormat[];
