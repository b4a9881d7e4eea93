/**
 * The public entry point of the tocdin library: load and check models, analyse them, render
 * the results, draw them in Chromium and write them. The CLI is one user of this surface;
 * tests and benchmarks that test the public behaviour import from here too.
 */
export { loadWorkspace, checkWorkspace, FileMemo, type LoadOutcome, type LoadOptions } from './pipeline.js';
export { compareWorkspaces, scenarioDiagramSets, scenarioIds } from './scenarios.js';
export { compare, ComparisonSchema, type Comparison } from './analyse/compare.js';
export type { ScenarioEffect } from './resolve/overlay.js';
export { analyse, prepare, type AnalyseOptions, type AnalysisContext } from './analyse/analyse.js';
export { AnalysisSchema, type Analysis, type CoverageStatus } from './analyse/schema.js';
export { explain, ExplainSchema, type Explanation } from './analyse/paths.js';
export { project, ProjectionSchema, PROJECTION_SECTORS, type Projection, type ProjectionRequest, type ProjectionSector } from './analyse/projection.js';
export { projectionChart, renderProjectionText, renderProjectionJson } from './render/projection.js';
export { RENDERERS, ANALYSE_FORMATS, REPORT_FORMATS, type RenderFormat, type Renderer } from './render/index.js';
export { renderDiagramSet, partsOf, type DiagramSet } from './render/diagrams.js';
export type { Diagram } from './render/mermaid/views.js';
export { BrowserRenderer } from './browser/render.js';
export { findChromium, requireChromium, ChromiumMissingError } from './browser/chromium.js';
export { drawDiagrams, renderPosters, renderWallPosters, type DrawnDiagram, type PosterResult, type WallPoster } from './publish.js';
export {
  analysesFor,
  diagramsFor,
  buildReport,
  projectionFor,
  reportProjections,
  writeBrowserOutputs,
  versionsFor,
  type CheckedWorkspace,
  type Drawable,
  type BrowserOutputRequest,
  type OutputStep,
} from './outputs.js';
export { exportTables, exportTemplate, importWorkbook } from './spreadsheets.js';
export { startWorkshop, WORKSHOP_CSP, type Workshop, type WorkshopOptions, type ReloadTiming } from './workshop-server.js';
export { applyFieldEdit, parseFieldEdit, type FieldEdit, type EditResult } from './workshop/edit.js';
export { writeDiagramSet, writeScenarioDiagramSets, writeSvgs, writeWallPosters, type WriteReport } from './write/diagrams.js';
export { allJsonSchemas } from './write/schemas.js';
export { formatDiagnostic, summarize } from './diagnostics/format.js';
export { sortDiagnostics, hasErrors, type Diagnostic, type Severity } from './diagnostics/diagnostic.js';
export { GLOSSARY, ELEMENT_TYPE_LABEL, type ElementType } from './vocabulary/glossary.js';
export * from './vocabulary/vocabulary.js';
