/**
 * Applying a scenario (`soort: scenario`): its wijzigingen, in order, on copies of the
 * validated models, after the scenarios it builds on (`bouwt_op`). The result is a list of
 * validated files like any other, so resolving, the lint rules and every analysis run on it
 * unchanged; the base files and their models are never touched.
 *
 * Every mistake is a located diagnostic in the scenario file. An overlaid file gets a
 * locator that knows where each part of its model came from: an added element or a changed
 * field points into the scenario, everything else into the base file (with indices shifted
 * by removals mapped back). So a dangling reference in an added element is reported at the
 * scenario line that wrote it, by the ordinary resolver.
 */
import { locationText } from '../diagnostics/cell.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean, suggest } from '../diagnostics/suggest.js';
import { Locator, type Location, type ModelPath } from '../read/locate.js';
import { KIND_SCHEMAS, type ScenarioChange } from '../validate/schemas.js';
import { isArraySchema, issueToDiagnostic, keysOf, schemasAt, type AnySchema, type AnyValidatedFile, type ValidatedFile } from '../validate/validate.js';
import { ELEMENT_TYPE_LABEL } from '../vocabulary/glossary.js';
import { collect, type ElementDecl } from './collect.js';
import { resolveWorkspace, type Workspace } from './resolve.js';

/** What a scenario (with the scenarios it builds on) did to the model: for `vergelijk` and the diagrams. */
export interface ScenarioEffect {
  id: string;
  /** The scenarios applied, the one it builds on first, this one last. */
  chain: string[];
  /** Ids of elements added, in the order they were added. */
  added: string[];
  /** Ids of elements removed (with the elements nested in them). */
  removed: string[];
  /** Elements whose fields changed: by `wijzig`, or a reference list a removal emptied. */
  changed: { id: string; velden: string[] }[];
}

export interface OverlayOutcome {
  /** The workspace files with the selected scenario applied (the base files without one). */
  files: AnyValidatedFile[];
  diagnostics: Diagnostic[];
  effect?: ScenarioEffect;
  /**
   * Every other scenario, applied and resolved: what only resolving or the lint rules find in
   * it (a dangling reference in an added element) is reported by the caller, in its own file.
   */
  others: { id: string; file: string; workspace: Workspace; diagnostics: Diagnostic[] }[];
}

/** Where a part of an overlaid model was written: in the base file (`locator` null) or a scenario. */
interface Origin {
  locator: Locator | null;
  path: ModelPath;
}

/** Per array: the origin of each item; per object: the origin of each changed field. */
interface Note {
  items?: Origin[];
  fields?: Map<string, Origin>;
}

class OverlayLocator extends Locator {
  constructor(
    base: AnyValidatedFile,
    private readonly model: () => unknown,
    private readonly notes: WeakMap<object, Note>,
  ) {
    super(base.source, base.doc);
  }

  origin(path: ModelPath): Origin {
    let node: unknown = this.model();
    let found: Origin = { locator: null, path: [] };
    let rest: PropertyKey[] = [];
    for (const seg of path) {
      const note = isObject(node) ? this.notes.get(node) : undefined;
      const o = typeof seg === 'number' ? note?.items?.[seg] : note?.fields?.get(String(seg));
      if (o) {
        found = o;
        rest = [];
      } else {
        rest.push(seg);
      }
      node = isObject(node) ? (node as Record<PropertyKey, unknown>)[seg as string] : undefined;
    }
    return { locator: found.locator, path: [...found.path, ...rest] };
  }

  override locate(path: ModelPath, opts: { key?: boolean } = {}): Location {
    const o = this.origin(path);
    return o.locator ? o.locator.locate(o.path, opts) : super.locate(o.path, opts);
  }
}

const isObject = (x: unknown): x is object => x !== null && typeof x === 'object';

function getAt(root: unknown, path: ModelPath): unknown {
  let v = root;
  for (const seg of path) v = isObject(v) ? (v as Record<PropertyKey, unknown>)[seg as string] : undefined;
  return v;
}

