// Handles one Zalo update end to end: parse it, run the chat turn (which records the event, so a
// redelivery is answered once), render the reply as numbered text and send it.
import type { InboundEvent, Locale } from '../../conversation/contract.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnReply, TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import type { ZaloApi } from './api-client.js';
import { loggableEventName, parseZaloUpdate } from './parse-update.js';
import { renderZaloMessages } from './render.js';
import type { ZaloUpdate } from './wire.js';

/** What the handler needs. */
export interface ZaloHandlerDeps {
  api: ZaloApi;
  turns: TurnService;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
  /** The bot's id: message ids are not promised unique across bots. */
  botId: string;
}

/** Creates the per-update handler; it resolves once the reply is sent. */
export function createZaloUpdateHandler(deps: ZaloHandlerDeps): (update: ZaloUpdate) => Promise<void> {
  return async (update) => {
    const parsed = parseZaloUpdate(update);
    if (parsed.kind === 'ignore') {
      // Acknowledged and left alone: an update the bot cannot use is no reason for a redelivery.
      deps.log.debug('zalo.ignored', { reason: parsed.reason, event: update.message?.message_id ?? null, event_name: loggableEventName(update.event_name) });
      return;
    }
    if (parsed.kind === 'group') {
      // Forms hold personal answers: they run in the private chat with the bot.
      await deps.api
        .sendMessage(parsed.chatId, deps.translator(deps.defaultLocale)('zalo.groupOnly'))
        .catch((err: unknown) => deps.log.warn('zalo.group_reply_failed', { chat: parsed.chatId, code: (err as { code?: string }).code ?? 'UNEXPECTED' }));
      return;
    }
    const event = { ...parsed.event, botId: deps.botId };
    let reply: TurnReply;
    try {
      reply = await deps.turns.handle(event);
    } catch (err) {
      // The turn was not saved: say so; the person's earlier answers are safe.
      deps.log.error('zalo.turn_failed', { event: event.eventId, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      await deps.api.sendMessage(event.chatId, deps.translator(deps.defaultLocale)('zalo.failure')).catch(() => undefined);
      throw err;
    }
    if (reply.kind !== 'reply') {
      deps.log.debug('zalo.not_answered', { event: event.eventId, reason: reply.kind === 'duplicate' ? 'duplicate' : reply.reason });
      return;
    }
    await sendReply(deps, event.chatId, reply);
  };
}

/** Sends a turn's reply; when sending fails the reply is kept for the next delivery of the event. */
async function sendReply(deps: ZaloHandlerDeps, chatId: string, reply: Extract<TurnReply, { kind: 'reply' }>): Promise<void> {
  const t = deps.translator(reply.locale);
  try {
    for (const m of renderZaloMessages(reply.messages, t)) {
      if (m.kind === 'photo') await deps.api.sendPhoto(chatId, m.photo, m.caption ?? undefined);
      else await deps.api.sendMessage(chatId, m.text);
    }
  } catch (err) {
    // Kept for the next delivery of this update, which gets the reply at once.
    await reply.failed();
    throw err;
  }
  reply.delivered();
}

/** How far back a reply that was never delivered is still worth sending at start. */
export const UNDELIVERED_WITHIN_SECONDS = 15 * 60;

/**
 * Sends the replies that were saved with a turn and never delivered: Zalo hands an update out
 * once (there is no offset), so one whose turn was saved by a process that died before sending
 * the reply never comes again, and its sender would wait in silence (and, typing again, answer a
 * question they never saw). Called by the only poller at start, before it takes an update.
 * Resolves with how many were sent; a reply that cannot be sent now stays kept.
 */
export async function sendUndeliveredReplies(deps: ZaloHandlerDeps): Promise<number> {
  let sent = 0;
  for (const kept of await deps.turns.undelivered('zalo', UNDELIVERED_WITHIN_SECONDS)) {
    const event: InboundEvent = { channel: 'zalo', chatId: kept.chatId, userId: kept.userId, eventId: kept.eventId, botId: deps.botId, kind: 'unsupported' };
    try {
      const reply = await deps.turns.handle(event, { orphaned: true });
      if (reply.kind !== 'reply') continue;
      await sendReply(deps, event.chatId, reply);
      sent++;
    } catch (err) {
      deps.log.warn('zalo.undelivered_reply_failed', { event: event.eventId, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
    }
  }
  if (sent) deps.log.info('zalo.undelivered_replies_sent', { count: sent });
  return sent;
}
