// Zalo's webhook route on the shared HTTP server: the secret comes in X-Bot-Api-Secret-Token
// (checked in constant time; anything else gets 401 and nothing is processed); the body is flat
// `{event_name, message}` or wrapped `{ok, result}`; the update is handled (recorded) before the
// 200, so a failure answers 500 and the platform may deliver it again.
import type { Logger } from '../../logging/logger.js';
import { readBody, replyJson, secretMatches, type RouteHandler } from '../http-server.js';
import { readUpdate, type ZaloUpdate } from './wire.js';

const SECRET_HEADER = 'x-bot-api-secret-token';

/** The route's settings. */
export interface ZaloWebhookRouteOptions {
  secret: string;
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  log: Logger;
}

/** The route handler for Zalo's webhook. */
export function zaloWebhookRoute(o: ZaloWebhookRouteOptions): RouteHandler {
  return (req, res) => {
    if (!secretMatches(req.headers[SECRET_HEADER], o.secret)) {
      o.log.warn('zalo.webhook_refused', { reason: req.headers[SECRET_HEADER] === undefined ? 'missing_secret' : 'wrong_secret' });
      req.resume();
      return replyJson(res, 401, { ok: false });
    }
    void (async () => {
      const body = await readBody(req);
      if (body === null) return replyJson(res, 413, { ok: false });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return replyJson(res, 400, { ok: false });
      }
      const update = readUpdate(json);
      if (!update) return replyJson(res, 400, { ok: false });
      try {
        await o.onUpdate(update);
        replyJson(res, 200, { ok: true });
      } catch (err) {
        o.log.error('zalo.webhook_failed', { event: update.message?.message_id ?? null, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        replyJson(res, 500, { ok: false });
      }
    })().catch(() => replyJson(res, 500, { ok: false }));
  };
}
