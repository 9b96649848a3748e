// The Telegram channel: a grammY bot whose every call has a timeout and a bounded retry (short
// 429s obeyed; call-policy.ts), that sets its command menu and takes updates by long polling (its
// own loop, which confirms a batch only once it is handled; in order per chat) or by webhook
// (setWebhook at start and a route on the shared HTTP server); stop() finishes the updates in hand.
import { Bot, GrammyError } from 'grammy';
import type { Locale } from '../../conversation/contract.js';
import type { Registry } from '../../conversation/engine/registry.js';
import type { TelegramConfig } from '../../config.js';
import type { MemberStore } from '../../db/member-store.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import { KeyedQueue } from '../../services/keyed-queue.js';
import { trackInFlight } from '../in-flight.js';
import { commandMenu } from './commands.js';
import { botApiFetch } from './bot-api-fetch.js';
import { callPolicy, isRetryableTelegramFailure, POLLING_CALL_POLICY, WEBHOOK_CALL_POLICY } from './call-policy.js';
import { chatKeyOf, updateIdOf } from './parse-update.js';
import { startTelegramPoller } from './poller.js';
import { ReplySender } from './reply-sender.js';
import { createUpdateHandler, type UpdateHandler, type WebhookAnswer } from './update-handler.js';
import type { HttpServer } from '../http-server.js';
import { telegramWebhookRoute } from './webhook-server.js';
import { createTelegramSender } from './sender.js';
import type { ChannelSender } from '../../services/delivery.js';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** What the channel needs from the composition root. */
export interface TelegramChannelOptions {
  config: TelegramConfig;
  /** The process's HTTP server, started on demand (webhook mode only); main closes it. */
  httpServer: () => Promise<HttpServer>;
  turns: TurnService;
  registry: Registry;
  members: MemberStore;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  mode: 'polling' | 'webhook';
  /** The bot's @username (without the @), for deep links in replies. */
  username: string;
  /** Sends messages the bot starts (the delivery worker's Telegram sender). */
  sender: ChannelSender;
  /** Stops taking updates and waits for the ones in hand. */
  stop(): Promise<void>;
}

/** Telegram refused the token: a configuration problem, reported as such. */
export class TelegramTokenError extends Error {
  readonly code = 'TELEGRAM_TOKEN_REFUSED';
}

/** Starts the bot in polling or webhook mode. */
export async function startTelegramChannel(o: TelegramChannelOptions): Promise<TelegramChannel> {
  // The client's own timeout is a backstop; the policy's per-call timeouts are shorter.
  const bot = new Bot(o.config.token, { client: { apiRoot: o.config.apiRoot, timeoutSeconds: 90, fetch: botApiFetch() } });
  bot.api.config.use(callPolicy(o.config.webhook ? WEBHOOK_CALL_POLICY : POLLING_CALL_POLICY));
  try {
    await bot.init();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new TelegramTokenError('Telegram refused TELEGRAM_BOT_TOKEN: check the token @BotFather gave you');
    }
    throw err;
  }
  const handleUpdate = createUpdateHandler({
    api: bot.api,
    turns: o.turns,
    members: o.members,
    sender: new ReplySender(bot.api),
    translator: o.translator,
    defaultLocale: o.defaultLocale,
    log: o.log,
    botUsername: () => bot.botInfo.username,
    botId: () => String(bot.botInfo.id),
  });
  // Every update in hand, so stop() can wait for its reply to be sent.
  const { handle, drain } = trackInFlight<Parameters<UpdateHandler>>(handleUpdate);
  await setCommands(bot, o);
  const sender = createTelegramSender({ token: o.config.token, apiRoot: o.config.apiRoot, translator: o.translator, registry: o.registry });

  if (o.config.webhook) {
    const webhook = o.config.webhook;
    // Telegram may post several updates at once: one chat's are still handled in arrival order.
    const queue = new KeyedQueue();
    const onUpdate = (update: unknown) =>
      queue.run(chatKeyOf(update) ?? `update:${updateIdOf(update)}`, async () => {
        // The callback's answer rides in the response to this POST.
        const answer: WebhookAnswer = { method: null };
        await handle(update, answer);
        return answer.method ?? undefined;
      });
    const server = await o.httpServer();
    server.route(webhook.path, telegramWebhookRoute({ secret: webhook.secret, onUpdate, retryable: isRetryableTelegramFailure, log: o.log }));
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    o.log.info('telegram.started', { mode: 'webhook', port: server.port, bot: bot.botInfo.id });
    return {
      mode: 'webhook',
      username: bot.botInfo.username,
      sender,
      // Closing the shared server is idempotent: whichever channel stops first ends deliveries.
      stop: async () => {
        await server.close();
        await drain();
      },
    };
  }

  await bot.api.deleteWebhook();
  const poller = startTelegramPoller({
    // grammY types its signal with a shim's AbortSignal; at runtime it is Node's.
    getUpdates: (request, signal) =>
      bot.api.getUpdates({ ...request, allowed_updates: [...ALLOWED_UPDATES] }, signal as unknown as Parameters<typeof bot.api.getUpdates>[1]),
    handle,
    retryable: isRetryableTelegramFailure,
    log: o.log,
  });
  o.log.info('telegram.started', { mode: 'polling', bot: bot.botInfo.id });
  return {
    mode: 'polling',
    username: bot.botInfo.username,
    sender,
    stop: async () => {
      await poller.stop();
      await drain();
    },
  };
}

async function setCommands(bot: Bot, o: TelegramChannelOptions): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu(o.registry, 'vi', o.translator('vi')));
    await bot.api.setMyCommands(commandMenu(o.registry, 'en', o.translator('en')), { language_code: 'en' });
  } catch (err) {
    // The menu is a convenience: the bot works without it.
    o.log.warn('telegram.commands_not_set', { code: err instanceof GrammyError ? err.error_code : 'UNEXPECTED' });
  }
}
