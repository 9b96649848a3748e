// Matches what arrived (a button, typed text, a photo) against the question on screen, before the
// step judges it: stale buttons, numbers out of range and photos where text is expected stop here.
import { ellipsize } from '../domain/text.js';
import { foldAnswer, matchAction, matchChoice, type ChoiceMatch } from './choice-input.js';
import type { ConversationState, Text } from './contract.js';
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
      if (!options.length) return { type: 'input', input: { kind: 'text', text: intent.text } };
      // Numbers refer to the list the person saw: if it changed since, ask again rather than guess.
      const values = options.map((o) => o.value);
      if (/^\d/.test(foldAnswer(intent.text)) && state.view && !sameValues(state.view.values, values) && !prompt.freeText) {
        return { type: 'problem', reason: [msg('choice.listChanged')] };
      }
      const match = matchChoice(intent.text, options, multi, prompt.input === 'text');
      if (match.ok) {
        return { type: 'input', input: multi ? { kind: 'toggle', values: match.values } : { kind: 'option', value: match.values[0]! } };
      }
      if (prompt.freeText || prompt.input === 'text') return { type: 'input', input: { kind: 'text', text: intent.text, unmatched: match } };
      return { type: 'problem', reason: choiceProblem(match, intent.text) };
    }
    default:
      return { type: 'problem', reason: [msg('form.unsupported')] };
  }
}
