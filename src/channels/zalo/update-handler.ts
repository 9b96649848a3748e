// Handles one Zalo update end to end: parse it, run the chat turn (which records the event, so a
// redelivery is answered once), render the reply as numbered text and send it.
import type { Locale } from '../../conversation/contract.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import type { ZaloApi } from './api-client.js';
import { parseZaloUpdate } from './parse-update.js';
import { renderZaloMessages } from './render.js';
import type { ZaloUpdate } from './wire.js';

/** What the handler needs. */
export interface ZaloHandlerDeps {
  api: ZaloApi;
  turns: TurnService;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
}

/** Creates the per-update handler; it resolves once the reply is sent. */
export function createZaloUpdateHandler(deps: ZaloHandlerDeps): (update: ZaloUpdate) => Promise<void> {
  return async (update) => {
    const parsed = parseZaloUpdate(update);
    if (parsed.kind === 'ignore') {
      deps.log.debug('zalo.ignored', { reason: parsed.reason, event_name: update.event_name });
      return;
    }
    if (parsed.kind === 'group') {
      // Forms hold personal answers: they run in the private chat with the bot.
      await deps.api
        .sendMessage(parsed.chatId, deps.translator(deps.defaultLocale)('zalo.groupOnly'))
        .catch((err: unknown) => deps.log.warn('zalo.group_reply_failed', { chat: parsed.chatId, code: (err as { code?: string }).code ?? 'UNEXPECTED' }));
      return;
    }
    const { event } = parsed;
    let reply: Awaited<ReturnType<TurnService['handle']>>;
    try {
      reply = await deps.turns.handle(event);
    } catch (err) {
      // The turn was not saved: say so; the person's earlier answers are safe.
      deps.log.error('zalo.turn_failed', { event: event.eventId, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      await deps.api.sendMessage(event.chatId, deps.translator(deps.defaultLocale)('zalo.failure')).catch(() => undefined);
      throw err;
    }
    if (reply.kind === 'duplicate') {
      deps.log.debug('zalo.duplicate', { event: event.eventId });
      return;
    }
    const t = deps.translator(reply.locale);
    for (const m of renderZaloMessages(reply.messages, t)) {
      if (m.kind === 'photo') await deps.api.sendPhoto(event.chatId, m.photo, m.caption ?? undefined);
      else await deps.api.sendMessage(event.chatId, m.text);
    }
  };
}
