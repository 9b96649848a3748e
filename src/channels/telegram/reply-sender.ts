// Sends a turn's reply to one chat: edits a multi-select question in place when its button was
// pressed, and stops at a 403 (the person blocked the bot) instead of failing the turn. It never
// asks Telegram for an edit that changes nothing (Telegram refuses it with 400 "message is not
// modified"): the pressed message comes with its current text and keyboard, and the bot compares
// before it edits. Buttons of earlier questions are left as they are (taking them off cost a call
// per turn): a press on one is answered as stale, with the current question again.
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { promptIdOf } from '../../conversation/engine/prompt-view.js';
import type { PressedMessage, ShownButton } from './parse-update.js';
import type { InlineButton, TelegramMessage } from './render.js';

/** What happened to a reply. */
export type SendOutcome = { ok: true } | { ok: false; reason: 'unreachable' };

function markup(keyboard: TelegramMessage & { kind: 'text' }): InlineKeyboardMarkup | undefined {
  return keyboard.keyboard ? { inline_keyboard: keyboard.keyboard } : undefined;
}

/** The text Telegram shows for the bot's HTML (the bot writes only tags and the escapes of html.ts). */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function sameKeyboard(shown: readonly (readonly ShownButton[])[], wanted: readonly (readonly InlineButton[])[] | null): boolean {
  const plain = (rows: readonly (readonly ShownButton[])[]) => JSON.stringify(rows.map((row) => row.map((b) => [b.text, b.callback_data ?? null])));
  return plain(shown) === plain(wanted ?? []);
}

/** A 403 from the Bot API: blocked by the user, user deactivated, or kicked from the chat. */
export function isUnreachableError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}

/** Sends replies for every chat. */
export class ReplySender {
  constructor(private readonly api: Api) {}

  /**
   * Sends `messages` to `chatId`. `pressed` is the message whose button started the turn, as
   * Telegram shows it now, and the token the button carried: a multi-select question asked
   * again is edited there.
   */
  async send(chatId: string, messages: TelegramMessage[], pressed?: { message: PressedMessage | null; token: string | null }): Promise<SendOutcome> {
    try {
      const only = messages.length === 1 ? messages[0] : undefined;
      const on = pressed?.message ?? null;
      if (
        only?.kind === 'text' &&
        only.multi &&
        on &&
        pressed?.token &&
        only.token &&
        promptIdOf(pressed.token) === promptIdOf(only.token) &&
        (await this.editInPlace(chatId, on, only))
      ) {
        return { ok: true };
      }
      for (const m of messages) {
        if (m.kind === 'photo') {
          await this.api.sendPhoto(chatId, m.photo, m.caption ? { caption: m.caption, parse_mode: 'HTML' } : {});
          continue;
        }
        const reply_markup = markup(m);
        await this.api.sendMessage(chatId, m.html, { parse_mode: 'HTML', ...(reply_markup ? { reply_markup } : {}), link_preview_options: { is_disabled: true } });
      }
      return { ok: true };
    } catch (err) {
      if (isUnreachableError(err)) return { ok: false, reason: 'unreachable' };
      throw err;
    }
  }

  private async editInPlace(chatId: string, on: PressedMessage, m: TelegramMessage & { kind: 'text' }): Promise<boolean> {
    // Already showing exactly this (a press that changed nothing): an edit would be refused.
    if (on.text !== null && on.text.trim() === visibleText(m.html).trim() && sameKeyboard(on.keyboard, m.keyboard)) return true;
    try {
      await this.api.editMessageText(chatId, on.messageId, m.html, { parse_mode: 'HTML', reply_markup: markup(m) ?? { inline_keyboard: [] } });
      return true;
    } catch (err) {
      if (err instanceof GrammyError && /not modified/i.test(err.description)) return true;
      if (isUnreachableError(err)) throw err;
      return false;
    }
  }
}
