/**
 * The mermaid script the drawing pages load, with three speed fixes.
 *
 * 1. `getConfig()` returns a fresh two-level deep copy of the whole configuration (all
 *    diagram types, ~2,000 properties, each added with `Object.defineProperty`) and a
 *    flowchart calls it several times per node: profiled in Chromium, that copying was half
 *    of the drawing time of a large coverage diagram. The copy only changes when the
 *    configuration object is replaced, so the fix makes the slow copy once per
 *    configuration object (the snapshot) and hands every caller its own copy of it, the
 *    way `assignWithDepth({}, config)` builds it. Callers still get objects they may mutate
 *    (and they do: sharing one frozen object breaks flowcharts), but each diagram type's
 *    section is copied only when a caller reads it: most read one or two of ~30.
 * 2. In strict mode every label passes DOMPurify twice per `sanitizeText`, and a flowchart
 *    sanitises the same label text several times while parsing and drawing (~460 calls per
 *    DIN). DOMPurify's output is a function of the input string and the options (mermaid's
 *    hooks are fixed), so string results are remembered per (options, input). The
 *    sanitising itself is unchanged: a label is only ever replaced by what DOMPurify made
 *    of exactly that text.
 * 3. Mermaid lays flowcharts out with dagre and leaves dagre's ranker at network simplex,
 *    whose cut-value exchanges were a fifth of a DIN’s drawing time. Our views are layered
 *    by construction (every edge goes one tier up, every schuifjes cell one column on), so
 *    dagre's cheaper tight-tree ranker finds the same ranks. The fix only makes the ranker
 *    choosable, through `globalThis.__tocdinRanker` (unset: dagre's default); the renderer
 *    chooses, and a test shows which views come out byte-identical.
 *
 * All three are text replacements in mermaid's minified bundle, so they are tied to the pinned
 * mermaid version: a fix whose text is not found exactly once is left out (slower, never
 * wrong), and a test fails so that an upgrade cannot drop a fix unnoticed. Another test
 * draws diagrams of every kind, hostile labels included, with and without the fixes and
 * requires the same SVG bytes (ranker left at dagre's default).
 *
 * One more replacement is a guard, not a speed fix, and is applied to both bundles: mermaid
 * renders any `$$…$$` in a label as KaTeX maths (a user's `$$\rule{3000em}{3000em}$$` drew a
 * 52,649 px box, a bad macro made the drawing fail). Our labels never hold `$$` (see
 * encodeLabel), and the guard makes mermaid's maths test (`hasKatex`) never match, so no
 * text reaches KaTeX whatever path it takes. Without the guard the page would draw user text
 * as maths, so a bundle it does not fit is refused rather than served.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
export const MERMAID_VERSION: string = require('mermaid/package.json').version;

/**
 * What `assignWithDepth({}, snapshot)` (depth 2) returns when the snapshot is already such a
 * copy (no null values, no duplicate array items), built lazily: top-level primitives
 * copied; each object-valued key copied on first read, its arrays sliced and its objects
 * copied shallowly; functions and deeper values shared. Plain JavaScript: it runs in the
 * page. `__proto__` goes through defineProperty, as in mermaid, so it stays a key.
 */
const CONFIG_COPY = `(() => {
  const own = (v) => ({ value: v, writable: true, enumerable: true, configurable: true });
  function copySection(o) {
    const r = {};
    for (const k of Object.keys(o)) {
      const v = o[k];
      const c = typeof v === 'object' && v !== null ? (Array.isArray(v) ? v.slice() : Object.assign({}, v)) : v;
      if (k === '__proto__') Object.defineProperty(r, k, own(c));
      else r[k] = c;
    }
    return r;
  }
  // Per snapshot, one set of property descriptors: each call is one defineProperties. An
  // accessor turns into a plain property holding its copy on first read or write, in place,
  // so the key order stays the snapshot's.
  const factories = new WeakMap();
  function factory(snapshot) {
    const descriptors = Object.create(null);
    for (const k of Object.keys(snapshot)) {
      const v = snapshot[k];
      if (typeof v !== 'object' || v === null) {
        descriptors[k] = own(v);
        continue;
      }
      descriptors[k] = {
        enumerable: true,
        configurable: true,
        get() {
          const c = Array.isArray(v) ? v.slice() : copySection(v);
          Object.defineProperty(this, k, own(c));
          return c;
        },
        set(x) {
          Object.defineProperty(this, k, own(x));
        },
      };
    }
    return () => Object.defineProperties({}, descriptors);
  }
  return (snapshot) => {
    let make = factories.get(snapshot);
    if (!make) factories.set(snapshot, (make = factory(snapshot)));
    return make();
  };
})()`;

