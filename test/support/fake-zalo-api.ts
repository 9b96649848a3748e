// A local stand-in for the Zalo Bot Platform API (https://bot-api.zaloplatforms.com/bot<token>/
// <method>): POST JSON in, {ok, result} or {ok: false, error_code, description} out, for the
// methods the bot uses. getUpdates hands out ONE update per call and answers 408 when none
// arrives (alternately in a 200 body and as the HTTP status, as both are seen). Every call is
// recorded; a field the API does not have, a text over 2000 characters or a poll while a
// webhook is set is a violation (and a 400). It also plays the person's side.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait-until.js';

/** One recorded API call. */
export interface ZaloCall {
  method: string;
  payload: Record<string, unknown>;
  status: number;
}

/** The fields each method takes; anything else is refused. */
const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  getMe: { required: [], optional: [] },
  getUpdates: { required: [], optional: ['timeout'] },
  setWebhook: { required: ['url', 'secret_token'], optional: [] },
  deleteWebhook: { required: [], optional: [] },
  getWebhookInfo: { required: [], optional: [] },
  sendMessage: { required: ['chat_id', 'text'], optional: [] },
  sendPhoto: { required: ['chat_id', 'photo'], optional: ['caption'] },
  sendSticker: { required: ['chat_id', 'sticker'], optional: [] },
  sendChatAction: { required: ['chat_id', 'action'], optional: [] },
};
const TEXT_MAX = 2000;

/** A failure to inject: the next matching call(s) get this error. */
export interface ZaloFailure {
  method: string;
  errorCode: number;
  /** HTTP status; 200 puts the error in the body only. */
  httpStatus?: number;
  times?: number;
}

/** A fake Zalo Bot API server for one test file. */
export class FakeZaloApi {
  readonly calls: ZaloCall[] = [];
  /** Requests the real API would refuse: must stay empty. */
  readonly violations: string[] = [];
  /** How many polls got "nothing arrived" (408). */
  emptyPolls = 0;
  /** Each update handed out by getUpdates (by message_id), with the number of calls recorded before it was: a process that dies after that moment has lost it. */
  readonly handedOut = new Map<string, number>();
  webhook: { url: string; secret: string } | null = null;
  apiRoot = '';
  /** How long a poll is held open when nothing is queued. */
  pollHoldMs = 250;
  private server: http.Server | null = null;
  private queue: unknown[] = [];
  private waiting = new Set<() => void>();
  private listeners = new Set<() => void>();
  private failures: ZaloFailure[] = [];
  private seq = 0;

  constructor(readonly token = '1234567890:ZaloFakeTokenForTheE2eTests') {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- the person's side -------------------------------------------------------------------

  /** A message event from a person (private chat unless chatType says otherwise). */
  update(userId: string, eventName: string, fields: Record<string, unknown> = {}, options: { chatId?: string; chatType?: 'PRIVATE' | 'GROUP' } = {}): Record<string, unknown> {
    return {
      event_name: eventName,
      message: {
        message_id: `zmsg-${process.pid}-${++this.seq}`,
        date: Date.now(),
        from: { id: userId, display_name: `Nguoi ${userId}`, is_bot: false },
        chat: { id: options.chatId ?? userId, chat_type: options.chatType ?? 'PRIVATE' },
        ...fields,
      },
    };
  }

  /** A typed text. */
  textUpdate(userId: string, text: string, options?: { chatId?: string; chatType?: 'PRIVATE' | 'GROUP' }): Record<string, unknown> {
    return this.update(userId, 'message.text.received', { text }, options);
  }

  /** A photo, by URL. */
  photoUpdate(userId: string, url: string): Record<string, unknown> {
    return this.update(userId, 'message.image.received', { photo_url: url, caption: '' });
  }

  /** Queues an update for getUpdates. */
  push(update: Record<string, unknown>): Record<string, unknown> {
    this.queue.push(update);
    for (const wake of this.waiting) wake();
    return update;
  }

  /** Fails the next matching call(s). */
  fail(failure: ZaloFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Drops the failures not injected yet. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /** Calls of one method (optionally to one chat). */
  callsOf(method: string, chatId?: string): ZaloCall[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || c.payload.chat_id === chatId));
  }

  /** Texts the bot sent to a chat since call index `after`. */
  textsTo(chatId: string, after = 0): string[] {
    return this.calls.slice(after).filter((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === chatId).map((c) => String(c.payload.text));
  }

  /** Waits until the predicate holds (checked after every call and every 50 ms). */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 40_000): Promise<T> {
    return waitUntil(this.listeners, what, check, timeoutMs);
  }


  /** Waits for a text to the chat that matches, sent after call index `after`; resolves with it. */
  waitForText(chatId: string, pattern: RegExp | string, after = 0, timeoutMs?: number): Promise<string> {
    const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
    return this.waitFor(`"${String(pattern)}" in Zalo chat ${chatId}\n${this.textsTo(chatId, after).join('\n---\n')}`, () => this.textsTo(chatId, after).find(matches), timeoutMs);
  }

