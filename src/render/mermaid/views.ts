/**
 * The diagram views: pure functions from the analysis result to Mermaid text. Each view
 * returns one or more diagrams; a view that would exceed Mermaid's limits is split into
 * parts (never truncated) and the split is recorded on the result.
 */
import type { Analysis } from '../../analyse/schema.js';
import { COOPERATION_LEVEL_LABEL, COOPERATION_LEVELS, type Strength } from '../../vocabulary/vocabulary.js';
import { BlockBuilder, FlowchartBuilder, fits, type Arrow, type LegendEntry } from './builder.js';
import { frontMatter, pieConfig } from './config.js';
import { statusCounts, statusSummary } from '../status.js';
import { aantal } from '../dutch.js';
import { gapsBesidesOrphans } from '../din-gaps.js';
import type { Diagram, ViewKind } from '../diagram.js';
import hyphenNl from 'hyphen/nl/index.js';
import type { Verdict } from '../../analyse/evidence.js';

export type { Diagram, ViewKind } from '../diagram.js';

// One palette for every view; distinct in lightness too, so it survives greyscale printing.
export const PALETTE: Record<string, string> = {
  element: 'fill:#ffffff,stroke:#404040,color:#000000',
  doel: 'fill:#deebf7,stroke:#08519c,stroke-width:2px,color:#000000',
  extern: 'fill:#f0f0f0,stroke:#737373,stroke-dasharray:5 3,color:#000000',
  aanname: 'fill:#fffbe6,stroke:#8c6d1f,color:#000000',
  gedekt: 'fill:#e5f5e0,stroke:#238b45,color:#000000',
  deels: 'fill:#fee391,stroke:#b35806,stroke-dasharray:4 3,color:#000000',
  gat: 'fill:#a50f15,stroke:#000000,stroke-width:3px,color:#ffffff',
  hefboom: 'fill:#ffffff,stroke:#000000,stroke-width:4px,color:#000000',
  andere_partij: 'fill:#f0f0f0,stroke:#525252,stroke-dasharray:6 3,color:#000000',
  nu: 'fill:#08519c,stroke:#08306b,color:#ffffff',
  gewenst: 'fill:#a1d99b,stroke:#00441b,stroke-width:2px,color:#000000',
  nu_en_gewenst: 'fill:#41ab5d,stroke:#08306b,stroke-width:3px,color:#ffffff',
  leeg: 'fill:#ffffff,stroke:#bdbdbd,color:#737373',
  kop: 'fill:#e0e0e0,stroke:#000000,stroke-width:2px,color:#000000',
  // Scenario diagrams (diagrams/scenarios/): every mark is also a word on the box.
  nieuw: 'fill:#c7e9c0,stroke:#00441b,stroke-width:3px,color:#000000',
  gewijzigd: 'fill:#fff7bc,stroke:#8c6d1f,stroke-width:3px,color:#000000',
  verwijderd: 'fill:#f0f0f0,stroke:#969696,stroke-width:2px,stroke-dasharray:6 4,color:#525252',
};

function useClasses(b: FlowchartBuilder, names: string[]): void {
  for (const n of names) b.classDef(n, PALETTE[n]!);
}

/**
 * The widest label line we write. Mermaid re-wraps only lines wider than its wrappingWidth
 * (400 px, set in src/browser/render.ts); 40 characters stay below that, so no line is
 * broken twice.
 */
const WIDE = 40;

/** Marks the syllable boundaries of the Dutch hyphenation patterns; never in our texts. */
const SYLLABLE = '\u0000';

/**
 * A word longer than `width` broken with a hyphen at its last Dutch syllable boundary
 * within the width (TeX's Dutch patterns, via the `hyphen` package): "onderwijsarbeids-
 * markt", "Begeleidings-sessies". Used where a column is as wide as its widest word (the
 * beleidsmodel's block figure), so one compound does not widen every column.
 */
export function breakLongWord(word: string, width: number): string[] {
  if (word.length <= width) return [word];
  const syllables = hyphenNl.hyphenateSync(word, { hyphenChar: SYLLABLE }).split(SYLLABLE);
  const parts: string[] = [];
  let line = '';
  for (const syl of syllables) {
    // Room for the hyphen; a syllable longer than a whole line stays on one (rare, and readable).
    if (line && line.length + syl.length + 1 > width) {
      parts.push(`${line}-`);
      line = syl;
    } else {
      line += syl;
    }
  }
  return [...parts, line];
}

/** Break long labels into lines at spaces, so boxes stay printable; `hyphenate`: break long words too. */
export function wrap(text: string, width = 24, hyphenate = false): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').flatMap((w) => (hyphenate ? breakLongWord(w, width) : [w]));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

type LegendItem = { key: string; label: string; cls: string };

type LegendLine = { label: string; arrow: Arrow; style?: string };

/**
 * The legend as data only: the page around the diagram (poster, wall sheet, report) prints
 * it once, with real boxes and line samples, at a size readable from a distance. A second
 * legend inside the drawing made it wider, printed its line samples as empty boxes, and
 * left the page with two legends (issue 16.4).
 */
function legend(b: { legendEntries: LegendEntry[] }, items: LegendItem[], lines: LegendLine[] = []): void {
  for (const it of items) b.legendEntries.push({ label: it.label, style: PALETTE[it.cls]! });
  for (const l of lines) b.legendEntries.push({ label: l.label, arrow: l.arrow, ...(l.style ? { lineStyle: l.style } : {}) });
}

function diagram(view: ViewKind, b: FlowchartBuilder, name: string, title: string, caption: string, regio: string | null, deelVan?: string): Diagram {
  return { stage: 'mermaid', view, name, title, caption, mermaid: b.toString(), edges: b.edges, ...(deelVan ? { deelVan } : {}), regio, legenda: [...b.legendEntries] };
}

// ------------------------------------------------------------------ beleidsmodel

const STAGE_TITLES: Record<string, string> = {
  input: 'Input: middelen en kaders',
  activiteiten: 'Activiteiten',
  output: 'Output',
  outcome: 'Outcome',
  impact: 'Impact',
  doelen: 'Doelen',
  externe_factoren: 'Externe factoren',
};

