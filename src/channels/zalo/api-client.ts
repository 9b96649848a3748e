// A small typed client of the Zalo Bot Platform API: POST JSON to `<root>/bot<token>/<method>`,
// every answer checked with zod. Every request has a timeout (a poll: its long-poll wait plus a
// margin; anything else: a few seconds), so an API that hangs fails the call instead of stalling
// the chat. A 429 is retried after a growing pause, within a cap; a 401 is a token problem and
// fails with ZaloTokenError; an empty poll (408, as HTTP status or in the body) is "no update".
import type { z } from 'zod';
import { botInfoSchema, envelopeSchema, readUpdate, sentSchema, type ZaloUpdate } from './wire.js';

/** Zalo refused the token: a configuration problem, reported as such. */
export class ZaloTokenError extends Error {
  readonly code = 'ZALO_TOKEN_REFUSED';
  constructor() {
    super('Zalo refused ZALO_BOT_TOKEN: check the token Zalo Bot Creator gave you (it may have been reset)');
  }
}

/** An error answer from the API other than the expected ones. */
export class ZaloApiError extends Error {
  readonly code = 'ZALO_API_ERROR';
  /** A 429 or a 5xx: the same call may succeed later. */
  readonly retryable: boolean;
  constructor(
    readonly method: string,
    readonly errorCode: number,
    description: string,
  ) {
    super(`Zalo ${method} failed (${errorCode}): ${description}`);
    this.retryable = errorCode === 429 || errorCode >= 500;
  }
}

/** No answer from the API: it could not be reached, or it did not answer in time. */
export class ZaloUnreachableError extends Error {
  readonly code = 'ZALO_UNREACHABLE';
  readonly retryable = true;
  constructor(
    readonly method: string,
    readonly reason: 'timeout' | 'network',
  ) {
    super(`Zalo ${method}: ${reason === 'timeout' ? 'no answer in time' : 'could not reach the API'}`);
  }
}

/** A poll whose result is not an update the bot can read: it is skipped, not retried. */
export class ZaloUnreadableUpdateError extends Error {
  readonly code = 'ZALO_UNREADABLE_UPDATE';
  readonly retryable = false;
}

/** The methods the bot calls. */
export interface ZaloApi {
  getMe(): Promise<z.infer<typeof botInfoSchema>>;
  /** One update, or null when none arrived within the timeout (408). */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<ZaloUpdate | null>;
  setWebhook(url: string, secretToken: string): Promise<void>;
  deleteWebhook(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<void>;
  sendPhoto(chatId: string, photo: string, caption?: string): Promise<void>;
  sendChatAction(chatId: string, action: 'typing'): Promise<void>;
}

/** Client settings; `sleep` is replaceable in tests. */
export interface ZaloApiOptions {
  token: string;
  apiRoot: string;
  /** How many times a 429 is retried before giving up. */
  maxRetries?: number;
  /** The longest pause before a 429 is retried; a longer one fails the call (retryable). */
  maxRetryDelayMs?: number;
  /** How long a call other than a poll may take. */
  callTimeoutMs?: number;
  /** How long a poll may take beyond the wait it asked the server for. */
  pollMarginMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const EMPTY_POLL = 408;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Creates the client. */
export function createZaloApi(o: ZaloApiOptions): ZaloApi {
  const base = `${o.apiRoot.replace(/\/+$/, '')}/bot${o.token}`;
  const sleep = o.sleep ?? sleepFor;
  const maxRetries = o.maxRetries ?? 5;
  const maxRetryDelayMs = o.maxRetryDelayMs ?? 30_000;
  const callTimeoutMs = o.callTimeoutMs ?? 10_000;
  const pollMarginMs = o.pollMarginMs ?? 10_000;

  /** One request and its answer's text, within `timeoutMs`; a stop by the caller's signal is rethrown as it is. */
  async function request(method: string, payload: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<{ status: number; text: string }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetch(`${base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (res.status === EMPTY_POLL) {
        await res.body?.cancel();
        return { status: EMPTY_POLL, text: '' };
      }
      return { status: res.status, text: await res.text() };
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ZaloUnreachableError(method, timeout.aborted ? 'timeout' : 'network');
    }
  }

  /** One call; `empty` is returned for a 408 when the method allows it. */
  async function call(method: string, payload: Record<string, unknown>, signal?: AbortSignal, timeoutMs = callTimeoutMs): Promise<{ ok: true; result: unknown } | { ok: 'empty' }> {
    for (let attempt = 0; ; attempt++) {
      const res = await request(method, payload, timeoutMs, signal);
      if (res.status === EMPTY_POLL) return { ok: 'empty' };
      const text = res.text;
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's error page): judged by the HTTP status below.
      }
      const parsed = envelopeSchema.safeParse(json);
      const httpOk = res.status >= 200 && res.status < 300;
      const errorCode = parsed.success ? (parsed.data.ok ? null : parsed.data.error_code) : httpOk ? -1 : res.status;
      if (errorCode === null && parsed.success && parsed.data.ok) return { ok: true, result: parsed.data.result };
      if (errorCode === EMPTY_POLL) return { ok: 'empty' };
      if (errorCode === 401 || res.status === 401) throw new ZaloTokenError();
      if ((errorCode === 429 || res.status === 429) && attempt < maxRetries) {
        const after = parsed.success && !parsed.data.ok ? parsed.data.parameters?.retry_after : undefined;
        const pause = after ? after * 1000 : Math.min(30_000, 500 * 2 ** attempt);
        if (pause <= maxRetryDelayMs) {
          await sleep(pause);
          continue;
        }
      }
      const description = parsed.success && !parsed.data.ok ? (parsed.data.description ?? '') : `unexpected answer (HTTP ${res.status})`;
      throw new ZaloApiError(method, errorCode ?? res.status, description);
    }
  }

  async function result<S extends z.ZodType>(method: string, payload: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    const r = await call(method, payload);
    if (r.ok === 'empty') throw new ZaloApiError(method, EMPTY_POLL, 'timed out');
    const parsed = schema.safeParse(r.result);
    if (!parsed.success) throw new ZaloApiError(method, -1, 'unexpected result shape');
    return parsed.data;
  }

  return {
    getMe: () => result('getMe', {}, botInfoSchema),
    async getUpdates(timeoutSeconds, signal) {
      const r = await call('getUpdates', { timeout: String(timeoutSeconds) }, signal, timeoutSeconds * 1000 + pollMarginMs);
      if (r.ok === 'empty' || r.result === null || r.result === undefined) return null;
      const update = readUpdate(r.result);
      if (!update) throw new ZaloUnreadableUpdateError('getUpdates returned something that is not an update');
      return update;
    },
    async setWebhook(url, secretToken) {
      await call('setWebhook', { url, secret_token: secretToken });
    },
    async deleteWebhook() {
      await call('deleteWebhook', {});
    },
    async sendMessage(chatId, text) {
      await result('sendMessage', { chat_id: chatId, text }, sentSchema);
    },
    async sendPhoto(chatId, photo, caption) {
      await result('sendPhoto', { chat_id: chatId, photo, ...(caption ? { caption } : {}) }, sentSchema);
    },
    async sendChatAction(chatId, action) {
      await call('sendChatAction', { chat_id: chatId, action });
    },
  };
}
