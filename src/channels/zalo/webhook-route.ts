// Zalo's webhook route on the shared HTTP server: the secret comes in X-Bot-Api-Secret-Token
// (checked in constant time; anything else gets 401 and nothing is processed); the body is flat
// `{event_name, message}` or wrapped `{ok, result}`; the update is handled (recorded) before the
// 200, so a failure answers 500 and the platform may deliver it again.
import type { Logger } from '../../logging/logger.js';
import { webhookRoute, type RouteHandler } from '../http-server.js';
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
  return webhookRoute<ZaloUpdate>({
    channel: 'zalo',
    secretHeader: SECRET_HEADER,
    secret: o.secret,
    readUpdate,
    onUpdate: o.onUpdate,
    idOf: (update) => update.message?.message_id ?? null,
    log: o.log,
  });
}
