// The real process on Telegram in long-polling mode, against a local fake of the Bot API: a whole
// nomination by button presses, stale buttons, an update delivered twice, a 429 obeyed, a person
// who blocks the bot, groups, deep links; every payload within the Bot API's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi, parseTelegramHtml } from '../support/fake-bot-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TOKEN = '123456789:AAE2e-test-token-for-the-fake-api';

describe('Telegram in polling mode, end to end', () => {
  let fake: FakeBotApi;
  let db: BotDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    fake = await new FakeBotApi().start();
    db = await createBotDatabase();
    bot = startBotProcess({ ...db.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    await fake.waitFor('the first getUpdates', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  /** The person types; returns the call index to wait from. */
  const say = (user: number, text: string, options?: Parameters<FakeBotApi['textUpdate']>[2]) => {
    const mark = fake.calls.length;
    fake.push(fake.textUpdate(user, text, options));
    return mark;
  };
  const press = (user: number, label: string, options?: { firstKeyboard?: boolean; message?: ReturnType<FakeBotApi['lastKeyboard']> }) => {
    const mark = fake.calls.length;
    const update = fake.pressUpdate(user, options?.message ?? fake.lastKeyboard(user), label, options);
    fake.push(update);
    return { mark, update };
  };
  const expectReply = (user: number, pattern: RegExp | string, mark: number) => fake.waitForText(user, pattern, { afterCall: mark });

  it('starts: deletes any webhook, sets the command menu in Vietnamese and English', () => {
    expect(fake.callsOf('getMe').length).toBeGreaterThan(0);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(fake.callsOf('setWebhook')).toHaveLength(0);
    const menus = fake.callsOf('setMyCommands');
    expect(menus.map((c) => c.payload.language_code ?? 'default')).toEqual(['default', 'en']);
    expect((menus[0]!.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(['start', 'decu', 'gioithieu', 'donvi', 'trangthai', 'cuatoi', 'ngonngu', 'huy', 'trogiup', 'dulieu']);
    expect((menus[1]!.payload.commands as { command: string }[]).map((c) => c.command)).toContain('nominate');
    expect(fake.callsOf('getUpdates')[0]!.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
  });

  it('takes a whole nomination by button presses, ticking criteria in place, escaping what people typed', async () => {
    const u = 1001;
    await expectReply(u, 'Xin chào', say(u, '/start'));
    await expectReply(u, 'Bạn muốn đề cử ai', say(u, '/decu'));
    const categories = fake.lastKeyboard(u);
    expect(categories.text).toContain('Cán bộ, người làm việc ở cơ quan, doanh nghiệp'); // long labels are written out in the text
    await expectReply(u, 'cơ quan nào', press(u, 'Người tốt, việc tốt').mark);
    await expectReply(u, 'khớp với', say(u, 'to'));
    await expectReply(u, 'Họ và tên', press(u, 'Tổ dân phố 3').mark);
    await expectReply(u, 'kể ngắn gọn', say(u, 'Nguyễn <Văn> & An'));
    await expectReply(u, 'đạt những tiêu chí nào', say(u, 'Giúp <b>bà con</b> & hàng xóm làm 500 m đường bê tông năm 2025.'));

    const criteria = fake.lastKeyboard(u);
    expect(criteria.keyboard.flat().some((b) => b.text.startsWith('✓'))).toBe(false);
    const first = criteria.keyboard[0]![0]!.text.replace(/^\d+\. /, '');
    const edits = fake.callsOf('editMessageText', u).length;
    press(u, first);
    await fake.waitFor('the criteria message edited with a tick', () => fake.callsOf('editMessageText', u).length > edits && fake.lastKeyboard(u).keyboard.flat().some((b) => b.text.startsWith('✓')));
    expect(fake.lastKeyboard(u).messageId).toBe(criteria.messageId);
    const second = fake.lastKeyboard(u).keyboard[1]![0]!.text.replace(/^\d+\. /, '');
    press(u, second);
    await fake.waitFor('two ticks', () => fake.lastKeyboard(u).keyboard.flat().filter((b) => b.text.startsWith('✓')).length === 2);
    expect(fake.lastKeyboard(u).text).toContain('Đang chọn 2 tiêu chí');

    await expectReply(u, 'Bạn có ảnh', press(u, 'Xong').mark);
    // Answered questions keep their buttons: no call is spent taking them off (a later press on
    // one is answered as stale, below).
    expect(fake.callsOf('editMessageReplyMarkup', u)).toEqual([]);
    let mark = fake.calls.length;
    fake.push(fake.photoUpdate(u, 'AgACAgQAAxkBAAIBsmPhoto-large'));
    await expectReply(u, 'Phường có thể liên hệ bạn về đề cử này không', mark);
    // Agreeing by typing the phone number right away.
    const summary = await expectReply(u, 'Mời bạn xem lại', say(u, '0912 345 678'));
    expect(summary.text).toContain('Người tốt, việc tốt: Nguyễn &lt;Văn&gt; &amp; An, Tổ dân phố 3');
    expect(summary.text).toContain('&lt;b&gt;bà con&lt;/b&gt; &amp; hàng xóm');
    expect(parseTelegramHtml(summary.text)).toMatchObject({ ok: true, text: expect.stringContaining('Người tốt, việc tốt: Nguyễn <Văn> & An') });
    mark = press(u, 'Gửi đề cử').mark;
    await expectReply(u, 'mã biên nhận: TL-0001', mark);

    // Every press was answered, whatever it did (whom, unit, two ticks, done, send).
    const presses = fake.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    expect(presses).toBeGreaterThanOrEqual(6);
  });

  it('answers a stale button politely and shows the current question; a press twice submits once', async () => {
    const u = 1001;
    // The confirm button of the finished form, pressed again: the same receipt, no second nomination.
    const summary = fake.messagesTo(u).filter((m) => m.text.includes('Mời bạn xem lại')).at(-1)!;
    let { mark } = press(u, 'Gửi đề cử', { message: summary, firstKeyboard: true });
    await expectReply(u, /TL-0001/, mark);
    // A button from the very first question of the form: stale.
    const firstQuestion = fake.messagesTo(u).find((m) => m.text.includes('Bạn muốn đề cử ai'))!;
    await expectReply(u, 'Bạn muốn đề cử ai', say(u, '/decu'));
    ({ mark } = press(u, 'Mô hình cơ quan', { message: firstQuestion, firstKeyboard: true }));
    await expectReply(u, 'tin nhắn cũ', mark);
    const answer = await fake.waitFor('the stale press answered', () => fake.calls.slice(mark).find((c) => c.method === 'answerCallbackQuery'));
    expect(answer.payload.text).toMatch(/tin nhắn cũ/);
    await expectReply(u, 'Đã hủy', say(u, '/huy'));
    const rows = await countNominations();
    expect(rows).toBe(1);
  });

  async function countNominations(): Promise<number> {
    // PGlite allows one process: the count is checked at the end; on the server now.
    if (!db.env.DATABASE_URL) return 1;
    const [r] = await db.query<{ n: number }>('select count(*)::int as n from nominations');
    return r!.n;
  }

  it('processes an update delivered twice only once', async () => {
    const u = 1002;
    const update = fake.textUpdate(u, '/start');
    const mark = fake.calls.length;
    fake.push(update);
    await expectReply(u, 'Xin chào', mark);
    fake.redeliver(update);
    await expectReply(u, 'Bạn muốn đề cử ai', say(u, '/decu'));
    expect(fake.calls.slice(mark).filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Xin chào'))).toHaveLength(1);
  });

  it('obeys a 429 retry_after before sending again', async () => {
    const u = 1003;
    fake.fail({ method: 'sendMessage', chatId: u, status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    const mark = say(u, '/start');
    await expectReply(u, 'Xin chào', mark);
    const sends = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === u);
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sends[1]!.payload.text).toBe(sends[0]!.payload.text);
  });

  it('marks a person who blocked the bot unreachable, keeps their draft, and back when they return', async () => {
    const u = 1004;
    await expectReply(u, 'Bạn muốn đề cử ai', say(u, '/decu'));
    await expectReply(u, 'cơ quan, đoàn thể nào', press(u, 'Mô hình cơ quan').mark);
    fake.fail({ method: 'sendMessage', chatId: u, status: 403, description: 'Forbidden: bot was blocked by the user' });
    let mark = say(u, 'quay lại');
    await fake.waitFor('the 403', () => fake.calls.slice(mark).find((c) => c.status === 403));
    await fake.waitFor('the unreachable log', () => bot.stderr().includes('telegram.unreachable') || undefined);
    fake.push(fake.blockUpdate(u, false));
    await fake.waitFor('the reachability log', () => /"telegram.reachability".*"reachable":true/.test(bot.stderr()) || undefined);
    // Back: the draft is where it was (the "back" turn was saved before the send failed).
    mark = say(u, '/start');
    await expectReply(u, 'Bạn muốn đề cử ai', mark);
  });

  it('in a group, answers a command with a link to the private chat', async () => {
    const mark = say(1005, '/decu@dienhinh_test_bot', { chatId: -100123, chatType: 'supergroup' });
    const reply = await expectReply(-100123, 'https://t.me/dienhinh_test_bot?start=decu', mark);
    expect(reply.keyboard).toEqual([]);
  });

  it('opens the form at the unit question from a category deep link, in English for an English client', async () => {
    const mark = say(1006, '/start nguoi_tot', { languageCode: 'en' });
    await expectReply(1006, 'Which residential group, village or agency is this person from?', mark);
  });

  it('sent every payload within the Bot API limits', () => {
    expect(fake.violations).toEqual([]);
    // No call Telegram would refuse, stale presses and a press twice included.
    expect(fake.refused).toEqual([]);
    // Private chats are rendered in HTML mode (checked well-formed by the fake); the group's link is plain text.
    const texts = fake.calls.filter((x) => (x.method === 'sendMessage' || x.method === 'editMessageText') && Number(x.payload.chat_id) > 0);
    expect(texts.every((c) => c.payload.parse_mode === 'HTML')).toBe(true);
  });

  it('on SIGTERM, finishes the reply in hand (waiting out a 429) and exits with 0', async () => {
    const u = 1007;
    fake.fail({ method: 'sendMessage', chatId: u, status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    const mark = say(u, '/start');
    await fake.waitFor('the 429', () => fake.calls.slice(mark).find((c) => c.status === 429));
    expect(await bot.stop('SIGTERM')).toBe(0);
    const sends = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === u);
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
  });

  it('stored one nomination as typed, and the block and the return of a person', async () => {
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from nominations');
    expect(n!.n).toBe(1);
    const [nomination] = await db.query<{ nominee_name: string; photo_ref: string | null }>('select * from nominations');
    expect(nomination).toMatchObject({ nominee_name: 'Nguyễn <Văn> & An', photo_ref: 'AgACAgQAAxkBAAIBsmPhoto-large' });
    const reach = await db.query<{ external_id: string; reachable: boolean }>(
      `select i.external_id, m.reachable from members m join member_identities i on i.member_id = m.id where i.channel = 'telegram' order by 1`,
    );
    expect(reach.find((r) => r.external_id === '1004')?.reachable).toBe(true);
    const audit = await db.query<{ action: string }>(`select action from audit_log where action like 'member.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['member.unreachable', 'member.reachable']);
  });
});
