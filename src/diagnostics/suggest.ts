import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean …": the closest known name, if it is close enough to be a plausible typo
 * (a third of the length, at least 2 edits) or shares a prefix/suffix with the input.
 */
export function suggest(input: string, known: readonly string[]): string | undefined {
  if (known.length === 0 || input.length === 0) return undefined;
  const lower = input.toLowerCase();
  const best = closest(lower, known as string[]);
  const d = distance(lower, best.toLowerCase());
  if (d <= Math.max(2, Math.floor(best.length / 3))) return best;
  const contained = known.filter((k) => k.includes(lower) || (lower.length >= 4 && lower.includes(k)));
  if (contained.length > 0) return [...contained].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  return undefined;
}

export function didYouMean(input: string, known: readonly string[]): string | undefined {
  const s = suggest(input, known);
  return s ? `bedoel je \`${s}\`?` : undefined;
}
