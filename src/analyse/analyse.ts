/**
 * Stage 6: graph → analysis result (plain JSON, validated against AnalysisSchema). The
 * sections are separate modules over one prepared, frozen context (context.ts): coverage,
 * the DIN structure, schuifjes, matrices, the beleidsmodel and the summary. To analyse the
 * nation and several regions, prepare once and pass the context to each call.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuiltGraph } from '../graph/build.js';
import { beleidsmodel } from './beleidsmodel.js';
import { isPrepared, prepare, scopeOf, type AnalysisContext } from './context.js';
import { coverage, indicators } from './coverage.js';
import { dins } from './din.js';
import { evidence } from './evidence.js';
import { matrices } from './matrices.js';
import { AnalysisSchema, type Analysis } from './schema.js';
import { sliders } from './schuifjes.js';
import { register, summary } from './summary.js';

export { prepare, type AnalysisContext } from './context.js';

export interface AnalyseOptions {
  regio?: string;
  diagnostics?: readonly Diagnostic[];
  /** The phase for the state of evidence (`--fase`); default the latest phase in the register. */
  fase?: string;
}

export function analyse(input: BuiltGraph | AnalysisContext, opts: AnalyseOptions = {}): Analysis {
  const ctx = isPrepared(input) ? input : prepare(input);
  const scope = scopeOf(ctx, opts.regio);
  const cov = coverage(ctx, scope);
  const result: Analysis = {
    versie: 1,
    regio_filter: opts.regio ?? null,
    samenvatting: summary(ctx, opts.diagnostics ?? []),
    beleidsmodel: beleidsmodel(ctx),
    dekking: cov.dekking,
    indicatoren: indicators(ctx),
    matrices: matrices(ctx, scope, cov),
    dins: dins(ctx, scope),
    schuifjes: sliders(scope),
    ...register(ctx),
    bewijs: evidence(ctx.built, { ...(opts.fase ? { fase: opts.fase } : {}), ...(opts.regio ? { regio: opts.regio } : {}), coverage: new Map([...cov.dekking.deelvragen, ...cov.dekking.onderzoeksvragen].map((d) => [d.id, d.status])) }),
  };
  // The schema is the contract with every renderer: check it here, once.
  return AnalysisSchema.parse(result);
}
