// The Telegram channel: a grammY bot that obeys 429 retry_after (auto-retry), sets its command
// menu, and takes updates by long polling (@grammyjs/runner, in order per chat) or by webhook
// (setWebhook at start and an HTTP server); stop() finishes the updates in hand.
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Locale } from '../../conversation/contract.js';
import type { TelegramConfig } from '../../config.js';
import type { MemberStore } from '../../db/member-store.js';
import type { Logger } from '../../logging/logger.js';
import type { TurnService } from '../../services/turn-service.js';
import type { Translate } from '../i18n.js';
import { KeyedQueue } from '../../services/keyed-queue.js';
import { trackInFlight } from '../in-flight.js';
import { commandMenu } from './commands.js';
import { chatKeyOf } from './parse-update.js';
import { ReplySender } from './reply-sender.js';
import { createUpdateHandler } from './update-handler.js';
import type { HttpServer } from '../http-server.js';
import { telegramWebhookRoute } from './webhook-server.js';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** What the channel needs from the composition root. */
export interface TelegramChannelOptions {
  config: TelegramConfig;
  /** The process's HTTP server, started on demand (webhook mode only); main closes it. */
  httpServer: () => Promise<HttpServer>;
  turns: TurnService;
  members: MemberStore;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  mode: 'polling' | 'webhook';
  /** Stops taking updates and waits for the ones in hand. */
  stop(): Promise<void>;
}

/** Telegram refused the token: a configuration problem, reported as such. */
export class TelegramTokenError extends Error {
  readonly code = 'TELEGRAM_TOKEN_REFUSED';
}

/** Starts the bot in polling or webhook mode. */
export async function startTelegramChannel(o: TelegramChannelOptions): Promise<TelegramChannel> {
  const bot = new Bot(o.config.token, { client: { apiRoot: o.config.apiRoot } });
  // Obey 429 retry_after (within reason); network errors and 5xx are retried by the plugin too.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
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
  });
  // Every update in hand, so stop() can wait for its reply to be sent.
  const { handle, drain } = trackInFlight<Update>(handleUpdate);
  await setCommands(bot, o);

  if (o.config.webhook) {
    const webhook = o.config.webhook;
    // Telegram may post several updates at once: one chat's are still handled in arrival order.
    const queue = new KeyedQueue();
    const onUpdate = (update: Update) => queue.run(chatKeyOf(update) ?? `update:${update.update_id}`, () => handle(update));
    const server = await o.httpServer();
    server.route(webhook.path, telegramWebhookRoute({ secret: webhook.secret, onUpdate, log: o.log }));
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    o.log.info('telegram.started', { mode: 'webhook', port: server.port, bot: bot.botInfo.id });
    return {
      mode: 'webhook',
      // Closing the shared server is idempotent: whichever channel stops first ends deliveries.
      stop: async () => {
        await server.close();
        await drain();
      },
    };
  }

  bot.use(sequentialize((ctx) => chatKeyOf(ctx.update)));
  bot.use((ctx) => handle(ctx.update));
  bot.catch((err) => o.log.error('telegram.update_failed', { update: err.ctx.update.update_id, code: (err.error as { code?: string }).code ?? 'UNEXPECTED' }));
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  o.log.info('telegram.started', { mode: 'polling', bot: bot.botInfo.id });
  return {
    mode: 'polling',
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await drain();
    },
  };
}

async function setCommands(bot: Bot, o: TelegramChannelOptions): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu('vi', o.translator('vi')));
    await bot.api.setMyCommands(commandMenu('en', o.translator('en')), { language_code: 'en' });
  } catch (err) {
    // The menu is a convenience: the bot works without it.
    o.log.warn('telegram.commands_not_set', { code: err instanceof GrammyError ? err.error_code : 'UNEXPECTED' });
  }
}
