/**
 * `tocdin vergelijk` for people: what a scenario changes, section by section, in Dutch, as
 * text for the terminal or Markdown. Pure functions of the comparison result.
 */
import type { Comparison } from '../analyse/compare.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';
import { ELEMENT_TYPE_LABEL, type ElementType } from '../vocabulary/glossary.js';
import { COOPERATION_LEVELS } from '../vocabulary/vocabulary.js';
import { aantal } from './dutch.js';
import { mdCell, serializeMarkdown } from './markdown.js';
import { projectionBlocks, projectionChart, renderProjectionText } from './projection.js';

const PLURAL: Partial<Record<ElementType, string>> = {
  activiteit: 'activiteiten',
  aanname: 'aannames',
  ambitie: 'ambities',
  databron: 'databronnen',
  deelvraag: 'deelvragen',
  doel: 'doelen',
  'er-doel': 'ER-doelen',
  'concreet-doel': 'concrete doelen',
  'externe-factor': 'externe factoren',
  indicator: 'indicatoren',
  inspanning: 'inspanningen',
  onderzoeksvraag: 'onderzoeksvragen',
  regio: "regio’s",
};

const typeLabel = (t: string) => ELEMENT_TYPE_LABEL[t as ElementType] ?? t;
const countOf = (t: string, n: number) => aantal(n, typeLabel(t), PLURAL[t as ElementType] ?? typeLabel(t));
const SEVERITY: Record<string, string> = { error: 'fout', warning: 'waarschuwing', info: 'info' };
const GAP_LABEL: Record<string, string> = {
  'doel-zonder-inspanning': 'concreet doel zonder inspanning',
  'doel-zonder-indicator': 'concreet doel zonder indicator',
  'er-doel-zonder-concreet-doel': 'ER-doel zonder concreet doel',
  'inspanning-zonder-doel': 'inspanning zonder doel',
};

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** "1 ER-doel, 2 inspanningen": the elements of a list counted per kind, in first-seen order. */
function perKind(xs: readonly { soort: string }[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x.soort, (counts.get(x.soort) ?? 0) + 1);
  return [...counts].map(([t, n]) => countOf(t, n)).join(', ');
}

function sideText(s: Comparison['voor']): string {
  if (s.scenario === null) return s.naam;
  return `scenario ${s.scenario} (${s.naam})${s.bouwt_op.length ? `, bovenop ${s.bouwt_op.join(' → ')}` : ''}`;
}

const sliders = (s: { nu: string; gewenst: string } | null) => (s ? `nu ${s.nu}, gewenst ${s.gewenst}` : 'geen schuifjes');
const distance = (s: { nu: string; gewenst: string }) => COOPERATION_LEVELS.indexOf(s.gewenst as never) - COOPERATION_LEVELS.indexOf(s.nu as never);

function leverText(w: { gewicht: number; onbekende_sterkte: number; lijnen: number } | null): string {
  if (!w) return 'geen hefboompunt';
  return `gewicht ${w.gewicht} over ${aantal(w.lijnen, 'lijn', 'lijnen')}${w.onbekende_sterkte ? ` (sterkte onbekend bij ${w.onbekende_sterkte}, elk geteld als 1)` : ''}`;
}

