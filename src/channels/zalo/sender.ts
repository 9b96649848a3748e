// Sends messages the bot starts to a Zalo chat (people who have talked to the bot): numbered text
// split under 2000 characters, photos by URL; tells the worker what a retry can fix.
import type { Locale } from '../../conversation/contract.js';
import type { ChannelSender, SendResult } from '../../services/delivery.js';
import type { Translate } from '../i18n.js';
import { ZaloApiError, ZaloTokenError, type ZaloApi } from './api-client.js';
import { renderZaloMessages } from './render.js';

/** The Zalo sender over the bot's API client. */
export function createZaloSender(o: { api: ZaloApi; translator: (locale: Locale) => Translate }): ChannelSender {
  return {
    channel: 'zalo',
    async send(chatId, messages, locale): Promise<SendResult> {
      try {
        for (const m of renderZaloMessages(messages, o.translator(locale))) {
          if (m.kind === 'photo') await o.api.sendPhoto(chatId, m.photo, m.caption ?? undefined);
          else await o.api.sendMessage(chatId, m.text);
        }
        return { ok: true };
      } catch (err) {
        if (err instanceof ZaloTokenError) return { ok: false, kind: 'retry', afterMs: 60_000, error: 'token' };
        if (err instanceof ZaloApiError) {
          if (err.errorCode === 429 || err.errorCode >= 500 || err.errorCode < 0) return { ok: false, kind: 'retry', error: String(err.errorCode) };
          return { ok: false, kind: 'failed', error: String(err.errorCode) };
        }
        return { ok: false, kind: 'retry', error: (err as { code?: string }).code ?? 'network' };
      }
    },
  };
}