/** Compare model paths for a stable, removal-safe order (later indices first when reversed). */
function comparePaths(a: ModelPath, b: ModelPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

const startsWith = (path: ModelPath, prefix: ModelPath) => prefix.every((seg, i) => path[i] === seg);

/** A model file being overlaid: cloned on its first change. */
interface Working {
  base: AnyValidatedFile;
  model: unknown;
  cloned: boolean;
  locator: OverlayLocator;
}

interface Located {
  decl: ElementDecl;
  w: Working;
  /** Path of the element's object in its model ([] for the root of a beleidsmodel). */
  at: ModelPath;
}

/** Reference fields whose list item goes when the element it names is removed. */
const ITEM_KEYS = new Set(['doel', 'naar', 'indicator']);
/** Optional reference fields that are dropped when the element they name is removed. */
const OPTIONAL_KEYS = new Set(['activiteit', 'aanname']);

/** What each wijziging of one scenario is applied with: where it is, how to report, how to find ids. */
interface ChangeContext {
  s: ValidatedFile<'scenario'>;
  /** Index of the wijziging in `wijzigingen`. */
  k: number;
  at: (rel: ModelPath, key?: boolean) => Location;
  emit: (d: Omit<Diagnostic, 'severity' | 'file' | 'line' | 'column'>, loc: Location) => void;
  find: (id: string, where: ModelPath, what?: string) => Located | undefined;
  /** Fields changed so far in this scenario (id and field), for scenario-dubbele-wijziging. */
  seen: Map<string, Location>;
  /** Ids removed so far in this scenario, and where. */
  removedAt: Map<string, Location>;
}

class Overlay {
  private readonly notes = new WeakMap<object, Note>();
  private readonly working: Working[];
  private index: Map<string, Located> | undefined;
  readonly diagnostics: Diagnostic[] = [];
  readonly added: string[] = [];
  readonly removed: string[] = [];
  readonly changed = new Map<string, Set<string>>();

  constructor(files: readonly AnyValidatedFile[]) {
    this.working = files
      .filter((f) => f.kind !== 'scenario')
      .map((base) => {
        const w = { base, model: base.model as unknown, cloned: false } as Working;
        w.locator = new OverlayLocator(base, () => w.model, this.notes);
        return w;
      });
  }

  files(all: readonly AnyValidatedFile[]): AnyValidatedFile[] {
    const byBase = new Map(this.working.filter((w) => w.cloned).map((w) => [w.base, w] as const));
    return all.map((f) => {
      const w = byBase.get(f);
      return w ? ({ ...f, model: w.model, locator: w.locator } as AnyValidatedFile) : f;
    });
  }

  private asFile(w: Working): AnyValidatedFile {
    return { ...w.base, model: w.model } as AnyValidatedFile;
  }

  private elements(): Map<string, Located> {
    if (!this.index) {
      this.index = new Map();
      for (const w of this.working) {
        for (const decl of collect(this.asFile(w)).elements) {
          // The first declaration wins, as in the resolver (a duplicate is its diagnostic).
          if (!this.index.has(decl.id)) this.index.set(decl.id, { decl, w, at: decl.path.slice(0, -1) });
        }
      }
    }
    return this.index;
  }

  private touch(w: Working): void {
    if (!w.cloned) {
      w.model = structuredClone(w.model);
      w.cloned = true;
    }
    this.index = undefined;
  }

  /** The item origins of an array, set up on its first change so removals keep the lines right. */
  private itemsOf(w: Working, path: ModelPath, arr: unknown[]): Origin[] {
    let note = this.notes.get(arr);
    if (!note) this.notes.set(arr, (note = {}));
    if (!note.items) note.items = arr.map((_, i) => w.locator.origin([...path, i]));
    return note.items;
  }

  private markChanged(id: string, field: string): void {
    const set = this.changed.get(id) ?? new Set<string>();
    set.add(field);
    this.changed.set(id, set);
  }

  private schemaOf(w: Working, path: ModelPath): AnySchema | undefined {
    return schemasAt(KIND_SCHEMAS[w.base.kind] as unknown as AnySchema, path)[0];
  }

  /** Apply one scenario’s wijzigingen (the scenarios it builds on are applied before, by the caller). */
  apply(s: ValidatedFile<'scenario'>, report: boolean): void {
    const seen = new Map<string, Location>();
    const removedAt = new Map<string, Location>();
    s.model.wijzigingen.forEach((change, k) => {
      const at = (rel: ModelPath, key = false) => s.locator.locate(['wijzigingen', k, ...rel], { key });
      const emit = (d: Omit<Diagnostic, 'severity' | 'file' | 'line' | 'column'>, loc: Location) => {
        if (report) this.diagnostics.push({ file: loc.file, line: loc.line, column: loc.column, severity: 'error', ...d });
      };
      const find = (id: string, where: ModelPath, what = 'element'): Located | undefined => {
        const found = this.elements().get(id);
        if (found) return found;
        const gone = removedAt.get(id);
        const s2 = suggest(id, [...this.elements().keys()]);
        emit(
          {
            code: 'scenario-id-onbekend',
            message: `\`${id}\` bestaat niet: er is geen ${what} met dit id${gone ? ' (meer)' : ''}`,
            hint: gone ? `een eerdere wijziging (${locationText(gone, false)}) heeft \`${id}\` al verwijderd` : s2 ? `bedoel je \`${s2}\`?` : 'gebruik het id van een element uit de modellen',
          },
          at(where),
        );
        return undefined;
      };
      const ctx: ChangeContext = { s, k, at, emit, find, seen, removedAt };
      if (change.verwijder !== undefined) this.remove(change.verwijder, ctx);
      else if (change.wijzig !== undefined) this.change(change, ctx);
      else if (change.voeg_toe !== undefined) this.add(change, ctx);
    });
  }

  private remove(id: string, { at, emit, find, removedAt }: ChangeContext): void {
    const el = find(id, ['verwijder']);
    if (!el) return;
    const { w, at: path, decl } = el;
    const label = `${ELEMENT_TYPE_LABEL[decl.type]} \`${id}\``;
    const where = locationText(w.locator.locate(decl.path), false);
    const parentPath = path.slice(0, -1);
    const index = path.at(-1);
    if (typeof index !== 'number' || !Array.isArray(getAt(w.model, parentPath))) {
      emit({ code: 'scenario-ongeldig', message: `${label} (${where}) kan niet weg: het staat niet in een lijst`, hint: 'verwijder elementen uit een lijst (inspanningen, concrete doelen, …); wijzig dit element met `wijzig`' }, at(['verwijder']));
      return;
    }
    // The element and everything declared inside it (an onderzoeksvraag's deelvragen).
    const gone = new Set([...this.elements().values()].filter((e) => e.w === w && startsWith(e.at, path)).map((e) => e.decl.id));
    type Action = { w: Working; path: ModelPath; kind: 'item' | 'key'; from: string; field: string };
    const actions: Action[] = [];
    const blockers: string[] = [];
    for (const other of this.working) {
      for (const r of collect(this.asFile(other)).refs) {
        if (r.implicit || !gone.has(r.to) || (other === w && startsWith(r.path, path))) continue;
        const last = r.path.at(-1);
        const before = r.path.at(-2);
        if (typeof last === 'number') actions.push({ w: other, path: r.path, kind: 'item', from: r.from, field: String(before) });
        else if (typeof last === 'string' && ITEM_KEYS.has(last) && typeof before === 'number') actions.push({ w: other, path: r.path.slice(0, -1), kind: 'item', from: r.from, field: String(r.path.at(-3)) });
        else if (typeof last === 'string' && OPTIONAL_KEYS.has(last)) actions.push({ w: other, path: r.path, kind: 'key', from: r.from, field: last });
        else blockers.push(`\`${r.from}\` (${locationText(other.locator.locate(r.path), false)}) verwijst ernaar met het verplichte veld \`${String(last)}\``);
      }
    }
    if (blockers.length) {
      emit({ code: 'scenario-ongeldig', message: `${label} (${where}) kan niet weg: ${blockers.join('; ')}`, hint: 'verwijder of wijzig eerst wat ernaar verwijst' }, at(['verwijder']));
      return;
    }
    this.touch(w);
    for (const a of actions) this.touch(a.w);
    // Later indices first, so earlier removals do not shift the ones still to come.
    const all: { w: Working; path: ModelPath; kind: 'item' | 'key' }[] = [...actions, { w, path, kind: 'item' }];
    all.sort((a, b) => (a.w === b.w ? -comparePaths(a.path, b.path) : this.working.indexOf(a.w) - this.working.indexOf(b.w)));
    for (const a of all) {
      const parent = getAt(a.w.model, a.path.slice(0, -1));
      const last = a.path.at(-1)!;
      if (a.kind === 'item' && Array.isArray(parent) && typeof last === 'number') {
        this.itemsOf(a.w, a.path.slice(0, -1), parent).splice(last, 1);
        parent.splice(last, 1);
      } else if (a.kind === 'key' && isObject(parent)) {
        delete (parent as Record<string, unknown>)[String(last)];
      }
    }
    for (const a of actions) if (!gone.has(a.from)) this.markChanged(a.from, a.field);
    for (const g of gone) {
      this.removed.push(g);
      removedAt.set(g, at(['verwijder']));
      this.changed.delete(g);
    }
    // A removal can leave a list that must not be empty (an oordeel without `van`).
    for (const other of new Set([w, ...actions.map((a) => a.w)])) {
      const parsed = (KIND_SCHEMAS[other.base.kind] as unknown as AnySchema).safeParse(other.model);
      if (parsed.success) continue;
      const issue = parsed.error.issues[0]!;
      const loc = other.locator.locate(issue.path as PropertyKey[]);
      emit({ code: 'scenario-ongeldig', message: `na het verwijderen van ${label} is ${locationText(loc, false)} ongeldig: ${issue.message}`, hint: 'verwijder of wijzig eerst wat ernaar verwijst' }, at(['verwijder']));
    }
  }

  private change(change: ScenarioChange, { s, k, at, emit, find, seen }: ChangeContext): void {
    const id = change.wijzig!;
    const el = find(id, ['wijzig']);
    if (!el) return;
    const { w, at: path, decl } = el;
    const label = `${ELEMENT_TYPE_LABEL[decl.type]} \`${id}\``;
    const schema = this.schemaOf(w, path);
    const obj = getAt(w.model, path);
    if (!schema || !isObject(obj)) return;
    const fields = keysOf(schema);
    const accepted: string[] = [];
    for (const field of Object.keys(change.velden ?? {})) {
      const where = ['velden', field];
      if (field === 'id') {
        emit({ code: 'scenario-ongeldig', message: `het id van ${label} verander je niet met \`wijzig\``, hint: 'verwijder het element en voeg een nieuw toe; verwijzingen naar het oude id gaan dan mee' }, at(where, true));
        continue;
      }
      if (!fields.includes(field)) {
        emit(
          { code: 'scenario-veld-onbekend', message: `${label} heeft geen veld \`${field}\``, hint: didYouMean(field, fields) ?? `velden van een ${ELEMENT_TYPE_LABEL[decl.type]}: ${fields.join(', ')}` },
          at(where, true),
        );
        continue;
      }
      const key = `${id}\u0000${field}`;
      const first = seen.get(key);
      if (first) {
        const here = at(where, true);
        emit(
          {
            code: 'scenario-dubbele-wijziging',
            message: `\`${field}\` van ${label} wordt in dit scenario al gewijzigd (${locationText(first, false)})`,
            hint: 'houd één wijziging per veld; de volgorde zou anders stil bepalen welke geldt',
            related: [{ file: first.file, line: first.line, column: first.column, message: 'eerste wijziging' }],
          },
          here,
        );
        continue;
      }
      seen.set(key, at(where, true));
      accepted.push(field);
    }
    if (accepted.length === 0) return;
    const candidate: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
    for (const f of accepted) candidate[f] = (change.velden as Record<string, unknown>)[f];
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      const elementLoc = locationText(w.locator.locate(decl.path), false);
      const sub = { locate: (p: ModelPath, o?: { key?: boolean }) => (accepted.includes(String(p[0])) ? at(['velden', ...p], o?.key) : w.locator.locate([...path, ...p], o)) };
      for (const issue of parsed.error.issues) {
        for (const d of issueToDiagnostic(issue, candidate, schema, sub)) {
          emit({ code: 'scenario-ongeldig', message: `${d.message}: dat maakt ${label} (${elementLoc}) ongeldig`, ...(d.hint ? { hint: d.hint } : {}) }, d);
        }
      }
      return;
    }
    this.touch(w);
    const target = getAt(w.model, path) as Record<string, unknown>;
    let note = this.notes.get(target);
    if (!note) this.notes.set(target, (note = {}));
    note.fields ??= new Map();
    for (const f of accepted) {
      target[f] = (parsed.data as Record<string, unknown>)[f];
      note.fields.set(f, { locator: s.locator, path: ['wijzigingen', k, 'velden', f] });
      this.markChanged(id, f);
    }
  }

  private add(change: ScenarioChange, { s, k, at, emit, find }: ChangeContext): void {
    const list = change.voeg_toe!;
    const targetId = change.in ?? s.model.legt_over;
    const targetWhere: ModelPath = change.in !== undefined ? ['in'] : [];
    let w: Working | undefined;
    let path: ModelPath = [];
    const byKind = this.working.find((x) => x.base.kind === targetId && (targetId === 'indicatoren' || targetId === 'regioregister'));
    if (byKind) {
      w = byKind;
    } else {
      const el = change.in !== undefined ? find(targetId, targetWhere, 'model of element') : this.elements().get(targetId);
      if (!el) {
        if (change.in === undefined) {
          emit({ code: 'scenario-id-onbekend', message: `\`legt_over: ${targetId}\` noemt geen model waaraan \`voeg_toe\` iets kan toevoegen`, hint: 'zet `in:` bij de wijziging (een regio-id, het beleidsmodel, het onderzoek, indicatoren of regioregister)' }, s.locator.locate(['legt_over']));
        }
        return;
      }
      if (el.decl.type === 'regio') {
        w = this.working.find((x) => x.base.kind === 'din' && (x.model as { regio: string }).regio === targetId);
        if (!w) {
          emit({ code: 'scenario-id-onbekend', message: `regio \`${targetId}\` heeft geen DIN om iets aan toe te voegen`, hint: 'maak eerst een DIN met `npx tocdin init-regio`, of noem met `in:` een ander model' }, change.in !== undefined ? at(['in']) : s.locator.locate(['legt_over']));
          return;
        }
      } else {
        w = el.w;
        path = el.decl.type === 'beleidsmodel' || el.decl.type === 'onderzoek' ? [] : el.at;
      }
    }
    const objSchema = this.schemaOf(w, path);
    const lists = objSchema ? keysOf(objSchema).filter((key) => schemasAt(objSchema, [key]).some(isArraySchema)) : [];
    if (!lists.includes(list)) {
      emit({ code: 'scenario-veld-onbekend', message: `\`${targetId}\` heeft geen lijst \`${list}\``, hint: didYouMean(list, lists) ?? (lists.length ? `lijsten hier: ${lists.join(', ')}` : 'noem met `in:` een model of element met lijsten') }, at(['voeg_toe']));
      return;
    }
    const itemSchema = this.schemaOf(w, [...path, list, 0])!;
    const before = new Set(this.elements().keys());
    const valid: { data: unknown; j: number }[] = [];
    (change.elementen ?? []).forEach((e, j) => {
      const parsed = itemSchema.safeParse(e);
      if (parsed.success) {
        valid.push({ data: parsed.data, j });
        return;
      }
      const sub = { locate: (p: ModelPath, o?: { key?: boolean }) => at(['elementen', j, ...p], o?.key) };
      for (const issue of parsed.error.issues) {
        for (const d of issueToDiagnostic(issue, e, itemSchema, sub)) emit(d, d);
      }
    });
    if (valid.length === 0) return;
    this.touch(w);
    const owner = getAt(w.model, path) as Record<string, unknown>;
    if (!Array.isArray(owner[list])) owner[list] = [];
    const arr = owner[list] as unknown[];
    const items = this.itemsOf(w, [...path, list], arr);
    for (const v of valid) {
      arr.push(v.data);
      items.push({ locator: s.locator, path: ['wijzigingen', k, 'elementen', v.j] });
    }
    for (const id of this.elements().keys()) if (!before.has(id)) this.added.push(id);
  }
}

