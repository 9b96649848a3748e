// Account link codes: 8 characters from an alphabet without look-alikes (no 0/O, no 1/I/L), about
// 8.5e11 codes; shown as two groups of four ("K7QM-4TXP") and read back in any case, with or
// without the dash or spaces. The database draws them from the same alphabet.

/** The characters a code is made of. */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const CODE = /^[2-9A-HJKMNP-Z]{8}$/;

/** Reads a code as typed ("k7qm-4txp", "K7QM 4TXP", "k7qm4txp") into "K7QM4TXP"; null when it is none. */
export function parseLinkCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-\u2010-\u2015._]/g, '');
  return CODE.test(compact) ? compact : null;
}

/** Whether the words after "lien ket" are meant as a code (8 letters or digits, maybe in two groups). */
export function looksLikeLinkCode(folded: string): boolean {
  return /^[a-z0-9]{4}[\s\-\u2010-\u2015._]?[a-z0-9]{4}$/i.test(folded.trim());
}

/** A code as shown to people: "K7QM-4TXP". */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
