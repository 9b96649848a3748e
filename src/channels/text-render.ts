// Renders the engine's messages as plain text for channels without buttons (terminal, Zalo):
// options become numbered lines (✓ on ticked ones once something is ticked), and the step's own
// actions are named as words to type ("Hoac go “bo qua”"). "Back" and "cancel" are typed words
// that every question takes: the form's first message and the help say so, not every question.
import type { ChoiceOption, Outbound } from '../conversation/contract.js';
import { COMMAND_TOKEN } from '../conversation/engine/registry.js';
import { renderText, type Translate } from './i18n.js';

/** The action values every form question carries; typed as words, they need no line of their own. */
const ALWAYS_TYPED = new Set(['back', 'cancel']);

function optionLine(t: Translate, option: ChoiceOption, index: number, ticks: boolean): string {
  const tick = ticks ? (option.selected ? '✓ ' : '☐ ') : '';
  const hint = option.hint ? ` — ${renderText(t, option.hint)}` : '';
  return `${index + 1}. ${tick}${renderText(t, option.label)}${hint}`;
}

/** One message as plain text. */
export function renderPlainMessage(message: Outbound, t: Translate): string {
  switch (message.kind) {
    case 'text':
      return message.text.map((x) => renderText(t, x)).join('\n');
    case 'photo':
      return [t('render.photo', { ref: message.ref }), ...(message.caption ?? []).map((x) => renderText(t, x))].join('\n');
    case 'choices': {
      const lines = message.text.map((x) => renderText(t, x));
      // A notice's buttons stand for commands: without buttons, say what to type.
      if (message.token === COMMAND_TOKEN) {
        lines.push(...message.options.map((o) => t('render.command', { label: renderText(t, o.label), command: o.value })));
        return lines.join('\n');
      }
      if (message.options.length) {
        const ticks = message.multi && message.options.some((o) => o.selected);
        lines.push(...message.options.map((o, i) => optionLine(t, o, i, ticks)));
        lines.push(message.multi ? t('render.pickMany') : message.freeText ? t('render.typeOrPick') : t('render.pickOne'));
      }
      const actions = (message.actions ?? []).filter((a) => !ALWAYS_TYPED.has(a.value));
      if (actions.length) {
        const words = actions.map((a) => t('render.word', { word: renderText(t, a.label).toLocaleLowerCase() })).join(t('render.or'));
        // "Or type: back or cancel" beside other answers; "Type: yes or no" when only they answer.
        lines.push(message.actionsOnly ? t('render.typeOneOf', { actions: words }) : t('render.orType', { actions: words }));
      }
      return lines.join('\n');
    }
  }
}

/** Several messages as one block of text, separated by blank lines. */
export function renderPlainMessages(messages: readonly Outbound[], t: Translate): string {
  return messages.map((m) => renderPlainMessage(m, t)).join('\n\n');
}
