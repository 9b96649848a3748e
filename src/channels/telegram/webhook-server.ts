// Telegram's webhook route on the shared HTTP server: Telegram POSTs updates to the webhook path
// with the secret in X-Telegram-Bot-Api-Secret-Token (checked in constant time; anything else
// gets 401 and nothing is processed). A JSON object with an update_id is an update, whatever else
// it holds (the handler reads the rest defensively); anything else is answered 400.
import type { Logger } from '../../logging/logger.js';
import { record } from '../clean-text.js';
import { startHttpServer, webhookRoute, type HttpServer, type RouteHandler, type WebhookAnswerMethod } from '../http-server.js';
import { updateIdOf } from './parse-update.js';

/** The constant-time secret check, where Telegram's code and tests have always found it. */
export { secretMatches } from '../http-server.js';

/** The webhook route's settings. */
export interface WebhookRouteOptions {
  secret: string;
  /**
   * Processes one update; a thrown error a retry can fix answers 500, so Telegram delivers the
   * update again. A method it resolves with is the answer's body: Telegram runs it.
   */
  onUpdate: (update: unknown) => Promise<WebhookAnswerMethod | void>;
  /** Whether a thrown error may go away on a redelivery (default: the shared classification). */
  retryable?: (err: unknown) => boolean;
  log: Logger;
}

/** The settings of a server that serves Telegram alone (kept for tools that start one directly). */
export interface WebhookServerOptions extends WebhookRouteOptions {
  port: number;
  host?: string;
  path: string;
}

/** A listening webhook server. */
export type WebhookServer = Pick<HttpServer, 'port' | 'close'>;

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The route handler for Telegram's updates. */
export function telegramWebhookRoute(o: WebhookRouteOptions): RouteHandler {
  return webhookRoute<Record<string, unknown>>({
    channel: 'telegram',
    secretHeader: SECRET_HEADER,
    secret: o.secret,
    readUpdate: (json) => (updateIdOf(json) === null ? null : record(json)),
    onUpdate: o.onUpdate,
    ...(o.retryable ? { retryable: o.retryable } : {}),
    idOf: (update) => updateIdOf(update),
    log: o.log,
  });
}

/** Starts a server with Telegram's route alone; resolves once it listens. */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const server = await startHttpServer({ port: o.port, log: o.log, ...(o.host ? { host: o.host } : {}) });
  server.route(o.path, telegramWebhookRoute(o));
  return server;
}
