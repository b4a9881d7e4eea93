/**
 * The checks of the evidence register (`soort: bewijs`) that need the other models: a tested
 * link must be a causal link (`leidt_tot`) of the beleidsmodel, a tested contribution a
 * `draagt_bij_aan` of a DIN; a refuting finding must be about something; a finding from a
 * later phase than its register is suspect; the same finding twice is counted twice. Unknown
 * ids (deelvraag, regio, aanname, inspanning) are ordinary references (resolve.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import type { ModelPath } from '../read/locate.js';
import type { AnyValidatedFile, ValidatedFile } from '../validate/validate.js';
import type { ElementDecl, RefDecl } from './collect.js';

type EvidenceFile = ValidatedFile<'bewijs'>;

/** How a link or contribution is written in messages and hints. */
export const linkText = (from: string, to: string) => `${from} → ${to}`;

/** The phase the register's findings may not be later than: its own, or the last of the evaluation plan. */
export function registerPhase(file: EvidenceFile, planPhases: readonly string[]): { phase: string; own: boolean } | undefined {
  if (file.model.fase) return { phase: file.model.fase, own: true };
  const last = [...planPhases].sort().at(-1);
  return last ? { phase: last, own: false } : undefined;
}

export function checkEvidence(
  files: readonly EvidenceFile[],
  elements: ReadonlyMap<string, ElementDecl>,
  refs: readonly RefDecl[],
  planPhases: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const links = refs.filter((r) => r.edge === 'leidt-tot').map((r) => [r.from, r.to] as const);
  const linkSet = new Set(links.map(([a, b]) => linkText(a, b)));
  const contributions = refs.filter((r) => r.edge === 'draagt-bij' && elements.get(r.from)?.type === 'inspanning').map((r) => [r.from, r.to] as const);
  const contributionSet = new Set(contributions.map(([a, b]) => linkText(a, b)));
  const seen = new Map<string, { file: EvidenceFile; path: ModelPath; id: string }>();

  for (const f of files) {
    const at = (path: ModelPath) => f.locator.locate(path);
    const push = (path: ModelPath, d: Omit<Diagnostic, 'file' | 'line' | 'column'>) => {
      const loc = at(path);
      out.push({ file: loc.file, line: loc.line, column: loc.column, ...d });
    };
    const limit = registerPhase(f, planPhases);
    f.model.bevindingen.forEach((b, i) => {
      const base: ModelPath = ['bevindingen', i];
      b.toetst.schakels.forEach((l, j) => {
        // An unknown end is already `verwijzing-onbekend`; only a pair of known elements is checked here.
        if (!elements.has(l.van) || !elements.has(l.naar) || linkSet.has(linkText(l.van, l.naar))) return;
        const fromHere = links.filter(([a]) => a === l.van).map(([, t]) => t);
        const toThere = links.filter(([, t]) => t === l.naar).map(([a]) => a);
        const naar = suggest(l.naar, fromHere);
        const van = naar ? undefined : suggest(l.van, toThere);
        const between = fromHere.filter((x) => linkSet.has(linkText(x, l.naar)));
        const reversed = linkSet.has(linkText(l.naar, l.van));
        const hint = naar
          ? `bedoel je \`${linkText(l.van, naar)}\`?`
          : van
            ? `bedoel je \`${linkText(van, l.naar)}\`?`
            : reversed
              ? `de schakel loopt andersom: bedoel je \`${linkText(l.naar, l.van)}\`?`
              : between.length
                ? `de keten loopt via \`${between[0]}\`: bedoel je \`${linkText(l.van, between[0]!)}\` en \`${linkText(between[0]!, l.naar)}\`? (toets elke schakel apart)`
                : fromHere.length
                  ? `\`${l.van}\` leidt tot: ${fromHere.join(', ')}`
                  : `\`${l.van}\` leidt nergens toe; toets een schakel die in het beleidsmodel staat, of de aanname erachter`;
        push([...base, 'toetst', 'schakels', j], {
          severity: 'error',
          code: 'bewijs-schakel-onbekend',
          message: `\`${linkText(l.van, l.naar)}\` is geen schakel van het beleidsmodel: \`${l.van}\` heeft geen \`leidt_tot\` naar \`${l.naar}\``,
          hint,
        });
      });
      b.toetst.bijdragen.forEach((c, j) => {
        if (!elements.has(c.inspanning) || !elements.has(c.doel) || contributionSet.has(linkText(c.inspanning, c.doel))) return;
        const own = contributions.filter(([s]) => s === c.inspanning).map(([, d]) => d);
        const s = suggest(c.doel, own);
        push([...base, 'toetst', 'bijdragen', j], {
          severity: 'error',
          code: 'bewijs-bijdrage-onbekend',
          message: `inspanning \`${c.inspanning}\` draagt in haar DIN niet bij aan \`${c.doel}\``,
          hint: s ? `bedoel je \`${s}\`?` : own.length ? `\`${c.inspanning}\` draagt bij aan: ${own.join(', ')}` : `\`${c.inspanning}\` draagt aan geen doel bij; voeg de bijdrage eerst toe aan haar DIN`,
        });
      });
      const targets = b.beantwoordt.length + b.toetst.schakels.length + b.toetst.aannames.length + b.toetst.bijdragen.length;
      if (b.richting === 'weerlegt' && targets === 0) {
        push([...base, 'richting'], {
          severity: 'error',
          code: 'bewijs-zonder-onderwerp',
          message: `bevinding \`${b.id}\` weerlegt iets, maar noemt niet wat: geen \`beantwoordt\` en geen \`toetst\``,
          hint: 'noem de schakel, aanname of bijdrage die de bevinding weerlegt (`toetst`), of de deelvraag die ze beantwoordt (`beantwoordt`)',
        });
      }
      if (limit && b.fase > limit.phase) {
        push([...base, 'fase'], {
          severity: 'warning',
          code: 'bewijs-fase-toekomst',
          message: limit.own
            ? `bevinding \`${b.id}\` is uit fase ${b.fase}, na de fase van het register (${limit.phase})`
            : `bevinding \`${b.id}\` is uit fase ${b.fase}, na de laatste fase van het onderzoek (${limit.phase})`,
          hint: limit.own ? `controleer de fase; een bevinding uit ${b.fase} hoort in het register van die rapportage` : 'controleer de fase (jaar-halfjaar, bijv. "2025-1")',
        });
      }
      const key = JSON.stringify([
        b.tekst.trim().replace(/\s+/g, ' ').toLowerCase(),
        [...b.beantwoordt].sort(),
        b.toetst.schakels.map((l) => linkText(l.van, l.naar)).sort(),
        [...b.toetst.aannames].sort(),
        b.toetst.bijdragen.map((c) => linkText(c.inspanning, c.doel)).sort(),
        [...b.regios].sort(),
      ]);
      const first = seen.get(key);
      if (first) {
        const there = first.file.locator.locate(first.path);
        push([...base, 'id'], {
          severity: 'warning',
          code: 'bewijs-dubbel',
          message: `bevinding \`${b.id}\` is dezelfde als \`${first.id}\` (zelfde tekst, zelfde onderwerpen): ze telt dubbel mee`,
          hint: `verwijder er één, of maak duidelijk wat de tweede toevoegt (bijv. een andere methode of fase in de tekst)`,
          related: [{ file: there.file, line: there.line, column: there.column, message: 'eerste bevinding' }],
        });
      } else {
        seen.set(key, { file: f, path: [...base, 'id'], id: b.id });
      }
    });
  }
  return out;
}

