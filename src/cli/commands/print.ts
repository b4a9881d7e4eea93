/**
 * How the diagram outputs are told to the user: the Mermaid set, then each browser step as
 * the library reports it. Shared by `start` and `render`.
 */
import { join } from 'node:path';
import type { DiagramSet } from '../../render/diagrams.js';
import { MAX_TILES, WALL_PT } from '../../render/poster.js';
import { SCENARIO_DIR, type OutputStep } from '../../outputs.js';
import { writeDiagramSet, writeScenarioDiagramSets } from '../../write/diagrams.js';
import type { Inputs } from '../../write/guard.js';
import { EXIT_MODEL, EXIT_OK, pt, seconds, type Io } from '../io.js';
import { aantal } from '../../render/dutch.js';

export function printOversized(io: Io, set: DiagramSet): void {
  for (const o of set.oversized) io.err(`tocdin: diagram ${o.name} is te groot (${o.chars} tekens, ${o.edges} verbindingen) en kon niet verder worden gesplitst\n`);
}

export async function writeMermaid(io: Io, outDir: string, set: DiagramSet, check: boolean, inputs: Inputs): Promise<number> {
  const report = await writeDiagramSet(outDir, set, { check, inputs });
  for (const s of set.splits) io.out(`gesplitst: ${s.view} in ${s.parts} delen (te groot voor één diagram)\n`);
  if (check) {
    if (report.differing.length) {
      io.out(`diagrammen in ${outDir} passen niet bij de modellen:\n${report.differing.map((f) => `  ${f}`).join('\n')}\nWerk ze bij met \`npx tocdin render\`.\n`);
      return EXIT_MODEL;
    }
    io.out(`diagrammen in ${outDir} zijn actueel (${report.unchanged.length} bestanden)\n`);
    return EXIT_OK;
  }
  const largest = [...set.diagrams].sort((a, b) => b.mermaid.length - a.mermaid.length)[0];
  io.out(`diagrammen: ${report.written.length} geschreven, ${report.unchanged.length} ongewijzigd, ${report.removed.length} verwijderd in ${outDir}\n`);
  if (largest) io.out(`grootste diagram: ${largest.name} (${largest.mermaid.length} tekens, ${largest.edges} verbindingen)\n`);
  io.out(`bekijk ze in ${join(outDir, 'README.md')} (GitHub en GitLab tonen de diagrammen direct)\n`);
  return EXIT_OK;
}

export function printStep(io: Io, s: OutputStep): void {
  switch (s.step) {
    case 'drawn':
      io.out(`SVG: ${s.total} diagrammen getekend met Chromium (${s.fromCache} uit de cache, ${s.total - s.fromCache} opnieuw) in ${seconds(s.ms)}\n`);
      return;
    case 'svg':
      io.out(`svg: ${s.written.written.length} geschreven, ${s.written.unchanged.length} ongewijzigd, ${s.written.removed.length} verwijderd in ${s.dir}\n`);
      return;
    case 'posters': {
      const { posters } = s;
      const sizes = new Map<string, number>();
      for (const p of [...posters.pages, ...posters.tables]) {
        const k = `${p.size.paper} ${p.size.landscape ? 'liggend' : 'staand'}`;
        sizes.set(k, (sizes.get(k) ?? 0) + 1);
      }
      for (const p of posters.split) io.out(`poster: ${p.view} in ${p.parts} delen (heel zou het op papier te klein zijn om te lezen)\n`);
      for (const c of posters.continued) io.out(`poster: ${c.name} loopt door over ${c.sheets} bladen (zo blijft de tekst minstens 9 pt)\n`);
      io.out(`pdf: ${s.path}, ${posters.pages.length + posters.tables.length} pagina’s (${[...sizes].map(([k, n]) => `${n}× ${k}`).join(', ')}) in ${seconds(s.ms)}\n`);
      const pts = posters.pages.map((p) => p.labelPt).sort((a, b) => a - b);
      const smallest = posters.pages.find((p) => p.labelPt === pts[0]);
      if (smallest) io.out(`tekst in de diagrammen op papier: ${pt(pts[0]!)} tot ${pt(pts[pts.length - 1]!)} (mediaan ${pt(pts[Math.floor(pts.length / 2)]!)}); kleinste: ${smallest.name}\n`);
      return;
    }
    case 'muur': {
      const sheets = s.posters.reduce((n, p) => n + p.tiling.cols * p.tiling.rows, 0);
      const r = s.written;
      io.out(`muurposters: ${s.posters.length} in ${s.dir} (${r.written.length} geschreven, ${r.unchanged.length} ongewijzigd, ${r.removed.length} verwijderd), samen ${sheets} A3-vellen, in ${seconds(s.ms)}\n`);
      for (const p of s.posters) {
        const { cols, rows, labelPt } = p.tiling;
        const note = labelPt < WALL_PT - 1e-9 ? ` — kleiner dan ${pt(WALL_PT)}: op ${MAX_TILES} vellen past het niet groter` : '';
        io.out(`  ${p.name}.pdf: ${cols * rows === 1 ? '1 vel' : `${cols * rows} vellen (${cols} breed, ${rows} hoog)`}, tekst ${pt(labelPt)}${note}\n`);
      }
      return;
    }
    case 'regio': {
      const r = s.written;
      io.out(`regio-pdf: ${s.regios.length} ${s.regios.length === 1 ? 'bestand' : 'bestanden'} in ${s.dir} (${r.written.length} geschreven, ${r.unchanged.length} ongewijzigd, ${r.removed.length} verwijderd; samenvatting op pagina 1) in ${seconds(s.ms)}\n`);
      return;
    }
    case 'werkbladen': {
      const r = s.written;
      const sizes = [...new Set(s.sheets.map((w) => w.size.paper))].join(' of ');
      io.out(`werkbladen: ${s.sheets.length} ${s.sheets.length === 1 ? 'schuifjes-werkblad' : 'schuifjes-werkbladen'} in ${s.dir} (${r.written.length} geschreven, ${r.unchanged.length} ongewijzigd, ${r.removed.length} verwijderd; ${sizes} liggend) in ${seconds(s.ms)}\n`);
      return;
    }
    case 'report':
      io.out(`rapport: ${s.path}\n`);
      return;
  }
}

/** The scenario folders under `diagrams/scenarios/`, one per scenario, with the rules of writeMermaid. */
export async function writeScenarioSets(io: Io, outDir: string, sets: readonly { id: string; set: DiagramSet }[], check: boolean, inputs: Inputs, partial = false): Promise<number> {
  const where = join(outDir, SCENARIO_DIR);
  const report = await writeScenarioDiagramSets(where, sets, { check, inputs, partial });
  if (check) {
    if (report.differing.length) {
      io.out(`scenariodiagrammen in ${where} passen niet bij de modellen en scenario’s:\n${report.differing.map((f) => `  ${join(SCENARIO_DIR, f)}`).join('\n')}\nWerk ze bij met \`npx tocdin render\`.\n`);
      return EXIT_MODEL;
    }
    if (sets.length) io.out(`scenariodiagrammen in ${where} zijn actueel (${aantal(sets.length, 'scenario', "scenario’s")}, ${aantal(report.unchanged.length, 'bestand', 'bestanden')})\n`);
    return EXIT_OK;
  }
  if (sets.length || report.removed.length) {
    io.out(`scenariodiagrammen: ${aantal(sets.length, 'scenario', "scenario’s")} in ${where} (${report.written.length} geschreven, ${report.unchanged.length} ongewijzigd, ${report.removed.length} verwijderd)\n`);
  }
  return EXIT_OK;
}
