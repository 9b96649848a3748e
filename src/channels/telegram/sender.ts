// Sends messages the bot starts (notices, reminders, broadcasts) to a Telegram chat: rendered
// like replies, on an API client of its own without automatic retries, so the delivery worker
// sees a 429's retry_after and paces itself instead of sleeping inside a send. It also sets a
// person's own command menu when their roles change (the outbox's 'menu' rows).
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { Locale } from '../../conversation/contract.js';
import type { Registry } from '../../conversation/engine/registry.js';
import type { ChannelSender, EditableResult, SendResult } from '../../services/delivery.js';
import type { Translate } from '../i18n.js';
import { botApiFetch } from './bot-api-fetch.js';
import { commandMenu } from './commands.js';
import { renderTelegramMessages } from './render.js';

/** The Telegram sender over its own API client. */
export function createTelegramSender(o: { token: string; apiRoot: string; translator: (locale: Locale) => Translate; registry: Registry }): ChannelSender {
  const api = new Api(o.token, { apiRoot: o.apiRoot, timeoutSeconds: 30, fetch: botApiFetch() });
  return {
    channel: 'telegram',
    async setMenu(chatId, roles): Promise<SendResult> {
      // A private chat's id is the person's user id; the menu is set per chat, in Vietnamese (the
      // default) and English (for a Telegram in English), as the bot's default menu is.
      const scope = { type: 'chat' as const, chat_id: /^-?\d+$/.test(chatId) ? Number(chatId) : chatId };
      try {
        if (!roles.length) {
          await api.deleteMyCommands({ scope });
          await api.deleteMyCommands({ scope, language_code: 'en' });
        } else {
          await api.setMyCommands(commandMenu(o.registry, 'vi', o.translator('vi'), roles), { scope });
          await api.setMyCommands(commandMenu(o.registry, 'en', o.translator('en'), roles), { scope, language_code: 'en' });
        }
        return { ok: true };
      } catch (err) {
        return classify(err);
      }
    },
    async sendFiles(chatId, files): Promise<SendResult> {
      // multipart uploads: documents as files to open, pictures as photos shown in the chat
      try {
        for (const f of files) {
          if (f.kind === 'photo') await api.sendPhoto(chatId, new InputFile(f.bytes, f.name));
          else await api.sendDocument(chatId, new InputFile(f.bytes, f.name));
        }
        return { ok: true };
      } catch (err) {
        return classify(err);
      }
    },
    async sendEditable(chatId, message, locale): Promise<EditableResult> {
      const [m] = renderTelegramMessages([message], o.translator(locale));
      if (!m || m.kind !== 'text') return { ok: false, kind: 'failed', error: 'not a text message' };
      try {
        const sent = await api.sendMessage(chatId, m.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard } } : {}) });
        return { ok: true, messageId: String(sent.message_id) };
      } catch (err) {
        return classify(err) as EditableResult;
      }
    },
    async edit(chatId, messageId, message, locale): Promise<EditableResult> {
      const [m] = renderTelegramMessages([message], o.translator(locale));
      if (!m || m.kind !== 'text') return { ok: false, kind: 'failed', error: 'not a text message' };
      try {
        await api.editMessageText(chatId, Number(messageId), m.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard } } : {}) });
        return { ok: true, messageId };
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 400 && /not modified/.test(err.description)) return { ok: true, messageId };
        if (err instanceof GrammyError && err.error_code === 400 && /not found|can't be edited/.test(err.description)) return { ok: false, kind: 'gone' };
        return classify(err) as EditableResult;
      }
    },
    async send(chatId, messages, locale): Promise<SendResult> {
      try {
        for (const m of renderTelegramMessages(messages, o.translator(locale))) {
          if (m.kind === 'photo') await api.sendPhoto(chatId, m.photo, m.caption ? { caption: m.caption, parse_mode: 'HTML' } : {});
          else
            await api.sendMessage(chatId, m.html, {
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard } } : {}),
            });
        }
        return { ok: true };
      } catch (err) {
        return classify(err);
      }
    },
  };
}

/** What a Bot API error means for a retry. */
export function classify(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    if (err.error_code === 403) return { ok: false, kind: 'unreachable' };
    if (err.error_code === 429) {
      const after = err.parameters?.retry_after;
      return { ok: false, kind: 'retry', ...(after ? { afterMs: after * 1000 } : {}), error: '429' };
    }
    if (err.error_code >= 500) return { ok: false, kind: 'retry', error: String(err.error_code) };
    return { ok: false, kind: 'failed', error: `${err.error_code} ${err.description}`.slice(0, 200) };
  }
  if (err instanceof HttpError) return { ok: false, kind: 'retry', error: 'network' };
  return { ok: false, kind: 'retry', error: (err as { code?: string }).code ?? 'UNEXPECTED' };
}
