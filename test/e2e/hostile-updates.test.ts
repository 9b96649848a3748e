// Thousands of hostile and odd updates, through the real processes: one serving Telegram and
// Zalo by webhook on one server, one serving both by long polling. Every update carries unique
// markers in its texts, names and phone numbers. The processes never exit; every authentic update
// (the right secret, an update however odd) is answered 2xx, every body that is not an update
// 400, every forged request (a wrong or missing secret) 401; nothing of a forged request reaches
// the database or the platforms; no log line (at debug level) carries a marker or a phone number;
// and after the flood, polling is not behind: a new person's message is answered at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { HostileUpdates, MARKER, type HostileRequest } from '../support/hostile-updates.js';

const TG_TOKEN = '123456789:AAE2e-hostile-token-for-the-fake-api';
const TG_SECRET = 'e2e_hostile-telegram_secret_0123456789';
const ZALO_SECRET = 'e2e-hostile-zalo-secret-0123456789';
const TG_PATH = '/hooks/telegram';
const ZALO_PATH = '/hooks/zalo';

// How many of each: at least 2,000 authentic hostile updates in all, and forged ones on top.
const TG_WEBHOOK = 750;
const ZALO_WEBHOOK = 550;
const TG_POLLING = 450;
const ZALO_POLLING = 350;
const FORGED_MIXED = 150;
const FORGED_ALONE = 250;
// Each takes 10-15 s on an idle machine; a machine shared with other work may take many times that.
const TEST_TIMEOUT_MS = 480_000;

