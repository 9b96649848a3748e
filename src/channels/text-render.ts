// Renders the engine's messages as plain text for channels without buttons (terminal, Zalo):
// options become numbered lines, ticked options show ✓, actions are listed as words to type.
// The engine reads the answers back: "2", "2,5", the option's words, or an action's word.
import type { ChoiceOption, Outbound } from '../conversation/contract.js';
import { renderText, type Translate } from './i18n.js';

function optionLine(t: Translate, option: ChoiceOption, index: number, multi: boolean): string {
  const tick = multi ? (option.selected ? '✓ ' : '☐ ') : '';
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
      if (message.options.length) {
        lines.push(...message.options.map((o, i) => optionLine(t, o, i, message.multi)));
        lines.push(message.multi ? t('render.pickMany') : message.freeText ? t('render.typeOrPick') : t('render.pickOne'));
      }
      if (message.actions?.length) {
        lines.push(t('render.orType', { actions: message.actions.map((a) => renderText(t, a.label)).join(' · ') }));
      }
      return lines.join('\n');
    }
  }
}

/** Several messages as one block of text, separated by blank lines. */
export function renderPlainMessages(messages: readonly Outbound[], t: Translate): string {
  return messages.map((m) => renderPlainMessage(m, t)).join('\n\n');
}
