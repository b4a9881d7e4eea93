/**
 * What every page tocdin hands to a browser shares: the fonts (Debian's packages install
 * them; they are embedded in every PDF and named in every drawing) and the
 * Content-Security-Policy (no scripts, nothing remote; inline styles and data: images only).
 */
export const FONT_STACK = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
