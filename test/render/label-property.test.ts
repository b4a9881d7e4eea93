// @vitest-environment jsdom
/**
 * Any string a user types, used as a label, must render as the same text and must not add
 * nodes, edges, links, classes, styles or directives. Judged by the real mermaid parser.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLabel, encodeLabel, FlowchartBuilder } from '../../src/render/mermaid/builder.js';
import { parse as parseYaml } from 'yaml';
import { expectOnlyOurConfig, ourConfig } from '../fixtures/mermaid-config.js';

type FlowDb = {
  getVertices(): Map<string, { text?: string; link?: string; classes?: string[] }>;
  getEdges(): { text?: string }[];
  getClasses(): Map<string, unknown>;
  getSubGraphs(): unknown[];
};
let getDb: (text: string) => Promise<{ db: FlowDb; parsed: unknown }>;

beforeAll(async () => {
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  getDb = async (text) => {
    const parsed = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    return { db: diagram.db as unknown as FlowDb, parsed };
  };
}, 60_000);

function diagramWith(label: string): string {
  const b = new FlowchartBuilder('LR', 'Eigenschapstest');
  b.classDef('ons', 'fill:#ffffff');
  b.node('a', label, { cls: 'ons' });
  b.node('b', 'vast');
  b.edge('a', 'b', { label });
  return b.toString();
}

const nasty = [
  '"]; n9["geïnjecteerd"]; n9 --> n0; click n0 "https://example.org"',
  '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%',
  // Front matter of its own, as a label: must stay text, and our front matter must stay ours.
  '---\nconfig:\n  theme: dark\n  securityLevel: loose\n---',
  'config: {theme: dark}',
  '<script>alert(1)</script><img src=x onerror=alert(1)><b>vet</b>',
  'classDef evil fill:#f00\nclass n0 evil\nstyle n1 fill:#f00',
  'end', 'subgraph x', '`code` ${x} #35; &amp; &lt; 0x1F', 'Zeeuwse onderwijsregio’s: “één” — ë',
  '  spaties rond  ', '', ' ', '\n', 'a|b|c', 'click', 'n0 --> n1', '---\ntitle: x\n---',
  // Maths: mermaid hands `$$…$$` to KaTeX (see encodeLabel).
  '$$\\Huge\\color{red}{NEP}$$', '$$\\rule{3000em}{3000em}$$', '$$\\notacommand$$', '$x$',
  '$$\\Huge{x}$$\nregel twee', '$\\$\\Huge{x}$\\$', '\\$\\$x\\$\\$', '$$$', '#36;#36;x#36;#36;',
];

describe('label encoding', () => {
  it('encodes only letters, digits, marks and spaces as themselves', () => {
    expect(encodeLabel('Zeeland "ZOR" #1')).toBe('Zeeland #34;ZOR#34; #35;1');
    expect(encodeLabel('')).toBe('#32;');
    expect(encodeLabel('a\nb')).toBe('a<br/>b');
  });

  it('leaves no `$$` for KaTeX, even after mermaid decodes the entities and its markdown step drops a `\\` before punctuation', () => {
    // What mermaid makes of a label before it looks for `$$…$$`: entities decoded (DOMPurify
    // does that once the label holds a tag), `\$` turned into `$` (marked), our empty span kept.
    const asMermaidSeesIt = (label: string) =>
      encodeLabel(label)
        .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/\\([!-\/:-@[-`{-~])/g, '$1');
    expect(encodeLabel('$$x$$')).toBe('#36;<span></span>#36;x#36;<span></span>#36;');
    expect(encodeLabel('$\\$')).toBe('#36;<span></span>#92;#36;');
    expect(encodeLabel('$ $ $x$')).toBe('#36; #36; #36;x#36;');
    for (const label of nasty) expect(asMermaidSeesIt(label), label).not.toContain('$$');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '\\', 'x', '\n', ' ', '{', '#'), maxLength: 30 }), (label) => {
        expect(asMermaidSeesIt(label)).not.toContain('$$');
        expect(decodeLabel(encodeLabel(label))).toBe(label === '' ? ' ' : label);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it.each(nasty)('nasty label %j parses, round-trips and adds nothing', async (label) => {
    await check(label);
  });

  it('property: arbitrary strings parse, round-trip and add nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (label) => {
        await check(label);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  }, 120_000);
});

/** Mermaid keeps `#34;` as `ﬂ°°34¶ß` until it renders (then `&#34;`): map it back to ours. */
const fromMermaid = (t: string) => decodeLabel(t.replace(/ﬂ°°(\d+)¶ß/g, '#$1;'));

/** The title is the one piece of user text in the front matter: it must not end it or add to it. */
describe('a hostile title stays one YAML string', () => {
  const titles = ['x\n---\nconfig:\n  theme: dark\n  securityLevel: loose\n---', '"\nconfig: {theme: dark}', 'a\u2028---\u2028config:', "'; theme: dark #", '---'];
  it.each(titles)('title %j', async (title) => {
    const b = new FlowchartBuilder('LR', title);
    b.node('a', 'vast');
    const text = b.toString();
    // Our front matter is the file's first lines, up to the first `---` line after the opening one.
    expect(text.split('\n').filter((l) => l === '---').length).toBe(2);
    const { db, parsed } = await getDb(text);
    expectOnlyOurConfig(parsed, text);
    // The front matter as mermaid finds it (its own pattern, mermaid 11.17.2), read as YAML: the title, whole, and our config.
    const found = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s.exec(text);
    expect(parseYaml(found![2]!)).toEqual({ title, config: ourConfig(text) });
    expect([...db.getVertices().values()].length).toBe(1);
  });
});

async function check(label: string): Promise<void> {
  const text = diagramWith(label);
  const { db, parsed } = await getDb(text);
  expectOnlyOurConfig(parsed, text);
  const vertices = [...db.getVertices().values()];
  expect(vertices.length).toBe(2);
  expect(db.getEdges().length).toBe(1);
  expect([...db.getClasses().keys()]).toEqual(['ons']);
  expect(db.getSubGraphs().length).toBe(0);
  for (const v of vertices) expect(v.link).toBeUndefined();
  const expected = label === '' ? ' ' : label.replace(/\r\n?/g, '\n');
  expect(fromMermaid(vertices[0]!.text ?? '')).toBe(expected);
  expect(fromMermaid(db.getEdges()[0]!.text ?? '')).toBe(expected);
}
