// The HTTP client of the Bot API calls: what grammY needs of `fetch` (a POST with headers and a
// JSON or multipart body, an abort signal, the answer's JSON) over Node's own http/https with one
// keep-alive agent per protocol for the process. grammY's default client (node-fetch) builds a
// full fetch Response per call and was the largest library in the bot's profile through the wire
// (about 6% of its busy time); a turn makes one of these calls, more when its reply has several
// messages.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ApiClientOptions } from 'grammy';

/** The fetch type grammY's option declares (node-fetch's). */
type GrammyFetch = NonNullable<ApiClientOptions['fetch']>;

/** What grammY passes to its fetch (the fields it sets; the rest of its base config is ignored). */
interface BotApiRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable | null;
  signal?: AbortSignal | null;
}

/** The part of a fetch Response grammY reads. */
interface BotApiResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** A fetch for grammY's `client.fetch` option. */
export type BotApiFetch = (url: string | URL, init?: BotApiRequestInit) => Promise<BotApiResponse>;

/** How many connections to the Bot API one process keeps open at most (Telegram allows many). */
const MAX_SOCKETS = 64;

let shared: BotApiFetch | null = null;

/** The process's client, as grammY's `client.fetch` wants it: the replies and the sender share its connections. */
export function botApiFetch(): GrammyFetch {
  shared ??= createBotApiFetch();
  // grammY types the option as node-fetch's function; it calls it with a URL and reads json().
  return shared as unknown as GrammyFetch;
}

/** Creates the client; its agents keep connections open between calls. */
export function createBotApiFetch(): BotApiFetch {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }), https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }) };

  return (input, init = {}) =>
    new Promise<BotApiResponse>((resolve, reject) => {
      const url = typeof input === 'string' ? new URL(input) : input;
      const signal = init.signal ?? null;
      if (signal?.aborted) return reject(abortError(signal));
      const secure = url.protocol === 'https:';
      const body = init.body ?? null;
      const headers: Record<string, string | number> = { ...init.headers };
      if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
      else if (body instanceof Uint8Array) headers['content-length'] = body.byteLength;
      const req = (secure ? https : http).request(url, { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http });
      const onAbort = () => req.destroy(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      req.on('error', (err) => {
        done();
        reject(err);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => {
          done();
          reject(err);
        });
        res.on('end', () => {
          done();
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            text: async () => text,
            // A body that is not JSON (a proxy's error page) rejects, as fetch's json() does: grammY
            // then reports a network failure, which the call policy may try again.
            json: async () => JSON.parse(text) as unknown,
          });
        });
      });
      if (body instanceof Readable) {
        body.on('error', (err) => req.destroy(err));
        body.pipe(req);
      } else {
        req.end(body ?? undefined);
      }
    });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}
