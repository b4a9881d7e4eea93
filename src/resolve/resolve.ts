/**
 * Stage 3: all validated files → one workspace where every reference points at a declared
 * element of the right type. Files are processed in path order so ids, diagnostics and
 * everything downstream are deterministic.
 */
import { locationText } from '../diagnostics/cell.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { ELEMENT_TYPE_LABEL } from '../vocabulary/glossary.js';
import type { AnyValidatedFile, ValidatedFile } from '../validate/validate.js';
import { collect, type ElementDecl, type RefDecl } from './collect.js';
import { checkEvidence } from './evidence.js';

export interface Workspace {
  readonly stage: 'resolved';
  files: AnyValidatedFile[];
  /** In file-path then document order. */
  elements: Map<string, ElementDecl>;
  /** Only references whose target exists with an expected type. */
  refs: RefDecl[];
  fileByPath: Map<string, AnyValidatedFile>;
}

export function filesOfKind<K extends AnyValidatedFile['kind']>(ws: { files: AnyValidatedFile[] }, kind: K): ValidatedFile<K>[] {
  return ws.files.filter((f) => f.kind === kind) as ValidatedFile<K>[];
}

export function resolveWorkspace(input: readonly AnyValidatedFile[]): { workspace: Workspace; diagnostics: Diagnostic[] } {
  const files = [...input].sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
  const fileByPath = new Map(files.map((f) => [f.source.path, f] as const));
  const diagnostics: Diagnostic[] = [];
  const elements = new Map<string, ElementDecl>();
  const allRefs: RefDecl[] = [];
  const locate = (file: string, path: ElementDecl['path']) => fileByPath.get(file)!.locator.locate(path);

  for (const f of files) {
    const c = collect(f);
    for (const e of c.elements) {
      const first = elements.get(e.id);
      if (first) {
        const here = locate(e.file, e.path);
        const there = locate(first.file, first.path);
        diagnostics.push({
          file: here.file,
          line: here.line,
          column: here.column,
          severity: 'error',
          code: 'id-dubbel',
          message: `id \`${e.id}\` bestaat al (${ELEMENT_TYPE_LABEL[first.type]} in ${locationText(there)})`,
          hint: 'elk id moet in alle modelbestanden samen uniek zijn; geef dit element een ander id (bijv. met een regio-voorvoegsel)',
          related: [{ file: there.file, line: there.line, column: there.column, message: 'eerste definitie' }],
        });
        continue;
      }
      elements.set(e.id, e);
    }
    allRefs.push(...c.refs);
  }

  const idsByType = new Map<string, string[]>();
  for (const e of elements.values()) {
    const list = idsByType.get(e.type) ?? [];
    list.push(e.id);
    idsByType.set(e.type, list);
  }

  const refs: RefDecl[] = [];
  for (const r of allRefs) {
    const target = elements.get(r.to);
    if (r.implicit) {
      if (target && elements.has(r.from)) refs.push(r);
      continue;
    }
    const loc = locate(r.file, r.path);
    const expectedLabel = r.expected.map((t) => ELEMENT_TYPE_LABEL[t]).join(' of ');
    if (!target) {
      const candidates = r.expected.flatMap((t) => idsByType.get(t) ?? []);
      const s = suggest(r.to, candidates) ?? suggest(r.to, [...elements.keys()]);
      diagnostics.push({
        file: loc.file,
        line: loc.line,
        column: loc.column,
        severity: 'error',
        code: 'verwijzing-onbekend',
        message: `\`${r.to}\` verwijst naar niets: er is geen ${expectedLabel} met dit id`,
        hint: s ? `bedoel je \`${s}\`?` : candidates.length ? `bekende ids: ${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''}` : `voeg een ${expectedLabel} met id \`${r.to}\` toe`,
      });
      continue;
    }
    if (!r.expected.includes(target.type)) {
      const t = locate(target.file, target.path);
      const candidates = r.expected.flatMap((t2) => idsByType.get(t2) ?? []);
      const s = suggest(r.to, candidates);
      diagnostics.push({
        file: loc.file,
        line: loc.line,
        column: loc.column,
        severity: 'error',
        code: 'verwijzing-soort',
        message: `\`${r.to}\` is een ${ELEMENT_TYPE_LABEL[target.type]} (${locationText(t, false)}), maar hier wordt een ${expectedLabel} verwacht`,
        ...(s ? { hint: `bedoel je \`${s}\`?` } : {}),
      });
      continue;
    }
    refs.push(r);
  }

  // One DIN per region: two would silently merge two networks in every analysis.
  const dinByRegion = new Map<string, ValidatedFile<'din'>>();
  for (const f of filesOfKind({ files }, 'din')) {
    const first = dinByRegion.get(f.model.regio);
    if (first) {
      const here = f.locator.locate(['regio']);
      const there = first.locator.locate(['regio']);
      diagnostics.push({
        file: here.file,
        line: here.line,
        column: here.column,
        severity: 'error',
        code: 'din-dubbel',
        message: `regio \`${f.model.regio}\` heeft al een DIN in ${there.file}`,
        hint: 'voeg de twee DIN-bestanden samen tot één bestand per regio',
        related: [{ file: there.file, line: there.line, column: there.column, message: 'eerste DIN' }],
      });
    } else {
      dinByRegion.set(f.model.regio, f);
    }
  }

  diagnostics.push(...checkEvidence(filesOfKind({ files }, 'bewijs'), elements, refs, planPhases({ files })));

  return { workspace: { stage: 'resolved', files, elements, refs, fileByPath }, diagnostics };
}

/** Every phase the evaluation plans a deelvraag for (onderzoeksvragen `fasen`), sorted. */
export function planPhases(ws: { files: AnyValidatedFile[] }): string[] {
  const phases = new Set<string>();
  for (const f of filesOfKind(ws, 'onderzoeksvragen')) {
    for (const q of [...f.model.onderzoeksvragen, ...f.model.eerste_fase]) for (const d of q.deelvragen) for (const p of d.fasen) phases.add(p);
  }
  return [...phases].sort();
}