/** The causal chain of Figuur 1 (seed 000), read left to right. */
const CHAIN = ['input', 'activiteiten', 'output', 'outcome', 'impact'] as const;

/**
 * The beleidsmodel twice. `beleidsmodel`: the figure of seed 000 (Figuur 1) as it is read on
 * one A3 page — the five stages left to right with their elements stacked, one arrow between
 * stages, the doelen after the impact, the externe factoren under the chain, doeltreffendheid
 * and doelmatigheid as labelled thick arrows, and each element's aannames as numbers in its
 * box (the aannames themselves are a numbered list beside the drawing, not boxes over the
 * lines). Only stage-to-stage lines keep each stage a tidy column: mermaid honours a
 * subgraph's own direction only when no line leaves it from inside, and stacks the unlinked
 * nodes of a left-to-right subgraph in one column. `beleidsmodel-schakels`:
 * every element-level causal link with its aanname number, for reading on screen.
 */
export function beleidsmodelView(a: Analysis): Diagram[] {
  return [beleidsmodelOverview(a), beleidsmodelLinks(a)];
}

function assumptionNumbers(a: Analysis): Map<string, number> {
  return new Map(a.beleidsmodel.aannames.map((x, i) => [x.id, i + 1] as const));
}

function stageClass(stap: string): { cls: string; shape: 'parallelogram' | 'stadium' | 'rect' } {
  if (stap === 'doelen') return { cls: 'doel', shape: 'stadium' };
  if (stap === 'externe_factoren') return { cls: 'extern', shape: 'parallelogram' };
  return { cls: 'element', shape: 'rect' };
}

function beleidsmodelCaption(a: Analysis): string {
  const n = a.beleidsmodel.stappen.reduce((t, s) => t + s.elementen.length, 0);
  return `Het beleidsmodel met ${aantal(n, 'element', 'elementen')}, ${aantal(a.beleidsmodel.schakels.length, 'causale schakel', 'causale schakels')} en ${aantal(a.beleidsmodel.aannames.length, 'aanname', 'aannames')}.`;
}

/** Characters per line in the figure's columns: seven columns fit A3 beside the aannames at 9 pt. */
const FIGURE_WRAP = 18;

/** The columns of the figure, left to right: the chain, the doelen, the externe factoren. */
const FIGURE_COLUMNS = [...CHAIN, 'doelen', 'externe_factoren'] as const;

/**
 * A block diagram, one row of columns: mermaid's block layout gives every block of a row
 * the height of the tallest, so a second row (the externe factoren under the chain, as in
 * the seed's figure) cost a whole column's height of empty paper. The externe factoren are
 * the last column, their header naming the stages they act on; the two judgements are
 * named in the headers of the stages they span and in the list beside the drawing.
 */
function beleidsmodelOverview(a: Analysis): Diagram {
  const title = 'Beleidsmodel onderwijsregiobeleid (Theory of Change)';
  const numbers = assumptionNumbers(a);
  const assumptionsAt = new Map<string, number[]>();
  for (const x of a.beleidsmodel.aannames) for (const id of x.bij) assumptionsAt.set(id, [...(assumptionsAt.get(id) ?? []), numbers.get(x.id)!]);
  const stageOfColumn = new Map(a.beleidsmodel.stappen.map((s) => [s.stap, s] as const));
  const columns = FIGURE_COLUMNS.filter((c) => (stageOfColumn.get(c)?.elementen.length ?? 0) > 0);
  const b = new BlockBuilder(columns.length, title);
  for (const cls of ['element', 'doel', 'extern', 'kop']) b.classDef(cls, PALETTE[cls]!);
  const label = (e: { id: string; label: string }) => {
    const nrs = assumptionsAt.get(e.id);
    const text = wrap(e.label, FIGURE_WRAP, true);
    if (!nrs) return text;
    // The aanname numbers on the last line when they fit there: every line counts, since a
    // column's blocks all get the height of its tallest.
    const tag = `(${nrs.map((nr) => `A${nr}`).join(', ')})`;
    const last = text.split('\n').pop()!;
    return last.length + 1 + tag.length <= FIGURE_WRAP ? `${text} ${tag}` : `${text}\n${tag}`;
  };
  const stageName = (st: string) => (STAGE_TITLES[st] ?? st).split(':')[0]!.toLowerCase();
  // Each judgement is named at the stages where it starts and ends.
  const judged = new Map<string, string[]>();
  for (const o of a.beleidsmodel.oordelen) {
    const from = stageOf(a, o.van);
    const to = stageOf(a, o.naar);
    if (!from || !to) continue;
    const name = o.label.split(':')[0]!.toLowerCase();
    judged.set(from, [...(judged.get(from) ?? []), `${name} ▶ ${stageName(to)}`]);
    judged.set(to, [...(judged.get(to) ?? []), `◀ ${name} van ${stageName(from)}`]);
  }
  const reached = CHAIN.filter((c) => a.beleidsmodel.externe_invloeden.some((x) => stageOf(a, [x.naar]) === c));
  const header = (col: string) => {
    const lines = [STAGE_TITLES[col] ?? col, ...(judged.get(col) ?? []).map((j) => `(${j})`)];
    if (col === 'externe_factoren' && reached.length) lines.push(`(werken in op ${reached.map(stageName).join(', ')})`);
    return lines.map((l) => wrap(l, FIGURE_WRAP, true)).join('\n');
  };
  for (const col of columns) {
    const { cls, shape } = stageClass(col);
    b.group(`stap:${col}`, 1, 1, () => {
      b.block(`kop:${col}`, header(col), { cls: 'kop' });
      for (const e of stageOfColumn.get(col)!.elementen) b.block(e.id, label(e), { cls, shape: shape === 'stadium' ? 'round' : 'rect' });
    });
  }
  const chain = columns.filter((c): c is (typeof CHAIN)[number] => (CHAIN as readonly string[]).includes(c));
  for (let i = 1; i < chain.length; i++) b.link(`stap:${chain[i - 1]}`, `stap:${chain[i]}`);
  legend(
    b,
    [
      { key: 'kop', label: 'stap van het model (met de oordelen die er beginnen of eindigen)', cls: 'kop' },
      { key: 'element', label: 'element (A-nummers: aannames, zie de lijst)', cls: 'element' },
      { key: 'doel', label: 'doel', cls: 'doel' },
      { key: 'extern', label: 'externe factor', cls: 'extern' },
    ],
    [{ label: 'leidt tot (volgende stap)', arrow: 'solid' }],
  );
  return {
    stage: 'mermaid',
    view: 'beleidsmodel',
    name: 'beleidsmodel',
    title,
    caption: `${beleidsmodelCaption(a)} De schakels per element staan in beleidsmodel-schakels.`,
    mermaid: b.toString(),
    edges: b.edges,
    regio: null,
    legenda: [...b.legendEntries],
    lijsten: [
      { titel: 'Aannames', items: a.beleidsmodel.aannames.map((x, i) => `A${i + 1}: ${x.label}`) },
      { titel: 'Oordelen', items: a.beleidsmodel.oordelen.map((o) => o.label) },
    ],
  };
}

