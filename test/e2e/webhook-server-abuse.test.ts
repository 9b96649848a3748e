// The real process in webhook mode, attacked over raw sockets: request targets that once made the
// listener throw ("//", "//[", "/\"), absurd methods, huge headers, broken bodies; clients that
// dribble headers or send nothing; bodies that never end; more connections than the cap. It
// answers 4xx and goes on, and /healthz and a real update are still answered meanwhile and after.
// And a webhook request is not held open: a long 429 or a Bot API that does not answer gets a
// prompt 500 (Telegram delivers the update again later), and the chat goes on afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { rawRequest, slowClient } from '../support/raw-http.js';

const TOKEN = '123456789:AAE2e-abuse-token-for-the-fake-api';
const SECRET = 'e2e_abuse-secret_0123456789abcdef';
const PATH = '/telegram/updates';
// The server's limits (src/channels/http-server.ts): headers within 10 s, a body within 10 s, 512 connections.
const HEADERS_TIMEOUT_MS = 10_000;
const MAX_CONNECTIONS = 512;
// A start takes seconds; on a machine busy with other work, far longer.
const START_MS = 150_000;

describe('the webhook server under attack', () => {
  let fake: FakeBotApi;
  let db: BotDatabase;
  let bot: BotProcess;
  let port: number;
  let exitCode: number | null | undefined;

  beforeAll(async () => {
    fake = await new FakeBotApi().start();
    db = await createBotDatabase();
    port = await freePort();
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://bot.example.org${PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    void bot.exited.then((code) => {
      exitCode = code;
    });
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > 0, START_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  }, START_MS + 30_000);

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  const healthz = async () => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  const post = async (update: unknown, timeoutMs = 30_000) => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  const alive = () => {
    if (exitCode !== undefined) throw new Error(`the bot exited (${exitCode})\n${bot.stderr()}`);
  };

  it('answers 4xx to requests of any shape, and keeps serving', async () => {
    const line = (target: string, method = 'GET', headers = '') => `${method} ${target} HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n${headers}\r\n`;
    const cases: [string, string | Buffer, (status: number | null) => boolean][] = [
      ['GET //', line('//'), (s) => s === 400],
      ['GET //[', line('//['), (s) => s === 400],
      ['GET /\\', line('/\\'), (s) => s === 400],
      ['POST //telegram/updates', line(`/${PATH}`, 'POST', `X-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 2\r\n`) + '{}', (s) => s === 400],
      ['GET /%zz', line('/%zz'), (s) => s === 400],
      ['OPTIONS *', line('*', 'OPTIONS'), (s) => s === 400],
      ['an absurd method', line('/healthz', 'FLURB'), (s) => s === 400],
      ['a method that is no method', line('/healthz', 'G\u0001T'), (s) => s === 400],
      ['HTTP/9.9', 'GET /healthz HTTP/9.9\r\nHost: bot\r\n\r\n', (s) => s !== null && s >= 400],
      ['huge headers', line('/healthz', 'GET', `X-Big: ${'a'.repeat(64 * 1024)}\r\n`), (s) => s === 431],
      ['a huge target', line(`/${'a'.repeat(70 * 1024)}`), (s) => s !== null && s >= 400 && s < 500],
      ['binary garbage', Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]), (s) => s === 400],
      ['a broken Content-Length', line('/healthz', 'GET', 'Content-Length: abc\r\n'), (s) => s === 400],
      ['a smuggling attempt', line(PATH, 'POST', 'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n') + '0\r\n\r\n', (s) => s === 400],
      ['a broken chunk', line(PATH, 'POST', `X-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nTransfer-Encoding: chunked\r\n`) + 'zz\r\nhello\r\n', (s) => s === 400],
      ['a body over 1 MiB', line(PATH, 'POST', `X-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: ${2 * 1024 * 1024}\r\n`) + 'x'.repeat(1024), (s) => s === 413],
      ['no Host', 'GET /healthz HTTP/1.1\r\n\r\n', (s) => s === 400],
      ['a wrong secret with a body', line(PATH, 'POST', 'X-Telegram-Bot-Api-Secret-Token: nope\r\nContent-Length: 2\r\n') + '{}', (s) => s === 401],
      ['DELETE on the webhook', line(PATH, 'DELETE'), (s) => s === 405],
      ['an unknown path', line('/wp-login.php'), (s) => s === 404],
      ['the absolute form', line('http://bot/healthz'), (s) => s === 200],
      ['HEAD /healthz', line('/healthz', 'HEAD'), (s) => s === 200],
    ];
    const answers = await Promise.all(cases.map(([, data]) => rawRequest(port, data)));
    const wrong = cases.flatMap(([name, , ok], i) => (ok(answers[i]!.status) ? [] : [`${name}: ${answers[i]!.status} ${JSON.stringify(answers[i]!.text.slice(0, 80))}`]));
    expect(wrong).toEqual([]);
    // A client that goes away in the middle of its body.
    await rawRequest(port, `POST ${PATH} HTTP/1.1\r\nHost: bot\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 500\r\n\r\n{"upd`, { waitMs: 200 });
    alive();
    expect((await healthz()).status).toBe(200);
    expect((await post(fake.textUpdate(5001, '/start'))).status).toBe(200);
    alive();
  });

  it('is not exhausted by slow or silent clients and endless bodies: /healthz and a real update are answered meanwhile', async () => {
    const giveUp = HEADERS_TIMEOUT_MS + 8_000;
    const slow = Array.from({ length: 200 }, () => slowClient(port, 'GET /healthz HTTP/1.1\r\nHost: bot\r\nX-Slow: ', 500, giveUp));
    const silent = Array.from({ length: 40 }, () => slowClient(port, '', 60_000, giveUp));
    const endless = Array.from({ length: 10 }, (_, i) =>
      slowClient(
        port,
        i % 2
          ? `POST ${PATH} HTTP/1.1\r\nHost: bot\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 100000\r\n\r\n{"update_id":`
          : `POST ${PATH} HTTP/1.1\r\nHost: bot\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n`,
        400,
        giveUp,
        i % 2 ? 'X' : '1\r\nX\r\n',
      ),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const health = await healthz();
    expect(health.status).toBe(200);
    // Seconds at most even on a busy machine; the slow clients do not queue it.
    expect(health.ms).toBeLessThan(3_000);
    const mark = fake.calls.length;
    const update = await post(fake.textUpdate(5002, '/decu'));
    expect(update.status).toBe(200);
    expect(fake.calls.slice(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 5002)).toBe(true);

    // Each of them is ended by the server: 408 once its deadline is over, none left hanging.
    const ended = await Promise.all([...slow, ...silent, ...endless]);
    const lingering = ended.filter((a) => !a.closed);
    expect(lingering).toHaveLength(0);
    expect(ended.filter((a) => a.status !== 408).map((a) => a.text.slice(0, 40))).toEqual([]);
    expect(Math.max(...ended.map((a) => a.ms))).toBeLessThan(HEADERS_TIMEOUT_MS + 6_000);
    alive();
    expect((await healthz()).status).toBe(200);
  });

  it('turns away connections over the cap, and serves again once the idle ones are ended', async () => {
    const idle = Array.from({ length: MAX_CONNECTIONS + 30 }, () => slowClient(port, '', 60_000, HEADERS_TIMEOUT_MS + 8_000));
    const ended = await Promise.all(idle);
    // The ones over the cap were closed at once, the rest at the headers deadline.
    expect(ended.filter((a) => a.ms < 5_000).length).toBeGreaterThanOrEqual(20);
    expect(ended.every((a) => a.closed)).toBe(true);
    alive();
    expect((await healthz()).status).toBe(200);
    expect((await post(fake.textUpdate(5003, '/start'))).status).toBe(200);
  });

  it('answers at once with 500 when Telegram asks to wait a minute (429), instead of holding the request; the chat goes on', async () => {
    const u = 5004;
    fake.fail({ method: 'sendMessage', chatId: u, status: 429, description: 'Too Many Requests: retry after 60', retryAfter: 60 });
    const limited = await post(fake.textUpdate(u, '/start'), 20_000);
    expect(limited.status).toBe(500);
    expect(limited.ms).toBeLessThan(8_000);
    const mark = fake.calls.length;
    expect((await post(fake.textUpdate(u, '/decu'))).status).toBe(200);
    expect(fake.calls.slice(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === u && c.status === 200)).toBe(true);
  });

  it('answers in bounded time when the Bot API does not answer at all; the chat goes on once it does', async () => {
    const u = 5005;
    const release = fake.hold({ method: 'sendMessage', chatId: u });
    const hung = await post(fake.textUpdate(u, '/start'), 40_000);
    release();
    expect(hung.status).toBe(500);
    expect(hung.ms).toBeLessThan(20_000);
    const mark = fake.calls.length;
    expect((await post(fake.textUpdate(u, '/decu'))).status).toBe(200);
    expect(fake.calls.slice(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === u && c.status === 200)).toBe(true);
  });

  it('never exited, logged no crash, and stops cleanly', async () => {
    alive();
    expect(bot.stderr()).not.toMatch(/unexpected error|Unhandled|TypeError|ERR_INVALID_URL/);
    expect(fake.violations).toEqual([]);
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
