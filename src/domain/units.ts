// Finding a unit (to dan pho, lang, co quan...) from a few typed words, with or without diacritics.
import { foldVietnamese } from './text.js';

/** The least a unit needs for matching: its kind and its name. */
export interface NamedUnit<K extends string = string> {
  kind: K;
  name: string;
}

// Short forms people type for the words in unit names (already folded).
const ABBREVIATIONS: Record<string, string[]> = {
  tdp: ['to', 'dan', 'pho'],
  kdc: ['khu', 'dan', 'cu'],
  ubnd: ['uy', 'ban', 'nhan', 'dan'],
};
// Filler words that do not narrow anything ("to so 3" means "to 3").
const FILLER = new Set(['so']);

/** Splits folded text into word and number tokens ("tdp3" -> tdp, 3), expanding abbreviations. */
export function unitTokens(text: string): string[] {
  const spaced = foldVietnamese(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .trim();
  if (!spaced) return [];
  return spaced.split(' ').flatMap((token) => ABBREVIATIONS[token] ?? [token]);
}

// The tokens and folded form of a unit's name. Unit names come from the ward's catalog (a few
// dozen), yet narrowing re-derived them for every unit on every unit-step turn: the benchmark
// showed this among the engine's largest costs. Kept by name; the bound only guards against
// an unexpected flood of names.
const nameCache = new Map<string, { tokens: readonly string[]; folded: string }>();
function unitName(name: string): { tokens: readonly string[]; folded: string } {
  let hit = nameCache.get(name);
  if (!hit) {
    if (nameCache.size >= 10_000) nameCache.clear();
    hit = { tokens: unitTokens(name), folded: foldVietnamese(name) };
    nameCache.set(name, hit);
  }
  return hit;
}

function isNumber(token: string): boolean {
  return /^\d+$/.test(token);
}

// A number must equal a whole number in the name ("3" is not "13"); a word may be the start of one.
function tokenMatches(query: string, name: string): boolean {
  if (isNumber(query)) return isNumber(name) && Number(query) === Number(name);
  return !isNumber(name) && name.startsWith(query);
}

/** Narrows units to those matching every typed word, exact name first; `kinds` (if non-empty) limits the unit kinds. */
export function narrowUnits<U extends NamedUnit>(units: readonly U[], query: string, kinds: readonly string[] = []): U[] {
  const allowed = kinds.length ? units.filter((u) => kinds.includes(u.kind)) : [...units];
  const wanted = unitTokens(query).filter((t) => !FILLER.has(t));
  if (!wanted.length) return [];
  const folded = foldVietnamese(query);
  const ranked: { unit: U; rank: number; index: number }[] = [];
  allowed.forEach((unit, index) => {
    const { tokens: nameTokens, folded: nameFolded } = unitName(unit.name);
    if (!wanted.every((w) => nameTokens.some((n) => tokenMatches(w, n)))) return;
    const exact = nameFolded === folded || nameTokens.join(' ') === wanted.join(' ');
    // Whole-word matches rank above prefix matches ("lang ia" prefers "Lang Ia ..." to "Lang Iaxyz").
    const whole = wanted.every((w) => nameTokens.includes(w));
    ranked.push({ unit, rank: exact ? 0 : whole ? 1 : 2, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.unit);
}

/** The unit whose name is exactly what was typed (diacritics and abbreviations aside), if any. */
export function exactUnit<U extends NamedUnit>(units: readonly U[], query: string, kinds: readonly string[] = []): U | undefined {
  const wanted = unitTokens(query).join(' ');
  if (!wanted) return undefined;
  return units.find((u) => (!kinds.length || kinds.includes(u.kind)) && unitName(u.name).tokens.join(' ') === wanted);
}