/** One section per kind of difference; an empty section says "geen" so a reader knows it was looked at. */
function sections(c: Comparison): { title: string; lines: string[] }[] {
  const region = (id: string) => c.regio_namen[id] ?? id;
  const out: { title: string; lines: string[] }[] = [];
  const e = c.elementen;
  const elements: string[] = [];
  if (e.toegevoegd.length) {
    elements.push(`toegevoegd: ${perKind(e.toegevoegd)}`);
    for (const x of e.toegevoegd) elements.push(`  + ${typeLabel(x.soort)} ${x.id}: ${clip(x.label, 90)}`);
  }
  if (e.verwijderd.length) {
    elements.push(`verwijderd: ${perKind(e.verwijderd)}`);
    for (const x of e.verwijderd) elements.push(`  − ${typeLabel(x.soort)} ${x.id}: ${clip(x.label, 90)}`);
  }
  if (e.gewijzigd.length) {
    elements.push(`gewijzigd: ${perKind(e.gewijzigd)}`);
    for (const x of e.gewijzigd) elements.push(`  ~ ${typeLabel(x.soort)} ${x.id}: ${x.velden.join(', ')}`);
  }
  out.push({ title: 'Elementen', lines: elements.length ? elements : ['geen element toegevoegd, verwijderd of gewijzigd'] });

  const d = c.dekking;
  const cov: string[] = [];
  const t = d.inspanningen_totaal;
  cov.push(`inspanningen in beeld: ${t.voor}${t.na !== t.voor ? ` → ${t.na}` : ' (gelijk)'}`);
  const flips = d.deelvragen.filter((x) => x.voor?.status !== x.na?.status);
  const others = d.deelvragen.filter((x) => x.voor?.status === x.na?.status);
  cov.push(flips.length ? `${aantal(flips.length, 'deelvraag verandert', 'deelvragen veranderen')} van status:` : 'geen deelvraag verandert van status');
  for (const x of flips) {
    cov.push(`  ${x.id}: ${x.voor?.status ?? 'bestaat niet'} → ${x.na?.status ?? 'bestaat niet'} — ${clip(x.label, 70)}`);
    for (const r of x.voor?.redenen ?? []) cov.push(`      voor: ${r}`);
    for (const r of x.na?.redenen ?? []) cov.push(`      na:   ${r}`);
    if (x.inspanningen_erbij.length) cov.push(`      telt nu ook: ${x.inspanningen_erbij.join(', ')}`);
    if (x.inspanningen_eraf.length) cov.push(`      telt niet meer: ${x.inspanningen_eraf.join(', ')}`);
  }
  if (others.length) {
    cov.push(`${aantal(others.length, 'deelvraag houdt haar', 'deelvragen houden hun')} status, met andere inspanningen of redenen:`);
    for (const x of others) {
      const n = `${x.voor?.inspanningen ?? 0} → ${x.na?.inspanningen ?? 0} inspanningen`;
      cov.push(`  ${x.id} (${x.na?.status ?? x.voor?.status}): ${n}${x.inspanningen_erbij.length ? `; erbij ${x.inspanningen_erbij.join(', ')}` : ''}${x.inspanningen_eraf.length ? `; eraf ${x.inspanningen_eraf.join(', ')}` : ''}`);
      const was = new Set(x.voor?.redenen ?? []);
      const is = new Set(x.na?.redenen ?? []);
      for (const r of x.voor?.redenen ?? []) if (!is.has(r)) cov.push(`      voor: ${r}`);
      for (const r of x.na?.redenen ?? []) if (!was.has(r)) cov.push(`      na:   ${r}`);
    }
  }
  for (const i of d.nieuwe_inspanningen) cov.push(`nieuwe inspanning ${i.id}: ${i.deelvragen.length ? `telt voor ${i.deelvragen.join(', ')}` : 'telt voor geen enkele deelvraag (geen keten naar een deelvraag: geen activiteit waar een deelvraag over gaat, geen gemeten concreet doel dat een deelvraag beantwoordt)'}`);
  for (const i of d.verdwenen_inspanningen) cov.push(`verdwenen inspanning ${i.id}: ${i.deelvragen.length ? `telde voor ${i.deelvragen.join(', ')}` : 'telde voor geen enkele deelvraag'}`);
  for (const q of d.onderzoeksvragen) cov.push(`onderzoeksvraag ${q.id}: ${q.voor ?? 'bestaat niet'} → ${q.na ?? 'bestaat niet'} — ${clip(q.label, 70)}`);
  out.push({ title: 'Dekking per deelvraag (status en reden, voor → na)', lines: cov });

  const gaps: string[] = [];
  const gapLine = (sign: string, g: Comparison['gaten']['geopend'][number]) => `  ${sign} ${GAP_LABEL[g.soort] ?? g.soort}: ${g.id} (${region(g.regio)}) — ${g.reden}`;
  gaps.push(c.gaten.geopend.length ? `geopend: ${aantal(c.gaten.geopend.length, 'gat', 'gaten')}` : 'geopend: geen');
  for (const g of c.gaten.geopend) gaps.push(gapLine('+', g));
  gaps.push(c.gaten.gesloten.length ? `gesloten: ${aantal(c.gaten.gesloten.length, 'gat', 'gaten')}` : 'gesloten: geen');
  for (const g of c.gaten.gesloten) gaps.push(gapLine('−', g));
  out.push({ title: 'Gaten in het DIN', lines: gaps });

  const levers = c.hefboompunten.map((h) => `${h.soort === 'inspanning' ? 'inspanning' : 'concreet doel'} ${h.id} (${region(h.regio)}): ${leverText(h.voor)} → ${leverText(h.na)}`);
  out.push({ title: 'Hefboompunten (gewicht: zwak 1, middel 2, sterk 3, sterkte onbekend 1)', lines: levers.length ? levers : ['geen hefboompunt verandert'] });

  const orphans: string[] = [];
  for (const w of c.weesenergie.nieuw) orphans.push(`+ ${w.id} (${region(w.regio)}): ${w.reden}`);
  for (const w of c.weesenergie.weg) orphans.push(`− ${w.id} (${region(w.regio)}): was ${w.reden}`);
  for (const w of c.weesenergie.veranderd) orphans.push(`~ ${w.id} (${region(w.regio)}): ${w.reden} (was: ${w.voor})`);
  out.push({ title: 'Weesenergie (inspanningen die de ambitie niet bereiken)', lines: orphans.length ? orphans : ['geen nieuwe en geen verdwenen weesenergie'] });

  const moved = c.schuifjes.map((s) => `${s.id} (${region(s.regio)}): ${sliders(s.voor)} → ${sliders(s.na)}${s.na ? ` (${aantal(Math.abs(distance(s.na)), 'stap', 'stappen')} ${distance(s.na) < 0 ? 'minder' : 'meer'} samenwerking gewenst dan nu)` : ''}`);
  out.push({ title: 'Schuifjes (samenwerking nu → gewenst)', lines: moved.length ? moved : ['geen schuifje verschoven'] });

  const findings: string[] = [];
  const fLine = (sign: string, f: Comparison['meldingen']['erbij'][number]) => `  ${sign} ${f.plek} ${SEVERITY[f.ernst]} ${f.code}: ${f.bericht}`;
  findings.push(c.meldingen.erbij.length ? `erbij: ${aantal(c.meldingen.erbij.length, 'melding', 'meldingen')}` : 'erbij: geen');
  for (const f of c.meldingen.erbij) findings.push(fLine('+', f));
  findings.push(c.meldingen.weg.length ? `weg: ${aantal(c.meldingen.weg.length, 'melding', 'meldingen')}` : 'weg: geen');
  for (const f of c.meldingen.weg) findings.push(fLine('−', f));
  if (c.meldingen.veranderd.length) findings.push(`anders verwoord: ${aantal(c.meldingen.veranderd.length, 'melding', 'meldingen')}`);
  for (const f of c.meldingen.veranderd) findings.push(`  ~ ${f.plek} ${SEVERITY[f.ernst]} ${f.code}: ${f.bericht}`, `      was: ${f.voor}`);
  out.push({ title: 'Meldingen van de regels (lint)', lines: findings });
  return out;
}

