/**
 * Issue 16, points 3 and 5, on the DIN view of the mini fixture (regio-a: two ER-doelen, a
 * concreet doel feeding both, a concreet doel without indicator, an inspanning of UWV, and
 * an inspanning that contributes to nothing: weesenergie).
 * - drawn bottom to top, so the ambitie is on top (the browser test measures it in Chromium);
 * - every element on the whole DIN; split per ER-doel, each element in the parts where it has
 *   a line, the weesenergie in a part "zonder ER-doel", parts that differ and captions that
 *   count the part;
 * - gaps named by kind in the label; another party's inspanning stays a parallelogram;
 * - counts in Dutch that read right, and words instead of code names.
 */
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../src/render/index.js';
import { decodeLabel } from '../../src/render/mermaid/builder.js';
import { dinView } from '../../src/render/mermaid/views.js';
import { renderText } from '../../src/render/text.js';
import { national, set } from '../fixtures/mini.js';

const din = national.dins.find((d) => d.regio === 'regio-a')!;

/** The node labels of a diagram, decoded, by first line. */
function nodeFirstLines(mermaid: string): string[] {
  return [...mermaid.matchAll(/^\s*n\d+[[(/{]+"([^"]*)"/gm)].map((m) => decodeLabel(m[1]!).split('\n')[0]!);
}

/** The full decoded label of the node whose first line starts with `start`. */
function labelOf(mermaid: string, start: string): string {
  for (const m of mermaid.matchAll(/^\s*n\d+[[(/{]+"([^"]*)"/gm)) {
    const text = decodeLabel(m[1]!);
    if (text.startsWith(start)) return text.replace(/\s+/g, ' ');
  }
  throw new Error(`geen knoop ${start}`);
}

const first = (label: string) => decodeLabel(label).split('\n')[0]!.slice(0, 12);

describe('DIN: boven naar beneden, heel', () => {
  const [whole] = dinView(national, 'regio-a');

  it('is drawn bottom to top, with the contributions pointing up', () => {
    expect(whole!.mermaid).toMatch(/^flowchart BT$/m);
  });

  it('shows every element of the DIN, the weesenergie inspanning included', () => {
    const nodes = nodeFirstLines(whole!.mermaid);
    for (const e of [din.ambitie, ...din.er_doelen, ...din.concrete_doelen, ...din.inspanningen]) expect(nodes.some((n) => n.startsWith(first(e.label))), e.id).toBe(true);
    expect(din.weesenergie.map((w) => w.id)).toEqual(['a-los']);
  });

  it('names each kind of gap with a word, and says weesenergie once', () => {
    expect(labelOf(whole!.mermaid, 'Doel zonder indicator')).toContain('GAT: geen indicator');
    const los = labelOf(whole!.mermaid, 'Losse inspanning');
    expect(los).toContain('WEESENERGIE: draagt aan geen concreet doel bij');
    expect(los).not.toContain('GAT');
    expect(los.match(/draagt aan geen concreet doel bij/g)).toHaveLength(1);
  });

  it('the caption counts in Dutch that reads right, weesenergie once (not also as a gap)', () => {
    expect(whole!.caption).toBe('2 ER-doelen, 2 concrete doelen, 3 inspanningen; 1 hefboom-inspanning, 1 gat, 1 inspanning met weesenergie.');
  });
});

describe('DIN in delen per ER-doel', () => {
  const parts = dinView(national, 'regio-a', { split: true });

  it('one part per ER-doel and one for what reaches no ER-doel', () => {
    expect(parts.map((p) => p.name)).toEqual(['din-regio-a-deel-1', 'din-regio-a-deel-2', 'din-regio-a-deel-3']);
    expect(parts[2]!.title).toMatch(/deel 3: zonder ER-doel$/);
    expect(parts.every((p) => p.deelVan === 'din-regio-a')).toBe(true);
  });

  it('each element is in the parts where it has a line, and the parts differ', () => {
    const has = (i: number, start: string) => nodeFirstLines(parts[i]!.mermaid).some((n) => n.startsWith(start));
    // a-cd-zonder feeds only "Beter behoud": not in the part of "Meer instroom".
    expect(has(0, 'Doel zonder indicator')).toBe(false);
    expect(has(1, 'Doel zonder indicator')).toBe(true);
    // The weesenergie inspanning has no line to any ER-doel: only in the last part.
    expect([0, 1, 2].map((i) => has(i, 'Losse inspanning'))).toEqual([false, false, true]);
    expect(has(2, 'Regionaal loket')).toBe(false);
    expect(new Set(parts.map((p) => p.mermaid.split('\n').slice(3).join('\n'))).size).toBe(3);
    // Every element of the DIN is in some part.
    const all = parts.flatMap((p) => nodeFirstLines(p.mermaid));
    for (const e of [...din.er_doelen, ...din.concrete_doelen, ...din.inspanningen]) expect(all.some((n) => n.startsWith(first(e.label))), e.id).toBe(true);
  });

  it('every caption counts its own part', () => {
    expect(parts.map((p) => p.caption)).toEqual([
      '1 ER-doel, 1 concreet doel, 2 inspanningen; 1 hefboom-inspanning, 0 gaten, 0 inspanningen met weesenergie.',
      '1 ER-doel, 2 concrete doelen, 2 inspanningen; 1 hefboom-inspanning, 1 gat, 0 inspanningen met weesenergie.',
      '0 ER-doelen, 0 concrete doelen, 1 inspanning; 0 hefboom-inspanningen, 0 gaten, 1 inspanning met weesenergie.',
    ]);
  });
});

describe('een inspanning van een andere partij blijft een parallellogram', () => {
  it('also when it is a hefboom and has a gap', () => {
    const uwv = din.inspanningen.find((s) => s.id === 'a-uwv')!;
    const marked = {
      ...national,
      dins: national.dins.map((d) =>
        d.regio !== 'regio-a'
          ? d
          : {
              ...d,
              hefboom_inspanningen: [...d.hefboom_inspanningen, { id: uwv.id, gewicht: 2, onbekende_sterkte: 0, concrete_doelen: 2, er_doelen: 2 }],
              weesenergie: [...d.weesenergie, { id: uwv.id, reden: 'test' }],
            },
      ),
    };
    const [whole] = dinView(marked, 'regio-a');
    const line = whole!.mermaid.split('\n').find((l) => /^\s*n\d+\[\/"Voorlichting door UWV/.test(l));
    expect(line).toMatch(/\[\/".*"\/\]/);
    expect(decodeLabel(line!.match(/"(.*)"/)![1]!)).toMatch(/WEESENERGIE: test\nHEFBOOM$/);
  });
});

describe('Nederlands dat klopt in wat mensen lezen', () => {
  const texts = {
    text: renderText(national),
    md: RENDERERS.md(national),
    index: set.files.find((f) => f.name === 'README.md')!.content,
  };
  it.each(Object.entries(texts))('%s: no "1" before a plural, no code names of levels or functions', (_name, text) => {
    expect(text).not.toMatch(/(?<![\d.,])1 (ER-doelen|concrete doelen|inspanningen|hefboom-inspanningen|gaten|deelvragen|indicatoren|databronnen|aannames|regio’s|fouten|waarschuwingen)\b/);
    expect(text).not.toMatch(/niet-handelen|kennis-delen|anders-organiseren/);
  });

  it('the report and the text use one apostrophe, the typographic one of the models and seeds (’), in what they generate', () => {
    expect(texts.text).toContain('1 regio zonder DIN');
    // A Dutch plural or contraction with an ASCII apostrophe (regio's, DIN's, 't) would be the other one.
    for (const t of [texts.text, texts.md, texts.index]) expect(t).not.toMatch(/\p{L}'s\b|\s't\s/u);
    expect(texts.md).toMatch(/regio’s/);
  });
});
