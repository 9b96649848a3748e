// A local stand-in for the Telegram Bot API (https://api.telegram.org/bot<token>/<method>): speaks
// its wire format for the methods the bot uses, records every call, checks each payload against
// the Bot API's limits (text, caption, callback_data, HTML well-formedness), refuses what
// Telegram refuses (an edit that changes nothing, a callback query answered twice) and counts
// every refusal, can fail or hold a call on purpose (429 with retry_after, 403 blocked, no
// answer), keeps an update until a later getUpdates offset confirms it, keeps the command menus
// set per scope and language (the default one and each chat's own), and plays the person's side:
// typed text, photos, button presses (with the message as it looks now), blocks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait-until.js';

/** One recorded API call. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** performance.now() when the call arrived. */
  at: number;
  /** The HTTP status answered. */
  status: number;
  /** Given in the bot's answer to a webhook POST rather than called by the bot (see runWebhookAnswer). */
  viaWebhook?: boolean;
}

/** An inline keyboard button as the bot sent it. */
export interface Button {
  text: string;
  callback_data: string;
}

/** A message the bot sent (and may since have edited). */
export interface SentMessage {
  chatId: number;
  messageId: number;
  text: string;
  parseMode: string | undefined;
  keyboard: Button[][];
  /** The keyboard as first sent (an old client may still show it: pressing it is a stale press). */
  firstKeyboard: Button[][];
  photo?: string;
}

/** A file the bot uploaded (multipart/form-data): a document, or a photo sent as a file. */
export interface UploadedFile {
  method: 'sendDocument' | 'sendPhoto';
  chatId: number;
  /** The file name of the multipart part. */
  filename: string;
  bytes: Buffer;
  caption?: string;
}

/** A multipart/form-data body: text fields, and file parts by their field name. */
export function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; files: Map<string, { filename: string; bytes: Buffer }> } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Record<string, string> = {};
  const files = new Map<string, { filename: string; bytes: Buffer }>();
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    // a part ends with CRLF before the next delimiter
    const part = body.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return null;
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    if (filename) files.set(name, { filename: (filename[1] ?? filename[2] ?? '').trim(), bytes: Buffer.from(data) });
    else fields[name] = data.toString('utf8');
    at = next;
  }
  return { fields, files };
}

/** A failure to inject: the next matching call gets this error instead of its result. */
export interface InjectedFailure {
  method: string;
  status: number;
  description: string;
  retryAfter?: number;
  chatId?: number;
  times?: number;
}

/** A call held on purpose: it gets no answer until released (or the fake closes). */
export interface HeldCall {
  method: string;
  chatId?: number;
}

export const BOT_USER = { id: 7_000_001, is_bot: true, first_name: 'Dien Hinh Bot', username: 'dienhinh_test_bot' };
/** Telegram's answers to an edit that changes nothing and to a callback query answered twice (or too late). */
export const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
export const QUERY_TOO_OLD = 'query is too old and response timeout expired or query ID is invalid';
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const CALLBACK_DATA_MAX = 64;
const CALLBACK_TEXT_MAX = 200;
const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote', 'span', 'tg-emoji']);