/** One finding as the analysis and the lint rules read it, with where it was written. */
export interface FindingRecord {
  finding: ValidatedFile<'bewijs'>['model']['bevindingen'][number];
  register: string;
  file: string;
  path: ModelPath;
}

/** Every finding of every register, in file then document order. */
export function findingsOf(ws: { files: readonly AnyValidatedFile[] }): FindingRecord[] {
  return ws.files
    .filter((f): f is EvidenceFile => f.kind === 'bewijs')
    .flatMap((f) => f.model.bevindingen.map((finding, i) => ({ finding, register: f.model.id, file: f.source.path, path: ['bevindingen', i] as ModelPath })));
}

/**
 * The current phase: the one asked for (`--fase`), else the latest phase of any finding;
 * undefined without either (no register, nothing asked).
 */
export function currentPhase(findings: readonly FindingRecord[], asked?: string): string | undefined {
  return asked ?? findings.map((f) => f.finding.fase).sort().at(-1);
}

/** A deelvraag as planned in the onderzoeksvragen: its phases and where they are written. */
export interface PlannedSubquestion {
  id: string;
  fasen: readonly string[];
  file: string;
  path: ModelPath;
}

export function plannedSubquestions(ws: { files: readonly AnyValidatedFile[] }): PlannedSubquestion[] {
  const out: PlannedSubquestion[] = [];
  for (const f of ws.files) {
    if (f.kind !== 'onderzoeksvragen') continue;
    for (const key of ['onderzoeksvragen', 'eerste_fase'] as const) {
      f.model[key].forEach((q, i) =>
        q.deelvragen.forEach((d, j) => out.push({ id: d.id, fasen: [...d.fasen], file: f.source.path, path: [key, i, 'deelvragen', j, d.fasen.length ? 'fasen' : 'id'] })),
      );
    }
  }
  return out;
}

/**
 * Overdue (`bewijs-achterstallig`): a deelvraag whose first planned phase is the current
 * phase or earlier, while no finding of those phases (up to the current one) answers it.
 * `inScope` narrows the findings (e.g. to one region's and the national ones).
 */
export function overdueSubquestions(
  planned: readonly PlannedSubquestion[],
  findings: readonly FindingRecord[],
  current: string | undefined,
  inScope: (f: FindingRecord) => boolean = () => true,
): { deelvraag: PlannedSubquestion; due: string[] }[] {
  if (!current) return [];
  const answered = new Set(findings.filter((f) => inScope(f) && f.finding.fase <= current).flatMap((f) => f.finding.beantwoordt));
  return planned
    .map((d) => ({ deelvraag: d, due: d.fasen.filter((p) => p <= current).sort() }))
    .filter(({ deelvraag, due }) => due.length > 0 && !answered.has(deelvraag.id));
}
