// Handles one Telegram update end to end: parse it, run the chat turn, render and send the reply,
// answer the button's callback query (always, so the client stops its spinner), and record a
// block or an unblock.
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Locale, Outbound } from '../../conversation/contract.js';
import { startPayload } from '../../conversation/start-link.js';
import type { MemberStore } from '../../db/member-store.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import { parseUpdate } from './parse-update.js';
import { renderTelegramMessages } from './render.js';
import type { ReplySender } from './reply-sender.js';

/** What the handler needs. */
export interface UpdateHandlerDeps {
  api: Api;
  turns: TurnService;
  members: MemberStore;
  sender: ReplySender;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
  /** The bot's @username, for commands addressed to another bot and links to the private chat. */
  botUsername: () => string;
}

const STALE_NOTICES = new Set(['form.staleButton', 'form.staleButtonNoForm']);

/** Whether the engine answered a stale button (its reply starts with the stale notice). */
export function answersStaleButton(messages: readonly Outbound[]): boolean {
  const first = messages[0];
  return !!first && first.kind !== 'photo' && first.text.some((x) => 'key' in x && STALE_NOTICES.has(x.key));
}

function localeOf(hint: string | undefined, fallback: Locale): Locale {
  if (!hint) return fallback;
  return hint.toLowerCase().startsWith('en') ? 'en' : hint.toLowerCase().startsWith('vi') ? 'vi' : fallback;
}

/** Creates the per-update handler. */
export function createUpdateHandler(deps: UpdateHandlerDeps): (update: Update) => Promise<void> {
  const answer = async (callbackId: string, text?: string) => {
    try {
      await deps.api.answerCallbackQuery(callbackId, text ? { text } : {});
    } catch {
      // Too old (over 15 minutes) or answered already: the client has given up its spinner.
    }
  };

  const markUnreachable = async (userId: string) => {
    deps.log.info('telegram.unreachable', { user: userId });
    await deps.members.setReachable('telegram', userId, false);
  };

  return async (update) => {
    const parsed = parseUpdate(update, deps.botUsername());
    switch (parsed.kind) {
      case 'ignore':
        return;
      case 'reachability':
        deps.log.info('telegram.reachability', { user: parsed.userId, reachable: parsed.reachable });
        await deps.members.setReachable('telegram', parsed.userId, parsed.reachable);
        return;
      case 'group': {
        const t = deps.translator(localeOf(parsed.languageHint, deps.defaultLocale));
        if (parsed.callbackId) return answer(parsed.callbackId, t('telegram.groupToast'));
        const link = `https://t.me/${deps.botUsername()}?start=${startPayload({})}`;
        await deps.api
          .sendMessage(parsed.chatId, t('telegram.groupOnly', { link }), { link_preview_options: { is_disabled: true } })
          // Removed from the group or not allowed to write there: nothing to do.
          .catch((err: unknown) => deps.log.warn('telegram.group_reply_failed', { chat: parsed.chatId, code: (err as { error_code?: number }).error_code ?? 'UNEXPECTED' }));
        return;
      }
      case 'event':
        break;
    }
    const { event, callback } = parsed;
    let answered = !callback;
    const answerOnce = async (text?: string) => {
      if (answered || !callback) return;
      answered = true;
      await answer(callback.id, text);
    };
    try {
      let reply: Awaited<ReturnType<TurnService['handle']>>;
      try {
        reply = await deps.turns.handle(event);
      } catch (err) {
        // The turn was not saved: say so; the person's earlier answers are safe.
        deps.log.error('telegram.turn_failed', { event: event.eventId, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        const t = deps.translator(localeOf(event.languageHint, deps.defaultLocale));
        await deps.api.sendMessage(event.chatId, t('telegram.failure')).catch(() => undefined);
        throw err;
      }
      if (reply.kind === 'duplicate') {
        deps.log.debug('telegram.duplicate', { event: event.eventId });
        return;
      }
      const t = deps.translator(reply.locale);
      const rendered = renderTelegramMessages(reply.messages, t, (value) =>
        deps.log.warn('telegram.button_dropped', { event: event.eventId, bytes: Buffer.byteLength(value) }),
      );
      // Answer the button first: its toast should not wait for the messages.
      await answerOnce(callback && answersStaleButton(reply.messages) ? t('telegram.staleToast') : undefined);
      const pressed = callback ? { messageId: callback.messageId, token: event.choice?.token ?? null } : undefined;
      const sent = await deps.sender.send(event.chatId, rendered, pressed);
      if (!sent.ok) await markUnreachable(event.userId);
    } finally {
      await answerOnce();
    }
  };
}
