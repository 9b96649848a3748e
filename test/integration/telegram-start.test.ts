// The Telegram channel started in-process against the fake Bot API (no database: the turn
// service is a stub): a refused token is a configuration error, and stop() waits for the reply
// in hand.
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { startTelegramChannel, TelegramTokenError } from '../../src/channels/telegram/telegram-channel.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { TurnService } from '../../src/services/turn-service.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

const TOKEN = '123456789:AAIntegration-token-for-the-fake';

describe('starting the Telegram channel', () => {
  let fake: FakeBotApi;
  beforeAll(async () => {
    fake = await new FakeBotApi().start();
  });
  afterAll(async () => fake?.close());

  const options = async (turns: TurnService) => ({
    config: { token: TOKEN, apiRoot: fake.apiRoot, webhook: null },
    httpServer: () => Promise.reject(new Error('polling mode starts no HTTP server')),
    turns,
    registry: appRegistry,
    members: { setReachable: async () => true },
    translator: await createTranslator(),
    defaultLocale: 'vi' as const,
    log: silentLogger,
  });

  it('reports a token Telegram refuses as a configuration problem', async () => {
    fake.refusedToken = TOKEN;
    try {
      await expect(startTelegramChannel(await options({ handle: async () => ({ kind: 'duplicate' }), idle: async () => undefined, flushDelivered: async () => undefined, undelivered: async () => [] }))).rejects.toBeInstanceOf(
        TelegramTokenError,
      );
    } finally {
      fake.refusedToken = null;
    }
  });

  it('polls, and stop() waits for the reply in hand before resolving', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let inHand = false;
    const channel = await startTelegramChannel(
      await options({
        handle: async () => {
          inHand = true;
          await gate;
          return { kind: 'reply', locale: 'vi', messages: [{ kind: 'text', text: [{ raw: 'done <ok>' }] }], delivered: () => undefined, failed: async () => undefined, redelivery: false };
        },
        idle: async () => undefined,
        flushDelivered: async () => undefined,
        undelivered: async () => [],
      }),
    );
    expect(channel.mode).toBe('polling');
    fake.push(fake.textUpdate(77, 'hello'));
    await fake.waitFor('the update in hand', () => inHand);
    let stopped = false;
    const stopping = channel.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(fake.callsOf('sendMessage', 77).map((c) => c.payload.text)).toEqual(['done &lt;ok&gt;']);
  });
});