function beleidsmodelLinks(a: Analysis): Diagram {
  const title = 'Beleidsmodel onderwijsregiobeleid: alle causale schakels';
  const b = new FlowchartBuilder('LR', title);
  useClasses(b, ['element', 'doel', 'extern']);
  const numbers = assumptionNumbers(a);
  policyStages(b, a);
  for (const s of a.beleidsmodel.schakels) {
    if (!b.has(s.van) || !b.has(s.naar)) continue;
    const nr = s.aanname ? numbers.get(s.aanname) : undefined;
    b.edge(s.van, s.naar, nr ? { label: `A${nr}` } : {});
  }
  for (const x of a.beleidsmodel.externe_invloeden) {
    if (b.has(x.van) && b.has(x.naar)) b.edge(x.van, x.naar, { arrow: 'dotted' });
  }
  legend(
    b,
    [
      { key: 'element', label: 'element van het beleidsmodel', cls: 'element' },
      { key: 'doel', label: 'doel', cls: 'doel' },
      { key: 'extern', label: 'externe factor', cls: 'extern' },
    ],
    [
      { label: 'leidt tot (A-nummer: aanname)', arrow: 'solid' },
      { label: 'externe invloed', arrow: 'dotted' },
    ],
  );
  const d = diagram('schakels', b, 'beleidsmodel-schakels', title, beleidsmodelCaption(a), null);
  return { ...d, lijsten: [{ titel: 'Aannames', items: a.beleidsmodel.aannames.map((x, i) => `A${i + 1}: ${x.label}`) }] };
}

/** The steps of the beleidsmodel as subgraphs, one box per element (`skip`: steps left out). */
function policyStages(b: FlowchartBuilder, a: Analysis, skip: readonly string[] = []): void {
  for (const stap of a.beleidsmodel.stappen) {
    if (stap.elementen.length === 0 || skip.includes(stap.stap)) continue;
    const { cls, shape } = stageClass(stap.stap);
    b.subgraph(`stap:${stap.stap}`, STAGE_TITLES[stap.stap] ?? stap.stap, () => {
      for (const e of stap.elementen) b.node(e.id, wrap(e.label), { cls, shape });
    }, 'TB');
  }
}

// ------------------------------------------------------------------ bewijs: the beleidsmodel by the evidence on each link

/**
 * Each judgement its own kind of line, with the word on the line too: thickness and dashes
 * tell them apart in greyscale, the colour only repeats it.
 */
const VERDICT_LINES: Record<Verdict, LegendLine> = {
  sterk: { label: 'sterk: steun van minstens middel uit twee methoden, één sterk', arrow: 'thick', style: 'stroke:#00441b,stroke-width:4px' },
  matig: { label: 'matig: steun van minstens middel', arrow: 'solid', style: 'stroke:#238b45,stroke-width:2.5px' },
  zwak: { label: 'zwak: alleen zwakke of gemengde bevindingen', arrow: 'dotted', style: 'stroke:#b35806,stroke-width:2px' },
  ongetoetst: { label: 'ongetoetst: geen bevinding (dun gestippeld, zonder woord)', arrow: 'solid', style: 'stroke:#969696,stroke-width:1px,stroke-dasharray:3 6' },
  betwist: { label: 'BETWIST: weerlegd (minstens middel)', arrow: 'thick', style: 'stroke:#a50f15,stroke-width:4px,stroke-dasharray:10 4' },
};
const VERDICT_ORDER: readonly Verdict[] = ['sterk', 'matig', 'zwak', 'ongetoetst', 'betwist'];

export function evidenceView(a: Analysis): Diagram[] {
  const e = a.bewijs;
  const title = `Beleidsmodel naar bewijs${e.fase ? ` (tot en met fase ${e.fase})` : ''}`;
  const b = new FlowchartBuilder('LR', title);
  useClasses(b, ['element', 'doel', 'aanname']);
  policyStages(b, a, ['externe_factoren']);
  const assumptionNumber = new Map(a.beleidsmodel.aannames.map((x, i) => [x.id, i + 1] as const));
  for (const l of e.schakels) {
    if (!b.has(l.van) || !b.has(l.naar)) continue;
    const line = VERDICT_LINES[l.oordeel];
    const nr = l.aanname ? assumptionNumber.get(l.aanname) : undefined;
    // The word on every tested link; an untested one is told apart by its thin dashes alone
    // (not by colour), so fifty labels do not crowd the few judgements out.
    const word = l.oordeel === 'ongetoetst' ? '' : l.oordeel === 'betwist' ? 'BETWIST' : l.oordeel;
    const text = [word, nr ? `A${nr}` : ''].filter(Boolean).join(' ');
    b.edge(l.van, l.naar, { arrow: line.arrow, ...(text ? { label: text } : {}), ...(line.style ? { style: line.style } : {}) });
  }
  const verdictOf = new Map(e.aannames.map((x) => [x.id, x.oordeel] as const));
  if (a.beleidsmodel.aannames.length) {
    b.subgraph('aannames', 'Aannames met hun oordeel', () => {
      a.beleidsmodel.aannames.forEach((x, i) => b.node(`aanname:${x.id}`, wrap(`A${i + 1} [${verdictOf.get(x.id) ?? 'ongetoetst'}]: ${x.label}`, WIDE), { cls: 'aanname' }));
    }, 'TB');
  }
  legend(b, [], VERDICT_ORDER.map((v) => VERDICT_LINES[v]));
  const tested = e.schakels.filter((l) => l.oordeel !== 'ongetoetst').length;
  const caption = e.registers.length === 0
    ? 'Geen bewijsregister in de modellen (models/bewijs/*.yaml): elke schakel is nog ongetoetst.'
    : `${tested} van de ${aantal(e.schakels.length, 'causale schakel', 'causale schakels')} getoetst door ${aantal(e.bevindingen.length, 'bevinding', 'bevindingen')}${e.fase ? ` tot en met fase ${e.fase}` : ''}; een schakel telt ook de bevindingen over haar aanname. Een pad is zo sterk als zijn zwakste schakel.`;
  return [diagram('bewijs', b, 'bewijs-beleidsmodel', title, caption, null)];
}

