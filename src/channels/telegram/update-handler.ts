// Handles one Telegram update end to end: parse it, run the chat turn, render and send the reply,
// answer the button's callback query (always, so the client stops its spinner), and record a
// block or an unblock. In webhook mode the callback's answer rides in the response to Telegram's
// POST (Telegram runs one method given there), so a press costs one call, not two; when the
// update fails it is answered by a call of its own, since Telegram ignores the body of a 5xx.
import type { Api } from 'grammy';
import type { Locale, Outbound } from '../../conversation/contract.js';
import { startPayload } from '../../conversation/capabilities/nomination/start-link.js';
import type { MemberStore } from '../../db/member-store.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import { parseUpdate, updateIdOf } from './parse-update.js';
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
  /** The bot's id: update ids are unique per bot only. */
  botId: () => string;
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

/**
 * The answer to a webhook POST, filled by the handler: the one method Telegram is to run with it
 * (null: a plain 200).
 */
export interface WebhookAnswer {
  method: ({ method: 'answerCallbackQuery'; callback_query_id: string; text?: string }) | null;
}

/** Handles one update; `webhook` is given in webhook mode, where the callback's answer goes. */
export type UpdateHandler = (update: unknown, webhook?: WebhookAnswer) => Promise<void>;

/** Creates the per-update handler. */
export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const answerByCall = async (callbackId: string, text?: string) => {
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

  return async (update, webhook) => {
    const answer = async (callbackId: string, text?: string) => {
      if (webhook && !webhook.method) {
        webhook.method = { method: 'answerCallbackQuery', callback_query_id: callbackId, ...(text ? { text } : {}) };
        return;
      }
      await answerByCall(callbackId, text);
    };
    const parsed = parseUpdate(update, deps.botUsername());
    switch (parsed.kind) {
      case 'ignore':
        // Acknowledged and left alone: an update the bot cannot use is no reason for a redelivery.
        deps.log.debug('telegram.ignored', { update: updateIdOf(update), reason: parsed.reason });
        return;
      case 'dismiss':
        deps.log.debug('telegram.ignored', { update: updateIdOf(update), reason: parsed.reason });
        return answer(parsed.callbackId);
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
    const { callback } = parsed;
    const event = { ...parsed.event, botId: deps.botId() };
    let answered = !callback;
    let failed = false;
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
      if (reply.kind !== 'reply') {
        // Answered before (its button too), or a chat that is not this person's.
        deps.log.debug('telegram.not_answered', { event: event.eventId, reason: reply.kind === 'duplicate' ? 'duplicate' : reply.reason });
        if (reply.kind === 'duplicate') answered = true;
        return;
      }
      // A redelivered event whose reply was never sent: its button was answered the first time.
      if (reply.redelivery) answered = true;
      const t = deps.translator(reply.locale);
      const rendered = renderTelegramMessages(reply.messages, t, (value) =>
        deps.log.warn('telegram.button_dropped', { event: event.eventId, bytes: Buffer.byteLength(value) }),
      );
      // Answer the button first (by call): its toast should not wait for the messages. In webhook
      // mode the answer waits for the response instead, a few milliseconds later.
      await answerOnce(callback && answersStaleButton(reply.messages) ? t('telegram.staleToast') : undefined);
      const pressed = callback ? { message: callback.message, token: event.choice?.token ?? null } : undefined;
      let sent: Awaited<ReturnType<ReplySender['send']>>;
      try {
        sent = await deps.sender.send(event.chatId, rendered, pressed);
      } catch (err) {
        // Kept for the platform's next delivery of this update, which gets the reply at once.
        await reply.failed();
        throw err;
      }
      if (!sent.ok) await markUnreachable(event.userId);
      // Sent, or never sendable (blocked): either way the kept reply is done with.
      reply.delivered();
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      if (!failed) {
        await answerOnce();
      } else if (webhook?.method) {
        // A failure is answered 5xx, whose body Telegram ignores: the answer waiting there goes by call.
        const waiting = webhook.method;
        webhook.method = null;
        await answerByCall(waiting.callback_query_id, waiting.text);
      } else if (!answered && callback) {
        answered = true;
        await answerByCall(callback.id);
      }
    }
  };
}
