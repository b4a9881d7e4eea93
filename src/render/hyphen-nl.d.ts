// The `hyphen` package ships no types; this is the one function tocdin uses.
declare module 'hyphen/nl/index.js' {
  const nl: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default nl;
}
