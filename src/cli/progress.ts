/**
 * "n van m" on one terminal line while the browser draws; nothing at all in CI or when
 * output is piped, where carriage returns would only fill logs.
 */
import type { Progress } from '../browser/render.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';

export function progressEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env['CI'] && env['TERM'] !== 'dumb';
}

const PHASE = { svg: 'tekenen', pdf: 'afdrukken' } as const;

export function terminalProgress(write: (s: string) => void): Progress & { clear(): void } {
  let shown = false;
  const p = ((e) => {
    if (!e.name) return;
    // The line is written raw (it moves the cursor); the diagram name is the user's text.
    write(`\r\x1b[K${PHASE[e.phase]} ${e.done + 1} van ${e.total}: ${escapeForTerminal(e.name)}`);
    shown = true;
  }) as Progress & { clear(): void };
  p.clear = () => {
    if (shown) write('\r\x1b[K');
    shown = false;
  };
  return p;
}
