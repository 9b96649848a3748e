// Telegram's webhook route on the shared HTTP server: Telegram POSTs updates to the webhook path
// with the secret in X-Telegram-Bot-Api-Secret-Token (checked in constant time; anything else
// gets 401 and nothing is processed).
import type { Update } from 'grammy/types';
import type { Logger } from '../../logging/logger.js';
import { startHttpServer, webhookRoute, type HttpServer, type RouteHandler } from '../http-server.js';

/** The constant-time secret check, where Telegram's code and tests have always found it. */
export { secretMatches } from '../http-server.js';

/** The webhook route's settings. */
export interface WebhookRouteOptions {
  secret: string;
  /** Processes one update; a thrown error answers 500, so Telegram delivers the update again. */
  onUpdate: (update: Update) => Promise<void>;
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

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

/** The route handler for Telegram's updates. */
export function telegramWebhookRoute(o: WebhookRouteOptions): RouteHandler {
  return webhookRoute<Update>({
    channel: 'telegram',
    secretHeader: SECRET_HEADER,
    secret: o.secret,
    readUpdate: (json) => (isUpdate(json) ? json : null),
    onUpdate: o.onUpdate,
    idOf: (update) => update.update_id,
    log: o.log,
  });
}

/** Starts a server with Telegram's route alone; resolves once it listens. */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const server = await startHttpServer({ port: o.port, log: o.log, ...(o.host ? { host: o.host } : {}) });
  server.route(o.path, telegramWebhookRoute(o));
  return server;
}