function stageOf(a: Analysis, ids: string[]): string | undefined {
  const stap = a.beleidsmodel.stappen.find((s) => s.elementen.some((e) => ids.includes(e.id)));
  return stap?.stap;
}

// ------------------------------------------------------------------ DIN

/**
 * The lines of a DIN. An inspanning's contribution shows its strength when the model states
 * one; without one it is "sterkte onbekend", a grey dashed line of its own (never drawn as
 * middel: issue 15.1). Lines between doelen carry no strength in the model at all.
 */
type DinLine = Strength | 'onbekend' | 'doel';
const DIN_LINES: Record<DinLine, LegendLine> = {
  sterk: { label: 'sterke bijdrage', arrow: 'thick' },
  middel: { label: 'middelmatige bijdrage', arrow: 'solid' },
  zwak: { label: 'zwakke bijdrage', arrow: 'dotted' },
  onbekend: { label: 'sterkte onbekend', arrow: 'solid', style: 'stroke:#737373,stroke-width:1.5px,stroke-dasharray:8 4' },
  doel: { label: 'doel draagt bij aan hoger doel', arrow: 'solid' },
};
const DIN_LINE_ORDER: readonly DinLine[] = ['sterk', 'middel', 'zwak', 'onbekend', 'doel'];

type Din = Analysis['dins'][number];

/**
 * What each kind of gap says on its box: a word, so the kinds differ without colour. An
 * inspanning that contributes to nothing is weesenergie too; it says so once, as weesenergie.
 */
const GAP_TEXT: Record<Din['gaten'][number]['soort'], string | null> = {
  'doel-zonder-indicator': 'GAT: geen indicator',
  'doel-zonder-inspanning': 'GAT: geen inspanning',
  'er-doel-zonder-concreet-doel': 'GAT: geen concreet doel',
  'inspanning-zonder-doel': null,
};

/** A contribution a scenario takes away: still drawn, grey and dashed, so the reader sees what goes. */
const GONE_LINE: LegendLine = { label: 'VERVALLEN bijdrage: het scenario haalt haar weg', arrow: 'dotted', style: 'stroke:#969696,stroke-width:2px,stroke-dasharray:3 6' };

/** What a scenario did to one DIN: the DIN before it, and the ids it added, changed (with the fields) and removed. */
export interface DinOverlay {
  before: Din;
  added: ReadonlySet<string>;
  changed: ReadonlyMap<string, readonly string[]>;
  removed: ReadonlySet<string>;
}

/** The elements the scenario removed, back in the diagram (after those that stay, per level). */
function withRemoved(part: DinPart, o: DinOverlay): DinPart {
  const gone = <T extends { id: string }>(xs: readonly T[]) => xs.filter((x) => o.removed.has(x.id));
  return { er: [...part.er, ...gone(o.before.er_doelen)], goals: [...part.goals, ...gone(o.before.concrete_doelen)], efforts: [...part.efforts, ...gone(o.before.inspanningen)] };
}

/**
 * The DIN of a region as a scenario makes it (`diagrams/scenarios/<id>/`): added elements
 * marked NIEUW, changed ones GEWIJZIGD with their fields, removed ones and their lines still
 * drawn but grey and dashed, marked VERWIJDERD; a legend for each mark the diagram uses.
 */
export function scenarioDinView(after: Analysis, regio: string, overlay: Omit<DinOverlay, 'before'>, before: Analysis, scenario: string): Diagram[] {
  const din = after.dins.find((d) => d.regio === regio);
  const was = before.dins.find((d) => d.regio === regio);
  if (!din || !was) return [];
  const title = `Scenario ${scenario}: DIN ${din.regio_naam}`;
  const d = dinDiagram(din, `din-${regio}`, title, { er: din.er_doelen, goals: din.concrete_doelen, efforts: din.inspanningen }, false, { ...overlay, before: was });
  const count = (ids: Iterable<string>) => [...ids].filter((id) => [...din.er_doelen, ...din.concrete_doelen, ...din.inspanningen, ...was.er_doelen, ...was.concrete_doelen, ...was.inspanningen].some((e) => e.id === id)).length;
  const marked = `Het scenario voegt ${aantal(count(overlay.added), 'element', 'elementen')} toe, wijzigt er ${count(overlay.changed.keys())} en haalt er ${count(overlay.removed)} weg. `;
  return [{ ...d, caption: marked + d.caption }];
}

/** The elements of one DIN diagram (the whole DIN, or one part of it). */
interface DinPart {
  er: Din['er_doelen'];
  goals: Din['concrete_doelen'];
  efforts: Din['inspanningen'];
}

/**
 * The parts of a DIN split per ER-doel: each ER-doel with the concrete doelen that feed it and
 * the inspanningen that feed those (or the ER-doel itself). What reaches no ER-doel (a concreet
 * doel without ER-doel, an inspanning whose contribution stops there or goes nowhere: the
 * weesenergie) gets a last part of its own, "zonder ER-doel": that is where it has its lines,
 * and a facilitator looking for the loose ends finds them together.
 */
