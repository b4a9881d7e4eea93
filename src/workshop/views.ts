/**
 * What the workshop page shows, one view per screen: a region's DIN, its schuifjes (two
 * sliders per inspanning), status and sterkte, its coverage and gaps; and the national
 * beleidsmodel and overview. The drawings are the posters' drawings (same Mermaid text,
 * same renderer and cache); everything else is built here as escaped HTML. The page's own
 * script (client.js) only swaps views and sends the fields the sliders and lists change.
 */
import { createHash } from 'node:crypto';
import type { Analysis } from '../analyse/schema.js';
import type { Diagram, DrawnDiagram } from '../render/diagram.js';
import { escapeHtml } from '../render/html.js';
import { gapsBesidesOrphans } from '../render/din-gaps.js';
import { beleidsmodelView, coverageView, dinView, overviewPie } from '../render/mermaid/views.js';
import { COOPERATION_LEVEL_LABEL, COOPERATION_LEVELS, EFFORT_STATUSES, STRENGTHS } from '../vocabulary/vocabulary.js';

export interface WorkshopView {
  /** Stable id: the key the page navigates by. */
  id: string;
  /** Short name for the tab bar. */
  tab: string;
  html: string;
  /** Hash of the html: the page is only sent (and redraws) a view whose key changed. */
  key: string;
}

/**
 * The diagrams of one region's views. A region's analysis is enough (its DIN entry is the
 * same as in the national one) and costs a fraction of the national analysis, so a save in
 * one region redraws that region first and the national views after.
 */
export function regionDiagrams(regional: Analysis, region: string): Diagram[] {
  const din = regional.dins.find((d) => d.regio === region);
  return din ? [...dinView(regional, din.regio), ...coverageView(regional, `dekking-${din.regio}`, din.regio_naam)] : [];
}

/** The diagrams of the national views. */
export function nationalDiagrams(national: Analysis): Diagram[] {
  return [...beleidsmodelView(national), overviewPie(national)];
}

const e = escapeHtml;

const ZOOM_HINT = '<p class="hint-keys">Klik in de tekening om in te zoomen (slepen verschuift, nog een klik past weer); of + − 0.</p>';

function view(id: string, tab: string, title: string, body: string): WorkshopView {
  const html = `<section class="view" data-view="${e(id)}"><h1>${e(title)}</h1>${body}</section>`;
  return { id, tab, html, key: createHash('sha256').update(html).digest('hex').slice(0, 16) };
}

function drawings(ds: readonly DrawnDiagram[]): string {
  // The SVG passed the renderer's active-content check (fresh or from the cache).
  return `<div class="drawings n${Math.min(ds.length, 3)}">${ds.map((d) => `<figure class="drawing" data-diagram="${e(d.name)}">${d.svg}</figure>`).join('')}</div>`;
}

function levelIndex(level: string | undefined): number {
  return level ? COOPERATION_LEVELS.indexOf(level as (typeof COOPERATION_LEVELS)[number]) : -1;
}

function slider(field: 'nu' | 'gewenst', label: string, effort: string, level: string | undefined): string {
  const i = levelIndex(level);
  const shown = i < 0 ? 'niet ingevuld' : COOPERATION_LEVEL_LABEL[COOPERATION_LEVELS[i]!];
  return (
    `<label class="slider ${field}${i < 0 ? ' unset' : ''}"><span class="which">${field === 'nu' ? 'NU' : 'GEWENST'}</span>` +
    `<input type="range" min="0" max="${COOPERATION_LEVELS.length - 1}" step="1" value="${Math.max(i, 0)}" data-field="${field}" data-effort="${e(effort)}" aria-label="${e(`${label}: ${field}`)}">` +
    `<output>${e(shown)}</output></label>`
  );
}

function select(name: string, attrs: string, options: readonly string[], current: string | null, unknown?: string): string {
  const opts = [...(unknown && current === null ? [`<option value="" selected disabled>${e(unknown)}</option>`] : []), ...options.map((o) => `<option value="${e(o)}"${o === current ? ' selected' : ''}>${e(o)}</option>`)];
  return `<select ${attrs} aria-label="${e(name)}">${opts.join('')}</select>`;
}

