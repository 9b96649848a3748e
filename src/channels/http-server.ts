// The one HTTP server of the process: webhook routes of every platform channel (each on its own
// path, each checking its own secret header) and GET /healthz for the platform's health check.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Logger } from '../logging/logger.js';

/** Handles one request on a route's path; must answer it. */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A listening server that channels add their webhook routes to. */
export interface HttpServer {
  port: number;
  /** Serves `path` with `handler`; a path taken twice is a configuration bug and throws. */
  route(path: string, handler: RouteHandler): void;
  /** Stops taking requests and waits for the ones in hand. */
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** Compares a secret header with the secret in constant time (both hashed, so lengths leak nothing). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** Answers with a JSON body. */
export function replyJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Reads a request body as text; null when it is over 1 MiB. */
export function readBody(req: http.IncomingMessage): Promise<string | null> {
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

/** What a platform's webhook route needs: where its secret is, how to read its body, what to do with it. */
export interface WebhookRouteOptions<U> {
  /** Names the channel in logs (`<channel>.webhook_refused`, `<channel>.webhook_failed`). */
  channel: string;
  /** The request header, lower-case, that carries the secret. */
  secretHeader: string;
  secret: string;
  /** The update in a parsed JSON body, or null when the body is not one. */
  readUpdate: (json: unknown) => U | null;
  /** Processes one update; a thrown error answers 500, so the platform delivers it again. */
  onUpdate: (update: U) => Promise<void>;
  /** The update's id, for the log line of a failure. */
  idOf: (update: U) => string | number | null;
  log: Logger;
}

/**
 * A webhook route: the secret header is checked in constant time (anything else gets 401 and
 * nothing is processed); the update is handled before the 200, so a failure answers 500.
 */
export function webhookRoute<U>(o: WebhookRouteOptions<U>): RouteHandler {
  return (req, res) => {
    if (!secretMatches(req.headers[o.secretHeader], o.secret)) {
      o.log.warn(`${o.channel}.webhook_refused`, { reason: req.headers[o.secretHeader] === undefined ? 'missing_secret' : 'wrong_secret' });
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
      const update = o.readUpdate(json);
      if (update === null) return replyJson(res, 400, { ok: false });
      try {
        await o.onUpdate(update);
        replyJson(res, 200, { ok: true });
      } catch (err) {
        o.log.error(`${o.channel}.webhook_failed`, { update: o.idOf(update), code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        replyJson(res, 500, { ok: false });
      }
    })().catch(() => replyJson(res, 500, { ok: false }));
  };
}

/** Starts the server; resolves once it listens. Routes may be added afterwards. */
export async function startHttpServer(o: { port: number; host?: string; log: Logger }): Promise<HttpServer> {
  const routes = new Map<string, RouteHandler>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return replyJson(res, 200, { ok: true });
    const handler = routes.get(url.pathname);
    if (!handler) {
      req.resume();
      return replyJson(res, 404, { ok: false });
    }
    if (req.method !== 'POST') {
      req.resume();
      return replyJson(res, 405, { ok: false });
    }
    try {
      handler(req, res);
    } catch (err) {
      o.log.error('http.route_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      replyJson(res, 500, { ok: false });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  let closing: Promise<void> | null = null;
  return {
    port,
    route(path, handler) {
      if (path === '/healthz' || routes.has(path)) throw Object.assign(new Error(`webhook path ${path} is taken`), { code: 'WEBHOOK_PATH_TAKEN' });
      routes.set(path, handler);
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })),
  };
}