function dinParts(din: Din): { title: string; part: DinPart }[] {
  const feeds = (s: Din['inspanningen'][number], targets: Set<string>) => s.bijdragen.some((x) => targets.has(x.doel));
  const parts = din.er_doelen.map((er) => {
    const goals = din.concrete_doelen.filter((c) => c.er_doelen.includes(er.id));
    const targets = new Set([er.id, ...goals.map((c) => c.id)]);
    return { title: er.label, part: { er: [er], goals, efforts: din.inspanningen.filter((s) => feeds(s, targets)) } };
  });
  const placedGoals = new Set(parts.flatMap((p) => p.part.goals.map((c) => c.id)));
  const placedEfforts = new Set(parts.flatMap((p) => p.part.efforts.map((s) => s.id)));
  const goals = din.concrete_doelen.filter((c) => !placedGoals.has(c.id));
  const efforts = din.inspanningen.filter((s) => !placedEfforts.has(s.id));
  if (goals.length || efforts.length) parts.push({ title: 'zonder ER-doel', part: { er: [], goals, efforts } });
  return parts;
}

/**
 * A part too wide for paper (an ER-doel fed by many inspanningen) in smaller parts: its
 * inspanningen in groups of `size`, each with the doelen they feed. The ER-doel and a concreet
 * doel appear in every sub-part where they have a line; an inspanning in exactly one.
 */
function chunkPart(p: { title: string; part: DinPart }, size: number): { title: string; part: DinPart }[] {
  const { efforts } = p.part;
  if (efforts.length <= size) return [p];
  const n = Math.ceil(efforts.length / size);
  // Even groups: 7 inspanningen in groups of at most 4 become 4 + 3, not 4 + 3 by accident only.
  const per = Math.ceil(efforts.length / n);
  return Array.from({ length: n }, (_, i) => {
    const group = efforts.slice(i * per, (i + 1) * per);
    const fed = new Set(group.flatMap((s) => s.bijdragen.map((x) => x.doel)));
    const goals = p.part.goals.filter((c) => fed.has(c.id) || p.part.efforts.length === 0);
    return { title: `${p.title} (inspanningen ${i * per + 1}–${i * per + group.length} van ${efforts.length})`, part: { er: p.part.er, goals, efforts: group } };
  });
}

/**
 * `split`: one part per ER-doel even when the whole fits Mermaid (posters, where it must fit
 * paper); `effortsPerPart`: and a part with more inspanningen than that in sub-parts (`deel 1a`,
 * `deel 1b`, …), for paper on which even one ER-doel is too wide to read.
 */
export function dinView(a: Analysis, regio: string, opts: { split?: boolean; effortsPerPart?: number } = {}): Diagram[] {
  const din = a.dins.find((d) => d.regio === regio);
  if (!din) return [];
  const name = `din-${regio}`;
  const title = `DIN ${din.regio_naam}${din.voorbeeld ? ' (voorbeeld uit openbare bronnen)' : ''}`;
  const whole = dinDiagram(din, name, title, { er: din.er_doelen, goals: din.concrete_doelen, efforts: din.inspanningen }, false);
  if (!opts.split && fits({ chars: whole.mermaid.length, edges: whole.edges })) return [whole];
  const parts = dinParts(din);
  if (parts.length < 2 && !opts.effortsPerPart) return [whole];
  // Too big for one diagram: one part per ER-doel, each with what feeds it.
  return parts.flatMap((p, i) => {
    const sub = opts.effortsPerPart ? chunkPart(p, opts.effortsPerPart) : [p];
    const letter = (j: number) => (sub.length > 1 ? String.fromCharCode(97 + j) : '');
    return sub.map((q, j) => dinDiagram(din, `${name}-deel-${i + 1}${letter(j)}`, `${title}, deel ${i + 1}${letter(j)}: ${q.title}`, q.part, true));
  });
}

/**
 * Drawn bottom to top (`BT`), so the ambitie is on top and the inspanningen at the bottom as
 * in the DIN figure of seed 002 §3.2, while every line keeps pointing the way it contributes:
 * up. The browser test checks in Chromium that the ambitie is drawn highest.
 */
