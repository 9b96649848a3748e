// Renders the engine's messages for Telegram: HTML text (everything escaped), choices as an inline
// keyboard whose buttons carry "token:value", ticks (✓) on a multi-select's chosen options, and
// long option lists written out in the text with short numbered buttons.
import type { ChoiceOption, Outbound } from '../../conversation/contract.js';
import { renderText, type Translate } from '../i18n.js';
import { encodeCallbackData } from './callback-data.js';
import { escapeHtml } from './html.js';
import { splitHtml } from './split-text.js';

/** One inline keyboard button. */
export interface InlineButton {
  text: string;
  callback_data: string;
}

/** One Bot API message to send: HTML text (with a keyboard) or a photo by file_id. */
export type TelegramMessage =
  | {
      kind: 'text';
      html: string;
      keyboard: InlineButton[][] | null;
      /** The prompt's token when the message carries its buttons. */
      token: string | null;
      /** A multi-select question: a press edits it in place. */
      multi: boolean;
    }
  | { kind: 'photo'; photo: string; caption: string | null };

/** Labels longer than this go into the text, and the button shows a number and the label's start. */
const BUTTON_LABEL_MAX = 32;
/** The Bot API's limit for a photo caption. */
export const CAPTION_MAX = 1024;
const TICK = '✓ ';

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Renders one message as Telegram messages (a long text becomes several; the keyboard goes on the last). */
export function renderTelegramMessage(message: Outbound, t: Translate, onDropped?: (value: string) => void): TelegramMessage[] {
  switch (message.kind) {
    case 'text':
      return textMessages(message.text.map((x) => escapeHtml(renderText(t, x))).join('\n'), null, null, false);
    case 'photo': {
      const caption = (message.caption ?? []).map((x) => escapeHtml(renderText(t, x))).join('\n');
      if (caption.length <= CAPTION_MAX) return [{ kind: 'photo', photo: message.ref, caption: caption || null }];
      return [{ kind: 'photo', photo: message.ref, caption: null }, ...textMessages(caption, null, null, false)];
    }
    case 'choices': {
      const lines = message.text.map((x) => escapeHtml(renderText(t, x)));
      const labels = message.options.map((o) => renderText(t, o.label));
      const listed = message.options.some((o, i) => o.hint || [...labels[i]!].length > BUTTON_LABEL_MAX);
      const tick = (o: ChoiceOption) => (message.multi && o.selected ? TICK : '');
      if (listed) {
        message.options.forEach((o, i) => {
          const hint = o.hint ? ` — <i>${escapeHtml(renderText(t, o.hint))}</i>` : '';
          lines.push(`<b>${i + 1}.</b> ${tick(o)}${escapeHtml(labels[i]!)}${hint}`);
        });
      }
      if (message.multi && message.options.length) lines.push(escapeHtml(t('telegram.pickMany')));
      const rows: InlineButton[][] = [];
      message.options.forEach((o, i) => {
        const text = listed ? `${tick(o)}${i + 1}. ${shorten(labels[i]!, BUTTON_LABEL_MAX)}` : `${tick(o)}${labels[i]}`;
        const data = encodeCallbackData(message.token, o.value);
        if (data) rows.push([{ text, callback_data: data }]);
        else onDropped?.(o.value);
      });
      const actions = (message.actions ?? []).flatMap((a) => {
        const data = encodeCallbackData(message.token, a.value);
        if (!data) onDropped?.(a.value);
        return data ? [{ text: renderText(t, a.label), callback_data: data }] : [];
      });
      if (actions.length) rows.push(actions);
      return textMessages(lines.join('\n'), rows.length ? rows : null, message.token, message.multi);
    }
  }
}

function textMessages(html: string, keyboard: InlineButton[][] | null, token: string | null, multi: boolean): TelegramMessage[] {
  const pieces = splitHtml(html.trim() ? html : '…');
  return pieces.map((piece, i) => {
    const last = i === pieces.length - 1;
    return { kind: 'text', html: piece, keyboard: last ? keyboard : null, token: last ? token : null, multi: last && multi };
  });
}

/** Renders a turn's reply. */
export function renderTelegramMessages(messages: readonly Outbound[], t: Translate, onDropped?: (value: string) => void): TelegramMessage[] {
  return messages.flatMap((m) => renderTelegramMessage(m, t, onDropped));
}
