// Sends a turn's reply to one chat: edits a multi-select question in place when its button was
// pressed, takes the buttons off questions that are no longer current, and stops at a 403 (the
// person blocked the bot) instead of failing the turn.
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { promptIdOf } from '../../conversation/prompt-view.js';
import type { TelegramMessage } from './render.js';

/** What happened to a reply. */
export type SendOutcome = { ok: true } | { ok: false; reason: 'unreachable' };

// The last message with live buttons per chat, to take them off when the next question comes.
// Cosmetic only: after a restart the old buttons stay, and the engine answers them as stale.
const REMEMBERED_CHATS = 10_000;

function markup(keyboard: TelegramMessage & { kind: 'text' }): InlineKeyboardMarkup | undefined {
  return keyboard.keyboard ? { inline_keyboard: keyboard.keyboard } : undefined;
}

/** A 403 from the Bot API: blocked by the user, user deactivated, or kicked from the chat. */
export function isUnreachableError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}

/** Sends replies for every chat, remembering each chat's live keyboard. */
export class ReplySender {
  private readonly live = new Map<string, number>();

  constructor(private readonly api: Api) {}

  /**
   * Sends `messages` to `chatId`. `pressed` is the message whose button started the turn and
   * `pressedToken` the token it carried: a multi-select question asked again is edited there.
   */
  async send(chatId: string, messages: TelegramMessage[], pressed?: { messageId: number | null; token: string | null }): Promise<SendOutcome> {
    try {
      const only = messages.length === 1 ? messages[0] : undefined;
      if (
        only?.kind === 'text' &&
        only.multi &&
        pressed?.messageId &&
        pressed.token &&
        only.token &&
        promptIdOf(pressed.token) === promptIdOf(only.token) &&
        (await this.editInPlace(chatId, pressed.messageId, only))
      ) {
        this.remember(chatId, pressed.messageId);
        return { ok: true };
      }
      await this.clearKeyboards(chatId, pressed?.messageId ?? null);
      for (const m of messages) {
        if (m.kind === 'photo') {
          await this.api.sendPhoto(chatId, m.photo, m.caption ? { caption: m.caption, parse_mode: 'HTML' } : {});
          continue;
        }
        const reply_markup = markup(m);
        const sent = await this.api.sendMessage(chatId, m.html, { parse_mode: 'HTML', ...(reply_markup ? { reply_markup } : {}), link_preview_options: { is_disabled: true } });
        if (reply_markup) this.remember(chatId, sent.message_id);
      }
      return { ok: true };
    } catch (err) {
      if (isUnreachableError(err)) {
        this.live.delete(chatId);
        return { ok: false, reason: 'unreachable' };
      }
      throw err;
    }
  }

  private async editInPlace(chatId: string, messageId: number, m: TelegramMessage & { kind: 'text' }): Promise<boolean> {
    try {
      await this.api.editMessageText(chatId, messageId, m.html, { parse_mode: 'HTML', reply_markup: markup(m) ?? { inline_keyboard: [] } });
      return true;
    } catch (err) {
      if (err instanceof GrammyError && /not modified/i.test(err.description)) return true;
      if (isUnreachableError(err)) throw err;
      return false;
    }
  }

  // Takes the buttons off the pressed message and off the chat's last question: they are stale now.
  private async clearKeyboards(chatId: string, pressed: number | null): Promise<void> {
    const ids = new Set([pressed, this.live.get(chatId) ?? null].filter((id): id is number => id !== null));
    this.live.delete(chatId);
    for (const id of ids) {
      try {
        await this.api.editMessageReplyMarkup(chatId, id, { reply_markup: { inline_keyboard: [] } });
      } catch (err) {
        if (isUnreachableError(err)) throw err;
        // Too old to edit, already without buttons, deleted: nothing to tidy.
      }
    }
  }

  private remember(chatId: string, messageId: number): void {
    this.live.delete(chatId);
    this.live.set(chatId, messageId);
    if (this.live.size > REMEMBERED_CHATS) this.live.delete(this.live.keys().next().value!);
  }
}