function heading(c: Comparison): string[] {
  return [
    `Vergelijking: ${sideText(c.voor)}`,
    `          met ${sideText(c.na)}`,
    c.regio_filter ? `Alleen regio ${c.regio_namen[c.regio_filter] ?? c.regio_filter} (${c.regio_filter}).` : 'Landelijk: alle regio’s.',
  ];
}

/** Where the projection's line chart is: the scenario’s folder of diagrams (the Markdown shows it inline). */
function chartPointer(c: Comparison): string {
  const chart = c.projectie ? projectionChart(c.projectie) : null;
  if (!chart || c.na.scenario === null) return '';
  return escapeForTerminal(`\nGrafiek (Mermaid xychart, grijs zonder en groen met scenario): diagrams/scenarios/${c.na.scenario}/${chart.name}.mmd; met --format md staat ze in de uitvoer zelf.\n`);
}

export function renderComparisonText(c: Comparison): string {
  const out = heading(c);
  for (const s of sections(c)) {
    out.push('', s.title);
    for (const l of s.lines) out.push(`  ${l}`);
  }
  // The shortage projection prints itself (and escapes its own text).
  return escapeForTerminal(out.join('\n')) + '\n' + (c.projectie ? '\n' + renderProjectionText(c.projectie) + chartPointer(c) : '');
}

export function renderComparisonMarkdown(c: Comparison): string {
  const out = [`# Vergelijking: ${mdCell(sideText(c.na))}`, '', `Voor: ${mdCell(sideText(c.voor))}. ${mdCell(heading(c)[2]!)}`];
  for (const s of sections(c)) {
    out.push('', `## ${mdCell(s.title)}`, '');
    for (const l of s.lines) {
      const indent = l.match(/^ */)![0].length;
      out.push(`${'  '.repeat(Math.floor(indent / 2))}- ${mdCell(l.trim())}`);
    }
  }
  if (c.projectie) out.push('', serializeMarkdown({ title: '', blocks: projectionBlocks(c.projectie, projectionChart(c.projectie)) }).trimEnd());
  return out.join('\n') + '\n';
}

export function renderComparisonJson(c: Comparison): string {
  return JSON.stringify(c, null, 2) + '\n';
}

export const COMPARISON_RENDERERS = { text: renderComparisonText, json: renderComparisonJson, md: renderComparisonMarkdown } as const;
export const COMPARISON_FORMATS = Object.keys(COMPARISON_RENDERERS) as (keyof typeof COMPARISON_RENDERERS)[];
