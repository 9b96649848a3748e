// The real process on Telegram in webhook mode: setWebhook with the secret at start, the update
// path refuses a wrong or missing secret (401, nothing processed), takes the right one, processes
// a redelivered update once, and answers the health check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TOKEN = '123456789:AAE2e-test-token-for-the-fake-api';
const SECRET = 'e2e_webhook-secret_0123456789abcdef';

describe('Telegram in webhook mode, end to end', () => {
  let fake: FakeBotApi;
  let db: BotDatabase;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    fake = await new FakeBotApi().start();
    db = await createBotDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/updates',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > 0, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  // Posts as Telegram does, and runs a method the bot's answer carries, as Telegram does.
  const post = async (update: unknown, secret: string | undefined, path = '/telegram/updates') => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
      body: JSON.stringify(update),
    });
    return { status: await fake.runWebhookAnswer(res) };
  };

  it('registers the webhook with its secret and never polls', () => {
    expect(fake.webhook).toEqual({ url: 'https://bot.example.org/telegram/updates', secret: SECRET });
    expect(fake.callsOf('setWebhook')[0]!.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(0);
  });

  it('answers the health check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses a wrong or a missing secret with 401 and processes nothing', async () => {
    const mark = fake.calls.length;
    expect((await post(fake.textUpdate(2001, '/start'), 'wrong-secret')).status).toBe(401);
    expect((await post(fake.textUpdate(2001, '/start'), `${SECRET}x`)).status).toBe(401);
    expect((await post(fake.textUpdate(2001, '/start'), undefined)).status).toBe(401);
    expect((await post(fake.textUpdate(2001, '/start'), SECRET, '/elsewhere')).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls.slice(mark)).toEqual([]);
  });

  it('processes an update with the right secret, and the same update twice only once', async () => {
    const update = fake.textUpdate(2002, '/start');
    const mark = fake.calls.length;
    expect((await post(update, SECRET)).status).toBe(200);
    // The reply was sent before the webhook answered: Telegram's retry would come after it.
    expect(fake.calls.slice(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 2002)).toBe(true);
    expect((await post(update, SECRET)).status).toBe(200);
    expect((await post(fake.textUpdate(2002, '/decu'), SECRET)).status).toBe(200);
    const sent = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => String(c.payload.text).includes('Xin chào'))).toEqual([true, false]);
    expect(String(sent[1]!.payload.text)).toContain('Bạn muốn đề cử ai');
  });

  it('takes a button press through the webhook and answers its callback query', async () => {
    const mark = fake.calls.length;
    const press = fake.pressUpdate(2002, fake.lastKeyboard(2002), 'Người tốt, việc tốt');
    expect((await post(press, SECRET)).status).toBe(200);
    const calls = fake.calls.slice(mark);
    // The answer rode in the response to the POST: one call of the bot's own, the next question.
    expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toEqual([expect.objectContaining({ viaWebhook: true, status: 200, payload: { callback_query_id: (press.callback_query as { id: string }).id } })]);
    expect(calls.filter((c) => !c.viaWebhook).map((c) => c.method)).toEqual(['sendMessage']);
    expect(calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Người này ở tổ dân phố, làng hay cơ quan nào?'))).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('refuses a body that is not an update', async () => {
    expect((await post({ hello: 'world' }, SECRET)).status).toBe(400);
  });

  it('refuses to start with a malformed token or a webhook without its secret, naming the variable', async () => {
    const bad = startBotProcess({ DATA_DIR: 'memory://', TELEGRAM_BOT_TOKEN: 'not-a-token', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' });
    expect(await bad.exited).toBe(78);
    expect(bad.stderr()).toMatch(/TELEGRAM_BOT_TOKEN must be the token @BotFather gave you/);
    expect(bad.stderr()).toMatch(/TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set/);
  });

  it('stays within the limits and stops cleanly on SIGTERM', async () => {
    expect(fake.violations).toEqual([]);
    expect(fake.refused).toEqual([]);
    expect(await bot.stop('SIGTERM')).toBe(0);
    const [r] = await db.query<{ n: number }>(`select count(*)::int as n from inbound_events where channel = 'telegram'`);
    expect(r!.n).toBe(3);
  });
});
