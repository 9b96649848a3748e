import type { Api } from 'grammy';
import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { ReplySender } from '../../src/channels/telegram/reply-sender.js';
import { createUpdateHandler, type WebhookAnswer } from '../../src/channels/telegram/update-handler.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { TurnReply, TurnService } from '../../src/services/turn-service.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

const t = await createTranslator();
const fake = new FakeBotApi();

/** An Api that records calls and fails the methods told to. */
function recordingApi(fail: Record<string, unknown> = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  let id = 0;
  const api = new Proxy({} as Record<string, unknown>, {
    get: (_, method: string) => async (...args: unknown[]) => {
      calls.push({ method, args });
      if (fail[method]) throw fail[method];
      return method === 'sendMessage' ? { message_id: ++id } : true;
    },
  }) as unknown as Api;
  return { api, calls };
}

function handlerWith(api: Api, handle: TurnService['handle'], reachable: [string, boolean][] = []) {
  return createUpdateHandler({
    api,
    turns: { handle, idle: async () => undefined, flushDelivered: async () => undefined, undelivered: async () => [] },
    members: { setReachable: async (_c, user, r) => (reachable.push([user, r]), true) },
    sender: new ReplySender(api),
    translator: t,
    defaultLocale: 'vi',
    log: silentLogger,
    botUsername: () => 'dienhinh_test_bot',
    botId: () => '42',
  });
}

const reply: TurnReply = { kind: 'reply', locale: 'vi', messages: [{ kind: 'text', text: [{ key: 'menu.hint' }] }], delivered: () => undefined, failed: async () => undefined, redelivery: false };
const blocked = new GrammyError('blocked', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 'sendMessage', {});

describe('telegram update handler', () => {
  it('says sorry when the turn fails, answers the button anyway, and rethrows (a webhook answers 500)', async () => {
    const { api, calls } = recordingApi();
    const handle = handlerWith(api, async () => {
      throw Object.assign(new Error('db down'), { code: 'DB_CALL_FAILED' });
    });
    const press = fake.pressUpdate(11, { chatId: 11, messageId: 1, text: 'q', parseMode: 'HTML', keyboard: [[{ text: 'A', callback_data: 'kind.1:a' }]], firstKeyboard: [] }, 'A');
    await expect(handle(press as unknown as Update)).rejects.toThrow('db down');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery']);
    expect(calls[0]!.args[1]).toBe(t('vi')('telegram.failure'));
  });

  it('marks the person unreachable on a 403 instead of failing', async () => {
    const { api } = recordingApi({ sendMessage: blocked });
    const reachable: [string, boolean][] = [];
    const handle = handlerWith(api, async () => reply, reachable);
    await handle(fake.textUpdate(12, 'hi') as unknown as Update);
    expect(reachable).toEqual([['12', false]]);
  });

  it('shows nothing for a redelivered update already answered, and does not answer its button twice', async () => {
    const { api, calls } = recordingApi();
    const handle = handlerWith(api, async () => ({ kind: 'duplicate' }));
    const press = fake.pressUpdate(13, { chatId: 13, messageId: 1, text: 'q', parseMode: 'HTML', keyboard: [[{ text: 'A', callback_data: 'kind.1:a' }]], firstKeyboard: [] }, 'A');
    await handle(press as unknown as Update);
    // The first delivery answered the button; Telegram refuses a second answer with 400.
    expect(calls.map((c) => c.method)).toEqual([]);
  });

  describe('in webhook mode', () => {
    const pressOn = (user: number) =>
      fake.pressUpdate(user, { chatId: user, messageId: 1, text: 'q', parseMode: 'HTML', keyboard: [[{ text: 'A', callback_data: 'kind.1:a' }]], firstKeyboard: [] }, 'A');

    it("gives the button's answer in the webhook's answer: the reply is the only call", async () => {
      const { api, calls } = recordingApi();
      const handle = handlerWith(api, async () => reply);
      const press = pressOn(14);
      const answer: WebhookAnswer = { method: null };
      await handle(press as unknown as Update, answer);
      expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
      expect(answer.method).toEqual({ method: 'answerCallbackQuery', callback_query_id: (press.callback_query as { id: string }).id });
    });

    it('answers the button by a call when the update fails (Telegram reads no method from a 500)', async () => {
      const { api, calls } = recordingApi();
      const handle = handlerWith(api, async () => {
        throw Object.assign(new Error('db down'), { code: 'DB_CALL_FAILED' });
      });
      const answer: WebhookAnswer = { method: null };
      await expect(handle(pressOn(15) as unknown as Update, answer)).rejects.toThrow('db down');
      expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery']);
      expect(answer.method).toBeNull();
    });

    it('answers the button by a call when sending the reply fails after the answer was put in the webhook answer', async () => {
      const { api, calls } = recordingApi({ sendMessage: new Error('network down') });
      const handle = handlerWith(api, async () => reply);
      const answer: WebhookAnswer = { method: null };
      await expect(handle(pressOn(16) as unknown as Update, answer)).rejects.toThrow();
      expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery']);
      expect(answer.method).toBeNull();
    });
  });
});
