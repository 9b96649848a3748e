// Who is nominated and what they did: the name (checked against nominations already made in the
// same campaign and unit), the offer to support an existing one, and the description of deeds.
import { DEEDS_MAX, DEEDS_MIN, NAME_MAX, NAME_MIN } from '../../../domain/limits.js';
import { collectiveName, personName } from '../../../domain/names.js';
import { charCount, cleanInput, foldVietnamese, hasLetters } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { StepContext, StepDef, StepResult } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';
import { readAnswers } from './answers.js';
import { unitById } from './catalog-view.js';
import { similarFound, similarRequest, type SimilarNomination } from './data.js';
import { ENDORSED } from './replies.js';

/** The value of the name question's quick answer (see quickAnswer). */
const QUICK_NAME = 'quick_name';

/**
 * The one-tap answer offered with the name question, looked up for duplicates like a typed name:
 * the name given before the unit was changed (it must be checked in the new unit), or, for a
 * collective, its unit's own name.
 */
function quickAnswer(cx: StepContext): { name: string; hint: Text; recheck: boolean } | null {
  const a = readAnswers(cx.answers);
  if (a.name !== undefined && a.nameKind === nomineeKind(cx) && a.nameUnit !== a.unitId) {
    return { name: a.name, hint: msg('nomination.name.keepName'), recheck: true };
  }
  const unit = nomineeKind(cx) === 'collective' ? unitById(cx.catalog, a.unitId) : undefined;
  return unit ? { name: unit.name, hint: msg('nomination.name.useUnitName'), recheck: false } : null;
}

function nomineeKind(cx: StepContext) {
  return readAnswers(cx.answers).kind ?? 'individual';
}

/**
 * Checks a nominee's name: length and letters; returns the name as it is written on paper (a
 * person's words capitalised, a collective's first letter) or why it is refused.
 */
export function checkName(input: string, kind: 'individual' | 'collective' = 'individual'): { ok: true; name: string } | { ok: false; reason: Text } {
  const cleaned = cleanInput(input);
  const name = kind === 'collective' ? collectiveName(cleaned) : personName(cleaned);
  const count = charCount(name);
  if (!count) return { ok: false, reason: msg('form.empty') };
  if (!hasLetters(name)) return { ok: false, reason: msg('nomination.name.needsLetters') };
  if (count < NAME_MIN) return { ok: false, reason: msg('nomination.name.tooShort', { min: NAME_MIN }) };
  if (count > NAME_MAX) return { ok: false, reason: msg('nomination.name.tooLong', { count, max: NAME_MAX }) };
  return { ok: true, name };
}

// Nominations like the name about to be typed (or the quick answer), in the same campaign and unit.
function nameLookup(cx: StepContext) {
  const a = readAnswers(cx.answers);
  if (!a.campaignId || !a.unitId) return undefined;
  return similarRequest(a.campaignId, a.unitId, quickAnswer(cx)?.name);
}

// What the look-up found, without the nomination being edited (it is "similar" to itself).
function others(cx: StepContext, found: SimilarNomination[]): SimilarNomination[] {
  const editing = readAnswers(cx.answers).editOf;
  return editing ? found.filter((m) => m.id !== editing.id) : found;
}

function matchesOf(cx: StepContext): SimilarNomination[] {
  return Array.isArray(cx.scratch.matches) ? (cx.scratch.matches as SimilarNomination[]) : [];
}

/** The nominee's full name, or the collective's name (a collective may take its unit's name in one tap). */
export const nameStep: StepDef = {
  id: 'name',
  answered: (cx) => {
    const a = readAnswers(cx.answers);
    return a.name !== undefined && a.nameKind === nomineeKind(cx) && a.nameUnit === a.unitId;
  },
  lookup: (cx) => nameLookup(cx),
  prompt: (cx) => {
    const collective = nomineeKind(cx) === 'collective';
    const quick = quickAnswer(cx);
    const ask = collective ? msg('nomination.name.askCollective') : msg('nomination.name.askIndividual');
    return {
      text: quick?.recheck ? [msg('nomination.name.recheck'), ask] : [ask],
      input: 'text',
      freeText: true,
      options: quick ? [{ value: QUICK_NAME, label: raw(quick.name), hint: quick.hint }] : [],
    };
  },
  help: (cx) => [nomineeKind(cx) === 'collective' ? msg('nomination.name.helpCollective') : msg('nomination.name.helpIndividual')],
  accept: (input, cx) => {
    const kind = nomineeKind(cx);
    const quick = quickAnswer(cx);
    if (input.kind === 'option' && input.value === QUICK_NAME && quick) {
      // The loader looked the quick answer up as it did the typed text.
      const matches = others(cx, similarFound(cx, nameLookup(cx)).quickMatches);
      const set = { name: quick.name, nameKind: kind, nameUnit: readAnswers(cx.answers).unitId };
      return matches.length ? { type: 'answer', set, goto: 'duplicate', scratch: { matches } } : { type: 'answer', set };
    }
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('nomination.name.typeIt')] };
    const checked = checkName(input.text, kind);
    if (!checked.ok) return { type: 'invalid', reason: [checked.reason] };
    const matches = others(cx, similarFound(cx, nameLookup(cx)).matches);
    const set = { name: checked.name, nameKind: kind, nameUnit: readAnswers(cx.answers).unitId };
    return matches.length ? { type: 'answer', set, goto: 'duplicate', scratch: { matches } } : { type: 'answer', set };
  },
};