/** The views of one region: its DIN, schuifjes, status and sterkte, coverage and gaps. */
export function regionViews(regional: Analysis, region: string, drawn: readonly DrawnDiagram[]): WorkshopView[] {
  const out: WorkshopView[] = [];
  const din = regional.dins.find((d) => d.regio === region);
  const of = (pred: (d: DrawnDiagram) => boolean) => drawn.filter(pred);
  if (!din) {
    out.push(view('din', 'DIN', `Regio ${region}`, `<p class="note">Deze regio heeft nog geen DIN. Maak er een met <code>npx tocdin init-regio ${e(region)}</code>; de pagina volgt het bestand zodra het er is.</p>`));
  }
  if (din) {
    const name = din.regio_naam;
    out.push(view('din', 'DIN', `DIN ${name}`, `${ZOOM_HINT}${drawings(of((d) => d.view === 'din' && d.regio === din.regio))}`));
    const sliders = new Map((regional.schuifjes.find((s) => s.regio === din.regio)?.inspanningen ?? []).map((s) => [s.id, s]));
    const rows = din.inspanningen.map((i) => {
      const s = sliders.get(i.id);
      return `<div class="effort" data-effort="${e(i.id)}"><div class="label" title="${e(i.label)}">${e(i.label)}</div>${slider('nu', i.label, i.id, s?.nu)}${slider('gewenst', i.label, i.id, s?.gewenst)}</div>`;
    });
    const scale = COOPERATION_LEVELS.map((l, k) => `<li><b>${k}</b> ${e(COOPERATION_LEVEL_LABEL[l])}</li>`).join('');
    out.push(view('schuifjes', 'Schuifjes', `Schuifjes ${name}`, `<ol class="scale" start="0">${scale}</ol><div class="efforts">${rows.join('')}</div>`));
    const goals = new Map(din.concrete_doelen.map((g) => [g.id, g.label]));
    const statusRows = din.inspanningen.map((i) => {
      const contributions = i.bijdragen
        .map((c) => `<li><span class="goal" title="${e(goals.get(c.doel) ?? c.doel)}">→ ${e(goals.get(c.doel) ?? c.doel)}</span>${select(`sterkte ${i.label} → ${goals.get(c.doel) ?? c.doel}`, `data-field="sterkte" data-effort="${e(i.id)}" data-goal="${e(c.doel)}"`, STRENGTHS, c.sterkte, 'sterkte onbekend')}</li>`)
        .join('');
      return `<div class="effort status" data-effort="${e(i.id)}"><div class="label" title="${e(i.label)}">${e(i.label)}</div>${select(`status ${i.label}`, `data-field="status" data-effort="${e(i.id)}"`, EFFORT_STATUSES, i.status)}<ul class="contributions">${contributions}</ul></div>`;
    });
    out.push(view('status', 'Status en sterkte', `Status en sterkte ${name}`, `<div class="efforts">${statusRows.join('')}</div>`));
    const gaps = [...gapsBesidesOrphans(din.gaten).map((g) => ['gat', g.id, g.reden] as const), ...din.weesenergie.map((w) => ['weesenergie', w.id, w.reden] as const)];
    const gapList = gaps.length ? `<ul class="gaps">${gaps.map(([k, id, why]) => `<li><b>${e(k)}</b> <code>${e(id)}</code> ${e(why)}</li>`).join('')}</ul>` : '<p class="note">Geen gaten en geen weesenergie.</p>';
    out.push(view('dekking', 'Dekking en gaten', `Dekking en gaten ${name}`, `${ZOOM_HINT}<div class="split">${drawings(of((d) => d.view === 'dekking' && d.regio === din.regio))}${gapList}</div>`));
  }
  return out;
}

/** The national views: the beleidsmodel and the overview. */
export function nationalViews(drawn: readonly DrawnDiagram[]): WorkshopView[] {
  const of = (pred: (d: DrawnDiagram) => boolean) => drawn.filter(pred);
  const out: WorkshopView[] = [];
  out.push(view('beleidsmodel', 'Beleidsmodel', 'Beleidsmodel (landelijk)', `${ZOOM_HINT}${drawings(of((d) => d.view === 'beleidsmodel'))}`));
  out.push(view('overzicht', 'Overzicht', 'Overzicht (landelijk)', drawings(of((d) => d.view === 'overzicht'))));
  return out;
}

/** The page: a shell the script fills from the server's events. Nothing inline (CSP). */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tocdin workshop</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/workshop.css">
<script src="/workshop.js" defer></script>
</head>
<body>
<header>
<nav id="tabs" aria-label="weergaven"></nav>
<label class="picker">Regio <select id="region" aria-label="regio"></select></label>
<button id="undo" type="button" disabled>Ongedaan maken</button>
</header>
<div id="message" role="status" hidden></div>
<div id="problems" role="alert" hidden></div>
<main id="views"><p class="note">De modellen worden gelezen …</p></main>
</body>
</html>
`;
}
