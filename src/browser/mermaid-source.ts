/**
 * The mermaid script the drawing pages load, with one speed fix.
 *
 * mermaid's `getConfig()` returns a fresh two-level deep copy of the whole configuration
 * (all diagram types, ~2,000 properties, each added with `Object.defineProperty`) and a
 * flowchart calls it several times per node: profiled in Chromium, that copying was half
 * of the drawing time of a large coverage diagram. The copy only changes when the
 * configuration object is replaced, so the fix makes the slow copy once per configuration
 * object and hands every caller its own plain copy of that snapshot, built the way
 * `assignWithDepth({}, config)` builds it: callers still get objects they may mutate (and
 * they do: sharing one frozen object breaks flowcharts).
 *
 * The fix is a text replacement in mermaid's minified bundle, so it is tied to the pinned
 * mermaid version: if the text is not found exactly once, the bundle is used unchanged
 * (slower, never wrong), and a test fails so that an upgrade cannot drop the fix unnoticed.
 * Another test draws diagrams of every kind with and without the fix and requires the same
 * SVG bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
export const MERMAID_VERSION: string = require('mermaid/package.json').version;

/** `getConfig` in mermaid 11.17.2's minified bundle: `Lt` getConfig, `ii` assignWithDepth, `$x` currentConfig. */
const GET_CONFIG = 'Lt=s(()=>ii({},$x),"getConfig")';
const GET_CONFIG_FAST =
  'Lt=s(()=>{if(Lt.tocdinOf!==$x){Lt.tocdinOf=$x;Lt.tocdinSnapshot=ii({},$x)}return globalThis.__tocdinCopyConfig(Lt.tocdinSnapshot,2)},"getConfig")';

/**
 * What `assignWithDepth({}, o, { depth })` returns when `o` is already such a copy (no null
 * values, no duplicate array items): arrays copied flat, objects copied to `depth` levels,
 * the level below shallowly, functions and deeper values shared. Plain JavaScript: it runs
 * in the page. `__proto__` goes through defineProperty, as in mermaid, so it stays a key.
 */
const COPY_CONFIG = `function copyConfig(o, depth) {
  const r = {};
  for (const k of Object.keys(o)) {
    const v = o[k];
    const c = typeof v === 'object' && v !== null ? (Array.isArray(v) ? v.slice() : depth > 1 ? copyConfig(v, depth - 1) : Object.assign({}, v)) : v;
    if (k === '__proto__') Object.defineProperty(r, k, { value: c, writable: true, enumerable: true, configurable: true });
    else r[k] = c;
  }
  return r;
}`;

export interface MermaidSource {
  /** The script text for `page.addScriptTag({ content })`. */
  script: string;
  /** Whether the getConfig fix was applied (false: the bundle's text was not as expected). */
  fast: boolean;
}

let cached: { fast: boolean; source: MermaidSource } | undefined;

export function mermaidSource(fast = true): MermaidSource {
  if (cached?.fast === fast) return cached.source;
  const bundle = readFileSync(MERMAID_SCRIPT, 'utf8');
  const applies = fast && bundle.split(GET_CONFIG).length === 2;
  const script = applies
    ? `globalThis.__tocdinCopyConfig=${COPY_CONFIG};\n${bundle.replace(GET_CONFIG, () => GET_CONFIG_FAST)}`
    : bundle;
  cached = { fast, source: { script, fast: applies } };
  return cached.source;
}
