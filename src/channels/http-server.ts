// The one HTTP server of the process: webhook routes of every platform channel (each on its own
// path, each checking its own secret header) and GET /healthz for the platform's health check.
// It is on the internet, so no request of any shape may stop or stall it: the request target is
// read without URL parsing that can throw, the whole listener is guarded, and Node's limits are
// set (header and request timeouts, idle keep-alive, a cap on connections, a body deadline).
import crypto, { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Logger } from '../logging/logger.js';
import { failureCode, isRetryableFailure } from './failure.js';

/** Handles one request on a route's path; must answer it. */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A listening server that channels add their webhook routes to. */
export interface HttpServer {
  port: number;
  /** Serves `path` with `handler` (POST, or the methods given); a path taken twice is a configuration bug and throws. */
  route(path: string, handler: RouteHandler, methods?: readonly string[]): void;
  /** Stops taking requests and waits for the ones in hand. */
  close(): Promise<void>;
}

/** How long a client may take and how much it may hold; defaults suit a webhook behind a proxy. */
export interface HttpLimits {
  /** Receiving the request line and headers. */
  headersTimeoutMs: number;
  /** Receiving the whole request, body included (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** Reading a webhook's body once its headers are in. */
  bodyTimeoutMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all, whatever it is doing. */
  idleSocketTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** Largest body a webhook accepts. */
  maxBodyBytes: number;
}