/** Remembers DOMPurify's string results; bounded, because a page draws hundreds of diagrams. */
const SANITIZE_MEMO = `(purify) => {
  const sanitize = purify.sanitize;
  const memo = new Map();
  purify.sanitize = function (dirty, options) {
    if (typeof dirty !== 'string') return sanitize.apply(purify, arguments);
    const key = (options === undefined ? '' : JSON.stringify(options)) + '\\u0000' + dirty;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const clean = sanitize.apply(purify, arguments);
    if (typeof clean === 'string') {
      if (memo.size >= 20000) memo.clear();
      memo.set(key, clean);
    }
    return clean;
  };
  return purify;
}`;

interface Fix {
  name: string;
  /** Each exactly once in the pinned bundle, or the fix is left out; replaced pairwise. */
  needles: readonly string[];
  replacements: readonly string[];
  /** Defines the helper the replacement calls, before the bundle runs. */
  helper: string;
}

const FIXES: readonly Fix[] = [
  {
    // mermaid 11.17.2: `Lt` getConfig, `ii` assignWithDepth, `$x` currentConfig.
    name: 'getConfig',
    needles: ['Lt=s(()=>ii({},$x),"getConfig")'],
    replacements: ['Lt=s(()=>{if(Lt.tocdinOf!==$x){Lt.tocdinOf=$x;Lt.tocdinSnapshot=ii({},$x)}return globalThis.__tocdinCopyConfig(Lt.tocdinSnapshot)},"getConfig")'],
    helper: `globalThis.__tocdinCopyConfig=${CONFIG_COPY};`,
  },
  {
    // mermaid 11.17.2: `ao` the DOMPurify instance, `wZ` its factory.
    name: 'sanitize',
    needles: ['ao=wZ()'],
    replacements: ['ao=globalThis.__tocdinMemoSanitize(wZ())'],
    helper: `globalThis.__tocdinMemoSanitize=${SANITIZE_MEMO};`,
  },
  {
    // mermaid 11.17.2: the two dagre graphs a flowchart lays out, the whole diagram
    // (`e` its layout data) and a subgraph without outside edges drawn on its own.
    name: 'ranker',
    needles: [
      'rankSpacing||e.rankSpacing||e.config?.flowchart?.rankSpacing,marginx:8,marginy:8}',
      'setGraph({rankdir:o,nodesep:50,ranksep:50,marginx:8,marginy:8})',
    ],
    replacements: [
      'rankSpacing||e.rankSpacing||e.config?.flowchart?.rankSpacing,marginx:8,marginy:8,ranker:globalThis.__tocdinRanker}',
      'setGraph({rankdir:o,nodesep:50,ranksep:50,marginx:8,marginy:8,ranker:globalThis.__tocdinRanker})',
    ],
    helper: 'globalThis.__tocdinRanker=undefined;',
  },
];

/**
 * mermaid 11.17.2: `lk` is the maths pattern that `si` (hasKatex) and the KaTeX renderer
 * test labels with; `(?!)` never matches, so every label is drawn as text.
 */
const GUARDS: readonly Omit<Fix, 'helper'>[] = [
  {
    name: 'no-maths',
    needles: ['lk=/\\$\\$(.*?)\\$\\$/g,'],
    replacements: ['lk=/(?!)/g,'],
  },
];

export interface MermaidSource {
  /** The script text the drawing page loads. */
  script: string;
  /** The fixes applied (a fix is left out when the bundle's text is not as expected). */
  fixes: string[];
  /** The guards applied: always all of GUARD_NAMES (the bundle is refused otherwise). */
  guards: string[];
}

const cached = new Map<boolean, MermaidSource>();

export function mermaidSource(fast = true): MermaidSource {
  const known = cached.get(fast);
  if (known) return known;
  let script = readFileSync(MERMAID_SCRIPT, 'utf8');
  const guards: string[] = [];
  for (const guard of GUARDS) {
    if (guard.needles.some((needle) => script.split(needle).length !== 2)) {
      throw new Error(`mermaid ${MERMAID_VERSION}: de beveiliging '${guard.name}' past niet op deze versie van mermaid; gebruik de vastgepinde versie uit package.json`);
    }
    guard.needles.forEach((needle, k) => (script = script.replace(needle, () => guard.replacements[k]!)));
    guards.push(guard.name);
  }
  const helpers: string[] = [];
  const fixes: string[] = [];
  for (const fix of fast ? FIXES : []) {
    if (fix.needles.some((needle) => script.split(needle).length !== 2)) continue;
    fix.needles.forEach((needle, k) => (script = script.replace(needle, () => fix.replacements[k]!)));
    helpers.push(fix.helper);
    fixes.push(fix.name);
  }
  const source = { script: helpers.length ? `${helpers.join('\n')}\n${script}` : script, fixes, guards };
  cached.set(fast, source);
  return source;
}

/** Every fix this module knows, for the test that they all apply to the installed mermaid. */
export const FIX_NAMES: readonly string[] = FIXES.map((f) => f.name);
export const GUARD_NAMES: readonly string[] = GUARDS.map((g) => g.name);
