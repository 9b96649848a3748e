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
