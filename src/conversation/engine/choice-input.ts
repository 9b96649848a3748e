// Matches a typed answer against the options shown: numbers ("2", "2,5", "2 5"), or the option's
// words with or without diacritics, an unambiguous start of them, without spaces ("canhan"), or
// with a typo or two ("nguoi tot viec tt").
import { foldVietnamese } from '../../domain/text.js';
import { editDistance, typosAllowed } from '../../domain/typos.js';
import type { PromptOption } from './flow.js';

/** Which options a typed answer picks, or why it picks none. */
export type ChoiceMatch =
  | { ok: true; values: string[] }
  | { ok: false; problem: 'out_of_range'; number: number; max: number }
  | { ok: false; problem: 'several' }
  | { ok: false; problem: 'ambiguous' }
  | { ok: false; problem: 'no_match' }
  | { ok: false; problem: 'no_options' };

const NUMBER_LIST = /^\d{1,6}(?:\s*[,;\s]\s*\d{1,6})*$/;

/** Folds typed text for matching: no diacritics, no trailing punctuation, no "so"/"chon" in front. */
export function foldAnswer(text: string): string {
  return foldVietnamese(text)
    .replace(/[.!?]+$/, '')
    .replace(/^(?:chon|so|option|number|no\.)\s+/, '')
    .trim();
}

/** The folded phrases that select an option: its own words, else its name when shown as data. */
export function optionWords(option: PromptOption): string[] {
  const own = option.words ?? [];
  const label = 'raw' in option.label ? [foldAnswer(option.label.raw)] : [];
  return [...own.map(foldAnswer), ...label].filter(Boolean);
}

/**
 * Resolves a typed answer to option values (one for a single choice; toggles for a multi choice).
 * `exact` is for free-text questions with quick answers (a collective's name): there a typed name
 * that merely contains an option's words is the person's own answer, not the option.
 */
export function matchChoice(text: string, options: readonly PromptOption[], multi: boolean, exact = false): ChoiceMatch {
  if (!options.length) return { ok: false, problem: 'no_options' };
  const folded = foldAnswer(text);
  if (NUMBER_LIST.test(folded)) {
    const numbers = [...new Set(folded.split(/[\s,;]+/).map(Number))];
    if (!multi && numbers.length > 1) return { ok: false, problem: 'several' };
    const bad = numbers.find((n) => n < 1 || n > options.length);
    if (bad !== undefined) return { ok: false, problem: 'out_of_range', number: bad, max: options.length };
    return { ok: true, values: numbers.map((n) => options[n - 1]!.value) };
  }
  const found = matchWords(folded, options, exact);
  if (found === 'ambiguous') return { ok: false, problem: 'ambiguous' };
  return found ? { ok: true, values: [found.value] } : { ok: false, problem: 'no_match' };
}

// Letters and digits only, single-spaced: "nguoi lao dong, nguoi tot" -> "nguoi lao dong nguoi tot".
function plain(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Finds the one option whose words the folded text names: exactly, by a start, as whole words
 * inside them, without spaces, or (last) with a typo or two; two options equally close are
 * 'ambiguous'. `exact` (free text with quick answers) accepts the exact words only.
 */
export function matchWords(folded: string, options: readonly PromptOption[], exact = false): PromptOption | 'ambiguous' | null {
  const typed = plain(folded);
  if (!typed) return null;
  const squeezed = typed.replace(/ /g, '');
  const tiers: ((word: string) => boolean)[] = [
    (w) => w === typed,
    (w) => !exact && typed.length >= 2 && w.startsWith(typed),
    (w) => !exact && typed.length >= 3 && ` ${w} `.includes(` ${typed} `),
    (w) => !exact && w.length >= 3 && ` ${typed} `.includes(` ${w} `),
    (w) => !exact && squeezed.length >= 4 && w.replace(/ /g, '') === squeezed,
  ];
  for (const test of tiers) {
    const hits = options.filter((o) => optionWords(o).some((w) => test(plain(w))));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return 'ambiguous';
  }
  return exact ? null : closest(squeezed, options);
}

const digitsOf = (text: string) => (text.match(/\d+/g) ?? []).join(' ');

// The option whose words are fewest typos away from the typed text, within what its length allows;
// numbers are never "typos" ("to 4" is not "To 3").
function closest(squeezed: string, options: readonly PromptOption[]): PromptOption | 'ambiguous' | null {
  const max = typosAllowed([...squeezed.replace(/\d/g, '')].length);
  if (!max) return null;
  const digits = digitsOf(squeezed);
  let best = max + 1;
  let found: PromptOption[] = [];
  for (const o of options) {
    const words = optionWords(o).map((w) => plain(w).replace(/ /g, '')).filter((w) => digitsOf(w) === digits);
    const d = Math.min(max + 1, ...words.map((w) => editDistance(squeezed, w, max)));
    if (d < best) [best, found] = [d, [o]];
    else if (d === best && d <= max) found.push(o);
  }
  if (best > max || !found.length) return null;
  return found.length === 1 ? found[0]! : 'ambiguous';
}

/** Finds an action (done, skip...) named exactly by the typed text. */
export function matchAction(text: string, actions: readonly PromptOption[]): PromptOption | null {
  // Letters and digits only on both sides: the label as shown ("trang sau ›") is typed as it reads.
  const folded = plain(foldAnswer(text));
  return actions.find((a) => optionWords(a).some((w) => plain(w) === folded)) ?? null;
}
