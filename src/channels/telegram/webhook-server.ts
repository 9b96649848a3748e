// The HTTP server of webhook mode: Telegram POSTs updates to the webhook path with the secret in
// X-Telegram-Bot-Api-Secret-Token (checked in constant time; anything else gets 401 and nothing
// is processed); GET /healthz answers the platform's health check.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Update } from 'grammy/types';
import type { Logger } from '../../logging/logger.js';

/** The webhook server's settings. */
export interface WebhookServerOptions {
  port: number;
  host?: string;
  path: string;
  secret: string;
  /** Processes one update; a thrown error answers 500, so Telegram delivers the update again. */
  onUpdate: (update: Update) => Promise<void>;
  log: Logger;
}

/** A listening webhook server. */
export interface WebhookServer {
  port: number;
  /** Stops taking requests and waits for the ones in hand. */
  close(): Promise<void>;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const MAX_BODY = 1024 * 1024;

/** Compares the header with the secret in constant time (both hashed, so lengths leak nothing). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

/** Starts the webhook server; resolves once it listens. */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return reply(res, 200, { ok: true });
    if (url.pathname !== o.path) return reply(res, 404, { ok: false });
    if (req.method !== 'POST') return reply(res, 405, { ok: false });
    if (!secretMatches(req.headers[SECRET_HEADER], o.secret)) {
      o.log.warn('telegram.webhook_refused', { reason: req.headers[SECRET_HEADER] === undefined ? 'missing_secret' : 'wrong_secret' });
      req.resume();
      return reply(res, 401, { ok: false });
    }
    void (async () => {
      const body = await readBody(req);
      if (body === null) return reply(res, 413, { ok: false });
      let update: unknown;
      try {
        update = JSON.parse(body);
      } catch {
        return reply(res, 400, { ok: false });
      }
      if (!isUpdate(update)) return reply(res, 400, { ok: false });
      try {
        await o.onUpdate(update);
        reply(res, 200, { ok: true });
      } catch (err) {
        o.log.error('telegram.webhook_failed', { update: update.update_id, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        reply(res, 500, { ok: false });
      }
    })().catch(() => reply(res, 500, { ok: false }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
