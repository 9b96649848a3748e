// The real process serving Telegram and Zalo at once, both in webhook mode on ONE server and
// PORT (each on its own path, each with its own secret header), on one database: Zalo's
// setWebhook with the secret, 401 for a wrong or missing secret, flat and wrapped bodies, an
// update delivered twice processed once, the update handled before the 200. Then account
// linking: a code shown on Telegram and typed on Zalo asks the Telegram owner (an outbox message
// with buttons); their yes makes both identities one member (the language chosen on Telegram
// follows to Zalo) and both chats are told. A code shown on Zalo and typed on Telegram is
// refused by a "2" typed on Zalo: nothing is linked, and Telegram is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TG_TOKEN = '123456789:AAE2e-test-token-for-the-fake-api';
const TG_SECRET = 'e2e_telegram-secret_0123456789abcdef';
const ZALO_SECRET = 'e2e-zalo-secret-0123456789';

describe('Zalo in webhook mode beside Telegram, end to end', () => {
  let zalo: FakeZaloApi;
  let telegram: FakeBotApi;
  let db: BotDatabase;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    zalo = await new FakeZaloApi().start();
    telegram = await new FakeBotApi().start();
    db = await createBotDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = startBotProcess({
      ...db.env,
      PORT: String(port),
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo/updates',
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/updates',
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    });
    await zalo.waitFor('Zalo setWebhook', () => zalo.callsOf('setWebhook').length > 0, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    await telegram.waitFor('Telegram setWebhook', () => telegram.callsOf('setWebhook').length > 0, 30_000);
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await zalo?.close();
    await telegram?.close();
    await db?.close();
  });

  const postZalo = (body: unknown, secret: string | undefined, path = '/zalo/updates') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'X-Bot-Api-Secret-Token': secret }) },
      body: JSON.stringify(body),
    });
  const postTelegram = (update: unknown) =>
    fetch(`${base}/telegram/updates`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET }, body: JSON.stringify(update) });

  it('registers the webhook with its secret and never polls', async () => {
    expect(zalo.webhook).toEqual({ url: 'https://bot.example.org/zalo/updates', secret: ZALO_SECRET });
    expect(zalo.callsOf('getUpdates')).toHaveLength(0);
    expect(zalo.callsOf('deleteWebhook')).toHaveLength(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    const mark = zalo.calls.length;
    const update = zalo.textUpdate('zw-1', '/start');
    expect((await postZalo(update, 'wrong-secret')).status).toBe(401);
    expect((await postZalo(update, `${ZALO_SECRET}x`)).status).toBe(401);
    expect((await postZalo(update, undefined)).status).toBe(401);
    // Telegram's secret opens Telegram's path only.
    expect((await postZalo(update, TG_SECRET)).status).toBe(401);
    expect((await postZalo(update, ZALO_SECRET, '/elsewhere')).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(zalo.calls.slice(mark)).toEqual([]);
    expect((await postZalo({ hello: 'world' }, ZALO_SECRET)).status).toBe(400);
  });

  it('takes flat and wrapped bodies, replies before the 200, and processes a redelivery once', async () => {
    const flat = zalo.textUpdate('zw-2', '/start');
    let mark = zalo.calls.length;
    expect((await postZalo(flat, ZALO_SECRET)).status).toBe(200);
    expect(zalo.textsTo('zw-2', mark).some((t) => t.includes('Xin chào'))).toBe(true);
    mark = zalo.calls.length;
    expect((await postZalo(flat, ZALO_SECRET)).status).toBe(200);
    expect((await postZalo({ ok: true, result: flat }, ZALO_SECRET)).status).toBe(200);
    expect(zalo.textsTo('zw-2', mark)).toEqual([]);
    expect((await postZalo({ ok: true, result: zalo.textUpdate('zw-2', 'đề cử') }, ZALO_SECRET)).status).toBe(200);
    expect(zalo.textsTo('zw-2', mark).join('\n')).toContain('Bạn muốn đề cử ai');
  });

  it('processes the same update posted twice at once only once', async () => {
    const update = zalo.textUpdate('zw-3', 'xin chào');
    const mark = zalo.calls.length;
    const [a, b] = await Promise.all([postZalo(update, ZALO_SECRET), postZalo(update, ZALO_SECRET)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(zalo.textsTo('zw-3', mark).filter((t) => t.includes('Xin chào'))).toHaveLength(1);
  });

  it('links a Telegram account and a Zalo account only after the owner says yes in Telegram; both chats see it', async () => {
    // On Telegram: English, then a code.
    const tgUser = 4242;
    let mark = telegram.calls.length;
    expect((await postTelegram(telegram.textUpdate(tgUser, '/ngonngu english'))).status).toBe(200);
    await telegram.waitForText(tgUser, 'English', { afterCall: mark });
    mark = telegram.calls.length;
    expect((await postTelegram(telegram.textUpdate(tgUser, '/link'))).status).toBe(200);
    const shown = await telegram.waitForText(tgUser, /link code: [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/, { afterCall: mark });
    const code = /([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(shown!.text)![1]!;

    // On Zalo: a wrong code first (the one refusal for every failure), then the right one typed as words.
    const zaloUser = 'zw-link';
    let zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate(zaloUser, `/lienket ${code === 'ABCD-EFGH' ? 'ABCD-EFGJ' : 'ABCD-EFGH'}`), ZALO_SECRET);
    expect(zalo.textsTo(zaloUser, zmark).join('\n')).toContain('Không dùng được mã liên kết này');
    zmark = zalo.calls.length;
    mark = telegram.calls.length;
    await postZalo(zalo.textUpdate(zaloUser, `liên kết ${code.toLowerCase().replace('-', ' ')}`), ZALO_SECRET);
    expect(zalo.textsTo(zaloUser, zmark).join('\n')).toContain('Đã gửi yêu cầu liên kết. Mời bạn mở Telegram và xác nhận');

    // Telegram is asked (by the outbox, not as a reply), naming the Zalo chat; nothing is linked yet.
    const question = await telegram.waitForText(tgUser, 'The Zalo account “Nguoi zw-link” wants to link with this account.', { afterCall: mark });
    zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate(zaloUser, '/decu'), ZALO_SECRET);
    expect(zalo.textsTo(zaloUser, zmark).join('\n')).toContain('Bạn muốn đề cử ai?');

    // The owner presses yes: Telegram is answered, Zalo is told, in the owner's language.
    mark = telegram.calls.length;
    zmark = zalo.calls.length;
    expect((await postTelegram(telegram.pressUpdate(tgUser, question!, 'Yes, link them'))).status).toBe(200);
    await telegram.waitForText(tgUser, 'Linked! The Zalo account and this account are now one', { afterCall: mark });
    await zalo.waitForText(zaloUser, 'Linked! This account and your Telegram account are now one', zmark);

    // The same code a second time is used up.
    zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate('zw-other', `/lienket ${code}`), ZALO_SECRET);
    expect(zalo.textsTo('zw-other', zmark).join('\n')).toContain('Không dùng được mã liên kết này');

    // The language chosen on Telegram now speaks on Zalo too.
    zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate(zaloUser, '/huy'), ZALO_SECRET);
    await postZalo(zalo.textUpdate(zaloUser, '/decu'), ZALO_SECRET);
    expect(zalo.textsTo(zaloUser, zmark).join('\n')).toContain('Whom would you like to nominate?');
  });

  it('links nothing when the owner answers no on Zalo, and tells the Telegram chat', async () => {
    const owner = 'zw-owner';
    let zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate(owner, 'liên kết'), ZALO_SECRET);
    const shown = await zalo.waitForText(owner, /Mã liên kết của bạn: [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/, zmark);
    const code = /([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(shown)![1]!;

    const typist = 4343;
    let mark = telegram.calls.length;
    zmark = zalo.calls.length;
    await postTelegram(telegram.textUpdate(typist, `/lienket ${code.replace('-', '')}`));
    await telegram.waitForText(typist, 'Đã gửi yêu cầu liên kết. Mời bạn mở Zalo', { afterCall: mark });
    const asked = await zalo.waitForText(owner, 'Tài khoản Telegram “Nguoi4343 Test” muốn liên kết với tài khoản này.', zmark);
    expect(asked).toContain('Gõ: “đồng ý liên kết” hoặc “không, từ chối”');

    mark = telegram.calls.length;
    zmark = zalo.calls.length;
    await postZalo(zalo.textUpdate(owner, 'Không, từ chối'), ZALO_SECRET);
    expect(zalo.textsTo(owner, zmark).join('\n')).toContain('Đã từ chối, hai tài khoản không được liên kết.');
    await telegram.waitForText(typist, 'Tài khoản Zalo không đồng ý liên kết.', { afterCall: mark });
  });

  it('sent nothing either API would refuse, and stops cleanly; both identities are one member', async () => {
    expect(zalo.violations).toEqual([]);
    expect(telegram.violations).toEqual([]);
    expect(telegram.refused).toEqual([]);
    expect(await bot.stop('SIGTERM')).toBe(0);
    const rows = await db.query<{ channel: string; member_id: string }>(
      `select channel, member_id from member_identities where external_id in ('4242', 'zw-link') order by channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual(['telegram', 'zalo']);
    expect(rows[0]!.member_id).toBe(rows[1]!.member_id);
    const [m] = await db.query<{ locale: string }>('select locale from members where id = $1', [rows[0]!.member_id]);
    expect(m!.locale).toBe('en');
    const declined = await db.query<{ member_id: string }>(`select member_id from member_identities where external_id in ('4343', 'zw-owner')`);
    expect(new Set(declined.map((r) => r.member_id)).size).toBe(2);
    expect(await db.query(`select status from account_link_requests order by created_at`)).toEqual([{ status: 'linked' }, { status: 'declined' }]);
  });
});
