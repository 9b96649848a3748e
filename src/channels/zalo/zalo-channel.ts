// The Zalo channel: checks the token (getMe), then takes updates by long polling (deleteWebhook
// first, one update per poll) or by webhook (a route on the shared HTTP server, setWebhook with
// the secret); stop() finishes the updates in hand. A poller first sends the replies that a
// process saved and died before sending (Zalo never hands those updates out again).
import type { Locale } from '../../conversation/contract.js';
import type { ZaloConfig } from '../../config.js';
import type { Logger } from '../../logging/logger.js';
import { KeyedQueue } from '../../services/keyed-queue.js';
import type { TurnService } from '../../services/turn-service.js';
import type { HttpServer } from '../http-server.js';
import { trackInFlight } from '../in-flight.js';
import type { Translate } from '../i18n.js';
import { createZaloApi, type ZaloApi } from './api-client.js';
import { startZaloPoller } from './poller.js';
import { createZaloUpdateHandler, sendUndeliveredReplies } from './update-handler.js';
import { zaloWebhookRoute } from './webhook-route.js';
import { createZaloSender } from './sender.js';
import type { ChannelSender } from '../../services/delivery.js';
import type { ZaloUpdate } from './wire.js';

/** Zalo refused the token: the composition root reports it as a configuration problem. */
export { ZaloTokenError } from './api-client.js';

/** What the channel needs from the composition root. */
export interface ZaloChannelOptions {
  config: ZaloConfig;
  /** The process's HTTP server, started on demand (webhook mode only). */
  httpServer: () => Promise<HttpServer>;
  turns: TurnService;
  translator: (locale: Locale) => Translate;
  defaultLocale: Locale;
  log: Logger;
  /** Replaceable in tests. */
  api?: ZaloApi;
}

/** A running Zalo channel. */
export interface ZaloChannel {
  mode: 'polling' | 'webhook';
  /** Sends messages the bot starts (the delivery worker's Zalo sender). */
  sender: ChannelSender;
  /** Stops taking updates and waits for the ones in hand. */
  stop(): Promise<void>;
}

/** Starts the channel in polling or webhook mode; throws ZaloTokenError for a refused token. */
export async function startZaloChannel(o: ZaloChannelOptions): Promise<ZaloChannel> {
  // In webhook mode Zalo waits on the request: a long 429 pause fails the call (answered 5xx) instead.
  const api = o.api ?? createZaloApi({ token: o.config.token, apiRoot: o.config.apiRoot, ...(o.config.webhook ? { maxRetries: 1, maxRetryDelayMs: 3_000 } : {}) });
  const me = await api.getMe();
  const sender = createZaloSender({ api, translator: o.translator });
  const handlerDeps = { api, turns: o.turns, translator: o.translator, defaultLocale: o.defaultLocale, log: o.log, botId: me.id };
  const handleUpdate = createZaloUpdateHandler(handlerDeps);
  // Every update in hand, so stop() can wait for its reply to be sent.
  const { handle, drain } = trackInFlight<[ZaloUpdate]>(handleUpdate);

  if (o.config.webhook) {
    const webhook = o.config.webhook;
    // Deliveries of one chat may overlap: they are still handled in arrival order.
    const queue = new KeyedQueue();
    const onUpdate = (update: ZaloUpdate) => queue.run(`zalo:${update.message?.chat.id ?? update.event_name}`, () => handle(update));
    const server = await o.httpServer();
    server.route(webhook.path, zaloWebhookRoute({ secret: webhook.secret, onUpdate, log: o.log }));
    await api.setWebhook(webhook.url, webhook.secret);
    o.log.info('zalo.started', { mode: 'webhook', port: server.port, bot: me.id });
    return {
      mode: 'webhook',
      sender,
      stop: async () => {
        await server.close();
        await drain();
      },
    };
  }

  await api.deleteWebhook();
  // Replies a process saved and died before sending: their updates never come again.
  await sendUndeliveredReplies(handlerDeps).catch((err: unknown) => o.log.warn('zalo.undelivered_replies_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED' }));
  const poller = startZaloPoller({
    api,
    // A reply recorded as delivered before the next poll: after a kill -9 it is not sent again.
    handle: async (update) => {
      await handle(update);
      await o.turns.flushDelivered();
    },
    log: o.log,
  });
  o.log.info('zalo.started', { mode: 'polling', bot: me.id });
  return {
    mode: 'polling',
    sender,
    stop: async () => {
      await poller.stop();
      await drain();
    },
  };
}