function dinDiagram(din: Din, name: string, title: string, whole: DinPart, isPart: boolean, overlay?: DinOverlay): Diagram {
  const b = new FlowchartBuilder('BT', title);
  useClasses(b, ['element', 'doel', 'hefboom', 'gat', 'andere_partij', ...(overlay ? ['nieuw', 'gewijzigd', 'verwijderd'] : [])]);
  const part = overlay ? withRemoved(whole, overlay) : whole;
  const { er, goals, efforts } = part;
  const inPart = new Set([...er.map((e) => e.id), ...goals.map((c) => c.id), ...efforts.map((s) => s.id)]);
  const marks = new Map<string, string[]>();
  const mark = (id: string, text: string) => marks.set(id, [...(marks.get(id) ?? []), text]);
  // An inspanning that contributes to nothing is counted once, as weesenergie (as its box says).
  const gaps = gapsBesidesOrphans(din.gaten).filter((g) => inPart.has(g.id));
  const orphans = din.weesenergie.filter((w) => inPart.has(w.id));
  for (const g of gaps) mark(g.id, GAP_TEXT[g.soort]!);
  for (const w of orphans) mark(w.id, `WEESENERGIE: ${w.reden}`);
  const levers = din.hefboom_inspanningen.filter((h) => inPart.has(h.id));
  const lever = new Set([...levers.map((h) => h.id), ...din.hefboom_doelen.filter((h) => inPart.has(h.id)).map((h) => h.id)]);
  const change = (id: string): { word: string; cls: string } | undefined => {
    if (!overlay) return undefined;
    if (overlay.removed.has(id)) return { word: 'VERWIJDERD', cls: 'verwijderd' };
    if (overlay.added.has(id)) return { word: 'NIEUW', cls: 'nieuw' };
    const fields = overlay.changed.get(id);
    return fields ? { word: `GEWIJZIGD: ${fields.join(', ')}`, cls: 'gewijzigd' } : undefined;
  };
  const label = (id: string, text: string) => {
    const c = change(id);
    return (c ? `${wrap(c.word, WIDE)}\n` : '') + wrap(text) + (marks.get(id) ?? []).map((m) => `\n${wrap(m)}`).join('') + (lever.has(id) ? '\nHEFBOOM' : '');
  };
  const cls = (id: string, base: string) => change(id)?.cls ?? (marks.has(id) ? 'gat' : lever.has(id) ? 'hefboom' : base);

  // Declared top to bottom as read; BT only turns the ranks over.
  b.subgraph('laag:ambitie', 'Ambitie', () => b.node(din.ambitie.id, wrap(din.ambitie.label, WIDE), { shape: 'stadium', cls: 'doel' }));
  if (er.length) b.subgraph('laag:er', 'ER-doelen', () => er.forEach((e) => b.node(e.id, label(e.id, e.label), { shape: 'round', cls: cls(e.id, 'element') })));
  if (goals.length) b.subgraph('laag:cd', 'Concrete doelen', () => goals.forEach((c) => b.node(c.id, label(c.id, c.label), { cls: cls(c.id, 'element') })));
  if (efforts.length) {
    b.subgraph('laag:insp', 'Inspanningen', () =>
      efforts.forEach((s) => {
        const other = s.uitvoerder !== 'regio';
        const text = other ? `${s.label}\n(uitvoerder: ${s.uitvoerder})` : s.label;
        // Another party's inspanning keeps its parallelogram whatever marking it gets (gap, hefboom).
        b.node(s.id, label(s.id, text), { shape: other ? 'parallelogram' : 'rect', cls: cls(s.id, other ? 'andere_partij' : 'element') });
      }),
    );
  }
  const effortIds = new Set(efforts.map((s) => s.id));
  const drawn = new Set<DinLine>();
  let fromEfforts = 0;
  let unknown = 0;
  const linked = new Set<string>();
  for (const x of din.bijdragen) {
    if (!b.has(x.van) || !b.has(x.naar)) continue;
    const kind: DinLine = !effortIds.has(x.van) ? 'doel' : (x.sterkte ?? 'onbekend');
    if (effortIds.has(x.van)) fromEfforts++;
    if (kind === 'onbekend') unknown++;
    drawn.add(kind);
    const line = DIN_LINES[kind];
    b.edge(x.van, x.naar, { arrow: line.arrow, ...(line.style ? { style: line.style } : {}) });
    linked.add(x.van).add(x.naar);
  }
  // A scenario’s diagram also draws the lines it takes away, grey and dashed.
  let goneLines = 0;
  if (overlay) {
    const now = new Set(din.bijdragen.map((x) => `${x.van}\u0000${x.naar}`));
    for (const x of overlay.before.bijdragen) {
      if (now.has(`${x.van}\u0000${x.naar}`) || !b.has(x.van) || !b.has(x.naar)) continue;
      b.edge(x.van, x.naar, { arrow: GONE_LINE.arrow, style: GONE_LINE.style! });
      linked.add(x.van).add(x.naar);
      goneLines++;
    }
  }
  // An element without any line (an inspanning that contributes to nothing) would be laid out
  // beside the ambitie; an invisible link keeps it below, on the reading order of the DIN.
  for (const id of inPart) if (!linked.has(id)) b.edge(id, din.ambitie.id, { arrow: 'invisible' });
  // Only the kinds of line this diagram draws: a legend of lines that are not there misleads.
  const present = (cls: string) => [...inPart].some((id) => change(id)?.cls === cls);
  legend(
    b,
    [
      ...(overlay
        ? [
            { key: 'nieuw', label: 'NIEUW: het scenario voegt dit toe', cls: 'nieuw' },
            { key: 'gewijzigd', label: 'GEWIJZIGD: het scenario wijzigt deze velden', cls: 'gewijzigd' },
            { key: 'verwijderd', label: 'VERWIJDERD: het scenario haalt dit weg (gestreept)', cls: 'verwijderd' },
          ].filter((it) => present(it.cls))
        : []),
      { key: 'hefboom', label: 'HEFBOOM: draagt bij aan meerdere doelen', cls: 'hefboom' },
      { key: 'gat', label: 'GAT: geen indicator / geen inspanning / geen concreet doel', cls: 'gat' },
      { key: 'wees', label: 'WEESENERGIE: bereikt de ambitie niet', cls: 'gat' },
      { key: 'andere', label: 'inspanning van een andere partij (scheef)', cls: 'andere_partij' },
    ],
    [...DIN_LINE_ORDER.filter((k) => drawn.has(k)).map((k) => DIN_LINES[k]), ...(goneLines ? [GONE_LINE] : [])],
  );
  const strengths = unknown > 0 ? ` Sterkte onbekend bij ${unknown} van ${fromEfforts} bijdragen van inspanningen.` : '';
  // The counts describe this diagram: a part counts only its own elements.
  const caption =
    `${aantal(er.length, 'ER-doel', 'ER-doelen')}, ${aantal(goals.length, 'concreet doel', 'concrete doelen')}, ${aantal(efforts.length, 'inspanning', 'inspanningen')}; ` +
    `${aantal(levers.length, 'hefboom-inspanning', 'hefboom-inspanningen')}, ${aantal(gaps.length, 'gat', 'gaten')}, ${aantal(orphans.length, 'inspanning', 'inspanningen')} met weesenergie.${strengths}`;
  return diagram('din', b, name, title, caption, din.regio, isPart ? `din-${din.regio}` : undefined);
}

// ------------------------------------------------------------------ coverage

const STATUS_TEXT = { gedekt: 'GEDEKT', deels: 'DEELS', gat: 'GAT' } as const;

/** Deelvragen per poster part: about what fits an A3 page at 9 pt with its indicators and sources. */
const SUBQUESTIONS_PER_POSTER_PART = 3;

/**
 * Too big for Mermaid: one part per onderzoeksvraag. `split` (posters, where it must fit
 * paper): parts of at most three deelvragen — consecutive onderzoeksvragen together, and an
 * onderzoeksvraag with more deelvragen over several parts ("OV1, deelvragen 4–6 van 10").
 */
