// Matches what arrived (a button, typed text, a photo) against the question on screen, before the
// step judges it: stale buttons, numbers out of range and photos where text is expected stop here.
import { ellipsize } from '../../domain/text.js';
import { foldAnswer, matchAction, matchChoice, matchWords, type ChoiceMatch } from './choice-input.js';
import type { ConversationState, Text } from '../contract.js';
import type { Prompt, StepInput } from './flow.js';
import type { Intent } from './intents.js';
import { msg } from './messages.js';

/** The input for the step, a global action chosen by button, or why there is none. */
export type ReadInput =
  | { type: 'input'; input: StepInput }
  | { type: 'global'; name: 'back' | 'cancel' }
  | { type: 'stale' }
  | { type: 'problem'; reason: Text[] };

/** Explains a typed answer that picked no option. */
export function choiceProblem(match: ChoiceMatch, typed: string): Text[] {
  if (match.ok) return [];
  switch (match.problem) {
    case 'out_of_range':
      return [msg('choice.outOfRange', { number: match.number, max: match.max })];
    case 'several':
      return [msg('choice.onlyOne')];
    case 'ambiguous':
      return [msg('choice.ambiguous', { input: ellipsize(typed, 40) })];
    case 'no_options':
      return [msg('choice.pickFromList')];
    default:
      return [msg('choice.noMatch', { input: ellipsize(typed, 40) })];
  }
}

// Typed on a multi-select: "2, 5" or words tick, "bo 2" / "bo <words>" unticks.
const UNTICK = /^(?:bo chon|bo tich|bo|untick|remove)\s+(.+)$/;

function readTicks(text: string, prompt: Prompt, state: ConversationState): ReadInput {
  const options = prompt.options ?? [];
  const folded = foldAnswer(text);
  const untick = UNTICK.exec(folded);
  const named = untick ? untick[1]! : text;
  if (/^\d/.test(foldAnswer(named)) && listChanged(prompt, state)) return { type: 'problem', reason: [msg('choice.listChanged')] };
  const match = matchChoice(named, options, true);
  if (!match.ok) return { type: 'problem', reason: choiceProblem(match, named) };
  return { type: 'input', input: { kind: 'tick', values: match.values, untick: untick !== null } };
}

function listChanged(prompt: Prompt, state: ConversationState): boolean {
  const values = (prompt.options ?? []).map((o) => o.value);
  return !!state.view && !sameValues(state.view.values, values) && !prompt.freeText;
}

function sameValues(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Reads one intent against the prompt shown (the state's view holds its token and values). */
export function readInput(intent: Intent, prompt: Prompt, state: ConversationState): ReadInput {
  const options = prompt.options ?? [];
  const actions = prompt.actions ?? [];
  const multi = prompt.input === 'multi';
  switch (intent.type) {
    case 'choice': {
      if (!state.view || intent.token !== state.view.token) return { type: 'stale' };
      if (intent.value === 'back' || intent.value === 'cancel') {
        if (!options.some((o) => o.value === intent.value)) return { type: 'global', name: intent.value };
      }
      if (actions.some((a) => a.value === intent.value)) return { type: 'input', input: { kind: 'action', value: intent.value } };
      if (!options.some((o) => o.value === intent.value)) return { type: 'stale' };
      return { type: 'input', input: multi ? { kind: 'toggle', values: [intent.value] } : { kind: 'option', value: intent.value } };
    }
    case 'photo':
      return prompt.input === 'photo'
        ? { type: 'input', input: { kind: 'photo', ref: intent.ref } }
        : { type: 'problem', reason: [msg('form.photoNotExpected')] };
    case 'text': {
      if (!intent.text.trim()) return { type: 'problem', reason: [msg('form.empty')] };
      const action = matchAction(intent.text, actions);
      if (action) return { type: 'input', input: { kind: 'action', value: action.value } };
      const hidden = prompt.hiddenOptions ?? [];
      const folded = foldAnswer(intent.text);
      // A shortcut named exactly ("sua ten") wins over a listed option it merely contains ("sua").
      const shortcut = hidden.length ? matchWords(folded, hidden, true) : null;
      if (shortcut && shortcut !== 'ambiguous') return { type: 'input', input: { kind: 'option', value: shortcut.value, text: intent.text } };
      if (multi) return readTicks(intent.text, prompt, state);
      if (!options.length && !hidden.length) return { type: 'input', input: { kind: 'text', text: intent.text } };
      // Numbers refer to the list the person saw: if it changed since, ask again rather than guess.
      if (/^\d/.test(folded) && listChanged(prompt, state)) return { type: 'problem', reason: [msg('choice.listChanged')] };
      const match = options.length ? matchChoice(intent.text, options, false, prompt.input === 'text') : ({ ok: false, problem: 'no_match' } as const);
      if (match.ok) return { type: 'input', input: { kind: 'option', value: match.values[0]!, text: intent.text } };
      if (prompt.freeText || prompt.input === 'text') return { type: 'input', input: { kind: 'text', text: intent.text, unmatched: match } };
      // Where nothing is typed freely, a shortcut may be named loosely too ("ca nhn").
      const loose = hidden.length && !/^\d/.test(folded) ? matchWords(folded, hidden) : null;
      if (loose && loose !== 'ambiguous') return { type: 'input', input: { kind: 'option', value: loose.value, text: intent.text } };
      return { type: 'problem', reason: choiceProblem(match, intent.text) };
    }
    default:
      return { type: 'problem', reason: [msg('form.unsupported')] };
  }
}
