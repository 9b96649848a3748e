// The whole review path in one story, through the real process serving Telegram and Zalo at once
// (local fakes of both APIs, long polling), with nothing arranged in the database: the officer
// named by ADMIN_TELEGRAM_IDS invites a leader for Tổ dân phố 1 by deep link (pressed as
// "/start moi-<code>" on Telegram) and a council member by code on Zalo; a resident nominates in
// Tổ dân phố 1 on Telegram; the leader is told, opens it from /duyet, returns it with a question;
// the resident answers from the notice's button; the leader forwards it; the officer appraises
// and proposes it; the council member votes on Zalo by typed words; after the posting period
// (the process restarted with CLOCK_OFFSET=+6d) the officer honours it. The resident hears of
// every change once, /tiendo counts it, and Telegram was never sent a call it would refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { BOT_USER, FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TOKEN = '123456789:AAE2e-test-token-for-the-fake-api';
const OFFICER = 960_001;
const LEADER = 960_002;
const RESIDENT = 960_003;
const COUNCIL = 'zc-960';
const NOMINEE = 'Hoàng Thị Lan';
const QUESTION = 'Chị Lan dạy lớp học tình thương từ năm nào, mỗi tuần mấy buổi?';
const ANSWER = 'Từ năm 2020, mỗi tuần ba buổi tối ở nhà văn hóa tổ.';

