/**
 * The schuifjes of each DIN in scope: per inspanning the level of cooperation now and the
 * level wanted, how far apart they are, and the counts the diagram's caption gives.
 */
import { COOPERATION_LEVELS, type CooperationLevel } from '../vocabulary/vocabulary.js';
import type { Scope } from './context.js';
import type { Analysis } from './schema.js';

const level = (l: CooperationLevel) => COOPERATION_LEVELS.indexOf(l);

export function sliders(scope: Scope): Analysis['schuifjes'] {
  return scope.dinFiles.map((f) => {
    const rows = f.model.inspanningen.flatMap((s) => (s.schuifjes ? [{ id: s.id, label: s.tekst, nu: s.schuifjes.nu, gewenst: s.schuifjes.gewenst, afstand: level(s.schuifjes.gewenst) - level(s.schuifjes.nu) }] : []));
    return {
      regio: f.model.regio,
      inspanningen: rows,
      zonder_schuifjes: f.model.inspanningen.length - rows.length,
      meer_samenwerking: rows.filter((r) => r.afstand > 0).length,
      gelijk: rows.filter((r) => r.afstand === 0).length,
      minder_samenwerking: rows.filter((r) => r.afstand < 0).length,
      blijft_autonoom: rows.filter((r) => level(r.gewenst) <= level('autonoom')).length,
    };
  });
}
