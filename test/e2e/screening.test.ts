// Screening through the real process, on Telegram and Zalo at once: a resident nominates on Zalo
// (with a photo by URL and consent to be contacted); the leader of Tổ dân phố 1, on Telegram, is
// told, opens it from the notice's button (the photo comes first), returns it with a question;
// the resident answers as the Zalo notice says; the leader hears, opens it again (the question
// and the answer in its history) and forwards it; the resident and the ward's officer (on Zalo)
// are told. The leader's old notice button then only says where the nomination stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi, type SentMessage } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const TDP1 = '20000000-0000-4000-8001-000000000001';
const LEADER = 7101;
const RESIDENT = 'zu-resident';
const OFFICER = 'zu-officer';
const PHOTO = 'https://photo.zalo.example/abc/tran-thi-mai.jpg';
const QUESTION = 'Chị Mai quét dọn đường phố từ năm nào? Có ai cùng làm không?';
const ANSWER = 'Từ năm 2019, cùng năm hộ trong tổ.';

/** Makes Telegram user LEADER the leader of Tổ dân phố 1 before the bot starts (invitations are another capability's). */
async function seedLeader(env: Record<string, string>): Promise<void> {
  const backend = env.DATABASE_URL ? await openBackend({ kind: 'postgres', url: env.DATABASE_URL }) : await openBackend({ kind: 'pglite', dataDir: env.DATA_DIR! });
  try {
    const [m] = await backend.sql!.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    await backend.sql!.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', $1, $2, $1)`, [String(LEADER), m!.id]);
    await backend.sql!.query(`insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, 'leader', $3, 'Tổ trưởng TDP 1')`, [m!.id, WARD, TDP1]);
  } finally {
    await backend.close();
  }
}

