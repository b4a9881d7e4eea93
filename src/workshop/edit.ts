/**
 * The few fields the workshop page fills in, written back into a DIN file so that only
 * that field changes: the schuifjes (NU, GEWENST) of an inspanning, its status, and the
 * sterkte of one of its contributions.
 *
 * The yaml package finds the node (parseDocument, node.range); the new value is spliced
 * into the original text at that range, so every other byte (comments, order, quoting,
 * folded blocks) stays as it was. `Document.toString` is not used: it re-folds every block
 * scalar and would rewrite half the file. A missing key is added on its own line after the
 * key that precedes it in the schema's order, indented like its siblings. The result is
 * parsed again and must equal the old model with exactly this change, or nothing is written.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { DinSchema } from '../validate/schemas.js';
import { COOPERATION_LEVELS, EFFORT_STATUSES, STRENGTHS, type CooperationLevel, type Strength } from '../vocabulary/vocabulary.js';

export type EffortStatus = (typeof EFFORT_STATUSES)[number];

/** What the page may change; everything else is edited in the YAML. */
export type FieldEdit =
  | { effort: string; field: 'schuifjes'; nu?: CooperationLevel; gewenst?: CooperationLevel }
  | { effort: string; field: 'status'; value: EffortStatus }
  | { effort: string; field: 'sterkte'; goal: string; value: Strength };

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

/** The keys of an inspanning in the schema's order: where a missing key goes. */
const EFFORT_KEYS = Object.keys(DinSchema.shape.inspanningen.unwrap().element.shape);
const CONTRIBUTION_KEYS = Object.keys(DinSchema.shape.inspanningen.unwrap().element.shape.draagt_bij_aan.unwrap().element.shape);

const fail = (message: string): EditResult => ({ ok: false, message });

/** Checks a request's values against the vocabularies (the page is not trusted). */
export function parseFieldEdit(body: unknown): FieldEdit | string {
  if (typeof body !== 'object' || body === null) return 'verzoek zonder velden';
  const b = body as Record<string, unknown>;
  if (typeof b['effort'] !== 'string' || !b['effort']) return 'verzoek zonder inspanning';
  const effort = b['effort'];
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], what: string): T | string =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : `onbekende ${what} \`${String(v)}\`; kies ${allowed.join(', ')}`;
  switch (b['field']) {
    case 'schuifjes': {
      const out: FieldEdit = { effort, field: 'schuifjes' };
      for (const k of ['nu', 'gewenst'] as const) {
        if (b[k] === undefined) continue;
        const v = oneOf(b[k], COOPERATION_LEVELS, 'mate van samenwerking');
        if (!(COOPERATION_LEVELS as readonly string[]).includes(v)) return v;
        out[k] = v as CooperationLevel;
      }
      if (!out.nu && !out.gewenst) return 'geef nu of gewenst';
      return out;
    }
    case 'status': {
      const v = oneOf(b['value'], EFFORT_STATUSES, 'status');
      return (EFFORT_STATUSES as readonly string[]).includes(v) ? { effort, field: 'status', value: v as EffortStatus } : v;
    }
    case 'sterkte': {
      if (typeof b['goal'] !== 'string' || !b['goal']) return 'verzoek zonder doel';
      const v = oneOf(b['value'], STRENGTHS, 'sterkte');
      return (STRENGTHS as readonly string[]).includes(v) ? { effort, field: 'sterkte', goal: b['goal'], value: v as Strength } : v;
    }
    default:
      return `onbekend veld \`${String(b['field'])}\`; kies schuifjes, status of sterkte`;
  }
}

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

