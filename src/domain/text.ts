// Text helpers shared by every rule that compares what people type with what the ward stores.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Control characters except tab and newline: noise from terminals and copy-paste.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;
const LETTER = /\p{L}/u;

/** Folded texts, most of them the catalogue's labels that every choice is matched against again. */
const folded = new Map<string, string>();
const FOLDED_MAX = 4096;

/** Lower-cases and strips Vietnamese diacritics so "To dan pho" and "to dan pho" compare equal (same as SQL vn_fold). */
export function foldVietnamese(input: string): string {
  let out = folded.get(input);
  if (out === undefined) {
    out = fold(input);
    // A bounded memo: typed answers pass through it too, so it forgets when full.
    if (folded.size >= FOLDED_MAX) folded.clear();
    if (input.length <= 512) folded.set(input, out);
  }
  return out;
}

function fold(input: string): string {
  return input
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\u0111/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the text has at least one letter (rejects emoji-only, digits-only or punctuation-only answers). */
export function hasLetters(input: string): boolean {
  return LETTER.test(input);
}

/** Cleans typed input: NFC, no control characters, spaces collapsed; `multiline` keeps line breaks (deeds). */
export function cleanInput(input: string, options: { multiline?: boolean } = {}): string {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
  if (!options.multiline) return text.replace(/\s+/g, ' ').trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Counts characters as people (and Postgres char_length) do: code points, not UTF-16 units. */
export function charCount(input: string): number {
  return [...input].length;
}

/** Shortens text for quoting it back in a message ("you typed ..."). */
export function ellipsize(input: string, max: number): string {
  const chars = [...input];
  return chars.length <= max ? input : `${chars.slice(0, max - 1).join('')}…`;
}
