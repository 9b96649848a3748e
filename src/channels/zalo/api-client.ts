// A small typed client of the Zalo Bot Platform API: POST JSON to `<root>/bot<token>/<method>`,
// every answer checked with zod. A 429 is retried after a growing pause; a 401 is a token
// problem and fails with ZaloTokenError; an empty poll (408, as HTTP status or in the body) is
// "no update", not an error.
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
  constructor(
    readonly method: string,
    readonly errorCode: number,
    description: string,
  ) {
    super(`Zalo ${method} failed (${errorCode}): ${description}`);
  }
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
  sleep?: (ms: number) => Promise<void>;
}

const EMPTY_POLL = 408;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Creates the client. */
export function createZaloApi(o: ZaloApiOptions): ZaloApi {
  const base = `${o.apiRoot.replace(/\/+$/, '')}/bot${o.token}`;
  const sleep = o.sleep ?? sleepFor;
  const maxRetries = o.maxRetries ?? 5;

  /** One call; `empty` is returned for a 408 when the method allows it. */
  async function call(method: string, payload: Record<string, unknown>, signal?: AbortSignal): Promise<{ ok: true; result: unknown } | { ok: 'empty' }> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        ...(signal ? { signal } : {}),
      });
      if (res.status === EMPTY_POLL) {
        await res.body?.cancel();
        return { ok: 'empty' };
      }
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's error page): judged by the HTTP status below.
      }
      const parsed = envelopeSchema.safeParse(json);
      const errorCode = parsed.success ? (parsed.data.ok ? null : parsed.data.error_code) : res.ok ? -1 : res.status;
      if (errorCode === null && parsed.success && parsed.data.ok) return { ok: true, result: parsed.data.result };
      if (errorCode === EMPTY_POLL) return { ok: 'empty' };
      if (errorCode === 401 || res.status === 401) throw new ZaloTokenError();
      if ((errorCode === 429 || res.status === 429) && attempt < maxRetries) {
        const after = parsed.success && !parsed.data.ok ? parsed.data.parameters?.retry_after : undefined;
        await sleep(after ? after * 1000 : Math.min(30_000, 500 * 2 ** attempt));
        continue;
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
      const r = await call('getUpdates', { timeout: String(timeoutSeconds) }, signal);
      if (r.ok === 'empty' || r.result === null || r.result === undefined) return null;
      const update = readUpdate(r.result);
      if (!update) throw new ZaloApiError('getUpdates', -1, 'unexpected update shape');
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
