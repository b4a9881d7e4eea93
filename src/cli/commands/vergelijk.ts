import { regionIds } from '../../outputs.js';
import { COMPARISON_FORMATS, COMPARISON_RENDERERS } from '../../render/compare.js';
import { compareWorkspaces } from '../../scenarios.js';
import { UsageError, type Command } from '../command.js';
import { EXIT_OK, loadForAnalysis, oneOf, pathsOrDefault, requireId } from '../io.js';

export const compareScenarios: Command = {
  name: 'vergelijk',
  aliases: ['compare'],
  args: 'SCENARIO [PAD…]',
  summary: 'wat een scenario verandert: dekking, gaten, hefboompunten, weesenergie, schuifjes, meldingen',
  details: [
    'Vergelijkt de modellen met het scenario (of, met --met, een ander scenario met dit scenario):',
    'per deelvraag de status en reden voor → na, gaten die open- en dichtgaan, hefboompunten en hun',
    'gewicht, nieuwe en verdwenen weesenergie, verschoven schuifjes en meldingen die erbij komen of',
    'weggaan. Alleen wat verschilt wordt genoemd; een lege rubriek zegt "geen".',
  ].join('\n'),
  options: {
    met: { type: 'string', value: 'ANDER', help: 'vergelijk met dit scenario in plaats van met de modellen zonder scenario' },
    regio: { type: 'string', value: 'ID', help: 'alleen deze regio (id uit het regioregister)' },
    format: { type: 'string', value: 'text|json|md', help: 'uitvoer als tekst (standaard), JSON of Markdown' },
  },
  run(io, { values, positionals }) {
    const fmt = oneOf(values['format'], COMPARISON_FORMATS, 'text');
    const [scenario, ...paths] = positionals;
    if (!scenario) throw new UsageError('geef het id van een scenario, bijv. `tocdin vergelijk zor-regionale-vervangingspool-vo`');
    const other = values['met'] as string | undefined;
    if (other === scenario) throw new UsageError('`--met` noemt hetzelfde scenario; vergelijk met een ander scenario, of laat `--met` weg');
    const where = pathsOrDefault(io, paths);
    const textOrJson = fmt === 'json' ? 'json' : 'text';
    const after = loadForAnalysis(io, where, textOrJson, { scenario });
    if (after.code !== EXIT_OK) return after.code;
    const before = loadForAnalysis(io, where, textOrJson, other === undefined ? {} : { scenario: other });
    if (before.code !== EXIT_OK) return before.code;
    const region = values['regio'] as string | undefined;
    if (region !== undefined) requireId(regionIds(after.outcome), region, 'regio');
    io.out(COMPARISON_RENDERERS[fmt](compareWorkspaces(before.outcome, after.outcome, region === undefined ? {} : { regio: region })));
    return EXIT_OK;
  },
};