export function coverageView(a: Analysis, name: string, scopeLabel: string, opts: { split?: boolean } = {}): Diagram[] {
  const title = `Dekking van de onderzoeksvragen: ${scopeLabel}`;
  const tag = (q: Analysis['dekking']['onderzoeksvragen'][number]) => (q.nummer !== null ? `OV${q.nummer}` : q.label);
  const questions = a.dekking.onderzoeksvragen.filter((q) => q.deelvragen.length > 0);
  if (opts.split) {
    type Slice = { q: (typeof questions)[number]; from: number; to: number };
    const slices: Slice[] = questions.flatMap((q) => {
      const n = Math.ceil(q.deelvragen.length / SUBQUESTIONS_PER_POSTER_PART);
      const per = Math.ceil(q.deelvragen.length / n);
      return Array.from({ length: n }, (_, i) => ({ q, from: i * per, to: Math.min(q.deelvragen.length, (i + 1) * per) }));
    });
    const groups: Slice[][] = [];
    for (const sl of slices) {
      const last = groups[groups.length - 1];
      const whole = (x: Slice) => x.from === 0 && x.to === x.q.deelvragen.length;
      if (last && whole(sl) && last.every(whole) && last.reduce((n, x) => n + x.to - x.from, 0) + sl.to - sl.from <= SUBQUESTIONS_PER_POSTER_PART) last.push(sl);
      else groups.push([sl]);
    }
    const label = (x: Slice) => {
      if (x.from === 0 && x.to === x.q.deelvragen.length) return tag(x.q);
      const which = x.to - x.from === 1 ? `deelvraag ${x.to}` : `deelvragen ${x.from + 1}–${x.to}`;
      return `${tag(x.q)}, ${which} van ${x.q.deelvragen.length}`;
    };
    if (groups.length > 1) {
      return groups.map((g, i) =>
        coverageDiagram(a, `${name}-deel-${i + 1}`, `${title}, ${g.map(label).join(' + ')}`, g.map((x) => x.q.id), name, new Set(g.flatMap((x) => x.q.deelvragen.slice(x.from, x.to)))),
      );
    }
  }
  const whole = coverageDiagram(a, name, title, undefined, undefined);
  if (opts.split || fits({ chars: whole.mermaid.length, edges: whole.edges })) return [whole];
  return questions.map((q) => coverageDiagram(a, `${name}-${q.id}`, `${title}, ${tag(q)}`, [q.id], name));
}

/**
 * National: onderzoeksvragen → deelvragen → indicatoren → databronnen. A region's view
 * keeps the first two columns with the region's own status and reason per deelvraag: the
 * indicators and sources behind a deelvraag are the same for every region and are drawn
 * once, in the national view. Repeating them made each regional view 120 boxes and 200
 * lines (unreadable on paper, and ~2 s of layout per region in the browser).
 */
function coverageDiagram(a: Analysis, name: string, title: string, only: readonly string[] | undefined, deelVan: string | undefined, subquestions?: ReadonlySet<string>): Diagram {
  const regional = a.regio_filter !== null;
  const b = new FlowchartBuilder('LR', title);
  useClasses(b, regional ? ['gedekt', 'deels', 'gat'] : ['element', 'gedekt', 'deels', 'gat', 'extern']);
  const questions = a.dekking.onderzoeksvragen.filter((q) => !only || only.includes(q.id));
  const dv = new Map(a.dekking.deelvragen.map((d) => [d.id, d] as const));
  const indicatorLabel = new Map(a.indicatoren.map((i) => [i.id, i] as const));
  const used = questions.flatMap((q) => q.deelvragen.filter((id) => !subquestions || subquestions.has(id)).map((id) => dv.get(id)!)).filter(Boolean);
  const indicators = [...new Set(used.flatMap((d) => d.indicatoren))];
  const sources = [...new Set(indicators.flatMap((i) => indicatorLabel.get(i)?.databronnen.map((s) => s.id) ?? []))];

  b.subgraph('kol:vragen', 'Onderzoeksvragen', () =>
    questions.forEach((q) => b.node(q.id, wrap(`${q.nummer !== null ? `OV${q.nummer}` : 'Fase 1'}: ${q.label}`, WIDE) + `\n${STATUS_TEXT[q.status]}: ${q.gedekt} gedekt, ${q.deels} deels, ${q.gat} gat`, { cls: q.status })),
  );
  // A region's reason says which of its inspanningen carry a covered deelvraag, so it is shown for every status there.
  const reason = (d: (typeof used)[number]) => (regional || d.status !== 'gedekt' ? `\n${wrap(d.redenen[0] ?? '', WIDE)}` : '');
  // How specific the deelvraag is: a share near 100 % shows no gap (the region's reason says it for a region).
  const share = (d: (typeof used)[number]) =>
    regional ? '' : `\n${d.inspanningen.length} van ${a.dekking.inspanningen_totaal} inspanningen (${Math.round(d.aandeel * 100)} %)${d.te_breed ? ', te breed' : ''}`;
  b.subgraph('kol:deelvragen', 'Deelvragen', () => used.forEach((d) => b.node(d.id, `${STATUS_TEXT[d.status]}\n${wrap(d.label, WIDE)}${share(d)}${reason(d)}`, { cls: d.status })));
  if (!regional && indicators.length) b.subgraph('kol:indicatoren', 'Indicatoren', () => indicators.forEach((i) => b.node(i, wrap(indicatorLabel.get(i)?.label ?? i, 32), { cls: 'element' })));
  if (!regional && sources.length) {
    b.subgraph('kol:bronnen', 'Databronnen', () => {
      for (const i of indicators) for (const s of indicatorLabel.get(i)?.databronnen ?? []) b.node(`bron:${s.id}`, wrap(s.label, 28), { cls: 'extern', shape: 'parallelogram' });
    });
  }
  for (const q of questions) for (const d of q.deelvragen) if (b.has(d)) b.edge(q.id, d, { arrow: 'open' });
  if (!regional) {
    for (const d of used) for (const i of d.indicatoren) b.edge(i, d.id);
    for (const i of indicators) for (const s of indicatorLabel.get(i)?.databronnen ?? []) b.edge(`bron:${s.id}`, i, { arrow: 'dotted' });
  }
  legend(b, [
    { key: 'gedekt', label: 'GEDEKT: keten van bewijs compleet', cls: 'gedekt' },
    { key: 'deels', label: 'DEELS: bewijs, maar een schakel ontbreekt', cls: 'deels' },
    { key: 'gat', label: 'GAT: geen bewijs', cls: 'gat' },
  ], regional
    ? [{ label: 'onderzoeksvraag omvat deelvraag', arrow: 'open' }]
    : [
        { label: 'indicator beantwoordt deelvraag', arrow: 'solid' },
        { label: 'databron levert indicator', arrow: 'dotted' },
      ]);
  const counts = `${aantal(used.length, 'deelvraag', 'deelvragen')}: ${statusSummary(used)}`;
  const caption = regional
    ? `${counts} met het bewijs van deze regio. De ${aantal(indicators.length, 'indicator', 'indicatoren')} en ${aantal(sources.length, 'databron', 'databronnen')} erachter staan in de landelijke dekking.`
    : `${counts}; ${aantal(indicators.length, 'indicator', 'indicatoren')} uit ${aantal(sources.length, 'databron', 'databronnen')}.`;
  return diagram('dekking', b, name, title, caption, a.regio_filter, deelVan);
}

