/**
 * Dutch that reads right in every count people read: "1 ER-doel", "2 ER-doelen", "0 gaten".
 * One helper, so a count can never again say "1 inspanningen".
 */

/** `n` with the singular for exactly one and the plural otherwise (Dutch uses the plural for 0). */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}
