import type { Analysis } from '../analyse/schema.js';

/** Stable JSON: key order follows the schema-built object, arrays are in analysis order. */
export function renderJson(a: Analysis): string {
  return JSON.stringify(a, null, 2) + '\n';
}
