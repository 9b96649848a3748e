// Telegram's webhook route on the shared HTTP server: Telegram POSTs updates to the webhook path
// with the secret in X-Telegram-Bot-Api-Secret-Token (checked in constant time; anything else
// gets 401 and nothing is processed).
import type { Update } from 'grammy/types';
import type { Logger } from '../../logging/logger.js';
import { readBody, replyJson, secretMatches, startHttpServer, type HttpServer, type RouteHandler } from '../http-server.js';

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
  return (req, res) => {
    if (!secretMatches(req.headers[SECRET_HEADER], o.secret)) {
      o.log.warn('telegram.webhook_refused', { reason: req.headers[SECRET_HEADER] === undefined ? 'missing_secret' : 'wrong_secret' });
      req.resume();
      return replyJson(res, 401, { ok: false });
    }
    void (async () => {
      const body = await readBody(req);
      if (body === null) return replyJson(res, 413, { ok: false });
      let update: unknown;
      try {
        update = JSON.parse(body);
      } catch {
        return replyJson(res, 400, { ok: false });
      }
      if (!isUpdate(update)) return replyJson(res, 400, { ok: false });
      try {
        await o.onUpdate(update);
        replyJson(res, 200, { ok: true });
      } catch (err) {
        o.log.error('telegram.webhook_failed', { update: update.update_id, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        replyJson(res, 500, { ok: false });
      }
    })().catch(() => replyJson(res, 500, { ok: false }));
  };
}

/** Starts a server with Telegram's route alone; resolves once it listens. */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const server = await startHttpServer({ port: o.port, log: o.log, ...(o.host ? { host: o.host } : {}) });
  server.route(o.path, telegramWebhookRoute(o));
  return server;
}
