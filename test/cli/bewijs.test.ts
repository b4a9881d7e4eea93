/**
 * `tocdin bewijs` end to end on the hand-built register (test/fixtures/engine/bewijs/):
 * the three formats, --fase and --regio, and the usage mistakes (exit 2, never a stack trace).
 */
import { describe, expect, it } from 'vitest';
import { EvidenceSchema } from '../../src/analyse/evidence.js';
import { cli, fixture } from '../fixtures/engine.js';

const dir = fixture('bewijs');

describe('tocdin bewijs', () => {
  it('text: the state per question and deelvraag, the links, the weakest links, the overdue', async () => {
    const r = await cli(['bewijs', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Stand van het bewijs tot en met fase 2025-2\n');
    expect(r.out).toContain('  OV2    tegenstrijdig 0 geen · 2 mager · 0 voldoende · 1 sterk · 1 tegenstrijdig  (dekking: deels)  Tweede vraag\n');
    expect(r.out).toContain('  [sterk] dv-sterk (dekking: deels)\n      b-sterk-1: interviews, sterk, ondersteunt, fase 2025-1 — s1 (b)\n');
    expect(r.out).toContain('  [betwist] matchen → plaatsingen: s-match-1, s-match-2\n');
    expect(r.out).toContain('  [matig] campagnes → instroom: s-aanname (via a-instroom)\n');
    expect(r.out).toContain('  [zwak] werven → campagnes → instroom → kwaliteit\n      zwakste schakel: instroom → kwaliteit\n');
    expect(r.out).toContain('    n-match → matchen: betwist, matchen → plaatsingen\n');
    expect(r.out).toContain('Achterstallig (gepland tot en met fase 2025-2, zonder bevinding)\n  dv-geen (gepland: 2025-1)\n');
  });

  it('json: its own schema, with deelvragen, schakels and aannames', async () => {
    const r = await cli(['bewijs', '.', '--format', 'json', '--fase', '2025-1'], dir);
    expect(r.code).toBe(0);
    const e = EvidenceSchema.parse(JSON.parse(r.out));
    expect(e.fase).toBe('2025-1');
    expect(e.deelvragen.find((d) => d.id === 'dv-later')).toMatchObject({ stand: 'geen', achterstallig: false });
    expect(e.schakels.find((l) => l.van === 'werven')).toMatchObject({ naar: 'campagnes', oordeel: 'sterk' });
    expect(e.aannames.map((a) => [a.id, a.oordeel])).toEqual([['a-campagne', 'ongetoetst'], ['a-instroom', 'matig'], ['a-kwaliteit', 'ongetoetst']]);
  });

  it('md: the report section with both gap maps; a phase after --fase is "later", an empty cell a marked gap', async () => {
    const r = await cli(['bewijs', '.', '--format', 'md', '--fase', '2025-1'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Stand van het bewijs\n');
    expect(r.out).toContain('| vraag | deelvraag | 2025-1 | 2025-2 |');
    expect(r.out).toContain('| OV2 | dv-later | **–** | later |');
    expect(r.out).toContain('| OV1 | dv-mager | **–** | **–** | 2 · sterk | **–** | **–** | **–** | **–** |');
  });

  it('--regio: another region’s findings drop out', async () => {
    const r = await cli(['bewijs', '.', '--regio', 'regio-noord', '--format', 'json'], dir);
    expect(EvidenceSchema.parse(JSON.parse(r.out)).deelvragen.find((d) => d.id === 'dv-zuid')!.stand).toBe('geen');
  });

  it('usage mistakes: exit 2 with the fix, never a stack trace', async () => {
    const badPhase = await cli(['bewijs', '.', '--fase', '2025-3'], dir);
    expect(badPhase.code).toBe(2);
    expect(badPhase.err).toContain('fase `2025-3` klopt niet; schrijf een fase als jaar-halfjaar, bijv. 2025-1');
    const badRegion = await cli(['bewijs', '.', '--regio', 'regio-nord'], dir);
    expect(badRegion.code).toBe(2);
    expect(badRegion.err).toContain('bedoel je `regio-noord`?');
    expect((await cli(['bewijs', '.', '--format', 'html'], dir)).err).toContain('kies text, json, md');
    for (const r of [badPhase, badRegion]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('without a register: it says so, every deelvraag geen, exit 0', async () => {
    const r = await cli(['bewijs', '.'], fixture('lint', 'deelvraag-zonder-bewijs'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Geen bewijsregister in de modellen (models/bewijs/*.yaml): elke deelvraag staat op `geen` en elke schakel is ongetoetst.');
    expect(r.out).toContain('  geen huidige fase: geen register en geen --fase');
  });

  it('validate --fase makes the deelvragen of that phase overdue', async () => {
    const r = await cli(['validate', '.', '--fase', '2025-2'], fixture('lint', 'bewijs-achterstallig'));
    expect(r.out.match(/bewijs-achterstallig/g)).toHaveLength(2);
  });
});
