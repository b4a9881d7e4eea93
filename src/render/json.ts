import type { Analysis } from '../analyse/schema.js';
import { escapeForTerminal } from '../diagnostics/terminal.js';

/**
 * Stable JSON: key order follows the schema-built object, arrays are in analysis order.
 * Invisible and control characters from the models are written as `\uXXXX` escapes (JSON
 * escapes C0 itself, not bidi overrides or zero-width characters): same value, visible.
 */
export function renderJson(a: Analysis): string {
  return escapeForTerminal(JSON.stringify(a, null, 2)) + '\n';
}