  // ---- the server ----------------------------------------------------------------------------

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    let status = 200;
    let payload: Record<string, unknown> = {};
    const send = (httpStatus: number, body: unknown) => {
      status = httpStatus;
      res.writeHead(httpStatus, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = (code: number, description: string, httpStatus = code) => send(httpStatus, { ok: false, error_code: code, description });
    try {
      if (!m) return error(404, 'Not Found');
      const method = m[2]!;
      if (req.method !== 'POST') {
        this.violations.push(`${method}: ${req.method} instead of POST`);
        return error(405, 'Method Not Allowed');
      }
      if (m[1] !== this.token) return error(401, 'Unauthorized');
      try {
        payload = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        this.violations.push(`${method}: body is not JSON`);
        return error(400, 'Bad Request: body is not JSON');
      }
      const spec = FIELDS[method];
      if (!spec) {
        this.violations.push(`unknown method ${method}`);
        return error(404, 'Not Found: method');
      }
      const problem = this.check(method, payload, spec);
      if (problem) {
        this.violations.push(`${method}: ${problem}`);
        return error(400, `Bad Request: ${problem}`);
      }
      const failure = this.failures.find((f) => f.method === method);
      if (failure) {
        if (--failure.times! <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
        return error(failure.errorCode, 'Injected failure', failure.httpStatus ?? failure.errorCode);
      }
      return await this.answer(method, payload, send, error, () => res.destroyed || req.socket.destroyed);
    } finally {
      if (m) this.calls.push({ method: m[2]!, payload, status });
      for (const l of [...this.listeners]) l();
    }
  }

  private check(method: string, payload: Record<string, unknown>, spec: { required: string[]; optional: string[] }): string | null {
    const unknown = Object.keys(payload).filter((k) => !spec.required.includes(k) && !spec.optional.includes(k));
    if (unknown.length) return `fields the API does not have: ${unknown.join(', ')}`;
    const missing = spec.required.filter((k) => payload[k] === undefined || payload[k] === null || payload[k] === '');
    if (missing.length) return `missing ${missing.join(', ')}`;
    if (payload.chat_id !== undefined && typeof payload.chat_id !== 'string') return 'chat_id must be a string';
    if (method === 'sendMessage') {
      const text = String(payload.text);
      if (text.length > TEXT_MAX) return `text of ${text.length} characters (max ${TEXT_MAX})`;
      if (!text.trim()) return 'empty text';
    }
    if (method === 'sendPhoto' && !/^https?:\/\//.test(String(payload.photo))) return 'photo must be a URL';
    if (method === 'setWebhook') {
      if (!/^https:\/\//.test(String(payload.url))) return 'url must be https';
      const secret = String(payload.secret_token);
      if (secret.length < 8 || secret.length > 256) return 'secret_token must be 8-256 characters';
    }
    if (method === 'sendChatAction' && payload.action !== 'typing') return 'action must be typing';
    if (method === 'getUpdates' && payload.timeout !== undefined && typeof payload.timeout !== 'string') return 'timeout must be a string';
    if (method === 'getUpdates' && this.webhook) return 'getUpdates while a webhook is set';
    return null;
  }

  private async answer(method: string, payload: Record<string, unknown>, send: (s: number, b: unknown) => void, error: (c: number, d: string, h?: number) => void, gone: () => boolean): Promise<void> {
    const ok = (result: unknown) => send(200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok({ id: '9000000001', account_name: 'bot.dienhinh', account_type: 'BASIC', can_join_groups: true, display_name: 'Dien Hinh Bot' });
      case 'getUpdates': {
        if (!this.queue.length) {
          await new Promise<void>((resolve) => {
            const wake = () => {
              this.waiting.delete(wake);
              clearTimeout(timer);
              resolve();
            };
            const timer = setTimeout(wake, this.pollHoldMs);
            this.waiting.add(wake);
          });
        }
        const next = this.queue.shift();
        // A poller that went away (its process died) before the answer could be written: the
        // update stays for the next poll. One that got the answer has it; Zalo has no offset.
        if (next && gone()) {
          this.queue.unshift(next);
          return;
        }
        if (next) {
          const id = (next as { message?: { message_id?: unknown } }).message?.message_id;
          if (typeof id === 'string') this.handedOut.set(id, this.calls.length);
          return ok(next);
        }
        this.emptyPolls++;
        // Both ways of saying "nothing arrived" are seen: in a 200 body, and as the HTTP status.
        return this.emptyPolls % 2 ? error(408, 'Request timeout', 200) : error(408, 'Request timeout', 408);
      }
      case 'setWebhook':
        this.webhook = { url: String(payload.url), secret: String(payload.secret_token) };
        return ok({ url: payload.url, updated_at: Date.now() });
      case 'deleteWebhook':
        this.webhook = null;
        return ok({ url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', updated_at: Date.now() });
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendSticker':
        return ok({ message_id: `bot-${++this.seq}`, date: Date.now() });
      case 'sendChatAction':
        return ok(true);
      default:
        return error(404, 'Not Found');
    }
  }
}