/** The limits the process runs with. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  bodyTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleSocketTimeoutMs: 120_000,
  maxConnections: 512,
  maxBodyBytes: 1024 * 1024,
};

// A request path: "/" or non-empty segments of RFC 3986 path characters and percent escapes.
const SEGMENT = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+";
const PATH = new RegExp(`^/(?:${SEGMENT}(?:/${SEGMENT})*/?)?$`);

/** The path of a request target, or null when it is not one this server could serve ("//", "/\\", "*"...). */
export function requestPath(target: string | undefined): string | null {
  if (!target) return null;
  let path = target;
  if (/^https?:\/\//i.test(target)) {
    // The absolute form (sent to proxies): only its path matters here.
    try {
      path = new URL(target).pathname;
    } catch {
      return null;
    }
  }
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  return path.length <= 2048 && PATH.test(path) ? path : null;
}

// crypto.hash (Node 21.7 and later) makes a digest in one call, without a Hash object per request.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;
const digest = (s: string): Buffer => (oneShot ? oneShot('sha256', s, 'buffer') : createHash('sha256').update(s, 'utf8').digest());
/** The digests of the configured secrets (a handful), made once: every webhook request compares one. */
const secretDigests = new Map<string, Buffer>();

/** Compares a secret header with the secret in constant time (both hashed, so lengths leak nothing). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  let expected = secretDigests.get(secret);
  if (!expected) {
    expected = digest(secret);
    if (secretDigests.size < 16) secretDigests.set(secret, expected);
  }
  return timingSafeEqual(digest(given), expected);
}

/** Answers with a JSON body; `close` ends the connection afterwards (a body left unread, a refusal). */
export function replyJson(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent || res.destroyed) return;
  try {
    res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) }).end(JSON.stringify(body));
  } catch {
    // The socket went away meanwhile: nobody is left to answer.
    res.destroy();
  }
}

/** Answers a request whose body will not be read, and lets the connection go. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number): void {
  req.resume();
  replyJson(res, status, { ok: false }, true);
}

/** A body read: the text, or the status to answer (413 too large, 408 too slow, 400 broken off). */
export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 408 | 413 };

/** Reads a request body as text, within a size cap and a deadline. */
export function readBody(req: http.IncomingMessage, limits: Pick<HttpLimits, 'maxBodyBytes' | 'bodyTimeoutMs'> = DEFAULT_HTTP_LIMITS): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) return resolve({ ok: false, status: 413 });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      if (!result.ok) req.resume();
      resolve(result);
    };
    const timer = setTimeout(() => settle({ ok: false, status: 408 }), limits.bodyTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return settle({ ok: false, status: 413 });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => settle({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ ok: false, status: 400 }));
    req.on('close', () => settle({ ok: false, status: 400 }));
  });
}

/** An API method carried in a webhook's answer: its name and parameters. */
export type WebhookAnswerMethod = { method: string } & Record<string, unknown>;

/** What a platform's webhook route needs: where its secret is, how to read its body, what to do with it. */
export interface WebhookRouteOptions<U> {
  /** Names the channel in logs (`<channel>.webhook_refused`, `<channel>.webhook_failed`). */
  channel: string;
  /** The request header, lower-case, that carries the secret. */
  secretHeader: string;
  secret: string;
  /** The update in a parsed JSON body, or null when the body is not one (answered 400). */
  readUpdate: (json: unknown) => U | null;
  /**
   * Processes one update; a thrown error a retry can fix answers 500, so the platform delivers it
   * again. It may resolve with one API method for the answer's body (Telegram runs a method given
   * in the response to its POST, which saves the bot a call of its own).
   */
  onUpdate: (update: U) => Promise<WebhookAnswerMethod | void>;
  /** Whether a thrown error may go away on a redelivery; the rest are acknowledged (200) and logged. */
  retryable?: (err: unknown) => boolean;
  /** The update's id, for the log line of a failure. */
  idOf: (update: U) => string | number | null;
  log: Logger;
  limits?: Pick<HttpLimits, 'maxBodyBytes' | 'bodyTimeoutMs'>;
}

/**
 * A webhook route: the secret header is checked in constant time (anything else gets 401 and
 * nothing is processed); the update is handled before the answer. A failure a redelivery can fix
 * (the database unreachable, the platform busy) answers 500; any other is answered 200 and
 * logged, so the platform does not deliver an update the bot cannot process again and again.
 */
export function webhookRoute<U>(o: WebhookRouteOptions<U>): RouteHandler {
  const retryable = o.retryable ?? isRetryableFailure;
  return (req, res) => {
    if (!secretMatches(req.headers[o.secretHeader], o.secret)) {
      o.log.warn(`${o.channel}.webhook_refused`, { reason: req.headers[o.secretHeader] === undefined ? 'missing_secret' : 'wrong_secret' });
      return refuse(req, res, 401);
    }
    void (async () => {
      const body = await readBody(req, o.limits);
      if (!body.ok) return replyJson(res, body.status, { ok: false }, true);
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return replyJson(res, 400, { ok: false });
      }
      const update = o.readUpdate(json);
      if (update === null) return replyJson(res, 400, { ok: false });
      try {
        const method = await o.onUpdate(update);
        replyJson(res, 200, method ?? { ok: true });
      } catch (err) {
        if (retryable(err)) {
          o.log.warn(`${o.channel}.webhook_failed`, { update: o.idOf(update), code: failureCode(err), retry: true });
          return replyJson(res, 500, { ok: false });
        }
        o.log.error(`${o.channel}.webhook_failed`, { update: o.idOf(update), code: failureCode(err), retry: false });
        replyJson(res, 200, { ok: true });
      }
    })().catch((err: unknown) => {
      o.log.error(`${o.channel}.webhook_crashed`, { code: failureCode(err) });
      replyJson(res, 500, { ok: false });
    });
  };
}

/** Starts the server; resolves once it listens. Routes may be added afterwards. */
export async function startHttpServer(o: { port: number; host?: string; log: Logger; limits?: Partial<HttpLimits> }): Promise<HttpServer> {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...o.limits };
  const routes = new Map<string, { handler: RouteHandler; methods: readonly string[] }>();
  const dispatch = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = requestPath(req.url);
    if (path === null) return refuse(req, res, 400);
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      req.resume();
      return replyJson(res, 200, { ok: true });
    }
    const route = routes.get(path);
    if (!route) return refuse(req, res, 404);
    if (!route.methods.includes(req.method ?? '')) return refuse(req, res, 405);
    route.handler(req, res);
  };
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two timeouts above this often (its default, 30 s, would let them slip).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      // A client that goes away mid-request must not become an unhandled 'error' event.
      req.on('error', () => undefined);
      res.on('error', () => undefined);
      try {
        dispatch(req, res);
      } catch (err) {
        o.log.error('http.request_failed', { code: failureCode(err) });
        replyJson(res, 500, { ok: false }, true);
      }
    },
  );
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleSocketTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  server.on('error', (err) => o.log.error('http.server_error', { code: failureCode(err) }));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  let closing: Promise<void> | null = null;
  return {
    port,
    route(path, handler, methods = ['POST']) {
      if (path === '/healthz' || routes.has(path)) throw Object.assign(new Error(`webhook path ${path} is taken`), { code: 'WEBHOOK_PATH_TAKEN' });
      routes.set(path, { handler, methods });
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })),
  };
}
