/**
 * How our diagrams look, written into each `.mmd` file's own front matter (`config:`), so
 * that every renderer that draws the file as it is — GitHub, GitLab, Mermaid Live, `mmdc`
 * and our own Chromium page — draws it the same way. Our renderer injects no look of its
 * own: it only forces the security and determinism settings (see src/browser/render.ts,
 * FORCED_CONFIG), which front matter cannot change.
 *
 * Only our own constants go into the front matter; the one piece of user text there is the
 * title, written as a one-line double-quoted YAML string (see frontMatter), so no user text
 * can end the front matter or add a key to it.
 */
import { stringify } from 'yaml';
import { FONT_STACK } from '../page-style.js';
import type { CoverageStatus } from '../../analyse/schema.js';

/** The look of every flowchart: theme, font, and mermaid's wrapping (see WIDE in views.ts). */
export const FLOWCHART_CONFIG = {
  theme: 'neutral',
  // Fonts Debian's packages install; they are embedded in the PDF. Mermaid copies the font
  // into the theme variables when they lack it: written there too, the config it reports is ours.
  fontFamily: FONT_STACK,
  themeVariables: { fontFamily: FONT_STACK },
  // Labels as HTML, mermaid's default (the top-level key since mermaid 11; `flowchart.htmlLabels`
  // is deprecated); our renderer forces the same value (FORCED_CONFIG).
  htmlLabels: true,
  flowchart: {
    // Mermaid re-wraps every label line wider than this. Ours are already wrapped (at most
    // 40 characters, see wrap() in the views); at mermaid's default of 200 px they were
    // broken a second time into ragged one-word lines.
    wrappingWidth: 400,
    // Natural size: a viewer scrolls or zooms instead of shrinking the text.
    useMaxWidth: false,
  },
} as const;

/**
 * Pie slice colours per status: the status colours of the palette, strong enough to be
 * seen as a slice (the palette's pale gedekt fill reads as white in a pie), with black
 * percentages legible on each (contrast ≥ 4.5 : 1).
 */
export const PIE_STATUS_COLOUR: Record<CoverageStatus, string> = {
  gedekt: '#41ab5d',
  deels: '#fee391',
  gat: '#e31a1c',
};

/**
 * The look of a pie whose slices are `statuses`, in this order: mermaid colours slice k
 * (in the order the slices are written) with theme variable `pie<k+1>`, and its legend
 * swatches with the same colour. Full opacity, so the slices are the swatches' colour
 * (mermaid's default draws slices at 0.7 over white).
 */
export function pieConfig(statuses: readonly CoverageStatus[]) {
  const slices = Object.fromEntries(statuses.map((s, k) => [`pie${k + 1}`, PIE_STATUS_COLOUR[s]]));
  return {
    theme: 'neutral',
    fontFamily: FONT_STACK,
    themeVariables: {
      fontFamily: FONT_STACK,
      ...slices,
      pieOpacity: '1',
      pieStrokeColor: '#000000',
      pieOuterStrokeColor: '#000000',
      pieSectionTextColor: '#000000',
    },
    pie: { useMaxWidth: false },
  };
}

/** Line breaks YAML or mermaid's front-matter pattern might see, which JSON leaves as they are. */
const HIDDEN_BREAKS = /[\u0085\u2028\u2029]/g;

/**
 * The front matter that opens a diagram: the title (user text, as one JSON string, which is
 * a YAML double-quoted string; the few line breaks JSON leaves raw are escaped too) and our
 * configuration.
 */
export function frontMatter(config: object, title?: string): string {
  const lines = ['---'];
  if (title !== undefined) {
    lines.push(`title: ${JSON.stringify(title).replace(HIDDEN_BREAKS, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)}`);
  }
  lines.push(stringify({ config }).trimEnd(), '---');
  return lines.join('\n') + '\n';
}