/** The chain of scenarios to apply for `id`, the one it builds on first; undefined on a cycle or unknown id. */
function chainOf(id: string, byId: ReadonlyMap<string, ValidatedFile<'scenario'>>): string[] | undefined {
  const chain: string[] = [];
  for (let cur: string | undefined = id; cur !== undefined; cur = byId.get(cur)?.model.bouwt_op) {
    if (chain.includes(cur) || !byId.has(cur)) return undefined;
    chain.unshift(cur);
  }
  return chain;
}

/** `bouwt_op` problems, once per scenario file: an unknown scenario, or a cycle (reported at its first member). */
function chainDiagnostics(byId: ReadonlyMap<string, ValidatedFile<'scenario'>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const [id, s] of [...byId].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const next = s.model.bouwt_op;
    if (next === undefined) continue;
    if (!byId.has(next)) {
      const loc = s.locator.locate(['bouwt_op']);
      const hint = didYouMean(next, [...byId.keys()]) ?? (byId.size > 1 ? `bekende scenario’s: ${[...byId.keys()].filter((x) => x !== id).join(', ')}` : 'er is geen ander scenario');
      out.push({ file: loc.file, line: loc.line, column: loc.column, severity: 'error', code: 'scenario-id-onbekend', message: `\`bouwt_op: ${next}\`: er is geen scenario met dit id`, hint });
      continue;
    }
    const path = [id];
    for (let cur = byId.get(id)!.model.bouwt_op; cur !== undefined && byId.has(cur); cur = byId.get(cur)!.model.bouwt_op) {
      if (cur === id) {
        if (!path.some((p) => reported.has(p))) {
          path.forEach((p) => reported.add(p));
          const loc = s.locator.locate(['bouwt_op']);
          out.push({
            file: loc.file, line: loc.line, column: loc.column, severity: 'error', code: 'scenario-kring',
            message: `scenario \`${id}\` bouwt via \`bouwt_op\` op zichzelf voort: ${[...path, id].join(' → ')}`,
            hint: 'haal één `bouwt_op` uit de kring',
          });
        }
        break;
      }
      if (path.includes(cur)) break; // a cycle further on, not through this scenario
      path.push(cur);
    }
  }
  return out;
}

