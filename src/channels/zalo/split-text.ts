// Splits text into pieces Zalo accepts (sendMessage takes 1-2000 characters): at line breaks
// when it can, else at the end of a sentence, else between words, and only as a last resort
// inside a word.

/** The Zalo Bot API's limit for a message's text. */
export const ZALO_TEXT_MAX = 2000;

/** Splits `text` into pieces of at most `max` UTF-16 units, none empty. */
export function splitZaloText(text: string, max = ZALO_TEXT_MAX): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces.length ? pieces : ['…'];
}

// The best place to end a piece within the first `max` characters.
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 3);
  const lastMatch = (re: RegExp) => {
    let at = -1;
    for (const m of window.matchAll(re)) if (m.index + m[0].length <= max) at = m.index + m[0].length;
    return at > floor ? at : -1;
  };
  const paragraph = lastMatch(/\n\s*\n/g);
  if (paragraph > 0) return paragraph;
  const line = lastMatch(/\n/g);
  if (line > 0) return line;
  const sentence = lastMatch(/[.!?…](?:["')\]]*)\s+/g);
  if (sentence > 0) return sentence;
  const word = lastMatch(/\s+/g);
  if (word > 0) return word;
  // No boundary: cut, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