function pairIn(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

/** The offset just after a pair's value and the rest of its line (where a new line goes). */
function afterPair(text: string, p: Pair): number {
  const node = (p.value ?? p.key) as { range?: [number, number, number] } | null;
  const end = node?.range?.[1] ?? 0;
  // A block scalar ends after its last line's newline; anything else ends inside its line.
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** Replaces a scalar's text, keeping its quotes. */
function replaceScalar(text: string, node: unknown, value: string): Splice | string {
  if (!isScalar(node) || !node.range) return 'het veld is geen enkele waarde';
  const [start, end] = node.range;
  const q = text[start];
  const insert = q === '"' || q === "'" ? `${q}${value}${q}` : value;
  return { at: start, remove: end - start, insert };
}

/**
 * A new `key: value` in a map, after the last present key that comes before it in `order`.
 * `block` is the value as lines under the key (a nested map), `flow` the same for a flow map.
 */
function addKey(text: string, map: YAMLMap, key: string, order: readonly string[], value: { scalar: string } | { entries: [string, string][]; flow: boolean }): Splice | string {
  const rank = order.indexOf(key);
  const before = map.items.filter((p) => order.indexOf(keyOf(p) ?? '') < rank && order.indexOf(keyOf(p) ?? '') >= 0);
  const prev = before[before.length - 1] ?? map.items[0];
  if (!prev || !isScalar(prev.key) || !prev.key.range) return 'lege map';
  const inline = 'scalar' in value ? value.scalar : value.flow ? `{ ${value.entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : undefined;
  if (map.flow) {
    if (inline === undefined) return 'geneste map in een flow-map';
    const node = (prev.value ?? prev.key) as { range?: [number, number, number] };
    return { at: node.range![1], remove: 0, insert: `, ${key}: ${inline}` };
  }
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const first = map.items[0]!.key as { range?: [number, number, number] };
  const indent = ' '.repeat(columnOf(text, first.range![0]));
  const at = afterPair(text, prev);
  const lead = at === text.length && !text.endsWith('\n') ? nl : '';
  const lines =
    inline !== undefined ? `${indent}${key}: ${inline}${nl}` : `${indent}${key}:${nl}${(value as { entries: [string, string][] }).entries.map(([k, v]) => `${indent}  ${k}: ${v}${nl}`).join('')}`;
  return { at, remove: 0, insert: lead + lines };
}

function effortMap(doc: Document, id: string): { map: YAMLMap; index: number } | undefined {
  const list = doc.get('inspanningen', true);
  if (!isSeq(list)) return undefined;
  const index = list.items.findIndex((m) => isMap(m) && (m as YAMLMap).get('id') === id);
  return index < 0 ? undefined : { map: list.items[index] as YAMLMap, index };
}

/** How this file writes schuifjes already (flow `{ nu: …, gewenst: … }` or a block); block by default. */
function slidersFlowStyle(doc: Document): boolean {
  const list = doc.get('inspanningen', true);
  if (!isSeq(list)) return false;
  for (const m of list.items) {
    const s = isMap(m) ? (m as YAMLMap).get('schuifjes', true) : undefined;
    if (isMap(s)) return Boolean(s.flow);
  }
  return false;
}

/** The DIN text with this one field changed, or why it cannot be. */
export function applyFieldEdit(text: string, edit: FieldEdit): EditResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return fail('het bestand is nu geen geldige YAML; herstel het eerst in de editor');
  const found = effortMap(doc, edit.effort);
  if (!found) return fail(`inspanning \`${edit.effort}\` staat niet (meer) in dit bestand`);
  const { map, index } = found;
  const expected = doc.toJS() as Record<string, unknown>;
  const effort = (expected['inspanningen'] as Record<string, unknown>[])[index]!;
  const splices: (Splice | string)[] = [];

  if (edit.field === 'status') {
    const p = pairIn(map, 'status');
    splices.push(p ? replaceScalar(text, p.value, edit.value) : addKey(text, map, 'status', EFFORT_KEYS, { scalar: edit.value }));
    effort['status'] = edit.value;
  } else if (edit.field === 'sterkte') {
    const list = map.get('draagt_bij_aan', true);
    const i = isSeq(list) ? list.items.findIndex((c) => isMap(c) && (c as YAMLMap).get('doel') === edit.goal) : -1;
    if (!isSeq(list) || i < 0) return fail(`inspanning \`${edit.effort}\` draagt niet (meer) bij aan \`${edit.goal}\``);
    const c = list.items[i] as YAMLMap;
    const p = pairIn(c, 'sterkte');
    splices.push(p ? replaceScalar(text, p.value, edit.value) : addKey(text, c, 'sterkte', CONTRIBUTION_KEYS, { scalar: edit.value }));
    (effort['draagt_bij_aan'] as Record<string, unknown>[])[i]!['sterkte'] = edit.value;
  } else {
    const p = pairIn(map, 'schuifjes');
    if (p && isMap(p.value)) {
      const sliders = p.value;
      const now = (effort['schuifjes'] ?? {}) as Record<string, unknown>;
      for (const k of ['nu', 'gewenst'] as const) {
        const v = edit[k];
        if (!v) continue;
        const q = pairIn(sliders, k);
        splices.push(q ? replaceScalar(text, q.value, v) : addKey(text, sliders, k, ['nu', 'gewenst', 'schaal'], { scalar: v }));
        now[k] = v;
      }
    } else if (p) {
      return fail('`schuifjes` van deze inspanning is geen map; herstel het eerst in de editor');
    } else {
      if (!edit.nu || !edit.gewenst) return fail('deze inspanning heeft nog geen schuifjes: kies NU én GEWENST');
      splices.push(addKey(text, map, 'schuifjes', EFFORT_KEYS, { entries: [['nu', edit.nu], ['gewenst', edit.gewenst]], flow: slidersFlowStyle(doc) }));
      effort['schuifjes'] = { nu: edit.nu, gewenst: edit.gewenst };
    }
  }
  const problem = splices.find((s): s is string => typeof s === 'string');
  if (problem) return fail(`kan dit veld niet veilig schrijven: ${problem}`);
  let out = text;
  // From the end backwards, so earlier offsets stay valid.
  for (const s of (splices as Splice[]).sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  // The proof: the new text reads as the old model with exactly this change.
  const check = parseDocument(out);
  if (check.errors.length || !isDeepStrictEqual(check.toJS(), expected)) return fail('kan dit veld niet veilig schrijven: het resultaat zou meer veranderen dan dit ene veld');
  return { ok: true, text: out, changed: out !== text };
}