/** Shown when similar nominations exist: support one of them, or go on with a different nominee. */
export const duplicateStep: StepDef = {
  id: 'duplicate',
  transient: true,
  when: () => false,
  answered: () => true,
  prompt: (cx) => {
    const matches = matchesOf(cx);
    const lines: Text[] = matches.map((m) => {
      const params = { code: m.code, name: m.nomineeName, count: m.endorsements };
      if (m.mine) return msg('nomination.duplicate.lineMine', params);
      if (m.endorsedByMe) return msg('nomination.duplicate.lineEndorsed', params);
      return msg('nomination.duplicate.line', params);
    });
    const supportable = matches.filter((m) => !m.mine && !m.endorsedByMe);
    return {
      text: [msg('nomination.duplicate.intro'), ...lines, supportable.length ? msg('nomination.duplicate.ask') : msg('nomination.duplicate.askContinue')],
      input: 'single',
      options: [
        ...supportable.map((m) => ({
          value: `endorse:${m.id}`,
          label: msg('nomination.duplicate.support', { code: m.code, name: m.nomineeName }),
          // "ung ho" names the one to support; with several it asks which
          words: [m.code.toLowerCase(), 'ung ho', 'ung ho de cu', 'support', 'endorse'],
        })),
        {
          value: 'continue',
          label: msg('nomination.duplicate.different'),
          words: ['khac', 'nguoi khac', 'tiep tuc', 'different', 'continue', 'other'],
        },
      ],
    };
  },
  help: () => [msg('nomination.duplicate.help')],
  accept: (input, cx): StepResult => {
    if (input.kind === 'option' && input.value === 'continue') return { type: 'answer', set: {} };
    if (input.kind === 'option' && input.value.startsWith('endorse:')) {
      const id = input.value.slice('endorse:'.length);
      const match = matchesOf(cx).find((m) => m.id === id && !m.mine);
      if (match) return { type: 'finish', effect: { type: 'endorse', nominationId: match.id }, render: ENDORSED };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** Checks the description of deeds: letters and length bounds; returns the cleaned text or why not. */
export function checkDeeds(input: string): { ok: true; deeds: string } | { ok: false; reason: Text } {
  const deeds = cleanInput(input, { multiline: true });
  const count = charCount(deeds);
  if (!count) return { ok: false, reason: msg('form.empty') };
  if (count > DEEDS_MAX) return { ok: false, reason: msg('nomination.deeds.tooLong', { count, max: DEEDS_MAX }) };
  if (!hasLetters(deeds)) return { ok: false, reason: msg('nomination.deeds.needsLetters') };
  if (count < DEEDS_MIN) return { ok: false, reason: msg('nomination.deeds.tooShort', { count, min: DEEDS_MIN }) };
  return { ok: true, deeds };
}

/** What the nominee did, in the nominator's words (asked again when the nominee's kind changes). */
export const deedsStep: StepDef = {
  id: 'deeds',
  answered: (cx) => {
    const a = readAnswers(cx.answers);
    return a.deeds !== undefined && (a.deedsKind === undefined || a.deedsKind === nomineeKind(cx));
  },
  prompt: (cx) => {
    const name = readAnswers(cx.answers).name ?? '';
    const ask = nomineeKind(cx) === 'collective' ? msg('nomination.deeds.askCollective', { name }) : msg('nomination.deeds.askIndividual', { name });
    return { text: [ask], input: 'text' };
  },
  help: () => [msg('nomination.deeds.help', { min: DEEDS_MIN, max: DEEDS_MAX })],
  accept: (input, cx) => {
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('nomination.deeds.typeIt')] };
    // The name sent twice in a row (a double tap, a resend on a slow connection) arrives here as
    // the description; a long name used to pass the length check and was kept as the deeds.
    const name = readAnswers(cx.answers).name;
    if (name && foldVietnamese(cleanInput(input.text)) === foldVietnamese(name)) {
      return { type: 'invalid', reason: [msg('nomination.deeds.sameAsName', { name })] };
    }
    const checked = checkDeeds(input.text);
    return checked.ok ? { type: 'answer', set: { deeds: checked.deeds, deedsKind: nomineeKind(cx) } } : { type: 'invalid', reason: [checked.reason] };
  },
};