/** Runs `work` over `items`, `n` at a time. */
async function inParallel<T, R>(items: T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

/** What a process's logs must not hold: no marker, no phone number, no name. */
function leaks(stderr: string, phones: Set<string>): string[] {
  const found: string[] = [];
  const marker = new RegExp(MARKER.source, 'g');
  for (const m of stderr.matchAll(marker)) found.push(m[0]);
  for (const m of stderr.matchAll(/\+?\d[\d ]{8,14}\d/g)) if (phones.has(m[0]) || phones.has(m[0].replace(/ /g, ''))) found.push(m[0]);
  for (const word of ['Nguyễn', 'Chị ', 'chữ chữ']) if (stderr.includes(word)) found.push(word);
  return found;
}

// The webhook process and the polling process work side by side.
describe.concurrent('hostile and odd updates, end to end', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let webhookDb: BotDatabase;
  let pollingDb: BotDatabase;
  let port: number;
  const processes: BotProcess[] = [];
  const exits: (number | null)[] = [];
  const phones = new Set<string>();
  const forgedTelegramUsers = new Set<number>();
  const forgedZaloUsers = new Set<string>();

  const startWebhook = async () => {
    const registered = telegram.callsOf('setWebhook').length;
    const zaloRegistered = zalo.callsOf('setWebhook').length;
    const bot = startBotProcess({
      ...webhookDb.env,
      LOG_LEVEL: 'debug',
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://bot.example.org${TG_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_WEBHOOK_URL: `https://bot.example.org${ZALO_PATH}`,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    });
    processes.push(bot);
    void bot.exited.then((code) => exits.push(code));
    await telegram.waitFor('Telegram setWebhook', () => telegram.callsOf('setWebhook').length > registered, 150_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    await zalo.waitFor('Zalo setWebhook', () => zalo.callsOf('setWebhook').length > zaloRegistered, 60_000);
    return bot;
  };

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    webhookDb = await createBotDatabase();
    pollingDb = await createBotDatabase();
    port = await freePort();
  });

  afterAll(async () => {
    for (const bot of processes) await bot.stop().catch(() => undefined);
    await telegram?.close();
    await zalo?.close();
    await webhookDb?.close();
    await pollingDb?.close();
  });

  const post = async (path: string, request: HostileRequest, secret: { header: string; value: string } | null) => {
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (secret) headers[secret.header] = secret.value;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body), signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return res.status;
  };

  /** Forged requests: updates from users no one else uses, with a wrong, missing or misplaced secret. */
  const forged = (gen: HostileUpdates, i: number): { path: string; request: HostileRequest; secret: { header: string; value: string } | null } => {
    const tgUser = 8_800_000 + i;
    const zaloUser = `forged-${i}`;
    forgedTelegramUsers.add(tgUser);
    forgedZaloUsers.add(zaloUser);
    const toTelegram = i % 2 === 0;
    const request = toTelegram ? { body: JSON.stringify(gen.telegram(tgUser)), contentType: 'application/json', expect: 'ok' as const } : gen.zaloRequest(zaloUser);
    const header = toTelegram ? 'x-telegram-bot-api-secret-token' : 'x-bot-api-secret-token';
    const right = toTelegram ? TG_SECRET : ZALO_SECRET;
    const secrets = [
      null,
      { header, value: 'wrong' },
      { header, value: `${right}x` },
      { header, value: right.slice(0, -1) },
      { header, value: `${right.slice(0, -1)}_` },
      { header, value: right.toUpperCase() },
      { header, value: toTelegram ? ZALO_SECRET : TG_SECRET },
      { header: toTelegram ? 'x-bot-api-secret-token' : 'x-telegram-bot-api-secret-token', value: right },
      { header: 'authorization', value: `Bearer ${right}` },
    ];
    return { path: toTelegram ? TG_PATH : ZALO_PATH, request, secret: secrets[i % secrets.length]! };
  };

  const counts = async (db: BotDatabase) => {
    const [row] = await db.query<Record<string, number>>(`
      select (select count(*)::int from inbound_events) as inbound_events,
             (select count(*)::int from members) as members,
             (select count(*)::int from member_identities) as member_identities,
             (select count(*)::int from conversations) as conversations`);
    return row!;
  };
  const forgedRows = async (db: BotDatabase) => {
    const ids = [...[...forgedTelegramUsers].map(String), ...forgedZaloUsers];
    const [row] = await db.query<{ n: number }>(
      `select ((select count(*) from member_identities where external_id = any($1::text[]) or chat_id = any($1::text[]))
             + (select count(*) from conversations where chat_id = any($1::text[])))::int as n`,
      [ids],
    );
    return row!.n;
  };
  const platformCallsToForged = () => [
    ...telegram.calls.filter((c) => forgedTelegramUsers.has(Number(c.payload.chat_id))),
    ...zalo.calls.filter((c) => forgedZaloUsers.has(String(c.payload.chat_id))),
  ];

  it('webhook: answers every authentic update 2xx, every non-update 400, every forged request 401; forged ones change nothing', async () => {
    const gen = new HostileUpdates(20_261_130, 'w', 5_000_000);
    const forger = new HostileUpdates(7, 'f', 6_000_000);
    let bot = await startWebhook();
    const jobs: { path: string; request: HostileRequest; secret: { header: string; value: string } | null }[] = [];
    for (let i = 0; i < TG_WEBHOOK; i++) jobs.push({ path: TG_PATH, request: gen.telegramRequest(7_100_000 + (i % 200)), secret: { header: 'x-telegram-bot-api-secret-token', value: TG_SECRET } });
    for (let i = 0; i < ZALO_WEBHOOK; i++) jobs.push({ path: ZALO_PATH, request: gen.zaloRequest(`zw-${i % 200}`), secret: { header: 'x-bot-api-secret-token', value: ZALO_SECRET } });
    for (let i = 0; i < FORGED_MIXED; i++) jobs.push(forged(forger, i));
    // Interleaved, so forged requests arrive between authentic ones of every kind.
    jobs.sort((a, b) => (a.request.body.length % 7) - (b.request.body.length % 7));
    const statuses = await inParallel(jobs, 24, (job) => post(job.path, job.request, job.secret));
    const wrong = jobs.flatMap((job, i) => {
      const want = job.secret === null || job.secret.value !== (job.path === TG_PATH ? TG_SECRET : ZALO_SECRET) || job.secret.header !== (job.path === TG_PATH ? 'x-telegram-bot-api-secret-token' : 'x-bot-api-secret-token') ? 401 : job.request.expect === 'ok' ? 200 : 400;
      return statuses[i] === want ? [] : [`${job.path} ${statuses[i]} (wanted ${want}): ${String(job.request.body).slice(0, 120)}`];
    });
    expect(wrong).toEqual([]);
    expect(exits).toEqual([]);
    expect(platformCallsToForged()).toEqual([]);
    // A normal message is still answered normally.
    const mark = telegram.calls.length;
    expect(await post(TG_PATH, { body: JSON.stringify(telegram.textUpdate(7_199_999, '/start')), contentType: 'application/json', expect: 'ok' }, { header: 'x-telegram-bot-api-secret-token', value: TG_SECRET })).toBe(200);
    expect(telegram.calls.slice(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 7_199_999)).toBe(true);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(leaks(bot.stderr(), new Set([...gen.phones, ...forger.phones]))).toEqual([]);
    expect(bot.stderr()).toMatch(/"event":"telegram.ignored"/);
    expect(bot.stderr()).toMatch(/"event":"zalo.ignored"/);
    for (const p of [...gen.phones, ...forger.phones]) phones.add(p);

    // Nothing of the forged requests reached the database; then forged requests alone change no row.
    expect(await forgedRows(webhookDb)).toBe(0);
    const before = await counts(webhookDb);
    await webhookDb.disconnect();
    bot = await startWebhook();
    const alone = Array.from({ length: FORGED_ALONE }, (_, i) => forged(forger, FORGED_MIXED + i));
    const forgedStatuses = await inParallel(alone, 24, (job) => post(job.path, job.request, job.secret));
    expect(forgedStatuses.every((s) => s === 401)).toBe(true);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(await counts(webhookDb)).toEqual(before);
    expect(await forgedRows(webhookDb)).toBe(0);
    expect(platformCallsToForged()).toEqual([]);
    expect(leaks(bot.stderr(), new Set(forger.phones))).toEqual([]);
    expect(telegram.violations).toEqual([]);
    expect(zalo.violations).toEqual([]);
  }, TEST_TIMEOUT_MS);

  it('polling: takes every hostile update in stride, keeps up, and logs nothing people typed', async () => {
    const gen = new HostileUpdates(424_242, 'p', 5_500_000);
    const tg = await new FakeBotApi().start();
    const za = await new FakeZaloApi().start();
    try {
      za.pollHoldMs = 100;
      const bot = startBotProcess({ ...pollingDb.env, LOG_LEVEL: 'debug', TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: tg.apiRoot, ZALO_BOT_TOKEN: za.token, ZALO_API_ROOT: za.apiRoot });
      processes.push(bot);
      let exited: number | null | undefined;
      void bot.exited.then((code) => {
        exited = code;
      });
      await tg.waitFor('Telegram polling', () => tg.callsOf('getUpdates').length > 0, 150_000).catch((err: Error) => {
        throw new Error(`${err.message}\n${bot.stderr()}`);
      });
      await za.waitFor('Zalo polling', () => za.callsOf('getUpdates').length > 0, 60_000);

      let last = 0;
      for (let i = 0; i < TG_POLLING; i++) {
        const update = gen.telegram(7_200_000 + (i % 150), true);
        const id = Number(update.update_id);
        // A repeat of an earlier update comes as Telegram's redelivery; the rest in order.
        if (id <= last) tg.redeliver(update);
        else {
          tg.push(update);
          last = id;
        }
      }
      for (let i = 0; i < ZALO_POLLING; i++) za.push(gen.zalo(`zp-${i % 150}`).update as Record<string, unknown>);

      // Both floods are worked through, and a new person is then answered at once.
      await tg.waitFor('the Telegram flood confirmed', () => tg.offsets.some((o) => o !== undefined && o > last), TEST_TIMEOUT_MS / 2);
      const emptyPolls = za.emptyPolls;
      await za.waitFor('the Zalo flood worked through', () => za.emptyPolls > emptyPolls, TEST_TIMEOUT_MS / 2);
      const tgMark = tg.calls.length;
      const started = performance.now();
      tg.push({ ...tg.textUpdate(7_299_999, '/start'), update_id: last + 1 });
      await tg.waitForText(7_299_999, 'Xin chào', { afterCall: tgMark, timeoutMs: 20_000 });
      const zaMark = za.calls.length;
      za.push(za.textUpdate('zp-new', 'xin chào'));
      await za.waitForText('zp-new', 'Xin chào', zaMark, 20_000);
      expect(performance.now() - started).toBeLessThan(20_000);

      expect(exited).toBeUndefined();
      expect(await bot.stop('SIGTERM')).toBe(0);
      expect(leaks(bot.stderr(), new Set(gen.phones))).toEqual([]);
      expect(bot.stderr()).not.toMatch(/given_up|webhook_crashed|unexpected error/);
      expect(tg.violations).toEqual([]);
      expect(za.violations).toEqual([]);
    } finally {
      await tg.close();
      await za.close();
    }
  }, TEST_TIMEOUT_MS);
});
