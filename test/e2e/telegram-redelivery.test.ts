// Telegram re-sends an update (same update_id) when a webhook answer is slow or lost, possibly to
// another process or after a restart: it is processed once, because the event id is recorded in
// the database with the state change, not in a process's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TOKEN = '123456789:AAE2e-redelivery-token-for-the-fake';
const SECRET = 'e2e_redelivery_secret_0123456789';

describe('an update delivered again, to a restarted or a second process', () => {
  let fake: FakeBotApi;
  let db: BotDatabase;

  beforeAll(async () => {
    fake = await new FakeBotApi().start();
    db = await createBotDatabase();
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
  });

  async function webhookProcess(): Promise<{ bot: BotProcess; post: (update: unknown) => Promise<number> }> {
    const port = await freePort();
    const registered = fake.callsOf('setWebhook').length;
    const bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > registered, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    const post = async (update: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/tg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(update),
      });
      // Telegram runs a method the answer carries.
      return fake.runWebhookAnswer(res);
    };
    return { bot, post };
  }

  const repliesTo = (chat: number) => fake.callsOf('sendMessage', chat).length + fake.callsOf('editMessageText', chat).length;

  it('answers an update once, even when it arrives again after a restart', async () => {
    const first = await webhookProcess();
    const hello = fake.textUpdate(3001, 'xin chào');
    expect(await first.post(hello)).toBe(200);
    const answered = repliesTo(3001);
    expect(answered).toBeGreaterThan(0);
    expect(await first.bot.stop()).toBe(0);

    const second = await webhookProcess();
    try {
      expect(await second.post(hello)).toBe(200);
      expect(repliesTo(3001)).toBe(answered);
      // The person is still known and the next message is answered as usual.
      expect(await second.post(fake.textUpdate(3001, 'đề cử'))).toBe(200);
      expect(fake.transcript(3001)).toContain('Bạn muốn đề cử ai');
      expect(fake.refused).toEqual([]);
    } finally {
      await second.bot.stop();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('answers an update once when two processes receive it at the same moment', async () => {
    // Started one after the other: each is ready once its own setWebhook has arrived.
    const a = await webhookProcess();
    const b = await webhookProcess();
    try {
      const before = repliesTo(3002);
      const update = fake.textUpdate(3002, '/decu');
      const statuses = await Promise.all([a.post(update), b.post(update), a.post(update), b.post(update)]);
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(repliesTo(3002) - before).toBe(1);
    } finally {
      await Promise.all([a.bot.stop(), b.bot.stop()]);
    }
  });
});