/**
 * Check every scenario (its own wijzigingen, located in its file) and apply the selected one,
 * after those it builds on. Without a selection the files come back unchanged.
 */
export function overlayScenarios(files: readonly AnyValidatedFile[], selected?: string): OverlayOutcome {
  const scenarios = files.filter((f): f is ValidatedFile<'scenario'> => f.kind === 'scenario');
  const byId = new Map<string, ValidatedFile<'scenario'>>();
  for (const s of scenarios) if (!byId.has(s.model.id)) byId.set(s.model.id, s);
  const diagnostics = chainDiagnostics(byId);
  const others: OverlayOutcome['others'] = [];
  let outcome: Omit<OverlayOutcome, 'others'> = { files: [...files], diagnostics };
  for (const id of [...byId.keys()].sort()) {
    const chain = chainOf(id, byId);
    if (!chain) continue;
    const overlay = new Overlay(files);
    // The scenarios below report their own mistakes when they are checked themselves.
    chain.forEach((c) => overlay.apply(byId.get(c)!, c === id));
    diagnostics.push(...overlay.diagnostics);
    if (id !== selected) {
      const own = byId.get(id)!.source.path;
      const { workspace, diagnostics: found } = resolveWorkspace(overlay.files(files));
      others.push({ id, file: own, workspace, diagnostics: found.filter((d) => d.file === own) });
    } else {
      const added = overlay.added.filter((a) => !overlay.removed.includes(a));
      outcome = {
        files: overlay.files(files),
        diagnostics,
        effect: {
          id,
          chain,
          added,
          removed: overlay.removed.filter((r) => !overlay.added.includes(r)),
          changed: [...overlay.changed].filter(([c]) => !added.includes(c)).map(([c, f]) => ({ id: c, velden: [...f].sort() })).sort((a, b) => (a.id < b.id ? -1 : 1)),
        },
      };
    }
  }
  return { ...outcome, others };
}

