import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../fixtures/cli.js';

const ROOT = join(import.meta.dirname, '../..');

describe('tocdin workshop: arguments', () => {
  it('refuses a port that is not a number or does not exist, before starting anything', async () => {
    const a = await runCli(['workshop', '--poort', 'acht'], ROOT);
    expect(a.code).toBe(2);
    expect(a.err).toContain('poort `acht` is geen getal; kies bijv. --poort 8080');
    const b = await runCli(['workshop', '--poort', '70000'], ROOT);
    expect(b.code).toBe(2);
    expect(b.err).toContain('poort 70000 bestaat niet; kies een getal tot 65535');
  });

  it('is in the help with its options', async () => {
    const r = await runCli(['workshop', '--help'], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Gebruik: tocdin workshop [PAD…] [opties]');
    expect(r.out).toContain('--regio ID');
    expect(r.out).toContain('--poort N');
  });
});
