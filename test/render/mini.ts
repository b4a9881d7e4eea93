/** The mini fixture (hostile labels, one DIN) analysed and drawn as Mermaid: shared by the renderer tests. */
import { join } from 'node:path';
import { analyse } from '../../src/analyse/analyse.js';
import { checkWorkspace } from '../../src/pipeline.js';
import { renderDiagramSet } from '../../src/render/diagrams.js';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'mini');
export const outcome = checkWorkspace(['.'], FIXTURE);
export const national = analyse(outcome.built, { diagnostics: outcome.diagnostics });
export const regional = national.dins.map((d) => analyse(outcome.built, { diagnostics: outcome.diagnostics, regio: d.regio }));
export const set = renderDiagramSet(national, regional);
