// Turns a step's prompt into the message a channel shows, with a fresh token that lets a later
// button press (or a typed "2") be matched to exactly this question.
import type { ChoiceOption, Outbound, Text } from '../contract.js';
import type { Prompt, PromptOption } from './flow.js';

/** The token of the n-th prompt shown: short enough for Telegram's 64-byte callback data. */
export function tokenFor(promptId: string, seq: number): string {
  return `${promptId}.${seq}`;
}

/** The prompt id a token was made for ("criteria.12" -> "criteria"). */
export function promptIdOf(token: string | undefined): string | undefined {
  return token?.slice(0, token.lastIndexOf('.')) || undefined;
}

function toChoice(o: PromptOption, multi: boolean): ChoiceOption {
  const choice: ChoiceOption = { value: o.value, label: o.label };
  if (o.hint) choice.hint = o.hint;
  if (multi) choice.selected = o.selected === true;
  return choice;
}

/** The message for a prompt, with notices (an error, a confirmation) above the question. */
export function promptMessage(prompt: Prompt, token: string, notice: Text[], extraActions: PromptOption[]): Outbound {
  const multi = prompt.input === 'multi';
  const actions = [...(prompt.actions ?? []), ...extraActions.filter((a) => !prompt.options?.some((o) => o.value === a.value))];
  const message: Outbound = {
    kind: 'choices',
    text: [...notice, ...prompt.text],
    options: (prompt.options ?? []).map((o) => toChoice(o, multi)),
    multi,
    token,
  };
  if (actions.length) message.actions = actions.map((a) => toChoice(a, false));
  if (prompt.input === 'text' && message.options.length) message.freeText = true;
  if (prompt.input === 'single' && !message.options.length && !prompt.freeText && actions.length) message.actionsOnly = true;
  return message;
}