describe('screening end to end: return with a question, the answer, forward', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    db = await createBotDatabase();
    await seedLeader(db.env);
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ADMIN_ZALO_IDS: OFFICER,
      QUIET_HOURS: 'off',
    });
    await Promise.all([
      telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > 0, 60_000),
      zalo.waitFor('Zalo polling', () => zalo.callsOf('getUpdates').length > 0, 60_000),
    ]).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  }, 90_000);

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await telegram?.close();
    await zalo?.close();
    await db?.close();
  });

  /** The resident types on Zalo; resolves with that turn's texts joined. */
  const residentSays = async (text: string, then: string | RegExp) => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(RESIDENT, text));
    await zalo.waitForText(RESIDENT, then, mark);
    return zalo.textsTo(RESIDENT, mark).join('\n');
  };

  /** The leader presses a button of a Telegram message and waits for the text that follows. */
  const leaderPresses = async (message: SentMessage, label: string, then: string, options: { firstKeyboard?: boolean } = {}) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(LEADER, message, label, options));
    await telegram.waitForText(LEADER, then, { afterCall: mark });
    return mark;
  };

  const leaderSays = async (text: string, then: string) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.textUpdate(LEADER, text));
    await telegram.waitForText(LEADER, then, { afterCall: mark });
  };

  it('a resident nominates in Tổ dân phố 1 on Zalo, and its leader is told on Telegram', async () => {
    await residentSays('đề cử', 'Bạn muốn đề cử ai?');
    await residentSays('người tốt', 'tổ dân phố, làng hay cơ quan nào');
    // The unit named exactly is taken at once.
    await residentSays('tổ dân phố 1', 'Họ và tên');
    await residentSays('Trần Thị Mai', 'đã làm những việc tốt gì');
    await residentSays('Chị Mai tổ chức quét dọn đường phố mỗi Chủ nhật và vận động bà con giữ vệ sinh chung.', 'đạt những tiêu chí nào');
    await residentSays('1', 'Bạn có ảnh');
    const mark = zalo.calls.length;
    zalo.push(zalo.photoUpdate(RESIDENT, PHOTO));
    await zalo.waitForText(RESIDENT, 'Đồng ý thì có thể gõ luôn số điện thoại', mark);
    // A phone number typed here means "I agree" too.
    await residentSays('0912 345 678', 'Mời bạn xem lại');
    expect(await residentSays('gửi', 'mã biên nhận: TL-0001')).toContain('TL-0001');

    const notice = await telegram.waitForText(LEADER, 'Có đề cử mới ở Tổ dân phố 1: TL-0001 · Trần Thị Mai.');
    expect(notice.keyboard.flat().map((b) => b.text)).toEqual(['Xem đề cử']);
  });

  it('the leader opens it from the notice, sees the photo first, and returns it with a question', async () => {
    const notice = telegram.lastKeyboard(LEADER);
    const mark = await leaderPresses(notice, 'Xem đề cử', 'Bạn quyết định thế nào với đề cử này?');
    const photo = telegram.calls.slice(mark).find((c) => c.method === 'sendPhoto');
    expect(photo?.payload).toMatchObject({ chat_id: String(LEADER), photo: PHOTO });
    const opened = telegram.lastKeyboard(LEADER);
    expect(opened.text).toContain('Tên: Trần Thị Mai');
    expect(opened.text).toContain('Đơn vị: Tổ dân phố 1');
    expect(opened.text).toMatch(/Người đề cử: .+, số điện thoại 0912345678/);
    expect(opened.keyboard.flat().map((b) => b.text)).toEqual(['Chuyển lên phường', 'Trả lại, hỏi thêm người đề cử', 'Không chọn (nêu lý do)', 'Quay lại', 'Hủy']);

    await leaderPresses(opened, 'Trả lại, hỏi thêm người đề cử', 'Bạn cần hỏi thêm người đề cử điều gì?');
    await leaderSays(QUESTION, 'kèm câu hỏi:');
    await leaderPresses(telegram.lastKeyboard(LEADER), 'Xác nhận', 'Đã trả lại đề cử TL-0001 (Trần Thị Mai) kèm câu hỏi của bạn.');
  });

  it('the resident gets the question on Zalo and answers it as the notice says', async () => {
    const notice = await zalo.waitForText(RESIDENT, 'cần bạn bổ sung thông tin');
    expect(notice).toContain(`Ghi chú: “${QUESTION}”`);
    expect(notice).toContain('• Trả lời: gõ /traloi TL-0001');
    const asked = await residentSays('/traloi TL-0001', 'Mời bạn gõ câu trả lời');
    expect(asked).toContain(`“${QUESTION}”`);
    expect(await residentSays(ANSWER, 'Cảm ơn bạn!')).toContain('đề cử TL-0001 (Trần Thị Mai) đã quay lại chờ xét duyệt');
  });

  it('the leader hears of the answer, reads it in the history, and forwards the nomination', async () => {
    await telegram.waitForText(LEADER, 'Người đề cử đã bổ sung đề cử TL-0001');
    await leaderPresses(telegram.lastKeyboard(LEADER), 'Xem đề cử', 'Bạn quyết định thế nào với đề cử này?');
    const opened = telegram.lastKeyboard(LEADER);
    expect(opened.text).toContain('trả lại, hỏi thêm người đề cử');
    expect(opened.text).toContain(`“${QUESTION}”`);
    expect(opened.text).toContain('người đề cử trả lời câu hỏi');
    expect(opened.text).toContain(`“${ANSWER}”`);
    await leaderPresses(opened, 'Chuyển lên phường', 'Bạn có muốn gửi kèm ghi chú');
    await leaderPresses(telegram.lastKeyboard(LEADER), 'Không ghi chú', 'lên phường để thẩm định?');
    await leaderPresses(telegram.lastKeyboard(LEADER), 'Xác nhận', 'Đã chuyển đề cử TL-0001 (Trần Thị Mai) lên phường để thẩm định.');

    await zalo.waitForText(RESIDENT, 'Đề cử TL-0001 (Trần Thị Mai) đã được chuyển lên phường để thẩm định.');
    const officer = await zalo.waitForText(OFFICER, 'vừa được chuyển lên phường, đang chờ thẩm định');
    expect(officer).toContain('• Thẩm định: gõ /thamdinh TL-0001');
  });

  it("the leader's old notice button now only says where the nomination stands", async () => {
    const first = telegram.messagesTo(LEADER).find((m) => m.text.includes('Có đề cử mới'))!;
    // The button as the notice first showed it (an old client may still show it).
    await leaderPresses(first, 'Xem đề cử', 'Bạn đã xử lý đề cử TL-0001 (Trần Thị Mai) rồi.', { firstKeyboard: true });
    await telegram.waitForText(LEADER, 'Tình trạng hiện tại: đã chuyển lên phường');
  });

  it('sent nothing either platform would refuse, and recorded each change with its actor and note', async () => {
    expect(telegram.violations).toEqual([]);
    expect(zalo.violations).toEqual([]);
    expect(await bot.stop()).toBe(0);
    const history = await db.query<{ status: string; note: string | null; by_nominator: boolean }>(`
      select h.status, h.note, h.actor_member_id = n.nominator_id as by_nominator
        from nomination_status_history h join nominations n on n.id = h.nomination_id
       where n.receipt_code = 'TL-0001' order by h.id`);
    expect(history).toEqual([
      { status: 'submitted', note: null, by_nominator: expect.anything() },
      { status: 'returned', note: QUESTION, by_nominator: false },
      { status: 'submitted', note: ANSWER, by_nominator: true },
      { status: 'forwarded', note: null, by_nominator: false },
    ]);
    const outbox = await db.query<{ notice: string; status: string; channel: string }>(
      `select payload ->> 'notice' as notice, status, channel from outbox where kind <> 'menu' order by id`,
    );
    expect(outbox).toEqual([
      { notice: 'screen', status: 'sent', channel: 'telegram' },
      { notice: 'status', status: 'sent', channel: 'zalo' },
      { notice: 'screen', status: 'sent', channel: 'telegram' },
      { notice: 'status', status: 'sent', channel: 'zalo' },
      { notice: 'forwarded_to_ward', status: 'sent', channel: 'zalo' },
    ]);
  });
});