describe('the whole review path, end to end on Telegram and Zalo', () => {
  const fakes: (FakeBotApi | FakeZaloApi)[] = [];
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess | null = null;

  async function start(extra: Record<string, string> = {}): Promise<void> {
    const telegramPolls = telegram.callsOf('getUpdates').length;
    const zaloPolls = zalo.callsOf('getUpdates').length;
    const started = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ADMIN_TELEGRAM_IDS: String(OFFICER),
      ADMIN_ZALO_IDS: undefined,
      ADMIN_CONSOLE_USERS: undefined,
      QUIET_HOURS: 'off',
      ...extra,
    });
    bot = started;
    await Promise.all([
      telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > telegramPolls, STARTUP_MS),
      zalo.waitFor('Zalo polling', () => zalo.callsOf('getUpdates').length > zaloPolls, STARTUP_MS),
    ]).catch((err: Error) => {
      throw new Error(`${err.message}\n${started.stderr()}`);
    });
  }

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    fakes.push(telegram, zalo);
    db = await createBotDatabase();
    await start();
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    for (const fake of fakes) await fake.close().catch(() => undefined);
    await db?.close();
  });

  /** Waits for a text in a Telegram chat after a call index; fails with the chat's transcript. */
  const reply = async (user: number, pattern: string | RegExp, mark: number) => {
    const sent = await telegram.waitForText(user, pattern, { afterCall: mark }).catch((err: Error) => {
      throw new Error(`${err.message}\n--- chat ${user} ---\n${telegram.transcript(user)}\n--- stderr ---\n${bot?.stderr() ?? ''}`);
    });
    return sent.text;
  };
  const say = (user: number, text: string, then: string | RegExp) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.textUpdate(user, text));
    return reply(user, then, mark);
  };
  const press = (user: number, match: string | ((b: { text: string }) => boolean), then: string | RegExp) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(user, telegram.lastKeyboard(user), match));
    return reply(user, then, mark);
  };
  /** Every text a Telegram chat got since a call index. */
  const textsSince = (user: number, mark: number) =>
    telegram.calls
      .slice(mark)
      .filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === user)
      .map((c) => String(c.payload.text))
      .join('\n');
  const zaloSay = async (user: string, text: string, then: string | RegExp) => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(user, text));
    await zalo.waitForText(user, then, mark);
    return zalo.textsTo(user, mark).join('\n');
  };

  it('the officer invites a leader for Tổ dân phố 1 by deep link; the leader accepts on Telegram', async () => {
    await say(OFFICER, '/start', 'Xin chào');
    await say(OFFICER, '/moi', 'nhận vai trò nào');
    await press(OFFICER, 'Người phụ trách một đơn vị', 'phụ trách đơn vị nào');
    await say(OFFICER, 'Tổ dân phố 1', 'Họ và tên người được mời');
    await say(OFFICER, 'Trần Văn Tổ', 'Tạo lời mời này?');
    const mark = telegram.calls.length;
    await press(OFFICER, 'Tạo lời mời', 'Trên Zalo');
    const link = new RegExp(`https://t\\.me/${BOT_USER.username}\\?start=(moi-[23456789A-HJKMNP-Z]{8})`).exec(textsSince(OFFICER, mark));
    expect(link, textsSince(OFFICER, mark)).not.toBeNull();

    const shown = await say(LEADER, `/start ${link![1]!}`, 'Bạn có nhận vai trò này không?');
    expect(shown).toContain('Tổ trưởng Tổ dân phố 1');
    const officerMark = telegram.calls.length;
    await press(LEADER, 'Nhận vai trò', 'Chúc mừng! Bạn đã nhận vai trò');
    await reply(OFFICER, /Lời mời [23456789A-HJKMNP-Z]{8} đã được nhận/, officerMark);
  });

  it('the officer invites a council member by code; they accept on Zalo by typed words', async () => {
    await say(OFFICER, '/moi', 'nhận vai trò nào');
    await press(OFFICER, 'Thành viên Hội đồng Thi đua – Khen thưởng', 'Họ và tên người được mời');
    await say(OFFICER, 'Phạm Thị Hội', 'Tạo lời mời này?');
    const mark = telegram.calls.length;
    await press(OFFICER, 'Tạo lời mời', 'Trên Zalo');
    const code = /Mã mời: ([23456789A-HJKMNP-Z]{8})/.exec(textsSince(OFFICER, mark))![1]!;
    const shown = await zaloSay(COUNCIL, `tham gia ${code.toLowerCase()}`, 'Bạn có nhận vai trò này không?');
    expect(shown).toContain('Thành viên Hội đồng Thi đua – Khen thưởng phường');
    expect(await zaloSay(COUNCIL, numberOf(shown, 'Nhận vai trò'), 'Chúc mừng')).toContain('Phường Thắng Lợi');
  });

  it('a resident nominates in Tổ dân phố 1 on Telegram; the leader is told and opens it from /duyet', async () => {
    await say(RESIDENT, '/decu', 'Bạn muốn đề cử ai');
    await press(RESIDENT, 'Người tốt, việc tốt', 'tổ dân phố, làng hay cơ quan nào');
    await say(RESIDENT, 'tổ dân phố 1', 'Họ và tên');
    await say(RESIDENT, NOMINEE, 'đã làm những việc tốt gì');
    await say(RESIDENT, 'Chị Lan mở lớp học tình thương miễn phí cho trẻ em khó khăn trong tổ dân phố.', 'đạt những tiêu chí nào');
    const criteria = telegram.lastKeyboard(RESIDENT);
    const edits = telegram.callsOf('editMessageText', RESIDENT).length;
    telegram.push(telegram.pressUpdate(RESIDENT, criteria, (b) => b.text !== 'Xong' && !/^(Quay lại|Hủy)/.test(b.text)));
    await telegram.waitFor('the tick', () => telegram.callsOf('editMessageText', RESIDENT).length > edits);
    await press(RESIDENT, 'Xong', 'Bạn có ảnh');
    await press(RESIDENT, 'Bỏ qua', 'liên hệ bạn');
    await press(RESIDENT, 'Không đồng ý', 'Mời bạn xem lại');
    expect(await press(RESIDENT, 'Gửi đề cử', 'mã biên nhận: TL-0001')).toContain('TL-0001');

    const notice = await telegram.waitForText(LEADER, `Có đề cử mới ở Tổ dân phố 1: TL-0001 · ${NOMINEE}.`);
    expect(notice.keyboard.flat().map((b) => b.text)).toEqual(['Xem đề cử']);
    const list = await say(LEADER, '/duyet', 'Chọn một đề cử để xem chi tiết.');
    expect(list).toContain('Có 1 đề cử đang chờ bạn xét duyệt');
    const opened = await press(LEADER, (b) => b.text.includes('TL-0001'), 'Bạn quyết định thế nào với đề cử này?');
    expect(opened).toContain(`Tên: ${NOMINEE}`);
    expect(opened).toContain('Đơn vị: Tổ dân phố 1');
    expect(opened).toContain('Người đề cử không đồng ý để lại thông tin liên lạc.');
  });

  it('the leader returns it with a question; the resident answers from the notice; the leader forwards it', async () => {
    await press(LEADER, 'Trả lại, hỏi thêm người đề cử', 'Bạn cần hỏi thêm người đề cử điều gì?');
    await say(LEADER, QUESTION, 'kèm câu hỏi:');
    await press(LEADER, 'Xác nhận', `Đã trả lại đề cử TL-0001 (${NOMINEE}) kèm câu hỏi của bạn.`);

    const returned = await telegram.waitForText(RESIDENT, `Đề cử TL-0001 (${NOMINEE}) cần bạn bổ sung thông tin.`);
    expect(returned.text).toContain(`Ghi chú: “${QUESTION}”`);
    let mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(RESIDENT, returned, 'Trả lời'));
    await reply(RESIDENT, 'Mời bạn gõ câu trả lời', mark);
    expect(await say(RESIDENT, ANSWER, 'Cảm ơn bạn!')).toContain('đã quay lại chờ xét duyệt');

    await telegram.waitForText(LEADER, 'Người đề cử đã bổ sung đề cử TL-0001');
    const again = await press(LEADER, 'Xem đề cử', 'Bạn quyết định thế nào với đề cử này?');
    expect(again).toContain(`“${QUESTION}”`);
    expect(again).toContain(`“${ANSWER}”`);
    await press(LEADER, 'Chuyển lên phường', 'Bạn có muốn gửi kèm ghi chú');
    await say(LEADER, 'Tổ đã họp, cả tổ nhất trí đề nghị.', 'lên phường để thẩm định?');
    mark = telegram.calls.length;
    await press(LEADER, 'Xác nhận', `Đã chuyển đề cử TL-0001 (${NOMINEE}) lên phường để thẩm định.`);
    await reply(OFFICER, 'vừa được chuyển lên phường, đang chờ thẩm định', mark);
  });

  it('the officer appraises it and proposes it; the council member votes on Zalo; it is posted', async () => {
    const list = await say(OFFICER, '/thamdinh', 'Chọn một hồ sơ để xem');
    expect(list).toContain('1 hồ sơ chờ thẩm định');
    const dossier = await press(OFFICER, (b) => b.text.includes('TL-0001'), 'Bạn muốn làm gì với hồ sơ này?');
    expect(dossier).toContain('Người thực hiện: tổ trưởng Tổ dân phố 1 (Trần Văn Tổ)');
    expect(dossier).toContain('Ý kiến kèm theo: “Tổ đã họp, cả tổ nhất trí đề nghị.”');
    await press(OFFICER, 'Đánh giá tiêu chí để đề nghị tôn vinh', 'đánh dấu ✓ các tiêu chí ĐẠT');
    for (const n of [1, 2, 3]) {
      telegram.push(telegram.pressUpdate(OFFICER, telegram.lastKeyboard(OFFICER), (b) => b.text.startsWith(`${n}. `) || b.text.startsWith(`✓ ${n}. `)));
      await telegram.waitFor(`criterion ${n} ticked`, () => telegram.lastKeyboard(OFFICER).text.includes(`Đã đánh dấu đạt: ${n}/`));
    }
    await press(OFFICER, 'Xong', 'Ghi chú thẩm định');
    expect(await say(OFFICER, 'Đã xác minh với tổ trưởng; hồ sơ đầy đủ.', 'Bạn quyết định thế nào?')).toContain('đạt 3/');
    expect(await press(OFFICER, 'Đề nghị tôn vinh', 'Đã đề nghị tôn vinh TL-0001')).toContain('Đã báo 1 thành viên');

    const notice = await zalo.waitForText(COUNCIL, 'gõ /bieuquyet TL-0001');
    expect(notice).toContain(`Phường đề nghị tôn vinh TL-0001 · ${NOMINEE}`);
    const block = await zaloSay(COUNCIL, 'bieu quyet TL-0001', 'Mời bạn biểu quyết');
    expect(block).toContain('Kết quả thẩm định: đạt 3/');
    const mark = telegram.calls.length;
    const voted = await zaloSay(COUNCIL, numberOf(block, 'Đồng ý'), 'Gõ /bieuquyet');
    expect(voted).toContain('đã kết thúc: đề nghị được thông qua.');
    await reply(OFFICER, 'Kết quả biểu quyết của Hội đồng Thi đua – Khen thưởng', mark);
    await telegram.waitForText(RESIDENT, `Đề cử TL-0001 (${NOMINEE}) đang được công khai để nhân dân góp ý.`);
    expect(await zaloSay('zr-961', '/congkhai', 'Nhận góp ý đến')).toContain(`• TL-0001 · ${NOMINEE}`);
  });

  it('after the posting period (clock +6 days) the officer honours it; the resident is told', async () => {
    expect(await bot!.stop('SIGTERM')).toBe(0);
    // A long poll the stopped process left open takes the next update with it: give each fake one
    // from somebody else.
    telegram.push(telegram.textUpdate(969_999, '/start'));
    zalo.push(zalo.textUpdate('zz-969', 'xin chào'));
    await start({ CLOCK_OFFSET: '+6d' });

    expect(await say(OFFICER, '/tonvinh', 'Chọn một hồ sơ')).toContain('Hồ sơ chờ quyết định khen thưởng: 1.');
    await press(OFFICER, (b) => b.text.includes('TL-0001'), 'Bạn quyết định thế nào?');
    await press(OFFICER, 'Tôn vinh, khen thưởng', 'Hình thức khen thưởng');
    await press(OFFICER, 'Giấy khen của Chủ tịch UBND phường', 'Ngày khen thưởng');
    expect(await press(OFFICER, (b) => b.text.startsWith('Hôm nay'), 'Xác nhận?')).toContain('Tính cho: Giai đoạn 1');
    await press(OFFICER, 'Xác nhận khen thưởng', 'được khen thưởng');
    await telegram.waitForText(RESIDENT, `Xin chúc mừng! ${NOMINEE} (đề cử TL-0001) đã được tôn vinh, khen thưởng.`);
  });

  it('/tiendo counts it for the officer (every unit) and the leader (their unit and the ward)', async () => {
    const officer = await say(OFFICER, '/tiendo', 'Theo đơn vị');
    expect(officer).toMatch(/^Giai đoạn 1: [^\n]*\): đã tôn vinh 0\/3 tập thể, 1\/3 cá nhân\.$/m);
    expect(officer).toContain('• Tổ dân phố 1: 1 · 1 · 1 · 1');
    const leader = await say(LEADER, '/tiendo', 'Cả phường');
    expect(leader).toContain('• Tổ dân phố 1: 1 · 1 · 1 · 1');
    expect(leader).toContain('Cả phường: 1 · 1 · 1 · 1');
    expect(await say(RESIDENT, '/tiendo', 'Lệnh này chỉ dành cho cán bộ phường')).not.toContain('Tổ dân phố 1:');
  });

  it('told the resident once per change, sent no call either API would refuse, and kept the history', async () => {
    const notices = telegram.messagesTo(RESIDENT).map((m) => m.text);
    const expected = [
      `Đề cử TL-0001 (${NOMINEE}) cần bạn bổ sung thông tin.`,
      `Đề cử TL-0001 (${NOMINEE}) đã được chuyển lên phường để thẩm định.`,
      `Đề cử TL-0001 (${NOMINEE}) đã được phường đề nghị tôn vinh.`,
      `Đề cử TL-0001 (${NOMINEE}) đang được công khai để nhân dân góp ý.`,
      `Xin chúc mừng! ${NOMINEE} (đề cử TL-0001) đã được tôn vinh, khen thưởng.`,
    ];
    for (const text of expected) expect(notices.filter((t) => t.includes(text)), text).toHaveLength(1);
    // Every notice ends with where to follow it; nothing else the resident got does.
    expect(notices.filter((t) => t.endsWith('Xem chi tiết: gõ /trangthai TL-0001')), notices.join('\n----\n')).toHaveLength(expected.length);

    for (const fake of fakes) expect(fake.violations).toEqual([]);
    // The only refusals: the officer's own menu, queued at start before they ever wrote.
    expect(telegram.refused.filter((r) => !/^setMyCommands: chat not found/.test(r))).toEqual([]);
    expect(await bot!.stop('SIGTERM')).toBe(0);
    bot = null;

    const history = await db.query<{ status: string; note: string | null; actor: string | null }>(`
      select h.status, h.note,
             (select i.channel || ':' || i.external_id from member_identities i where i.member_id = h.actor_member_id order by i.channel limit 1) as actor
        from nomination_status_history h join nominations n on n.id = h.nomination_id
       where n.receipt_code = 'TL-0001' order by h.id`);
    expect(history).toEqual([
      { status: 'submitted', note: null, actor: `telegram:${RESIDENT}` },
      { status: 'returned', note: QUESTION, actor: `telegram:${LEADER}` },
      { status: 'submitted', note: ANSWER, actor: `telegram:${RESIDENT}` },
      { status: 'forwarded', note: 'Tổ đã họp, cả tổ nhất trí đề nghị.', actor: `telegram:${LEADER}` },
      { status: 'proposed', note: 'Đã xác minh với tổ trưởng; hồ sơ đầy đủ.', actor: `telegram:${OFFICER}` },
      // The last vote closes the vote and posts the proposal.
      { status: 'posted', note: 'Hội đồng Thi đua – Khen thưởng biểu quyết: 1 đồng ý, 0 không đồng ý, 0 không ý kiến (1/1 thành viên); thông qua.', actor: `zalo:${COUNCIL}` },
      { status: 'honoured', note: expect.stringMatching(/^Giấy khen của Chủ tịch UBND phường \(\d{2}\/\d{2}\/\d{4}\)$/), actor: `telegram:${OFFICER}` },
    ]);
    const outbox = await db.query<{ notice: string; status: string }>(`
      select o.payload ->> 'notice' as notice, o.status from outbox o
        join member_identities i on i.member_id = o.member_id
       where i.channel = 'telegram' and i.external_id = $1 and o.kind <> 'menu' order by o.id`, [String(RESIDENT)]);
    expect(outbox.every((o) => o.status === 'sent'), JSON.stringify(outbox)).toBe(true);
    expect(outbox).toHaveLength(expected.length);
    const [nomination] = await db.query<{ status: string }>(`select status from nominations where receipt_code = 'TL-0001'`);
    expect(nomination!.status).toBe('honoured');
  });
});