// ------------------------------------------------------------------ schuifjes

/** Rows per diagram: 7 cells per row keeps a part far below mermaid's text limit, and a printed column readable. */
const SLIDER_ROWS_PER_PART = 60;

/**
 * The schuifjesmodel as a table: one row per inspanning (its name, then the six levels with
 * NU and GEWENST marked), one column per level under its heading. Drawn as a subgraph per
 * column and no links at all: mermaid places unconnected subgraphs side by side and, in a
 * left-to-right subgraph, stacks unlinked nodes in order. Every cell of a row gets the
 * row's number of lines (blank lines around its text), hence the same height, so the rows
 * line up across the columns. Chains of linked cells did the same job with ~90 links per
 * diagram, which cost a third of its drawing time.
 */
const SLIDERS_COLUMN = 'Inspanning';
const BLANK_LINE = '\u00a0';

/** `lines` centred in `height` lines. */
function padLines(lines: readonly string[], height: number): string {
  const extra = height - lines.length;
  const above = Math.floor(extra / 2);
  return [...Array<string>(above).fill(BLANK_LINE), ...lines, ...Array<string>(extra - above).fill(BLANK_LINE)].join('\n');
}

export function slidersView(a: Analysis, regio: string): Diagram[] {
  const s = a.schuifjes.find((x) => x.regio === regio);
  const din = a.dins.find((d) => d.regio === regio);
  if (!s || !din) return [];
  const name = `schuifjes-${regio}`;
  const title = `Schuifjes ${din.regio_naam}: samenwerking nu en gewenst`;
  const parts: (typeof s.inspanningen)[] = [];
  for (let i = 0; i < Math.max(1, s.inspanningen.length); i += SLIDER_ROWS_PER_PART) parts.push(s.inspanningen.slice(i, i + SLIDER_ROWS_PER_PART));
  return parts.map((rows, p) => {
    const partName = parts.length > 1 ? `${name}-deel-${p + 1}` : name;
    const b = new FlowchartBuilder('TB', parts.length > 1 ? `${title}, deel ${p + 1}` : title);
    useClasses(b, ['element', 'nu', 'gewenst', 'nu_en_gewenst', 'leeg']);
    const table = rows.map((r) => {
      const label = wrap(`${r.label} (${r.afstand > 0 ? `+${r.afstand}` : r.afstand})`, WIDE).split('\n');
      const cells = COOPERATION_LEVELS.map((lvl) => {
        const isNu = lvl === r.nu;
        const isGewenst = lvl === r.gewenst;
        const mark = isNu && isGewenst ? ['NU = GEWENST'] : isNu ? ['NU'] : isGewenst ? ['GEWENST'] : [];
        return { lines: [COOPERATION_LEVEL_LABEL[lvl], ...mark], cls: isNu && isGewenst ? 'nu_en_gewenst' : isNu ? 'nu' : isGewenst ? 'gewenst' : 'leeg' };
      });
      return { id: r.id, label, cells, height: Math.max(label.length, ...cells.map((c) => c.lines.length)) };
    });
    legend(b, [
      { key: 'nu', label: 'NU: huidige samenwerking (blauw)', cls: 'nu' },
      { key: 'gewenst', label: 'GEWENST: gewenste samenwerking (groen)', cls: 'gewenst' },
      { key: 'beide', label: 'NU = GEWENST', cls: 'nu_en_gewenst' },
    ]);
    // Declared right to left: mermaid lays unconnected subgraphs out in reverse order (the
    // browser test checks that the inspanningen come first).
    if (rows.length === 0) b.node('geen', 'Geen inspanning heeft schuifjes: de casus zegt niet hoe de regio samenwerkt', { cls: 'leeg' });
    for (let col = COOPERATION_LEVELS.length - 1; col >= 0 && table.length; col--) {
      const lvl = COOPERATION_LEVELS[col]!;
      b.subgraph(`kolom:${lvl}`, COOPERATION_LEVEL_LABEL[lvl], () => {
        for (const t of table) b.node(`${t.id}:${lvl}`, padLines(t.cells[col]!.lines, t.height), { cls: t.cells[col]!.cls });
      }, 'LR');
    }
    if (table.length) {
      b.subgraph('kolom:inspanning', SLIDERS_COLUMN, () => {
        for (const t of table) b.node(`rij:${t.id}`, padLines(t.label, t.height), { cls: 'element' });
      }, 'LR');
    }
    const caption = `${aantal(s.inspanningen.length, 'inspanning', 'inspanningen')} met schuifjes: ${s.meer_samenwerking} naar meer samenwerking, ${s.gelijk} gelijk, ${s.minder_samenwerking} minder; ${s.zonder_schuifjes} zonder schuifjes.`;
    return diagram('schuifjes', b, partName, parts.length > 1 ? `${title}, deel ${p + 1}` : title, caption, regio, parts.length > 1 ? name : undefined);
  });
}

// ------------------------------------------------------------------ national overview

export function overviewPie(a: Analysis): Diagram {
  const n = statusCounts(a.dekking.deelvragen);
  const title = 'Dekking van alle deelvragen (landelijk)';
  // A pie has no user text: the slice names are ours. Its colours follow the slices' order.
  const slices = (['gedekt', 'deels', 'gat'] as const).map((s) => `  "${s}" : ${n[s]}`);
  const mermaid = `${frontMatter(pieConfig(['gedekt', 'deels', 'gat']))}pie showData\n  title ${title}\n${slices.join('\n')}\n`;
  return { stage: 'mermaid', view: 'overzicht', name: 'overzicht-dekking', title, caption: `${a.dekking.deelvragen.length} deelvragen naar dekkingsstatus.`, mermaid, edges: 0, regio: null, legenda: [] };
}