/** The scenario files of a workspace, by id (for `--scenario` and its suggestions). */
export function scenarioIds(files: readonly AnyValidatedFile[]): string[] {
  return files.filter((f) => f.kind === 'scenario').map((f) => (f as ValidatedFile<'scenario'>).model.id).sort();
}

export interface ElementChangeList {
  toegevoegd: { id: string; soort: string; label: string; regio: string | null }[];
  verwijderd: { id: string; soort: string; label: string; regio: string | null }[];
  gewijzigd: { id: string; soort: string; label: string; regio: string | null; velden: string[] }[];
}

/**
 * Which elements differ between two resolved workspaces (the models and a scenario, or two
 * scenarios): added, removed, and changed with the fields that differ. Lists of nested
 * elements (an onderzoeksvraag's deelvragen) are elements of their own, not a changed field;
 * the root of a file (the beleidsmodel, the onderzoek) is not compared.
 */
export function elementChanges(before: Workspace, after: Workspace, regio?: string): ElementChangeList {
  const ref = (e: ElementDecl) => ({ id: e.id, soort: e.type, label: e.label, regio: e.regio ?? null });
  const inScope = (e: ElementDecl) => !regio || e.regio === regio;
  const objectOf = (ws: Workspace, e: ElementDecl) => getAt(ws.fileByPath.get(e.file)?.model, e.path.slice(0, -1)) as Record<string, unknown> | undefined;
  const nested = (v: unknown) => Array.isArray(v) && v.some((x) => isObject(x) && 'id' in x);
  const out: ElementChangeList = { toegevoegd: [], verwijderd: [], gewijzigd: [] };
  for (const e of after.elements.values()) if (!before.elements.has(e.id) && inScope(e) && e.type !== 'scenario') out.toegevoegd.push(ref(e));
  for (const e of before.elements.values()) {
    if (!inScope(e) || e.type === 'scenario') continue;
    const now = after.elements.get(e.id);
    if (!now) {
      out.verwijderd.push(ref(e));
      continue;
    }
    if (e.path.length === 1) continue;
    const x = objectOf(before, e) ?? {};
    const y = objectOf(after, now) ?? {};
    const velden = [...new Set([...Object.keys(x), ...Object.keys(y)])]
      .filter((k) => !nested(x[k]) && !nested(y[k]) && JSON.stringify(x[k]) !== JSON.stringify(y[k]))
      .sort();
    if (velden.length) out.gewijzigd.push({ ...ref(now), velden });
  }
  return out;
}
