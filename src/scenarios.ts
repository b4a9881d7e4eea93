/**
 * What `tocdin vergelijk` is made of: two checked workspaces (the models and a scenario, or
 * two scenarios), each analysed for the same scope, and the pure comparison of the two
 * results (src/analyse/compare.ts). The CLI loads both with `--scenario` semantics and prints.
 */
import { analyse } from './analyse/analyse.js';
import type { Analysis } from './analyse/schema.js';
import { checkWorkspace } from './pipeline.js';
import { renderScenarioSet, type DiagramSet } from './render/diagrams.js';
import { compare, type Comparison, type ComparisonSide, type LintFinding } from './analyse/compare.js';
import { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
import { scenarioProjection, scenarioProjectionChart, type CheckedWorkspace } from './outputs.js';
import { elementChanges } from './resolve/overlay.js';

/** One side of a comparison: which scenario (null: none), its name and what it builds on. */
export function sideOf(checked: CheckedWorkspace): ComparisonSide {
  const s = checked.scenario;
  if (!s) return { scenario: null, naam: 'de modellen zonder scenario', bouwt_op: [] };
  return { scenario: s.id, naam: checked.workspace.elements.get(s.id)?.label ?? s.id, bouwt_op: s.chain.slice(0, -1) };
}

/**
 * The lint findings of one side: of the models as that side makes them. Findings in the
 * files of scenarios the side does not apply (every scenario is checked, always) are not
 * part of it.
 */
function lintFindings(checked: CheckedWorkspace): LintFinding[] {
  const applied = new Set(checked.scenario?.chain ?? []);
  const elsewhere = new Set(checked.workspace.files.filter((f) => f.kind === 'scenario' && !applied.has(f.model.id)).map((f) => f.source.path));
  return checked.diagnostics
    .filter((d) => DIAGNOSTIC_CODES[d.code].stage === 'lint' && !elsewhere.has(d.file))
    .map((d) => ({ code: d.code, ernst: d.severity, bericht: d.message, plek: `${d.file}:${d.line}` }));
}

/** The difference between `before` and `after`, nationally or for one region. */
export function compareWorkspaces(before: CheckedWorkspace, after: CheckedWorkspace, opts: { regio?: string } = {}): Comparison {
  const scope = opts.regio ? { regio: opts.regio } : {};
  const comparison = compare(analyse(before.built, { diagnostics: before.diagnostics, ...scope }), analyse(after.built, { diagnostics: after.diagnostics, ...scope }), {
    voor: sideOf(before),
    na: sideOf(after),
    elementen: elementChanges(before.workspace, after.workspace, opts.regio),
    meldingen: { voor: lintFindings(before), na: lintFindings(after) },
  });
  // A scenario with levers (`projectie:`) also shows the shortage projection it makes.
  const projectie = scenarioProjection(after, scope);
  return projectie ? { ...comparison, projectie } : comparison;
}

/** The first line of a command's text output under `--scenario`: which scenario the reader is looking at. */
export function scenarioNote(checked: CheckedWorkspace): string {
  const side = sideOf(checked);
  if (side.scenario === null) return '';
  return `Scenario ${side.scenario} (${side.naam})${side.bouwt_op.length ? `, bovenop ${side.bouwt_op.join(' → ')}` : ''}: het model zoals het scenario het maakt; de modelbestanden zelf veranderen niet.\n\n`;
}

/** The scenario ids of a checked workspace, sorted. */
export function scenarioIds(checked: CheckedWorkspace): string[] {
  return [...checked.workspace.elements.values()].filter((e) => e.type === 'scenario').map((e) => e.id).sort();
}

/**
 * The diagram set of every scenario in the workspace (`render` writes each under
 * `diagrams/scenarios/<id>/`): the models with the scenario applied, analysed, and the DINs it
 * changes drawn with the changes marked. `national` is the analysis of the models without one.
 */
export function scenarioDiagramSets(paths: readonly string[], cwd: string, base: CheckedWorkspace, national: Analysis): { id: string; set: DiagramSet }[] {
  return scenarioIds(base).map((id) => {
    const checked = checkWorkspace(paths, cwd, { scenario: id });
    const after = analyse(checked.built, { diagnostics: checked.diagnostics });
    const changes = elementChanges(base.workspace, checked.workspace);
    const regions = [...new Set([...changes.toegevoegd, ...changes.verwijderd, ...changes.gewijzigd].map((e) => e.regio).filter((r): r is string => r !== null))]
      .filter((r) => after.dins.some((d) => d.regio === r) && national.dins.some((d) => d.regio === r))
      .sort();
    const set = renderScenarioSet({
      id,
      naam: sideOf(checked).naam,
      before: national,
      after,
      added: new Set(changes.toegevoegd.map((e) => e.id)),
      changed: new Map(changes.gewijzigd.map((e) => [e.id, e.velden] as const)),
      removed: new Set(changes.verwijderd.map((e) => e.id)),
      regions,
      projectie: scenarioProjectionChart(checked),
    });
    return { id, set };
  });
}
