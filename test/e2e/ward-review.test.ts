// The ward's side of the review path through the real process, on Telegram and Zalo at once: an
// officer (from ADMIN_TELEGRAM_IDS) appraises a forwarded nomination and proposes it; two council
// members vote (one pressing the notice's button on Telegram, who votes twice, one typing on
// Zalo); the proposal is posted and a resident on Zalo reads it and comments; after the posting
// period (the process restarted with CLOCK_OFFSET=+6d) the officer honours it, and the nominator
// and the endorser hear of it. The leader's screening is arranged in the database beforehand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';

const TOKEN = '123456789:AAE2e-test-token-for-the-fake-api';
const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const TDP1 = '20000000-0000-4000-8001-000000000001';

const OFFICER = 930_001;
const NOMINATOR = 930_002;
const COUNCIL_TG = 930_003;
const COUNCIL_ZALO = 'zc-930';
const ENDORSER_ZALO = 'zr-931';

describe('appraisal, the council’s vote, posting and honours, end to end', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  /** Every fake started (the process restarts on new ones). */
  const fakes: (FakeBotApi | FakeZaloApi)[] = [];
  let db: BotDatabase;
  let bot: BotProcess | null = null;

  // Rows the leader's screening and the invitations (other parts of the review path) would make.
  async function arrange(): Promise<void> {
    const backend = await openBackend(db.env.DATABASE_URL ? { kind: 'postgres', url: db.env.DATABASE_URL } : { kind: 'pglite', dataDir: db.env.DATA_DIR! });
    const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => backend.sql!.query<T>(sql, params);
    try {
      const person = async (channel: string, external: string, role?: string, unit?: string, holder?: string) => {
        const [m] = await q<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
        await q('insert into member_identities (channel, external_id, member_id, chat_id) values ($1, $2, $3, $2)', [channel, external, m!.id]);
        if (role) await q('insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, $3, $4, $5)', [m!.id, WARD, role, unit ?? null, holder ?? null]);
        return m!.id;
      };
      const nominator = await person('telegram', String(NOMINATOR));
      const leader = await person('console', 'leader-tdp1', 'leader', TDP1, 'Trần Văn Bình');
      await person('telegram', String(COUNCIL_TG), 'council', undefined, 'Lê Thị Hoa');
      await person('zalo', COUNCIL_ZALO, 'council', undefined, 'Phạm Minh');
      const endorser = await person('zalo', ENDORSER_ZALO);
      const [n] = await q<{ id: string }>(
        `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
         values ($1, $2, $3, 'individual', $4, 'Nguyễn Văn An', 'Ông vận động bà con làm 500 m đường bê tông và dọn mương thoát nước.', $5, gen_random_uuid(), 'TL-0001')
         returning id`,
        [WARD, CAMPAIGN, GOOD_DEEDS, TDP1, nominator],
      );
      await q(`update wards set next_receipt = 2 where id = $1`, [WARD]);
      await q(`insert into nomination_status_history (nomination_id, status, actor_member_id) values ($1, 'submitted', $2)`, [n!.id, nominator]);
      await q('insert into endorsements (nomination_id, member_id) values ($1, $2)', [n!.id, endorser]);
      await q(`select nomination_transition($1, array['submitted'], 'forwarded', $2, 'Tổ đã họp bình xét, nhất trí đề nghị.')`, [n!.id, leader]);
    } finally {
      await backend.close();
    }
  }

  async function start(extra: Record<string, string> = {}): Promise<void> {
    const telegramPolls = telegram.callsOf('getUpdates').length;
    const zaloPolls = zalo.callsOf('getUpdates').length;
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ADMIN_TELEGRAM_IDS: String(OFFICER),
      QUIET_HOURS: 'off',
      ...extra,
    });
    const started = bot;
    await telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > telegramPolls, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${started.stderr()}`);
    });
    await zalo.waitFor('Zalo polling', () => zalo.callsOf('getUpdates').length > zaloPolls, 60_000);
  }

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    fakes.push(telegram, zalo);
    db = await createBotDatabase();
    await arrange();
    await start();
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    for (const fake of fakes) await fake.close().catch(() => undefined);
    await db?.close();
  });

  const say = (user: number, text: string) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.textUpdate(user, text));
    return mark;
  };
  const press = (user: number, match: string | ((b: { text: string }) => boolean)) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(user, telegram.lastKeyboard(user), match));
    return mark;
  };
  const reply = async (user: number, pattern: string | RegExp, mark: number) => {
    const sent = await telegram.waitForText(user, pattern, { afterCall: mark }).catch((err: Error) => {
      throw new Error(`${err.message}\n--- chat ${user} ---\n${telegram.transcript(user)}\n--- stderr ---\n${bot?.stderr() ?? ''}`);
    });
    return sent.text;
  };
  const zaloSay = async (user: string, text: string, then: string | RegExp) => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(user, text));
    await zalo.waitForText(user, then, mark);
    return zalo.textsTo(user, mark).join('\n');
  };

  it('lets the officer on Telegram appraise the forwarded nomination and propose it to the council', async () => {
    let mark = say(OFFICER, '/thamdinh');
    const list = await reply(OFFICER, 'Chọn một hồ sơ để xem', mark);
    expect(list).toContain('1 hồ sơ chờ thẩm định');
    const dossier = await reply(OFFICER, 'Bạn muốn làm gì với hồ sơ này?', press(OFFICER, (b) => b.text.includes('TL-0001')));
    expect(dossier).toContain('Người thực hiện: tổ trưởng Tổ dân phố 1 (Trần Văn Bình)');
    expect(dossier).toContain('Ý kiến kèm theo: “Tổ đã họp bình xét, nhất trí đề nghị.”');
    await reply(OFFICER, 'đánh dấu ✓ các tiêu chí ĐẠT', press(OFFICER, 'Đánh giá tiêu chí để đề nghị tôn vinh'));
    const marks = telegram.lastKeyboard(OFFICER);
    for (const n of [1, 2, 3]) {
      press(OFFICER, (b) => b.text.startsWith(`${n}. `) || b.text.startsWith(`✓ ${n}. `));
      await telegram.waitFor(`criterion ${n} ticked`, () => telegram.lastKeyboard(OFFICER).text.includes(`Đã đánh dấu đạt: ${n}/`));
    }
    expect(telegram.lastKeyboard(OFFICER).messageId).toBe(marks.messageId);
    await reply(OFFICER, 'Ghi chú thẩm định', press(OFFICER, 'Xong'));
    const summary = await reply(OFFICER, 'Bạn quyết định thế nào?', say(OFFICER, '1: đã xác minh với tổ trưởng; hồ sơ đầy đủ'));
    expect(summary).toContain('đạt 3/');
    expect(summary).toContain('Hội đồng Thi đua – Khen thưởng (2 thành viên)');
    mark = press(OFFICER, 'Đề nghị tôn vinh');
    expect(await reply(OFFICER, 'Đã đề nghị tôn vinh TL-0001', mark)).toContain('Đã báo 2 thành viên');
    // The old "propose" button of the finished form acts no more.
    const stale = telegram.messagesTo(OFFICER).filter((m) => m.text.includes('Bạn quyết định thế nào?')).at(-1)!;
    mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(OFFICER, stale, 'Đề nghị tôn vinh', { firstKeyboard: true }));
    await reply(OFFICER, 'tin nhắn cũ', mark);
  });

  it('lets two council members vote: one by the notice’s button on Telegram, voting twice, one typing on Zalo', async () => {
    const notice = await telegram.waitForText(COUNCIL_TG, 'Mời thành viên Hội đồng Thi đua – Khen thưởng xem hồ sơ và biểu quyết');
    expect(notice.keyboard.flat().map((b) => b.text)).toEqual(['Xem và biểu quyết']);
    const opened = await reply(COUNCIL_TG, 'Mời bạn biểu quyết', press(COUNCIL_TG, 'Xem và biểu quyết'));
    expect(opened).toContain('Kết quả thẩm định: đạt 3/');
    expect(opened).toContain('Đã có 0/2 thành viên Hội đồng biểu quyết.');
    expect(await reply(COUNCIL_TG, 'Phiếu của bạn: không ý kiến.', press(COUNCIL_TG, 'Không ý kiến'))).toContain('Đã ghi nhận biểu quyết của bạn về TL-0001');
    // A second vote while the vote is open changes the first, and says so.
    const again = await reply(COUNCIL_TG, 'Biểu quyết còn mở', say(COUNCIL_TG, '/bieuquyet TL-0001'));
    expect(again).toContain('Phiếu của bạn: không ý kiến.');
    const changed = await reply(COUNCIL_TG, 'Bạn đã đổi phiếu', press(COUNCIL_TG, 'Đồng ý'));
    expect(changed).toContain('Phiếu trước đó: không ý kiến.');
    expect(changed).toContain('Phiếu của bạn: đồng ý.');

    const zaloNotice = await zalo.waitForText(COUNCIL_ZALO, 'gõ /bieuquyet TL-0001');
    expect(zaloNotice).toContain('Phường đề nghị tôn vinh TL-0001 · Nguyễn Văn An');
    // Typed as words, without diacritics: the proposal as numbered choices.
    const block = await zaloSay(COUNCIL_ZALO, 'bieu quyet TL-0001', 'Mời bạn biểu quyết');
    expect(block).toContain('Đã có 1/2 thành viên Hội đồng biểu quyết.');
    expect(block).toMatch(/^\d+\. Không đồng ý/m);
    const last = await zaloSay(COUNCIL_ZALO, numberOf(block, 'Đồng ý'), 'Gõ /bieuquyet');
    expect(last).toContain('Mọi thành viên Hội đồng đã biểu quyết.');
    expect(last).toContain('đã kết thúc: đề nghị được thông qua.');
    expect(last).toMatch(/công khai để nhân dân góp ý đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    // After the close: a clear answer, not a form.
    const closed = await zaloSay(COUNCIL_ZALO, '/bieuquyet TL-0001', 'đã kết thúc ngày');
    expect(closed).toContain('Phiếu của bạn: đồng ý.');
    // The officer hears the result.
    await telegram.waitForText(OFFICER, 'Kết quả biểu quyết của Hội đồng Thi đua – Khen thưởng');
  });

  it('posts it for every resident to read and comment on; the comment reaches the officer', async () => {
    const list = await zaloSay(ENDORSER_ZALO, '/congkhai', 'Nhận góp ý đến');
    expect(list).toContain('• TL-0001 · Nguyễn Văn An');
    const tooLong = await zaloSay(ENDORSER_ZALO, `/gopy TL-0001 ${'a'.repeat(1500)}`, 'vượt giới hạn');
    expect(tooLong).toContain('Góp ý dài 1.500 ký tự, vượt giới hạn 1.000 ký tự');
    await zaloSay(ENDORSER_ZALO, 'gop y TL-0001 Ông An rất nhiệt tình, cả tổ đều quý.', 'đã được gửi tới cán bộ phường');
    const told = await telegram.waitForText(OFFICER, 'Góp ý của người dân về TL-0001');
    expect(told.text).toContain('“Ông An rất nhiệt tình, cả tổ đều quý.”');
    // Not yet: the posting period runs.
    const early = await reply(OFFICER, 'chưa có hồ sơ nào chờ quyết định khen thưởng', say(OFFICER, '/tonvinh'));
    expect(early).toContain('Còn 1 hồ sơ đang công khai lấy ý kiến');
  });

  it('after the posting period (clock +6 days) lets the officer honour it; the nominator and the endorser hear of it', async () => {
    await telegram.waitFor('the nominator told it is posted', () => telegram.messagesTo(NOMINATOR).some((m) => m.text.includes('đang được công khai')));
    expect(await bot!.stop('SIGTERM')).toBe(0);
    // A long poll the stopped process left open on each fake takes the next update with it: give
    // it one from somebody else (should none be open, the new process just greets them).
    telegram.push(telegram.textUpdate(939_999, '/start'));
    zalo.push(zalo.textUpdate('zz-939', 'xin chào'));
    await start({ CLOCK_OFFSET: '+6d' });

    let mark = say(OFFICER, '/tonvinh');
    const list = await reply(OFFICER, 'Chọn một hồ sơ', mark);
    expect(list).toContain('Hồ sơ chờ quyết định khen thưởng: 1.');
    const opened = await reply(OFFICER, 'Bạn quyết định thế nào?', press(OFFICER, (b) => b.text.includes('TL-0001')));
    expect(opened).toContain('nhận được 1 góp ý');
    await reply(OFFICER, 'Hình thức khen thưởng', press(OFFICER, 'Tôn vinh, khen thưởng'));
    await reply(OFFICER, 'Ngày khen thưởng', press(OFFICER, 'Giấy khen của Chủ tịch UBND phường'));
    const confirm = await reply(OFFICER, 'Xác nhận?', press(OFFICER, (b) => b.text.startsWith('Hôm nay')));
    expect(confirm).toContain('Tính cho: Giai đoạn 1');
    mark = press(OFFICER, 'Xác nhận khen thưởng');
    expect(await reply(OFFICER, 'được khen thưởng', mark)).toContain('Người đề cử và 1 người ủng hộ sẽ được báo tin.');

    await telegram.waitForText(NOMINATOR, 'Xin chúc mừng! Nguyễn Văn An');
    await zalo.waitForText(ENDORSER_ZALO, 'Tin vui: Nguyễn Văn An');
    const history = await reply(OFFICER, 'Khen thưởng: Giấy khen', say(OFFICER, '/lichsu TL-0001'));
    expect(history).toContain('Người thực hiện: người đề cử');
    expect(history).toContain('Người thực hiện: thành viên Hội đồng Thi đua – Khen thưởng (Phạm Minh)');
    expect(history).toContain('Góp ý của nhân dân: 1.');
  });

  it('kept every payload within the platforms’ limits and recorded the review in the database', async () => {
    for (const fake of fakes) expect(fake.violations).toEqual([]);
    expect(await bot!.stop('SIGTERM')).toBe(0);
    bot = null;
    const statuses = await db.query<{ status: string }>(`select h.status from nomination_status_history h join nominations n on n.id = h.nomination_id where n.receipt_code = 'TL-0001' order by h.id`);
    expect(statuses.map((s) => s.status)).toEqual(['submitted', 'forwarded', 'proposed', 'posted', 'honoured']);
    const [honour] = await db.query<{ title: string; phase: number }>(`select o.title, p.seq as phase from honours o join campaign_phases p on p.id = o.phase_id`);
    expect(honour).toEqual({ title: 'Giấy khen của Chủ tịch UBND phường', phase: 1 });
    const votes = await db.query<{ vote: string }>('select vote from council_votes order by vote');
    expect(votes.map((v) => v.vote)).toEqual(['agree', 'agree']);
    // The nominator got one notice per change: forwarded, proposed, posted, honoured.
    const notices = fakes.flatMap((f) => (f instanceof FakeBotApi ? f.messagesTo(NOMINATOR) : [])).map((m) => m.text);
    expect(notices.filter((t) => t.includes('TL-0001'))).toHaveLength(4);
    const audit = await db.query<{ details: unknown }>(`select details from audit_log where action like 'comment.%' or action like 'council.%' or action like 'appraisal.%' or action like 'honour.%'`);
    expect(JSON.stringify(audit)).not.toMatch(/nhiệt tình|xác minh|Nguyễn/);
  });
});