/** Checks Telegram's HTML: allowed tags, properly nested, only known entities; returns the visible text or a problem. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; problem: string } {
  const stack: string[] = [];
  let text = '';
  const re = /<(\/?)([a-z-]+)(\s[^<>]*)?>|&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);|([<>&])|([^<>&]+)/giu;
  for (const m of html.matchAll(re)) {
    if (m[2]) {
      const tag = m[2].toLowerCase();
      if (!HTML_TAGS.has(tag)) return { ok: false, problem: `unsupported tag <${tag}>` };
      if (m[1]) {
        if (stack.pop() !== tag) return { ok: false, problem: `unbalanced </${tag}>` };
      } else stack.push(tag);
    } else if (m[4]) {
      text += m[4] === 'lt' ? '<' : m[4] === 'gt' ? '>' : m[4] === 'amp' ? '&' : m[4] === 'quot' ? '"' : '?';
    } else if (m[5]) {
      return { ok: false, problem: `unescaped "${m[5]}"` };
    } else text += m[6] ?? '';
  }
  if (stack.length) return { ok: false, problem: `unclosed <${stack.join('>, <')}>` };
  return { ok: true, text };
}

/** A fake Bot API server for one test file. */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Payloads that broke a Bot API limit: must stay empty. */
  readonly violations: string[] = [];
  /** Every call the fake refused on its own (not an injected failure), as "method: description". */
  readonly refused: string[] = [];
  /** How many times each update was handed out by getUpdates (more than once: it was not confirmed). */
  readonly handedOut = new Map<number, number>();
  /** The offsets getUpdates was called with (undefined: none). */
  readonly offsets: (number | undefined)[] = [];
  readonly messages: SentMessage[] = [];
  /** Files the bot uploaded (sendDocument, and sendPhoto with a file), in order. */
  readonly uploads: UploadedFile[] = [];
  private server: http.Server | null = null;
  private queue: unknown[] = [];
  private redelivered: unknown[] = [];
  private confirmed = 0;
  private nextUpdateId = 100_000;
  private nextMessageId = new Map<number, number>();
  private pollers = new Set<() => void>();
  private failures: InjectedFailure[] = [];
  private listeners = new Set<() => void>();
  private callbackSeq = 0;
  private answeredCallbacks = new Set<string>();
  private issuedCallbacks = new Set<string>();
  private holds: { hold: HeldCall; waiting: Set<() => void> }[] = [];
  /** The command menus set, by scope and language ("default", "chat:<id>", with ":en" for English). */
  readonly menus = new Map<string, string[]>();
  /** People who have written to the bot: Telegram knows no private chat with anyone else ("chat not found"). */
  private readonly started = new Set<number>();
  /** The secret the bot registered with setWebhook, if any. */
  webhook: { url: string; secret: string | undefined } | null = null;

  /**
   * Telegram's flood limits, off unless set: more than `perSecond` messages (sent or edited) in any
   * second overall, or more than `perChatPerSecond` to one chat, are answered 429 with retry_after
   * (counted in `limited`, not in `refused`). Short bursts to one chat are tolerated, as Telegram does.
   */
  limits: { perSecond: number; perChatPerSecond?: number; retryAfter?: number } | null = null;
  /** Calls answered 429 by the limits above. */
  limited = 0;
  private recentSends: { at: number; chatId: number }[] = [];
  /** Chats that blocked the bot: a message to one is answered 403. */
  readonly blocked = new Set<number>();

  /** The API root to give the bot (TELEGRAM_API_ROOT). */
  apiRoot = '';
  /** A token the fake answers 401 Unauthorized to, as Telegram does for a revoked token. */
  refusedToken: string | null = null;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    for (const h of this.holds.splice(0)) for (const go of h.waiting) go();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- the person's side -----------------------------------------------------------------

  private person(userId: number, languageCode = 'vi') {
    return { id: userId, is_bot: false, first_name: `Nguoi${userId}`, last_name: 'Test', language_code: languageCode };
  }

  /** Builds a text message update (commands get their bot_command entity). */
  textUpdate(userId: number, text: string, options: { chatId?: number; chatType?: string; languageCode?: string } = {}): Record<string, unknown> {
    const chatId = options.chatId ?? userId;
    const command = /^\/\S+/.exec(text);
    return {
      update_id: ++this.nextUpdateId,
      message: {
        message_id: this.newMessageId(chatId),
        date: Math.floor(Date.now() / 1000),
        from: this.person(userId, options.languageCode),
        chat: options.chatType && options.chatType !== 'private' ? { id: chatId, type: options.chatType, title: 'To dan pho 3' } : { id: chatId, type: 'private', first_name: `Nguoi${userId}` },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  /** Builds a photo message update with three sizes (the largest is not last, on purpose). */
  photoUpdate(userId: number, fileId: string): Record<string, unknown> {
    return {
      update_id: ++this.nextUpdateId,
      message: {
        message_id: this.newMessageId(userId),
        date: Math.floor(Date.now() / 1000),
        from: this.person(userId),
        chat: { id: userId, type: 'private', first_name: `Nguoi${userId}` },
        photo: [
          { file_id: `${fileId}-small`, file_unique_id: 's', width: 90, height: 60, file_size: 1_000 },
          { file_id: fileId, file_unique_id: 'l', width: 1280, height: 853, file_size: 120_000 },
          { file_id: `${fileId}-medium`, file_unique_id: 'm', width: 320, height: 213, file_size: 12_000 },
        ],
      },
    };
  }

  /** Builds a button press on a message the bot sent; `firstKeyboard` presses the button as first shown. */
  pressUpdate(userId: number, message: SentMessage, match: string | ((b: Button) => boolean), options: { firstKeyboard?: boolean } = {}): Record<string, unknown> {
    const keyboard = options.firstKeyboard ? message.firstKeyboard : message.keyboard;
    const buttons = keyboard.flat();
    const bare = (b: Button) => b.text.replace(/^✓ /, '').replace(/^\d+\. /, '');
    const button =
      typeof match === 'string'
        ? (buttons.find((b) => b.text === match || bare(b) === match) ??
          buttons.find((b) => bare(b).endsWith('…') && match.startsWith(bare(b).slice(0, -1))))
        : buttons.find(match);
    if (!button) throw new Error(`no button ${String(match)} in ${JSON.stringify(buttons.map((b) => b.text))}`);
    const id = `cb-${++this.callbackSeq}`;
    this.issuedCallbacks.add(id);
    // As Telegram does: the message as it looks now (visible text, current keyboard).
    const visible = message.parseMode === 'HTML' ? parseTelegramHtml(message.text) : { ok: true as const, text: message.text };
    return {
      update_id: ++this.nextUpdateId,
      callback_query: {
        id,
        from: this.person(userId),
        chat_instance: `ci-${userId}`,
        message: {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: message.chatId, type: 'private' },
          from: BOT_USER,
          text: visible.ok ? visible.text : message.text,
          ...(message.keyboard.length ? { reply_markup: { inline_keyboard: message.keyboard } } : {}),
        },
        data: button.callback_data,
      },
    };
  }

  /** Builds the update Telegram sends when the person blocks (kicked) or unblocks (member) the bot. */
  blockUpdate(userId: number, blocked: boolean): Record<string, unknown> {
    return {
      update_id: ++this.nextUpdateId,
      my_chat_member: {
        chat: { id: userId, type: 'private', first_name: `Nguoi${userId}` },
        from: this.person(userId),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: blocked ? 'member' : 'kicked', user: BOT_USER, ...(blocked ? {} : { until_date: 0 }) },
        new_chat_member: { status: blocked ? 'kicked' : 'member', user: BOT_USER, ...(blocked ? { until_date: 0 } : {}) },
      },
    };
  }

  /** Queues an update for getUpdates. */
  push(update: Record<string, unknown>): Record<string, unknown> {
    const from = ((update.message ?? update.callback_query) as { from?: { id?: number } } | undefined)?.from?.id;
    if (typeof from === 'number') this.started.add(from);
    this.queue.push(update);
    for (const wake of this.pollers) wake();
    return update;
  }

  /**
   * Reads the bot's answer to a webhook POST as Telegram does: a 2xx whose JSON body names a
   * `method` runs that method (recorded as a call with `viaWebhook`); anything else is only read.
   * Resolves with the HTTP status.
   */
  async runWebhookAnswer(res: Response): Promise<number> {
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) return res.status;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return res.status;
    }
    if (!body || typeof body !== 'object' || typeof (body as { method?: unknown }).method !== 'string') return res.status;
    const { method, ...params } = body as { method: string } & Record<string, unknown>;
    const answer = await fetch(`${this.apiRoot}/botwebhook/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-answer': '1' }, body: JSON.stringify(params) });
    await answer.arrayBuffer();
    return res.status;
  }

  /** Delivers an update again, as Telegram does when it is unsure the first delivery arrived. */
  redeliver(update: Record<string, unknown>): void {
    this.redelivered.push(update);
    for (const wake of this.pollers) wake();
  }

  /** Fails the next matching call(s). */
  fail(failure: InjectedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Holds every matching call without an answer until the returned function is called (or the fake closes). */
  hold(hold: HeldCall): () => void {
    const entry = { hold, waiting: new Set<() => void>() };
    this.holds.push(entry);
    return () => {
      this.holds.splice(this.holds.indexOf(entry), 1);
      for (const go of entry.waiting) go();
    };
  }

  /** How many calls are being held right now. */
  heldCalls(): number {
    return this.holds.reduce((n, h) => n + h.waiting.size, 0);
  }

  // ---- what the bot did --------------------------------------------------------------------

  /** Calls of one method (optionally to one chat). */
  callsOf(method: string, chatId?: number): ApiCall[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || Number(c.payload.chat_id) === chatId));
  }

  /** The commands a chat's own menu shows in a language (undefined: none set, or removed). */
  chatMenu(chatId: number, languageCode?: string): string[] | undefined {
    return this.menus.get(`chat:${chatId}${languageCode ? `:${languageCode}` : ''}`);
  }

  /** Messages the bot sent to a chat, oldest first. */
  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((m) => m.chatId === chatId);
  }

  /** The chat's last message that still has buttons. */
  lastKeyboard(chatId: number): SentMessage {
    const m = [...this.messagesTo(chatId)].reverse().find((x) => x.keyboard.length);
    if (!m) throw new Error(`no message with buttons in chat ${chatId}:\n${this.transcript(chatId)}`);
    return m;
  }

  /** Everything the chat shows, as text (for failure messages). */
  transcript(chatId: number): string {
    return this.messagesTo(chatId)
      .map((m) => `#${m.messageId} ${m.text}${m.keyboard.length ? `\n  [${m.keyboard.flat().map((b) => b.text).join('] [')}]` : ''}`)
      .join('\n');
  }

  /** Waits until the predicate holds (checked after every call). */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 40_000): Promise<T> {
    return waitUntil(this.listeners, what, check, timeoutMs);
  }


  /** Waits for a message (sent or edited) to the chat whose text matches, counting from message index `after`. */
  waitForText(chatId: number, pattern: RegExp | string, options: { afterCall?: number; timeoutMs?: number } = {}): Promise<SentMessage> {
    const from = options.afterCall ?? 0;
    const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
    return this.waitFor(
      `"${String(pattern)}" in chat ${chatId}`,
      () => {
        for (const c of this.calls.slice(from)) {
          if (!['sendMessage', 'editMessageText', 'sendPhoto'].includes(c.method) || Number(c.payload.chat_id) !== chatId || c.status !== 200) continue;
          const text = String(c.payload.text ?? c.payload.caption ?? '');
          const visible = c.payload.parse_mode === 'HTML' ? parseTelegramHtml(text) : { ok: true as const, text };
          if (visible.ok && matches(visible.text)) {
            const id = c.method === 'editMessageText' ? Number(c.payload.message_id) : (c as ApiCall & { messageId?: number }).messageId;
            return this.messages.find((m) => m.chatId === chatId && m.messageId === id);
          }
        }
        return undefined;
      },
      options.timeoutMs,
    );
  }

  // ---- the server ----------------------------------------------------------------------------

  private newMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] === this.refusedToken) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    let payload: Record<string, unknown> = {};
    let upload: Map<string, { filename: string; bytes: Buffer }> | null = null;
    const raw = Buffer.concat(chunks).toString('utf8');
    const contentType = String(req.headers['content-type'] ?? '');
    if (/^multipart\/form-data/i.test(contentType)) {
      // An upload: text fields (objects JSON-encoded) and file parts, named directly or by attach://
      const parsed = parseMultipart(Buffer.concat(chunks), contentType);
      if (!parsed) return send(400, { ok: false, error_code: 400, description: 'Bad Request: the multipart body is broken' });
      payload = parsed.fields;
      upload = parsed.files;
      // a file sent as the field itself (document=<file>) is the same as document=attach://document
      for (const name of upload.keys()) if (!(name in payload)) payload[name] = `attach://${name}`;
    } else if (raw) {
      try {
        payload = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(400, { ok: false, error_code: 400, description: 'Bad Request: the body is not JSON' });
      }
    }
    const held = this.holds.find((h) => h.hold.method === method && (h.hold.chatId === undefined || Number(payload.chat_id) === h.hold.chatId));
    if (held) {
      let gone = false;
      res.once('close', () => {
        gone = true;
      });
      await new Promise<void>((resolve) => {
        const go = () => {
          held.waiting.delete(go);
          resolve();
        };
        held.waiting.add(go);
        this.notify();
      });
      // The caller gave up meanwhile (a timeout): the call never reached the API. (A moment for
      // the network first: a caller that gave up just now has not been seen to close yet.)
      await new Promise((r) => setTimeout(r, 20));
      if (gone || req.socket.destroyed || !this.server?.listening) return;
    }
    const call: ApiCall & { messageId?: number } = { method, payload, at: performance.now(), status: 200, ...(req.headers['x-webhook-answer'] ? { viaWebhook: true } : {}) };
    this.calls.push(call);
    const failure = this.failures.find((f) => f.method === method && (f.chatId === undefined || Number(payload.chat_id) === f.chatId));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      call.status = failure.status;
      send(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
      return this.notify();
    }
    if (method === 'getUpdates') return this.getUpdates(payload, send);
    if (['sendMessage', 'sendPhoto', 'editMessageText'].includes(method)) {
      const chatId = Number(payload.chat_id);
      if (this.blocked.has(chatId) && method !== 'editMessageText') {
        call.status = 403;
        send(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
        return this.notify();
      }
      if (this.limits) {
        const now = performance.now();
        this.recentSends = this.recentSends.filter((x) => now - x.at < 1000);
        const toChat = this.recentSends.filter((x) => x.chatId === chatId).length;
        if (this.recentSends.length >= this.limits.perSecond || toChat >= (this.limits.perChatPerSecond ?? Infinity)) {
          this.limited += 1;
          call.status = 429;
          const after = this.limits.retryAfter ?? 1;
          send(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${after}`, parameters: { retry_after: after } });
          return this.notify();
        }
        this.recentSends.push({ at: now, chatId });
      }
    }
    const result = this.answer(method, payload, call, upload);
    if (typeof result === 'string') {
      call.status = 400;
      this.refused.push(`${method}: ${result}`);
      // An edit that changes nothing, a message that is gone, a query answered already or a chat
      // never opened are refusals Telegram makes of calls it could take; the rest break a limit.
      if (!/^(message (is not modified|to edit not found)|query is too old|chat not found)/.test(result)) this.violations.push(`${method}: ${result}`);
      send(400, { ok: false, error_code: 400, description: `Bad Request: ${result}` });
    } else send(200, { ok: true, result });
    this.notify();
  }


  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async getUpdates(payload: Record<string, unknown>, send: (status: number, body: unknown) => void): Promise<void> {
    const offset = Number(payload.offset ?? 0);
    this.offsets.push(payload.offset === undefined ? undefined : offset);
    if (offset > this.confirmed) this.confirmed = offset;
    const deadline = Date.now() + Math.min(Number(payload.timeout ?? 0), 30) * 1000;
    for (;;) {
      // As Telegram: an update stays until a later offset confirms it, and comes again until then.
      this.queue = this.queue.filter((u) => (u as { update_id: number }).update_id >= this.confirmed);
      const batch = [...this.redelivered.splice(0), ...this.queue.slice(0, Number(payload.limit ?? 100))];
      if (batch.length || Date.now() >= deadline || !this.server?.listening) {
        send(200, { ok: true, result: batch });
        for (const u of batch) {
          const id = (u as { update_id: number }).update_id;
          this.handedOut.set(id, (this.handedOut.get(id) ?? 0) + 1);
        }
        this.notify();
        return;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.pollers.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.pollers.add(wake);
      });
    }
  }

  /** The result of a method, or a limit it broke. */
  private answer(method: string, p: Record<string, unknown>, call: ApiCall & { messageId?: number }, upload: Map<string, { filename: string; bytes: Buffer }> | null = null): unknown {
    // an attach://name reference must name a file part of the same request
    const attached = (value: unknown) => {
      const m = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value) : null;
      return m ? (upload?.get(m[1]!) ?? null) : undefined;
    };
    switch (method) {
      case 'getMe':
        return { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'setMyCommands': {
        const commands = p.commands as { command: string; description: string }[];
        if (!Array.isArray(commands) || commands.length > 100) return 'commands must be a list of at most 100';
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return `bad command name ${c.command}`;
          if (!c.description || c.description.length > 256) return `bad description for ${c.command}`;
        }
        const key = menuKey(p, this.started);
        if (!key.ok) return key.problem;
        this.menus.set(key.key, commands.map((c) => c.command));
        return true;
      }
      case 'deleteMyCommands': {
        const key = menuKey(p, this.started);
        if (!key.ok) return key.problem;
        this.menus.delete(key.key);
        return true;
      }
      case 'setWebhook': {
        const secret = p.secret_token as string | undefined;
        if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) return 'bad secret_token';
        if (!/^https:\/\//.test(String(p.url))) return 'webhook url must be https';
        this.webhook = { url: String(p.url), secret };
        return true;
      }
      case 'deleteWebhook':
        this.webhook = null;
        return true;
      case 'answerCallbackQuery': {
        if (typeof p.text === 'string' && p.text.length > CALLBACK_TEXT_MAX) return `callback answer text over ${CALLBACK_TEXT_MAX}`;
        const id = String(p.callback_query_id);
        // A query is answered once; one the fake never issued is as good as expired.
        if (this.answeredCallbacks.has(id) || !this.issuedCallbacks.has(id)) return QUERY_TOO_OLD;
        this.answeredCallbacks.add(id);
        return true;
      }
      case 'sendMessage':
      case 'editMessageText': {
        const problem = this.checkText(String(p.text ?? ''), p.parse_mode as string | undefined, TEXT_MAX) ?? this.checkKeyboard(p.reply_markup);
        if (problem) return problem;
        const chatId = Number(p.chat_id);
        if (method === 'editMessageText') {
          const m = this.messages.find((x) => x.chatId === chatId && x.messageId === Number(p.message_id));
          if (!m) return 'message to edit not found';
          if (m.text === p.text && JSON.stringify(m.keyboard) === JSON.stringify(keyboardOf(p.reply_markup))) return NOT_MODIFIED;
          m.text = String(p.text);
          m.keyboard = keyboardOf(p.reply_markup);
          return this.wire(m);
        }
        const m: SentMessage = { chatId, messageId: this.newMessageId(chatId), text: String(p.text), parseMode: p.parse_mode as string | undefined, keyboard: keyboardOf(p.reply_markup), firstKeyboard: keyboardOf(p.reply_markup) };
        this.messages.push(m);
        call.messageId = m.messageId;
        return this.wire(m);
      }
      case 'editMessageReplyMarkup': {
        const problem = this.checkKeyboard(p.reply_markup);
        if (problem) return problem;
        const m = this.messages.find((x) => x.chatId === Number(p.chat_id) && x.messageId === Number(p.message_id));
        if (!m) return 'message to edit not found';
        const next = keyboardOf(p.reply_markup);
        if (JSON.stringify(next) === JSON.stringify(m.keyboard)) return NOT_MODIFIED;
        m.keyboard = next;
        return this.wire(m);
      }
      case 'sendDocument': {
        const file = attached(p.document);
        if (!file) return 'there is no document in the request';
        if (file.bytes.length > 50 * 1024 * 1024) return 'file is too big';
        const problem = p.caption === undefined ? null : this.checkText(String(p.caption), p.parse_mode as string | undefined, CAPTION_MAX, true);
        if (problem) return problem;
        const chatId = Number(p.chat_id);
        this.uploads.push({ method: 'sendDocument', chatId, filename: file.filename, bytes: file.bytes, ...(p.caption !== undefined ? { caption: String(p.caption) } : {}) });
        const m: SentMessage = { chatId, messageId: this.newMessageId(chatId), text: String(p.caption ?? ''), parseMode: undefined, keyboard: [], firstKeyboard: [], photo: undefined };
        call.messageId = m.messageId;
        return { ...this.wire({ ...m, photo: 'document' }), document: { file_id: `doc-${m.messageId}`, file_unique_id: `u${m.messageId}`, file_name: file.filename, file_size: file.bytes.length } };
      }
      case 'sendPhoto': {
        const file = attached(p.photo);
        if (file === null) return 'there is no photo in the request';
        if (file) {
          if (file.bytes.length > 10 * 1024 * 1024) return 'photo is too big';
          this.uploads.push({ method: 'sendPhoto', chatId: Number(p.chat_id), filename: file.filename, bytes: file.bytes });
        }
        if (typeof p.photo !== 'string' || !p.photo) return 'photo must be a file_id or URL';
        const problem = p.caption === undefined ? null : this.checkText(String(p.caption), p.parse_mode as string | undefined, CAPTION_MAX, true);
        if (problem) return problem;
        const chatId = Number(p.chat_id);
        const m: SentMessage = { chatId, messageId: this.newMessageId(chatId), text: String(p.caption ?? ''), parseMode: p.parse_mode as string | undefined, keyboard: [], firstKeyboard: [], photo: p.photo };
        this.messages.push(m);
        call.messageId = m.messageId;
        return { ...this.wire(m), photo: [{ file_id: p.photo, file_unique_id: 'u', width: 1280, height: 853 }] };
      }
      default:
        return `method ${method} is not supported by the fake`;
    }
  }

  private checkText(text: string, parseMode: string | undefined, max: number, mayBeEmpty = false): string | null {
    let visible = text;
    if (parseMode === 'HTML') {
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) return `can't parse entities: ${parsed.problem}`;
      visible = parsed.text;
    } else if (parseMode !== undefined) return `parse mode ${parseMode} is not used by this bot`;
    if (!mayBeEmpty && !visible.trim()) return 'message text is empty';
    if (visible.length > max) return `text is too long (${visible.length} > ${max})`;
    if (text.length > max * 2) return `raw text is too long (${text.length})`;
    return null;
  }

  private checkKeyboard(markup: unknown): string | null {
    for (const b of keyboardOf(markup).flat()) {
      if (!b.text) return 'button text is empty';
      const bytes = Buffer.byteLength(b.callback_data ?? '', 'utf8');
      if (bytes < 1 || bytes > CALLBACK_DATA_MAX) return `BUTTON_DATA_INVALID (${bytes} bytes)`;
    }
    return null;
  }

  private wire(m: SentMessage): Record<string, unknown> {
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: m.chatId, type: 'private' },
      from: BOT_USER,
      ...(m.photo ? {} : { text: m.text }),
      ...(m.keyboard.length ? { reply_markup: { inline_keyboard: m.keyboard } } : {}),
    };
  }
}

// Where a menu applies: the default scope, or one chat the bot knows (a private chat's id is the
// person's user id, known once they wrote); and its language.
function menuKey(p: Record<string, unknown>, started: ReadonlySet<number>): { ok: true; key: string } | { ok: false; problem: string } {
  const scope = (p.scope ?? { type: 'default' }) as { type?: unknown; chat_id?: unknown };
  const lang = typeof p.language_code === 'string' ? p.language_code : '';
  if (lang && !/^[a-z]{2}$/.test(lang)) return { ok: false, problem: `bad language_code ${lang}` };
  const suffix = lang ? `:${lang}` : '';
  if (scope.type === 'default') return { ok: true, key: `default${suffix}` };
  if (scope.type === 'chat') {
    if (typeof scope.chat_id !== 'number' || !started.has(scope.chat_id)) return { ok: false, problem: 'chat not found' };
    return { ok: true, key: `chat:${String(scope.chat_id)}${suffix}` };
  }
  return { ok: false, problem: `scope ${String(scope.type)} is not used by this bot` };
}

function keyboardOf(markup: unknown): Button[][] {
  const rows = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
  return Array.isArray(rows) ? rows.map((r) => r.map((b) => ({ text: b.text, callback_data: b.callback_data }))) : [];
}
