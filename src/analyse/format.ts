/** Ids in a reason, as code, the first few only: reasons are read in a table cell or a box. */
export function idList(ids: readonly string[], max = 4): string {
  return ids.slice(0, max).map((i) => `\`${i}\``).join(', ') + (ids.length > max ? ` en ${ids.length - max} meer` : '');
}
