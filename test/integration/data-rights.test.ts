// A person's rights over their data, through the real turn service and database: the privacy
// notice at the first contact (recorded with its version), everything held shown by /dulieu,
// consent to be contacted withdrawn, and /xoadulieu: afterwards no row of any table holds their
// chat ids, user ids, name or phone, their nominations and supports still count without them, an
// audit row says a deletion happened, deleting twice gets a plain answer, and the same chat
// starts afresh as a new person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/conversation/capabilities/mydata/notice.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { person, rowsHolding } from '../support/people.js';
import { UP_TO_CRITERIA } from '../support/turn-driver.js';

const NOTICE = 'Về dữ liệu: trợ lý chỉ lưu những gì cần cho việc xét chọn điển hình';
/** From "đề cử" to the name question: an individual doing good deeds in Tổ dân phố 3. */
const UP_TO_NAME = UP_TO_CRITERIA.slice(0, 3);
const DEEDS = UP_TO_CRITERIA[4]!;

describe.each(databaseBackends())('data rights on %s', (kind) => {
  let db: TestDatabase;
  let service: TurnService;
  const turns = () => service;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    service = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  });
  afterAll(async () => db?.close());

  const memberOf = async (channel: string, id: string) =>
    (await db.query<{ member_id: string }>('select member_id from member_identities where channel = $1 and external_id = $2', [channel, id]))[0]?.member_id;

  it('shows the privacy notice with the first reply only, records it with its version, and shows it again when the notice changes', async () => {
    const an = person(turns, 'zalo', 'zl-notice-1', 'Anh Nam');
    const first = await an.say('xin chào');
    expect(first.startsWith(NOTICE)).toBe(true);
    expect(first).toContain('Xin chào Anh Nam!');
    const id = await memberOf('zalo', 'zl-notice-1');
    const consents = await db.query<{ purpose: string; notice_version: string }>('select purpose, notice_version from member_consents where member_id = $1', [id]);
    expect(consents).toEqual([{ purpose: 'privacy_notice', notice_version: PRIVACY_NOTICE_VERSION }]);
    expect(await an.say('/cuatoi')).not.toContain(NOTICE);

    // A new text of the notice (a version the person was not shown): shown with the next reply.
    await db.query(`update member_consents set notice_version = '2020-01-01' where member_id = $1`, [id]);
    expect(await an.say('/cuatoi')).toContain(NOTICE);
    expect(await an.say('/cuatoi')).not.toContain(NOTICE);
  });

  it('withdraws consent to be contacted: the name and phone leave every nomination, and a second time there is nothing to withdraw', async () => {
    const ha = person(turns, 'telegram', '5500110022', 'Chị Hà Xuân');
    await ha.type([...UP_TO_NAME, 'Đinh Thị Hoa', DEEDS, '1', 'bỏ qua', '0911 222 333']);
    expect(await ha.say('1')).toMatch(/mã biên nhận: TL-\d{4}/);
    const id = await memberOf('telegram', '5500110022');
    expect(await db.query('select contact_name, contact_phone from nominations where nominator_id = $1', [id])).toEqual([
      { contact_name: 'Chị Hà Xuân', contact_phone: '0911222333' },
    ]);
    const mine = await ha.say('/dulieu');
    expect(mine).toMatch(/– TL-\d{4}: tên “Chị Hà Xuân”, số điện thoại 0911•••333/);
    expect(mine).toContain('• Rút đồng ý liên hệ: gõ /rutdongy');

    const withdrawn = await ha.say('/rutdongy');
    expect(withdrawn).toMatch(/Đã rút đồng ý liên hệ\. Tên và số điện thoại của bạn đã được xóa khỏi 1 đề cử: TL-\d{4}\./);
    expect(await db.query('select contact_consent, contact_name, contact_phone from nominations where nominator_id = $1', [id])).toEqual([
      { contact_consent: false, contact_name: null, contact_phone: null },
    ]);
    expect(await ha.say('/dulieu')).toContain('• Thông tin liên lạc: không lưu');
    expect(await ha.say('/rutdongy')).toContain('Bạn chưa đồng ý cho lưu thông tin liên lạc, nên không có gì cần rút.');
    // Nothing keeps them: not the finished form kept for a repeated "send", not a kept reply.
    expect(await rowsHolding(db.query, ['0911222333', '0911 222 333', 'Chị Hà Xuân'])).toEqual([]);
  });

  it('deletes once when “Xóa” is pressed twice at the same moment in two processes, and leaves nothing behind', async () => {
    const other = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const inA = person(turns, 'zalo', 'zl-twice-9', 'Hai Lần');
    const inB = person(() => other, 'zalo', 'zl-twice-9', 'Hai Lần');
    await inA.say('xin chào');
    await inA.say('/xoadulieu');
    const token = inA.token();
    const replies = await Promise.all([inA.press(token, 'delete'), inB.press(token, 'delete')]);
    expect(replies.filter((r) => r.includes('Đã xóa dữ liệu của bạn'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('Trợ lý không còn giữ dữ liệu nào của bạn.'))).toHaveLength(1);
    expect(await rowsHolding(db.query, ['zl-twice-9', 'Hai Lần'])).toEqual([]);
    expect(await db.query(`select count(*)::int n from audit_log where action = 'member.data_deleted'`)).toEqual([{ n: 2 }]);
  });

  it('a message that was on its way while the data was deleted elsewhere: the chat answers afresh, and deleting again leaves nothing', async () => {
    const ba = person(turns, 'zalo', 'zl-late-7', 'Bà Tư');
    await ba.say('xin chào');
    const gone = (await memberOf('zalo', 'zl-late-7'))!;
    await ba.say('/xoadulieu');
    expect(await ba.press(ba.token(), 'delete')).toContain('Đã xóa dữ liệu của bạn');

    // What another process leaves when its load read the person just before the deletion
    // committed: a new conversation in the freed chat, owned by the member just deleted.
    const [orphan] = await db.query<{ id: string; version: number }>(
      `insert into conversations (channel, chat_id, member_id) values ('zalo', 'zl-late-7', $1) returning id, version`,
      [gone],
    );
    // That process's save then refuses to act for the deleted member: the turn is run again.
    const [save] = await db.query<{ r: unknown }>(
      `select bot_turn_save($1, $2, '{"flow":null,"step":null,"answers":{},"trail":[]}', 'zalo', 'bot:zl-late-7', 'ev-late-orphan', $3,
                            '{"type":"delete_my_data"}', null, 'test', '[]') r`,
      [orphan!.id, orphan!.version, gone],
    );
    expect(save!.r).toEqual({ ok: false, reason: 'stale' });

    // The person writing from that chat is answered (not ignored as a stranger in someone's chat).
    const again = await ba.say('xin chào');
    expect(again).toContain('Xin chào Bà Tư!');
    expect(await memberOf('zalo', 'zl-late-7')).not.toBe(gone);
    await ba.say('/xoadulieu');
    await ba.press(ba.token(), 'delete');
    expect(await rowsHolding(db.query, ['zl-late-7', 'Bà Tư'])).toEqual([]);
  });

  it('deletes a person: no row of any table holds their ids, name or phone; their nominations and supports stay without them', async () => {
    const quy = person(turns, 'telegram', '7700112233', 'Trần Văn Quý');
    const lan = person(turns, 'console', 'lan-deletion', 'Lan');

    // Quý nominates with his contact, Lan supports it; Lan nominates, Quý supports hers.
    await quy.type([...UP_TO_NAME, 'Trần Thị Mai', DEEDS, '1', 'bỏ qua', '0987 654 321']);
    const code = /TL-\d{4}/.exec(await quy.say('1'))![0];
    await lan.type(UP_TO_NAME);
    expect(await lan.say('Trần Thị Mai')).toContain(`Ủng hộ đề cử ${code}`);
    expect(await lan.say('1')).toContain(`Bạn đã ủng hộ đề cử ${code}`);
    await lan.type([...UP_TO_NAME, 'Lê Văn Tám', DEEDS, '1', 'bỏ qua', '2']);
    const lanCode = /TL-\d{4}/.exec(await lan.say('1'))![0];
    await quy.type(UP_TO_NAME);
    expect(await quy.say('Lê Văn Tám')).toContain(`Ủng hộ đề cử ${lanCode}`);
    await quy.say('1');

    // Quý also uses Zalo (an identity of the same member), holds a role with his name, has a link
    // code, a half-filled form in Zalo, an answer on his nomination, and a notice queued for him.
    const id = (await memberOf('telegram', '7700112233'))!;
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', 'zl-quy-5544', $1, 'zl-quy-5544')`, [id]);
    const zalo = person(turns, 'zalo', 'zl-quy-5544', 'Quý Trần');
    await zalo.type(['đề cử', '2']);
    await db.query(`insert into member_roles (member_id, ward_id, role, holder_name) select id, ward_id, 'council', 'Trần Văn Quý' from members where id = $1`, [id]);
    await quy.say('/lienket');
    const [nomination] = await db.query<{ id: string }>('select id from nominations where receipt_code = $1', [code]);
    await db.query(`select nomination_transition($1, array['submitted'], 'returned', null, 'Xin bổ sung')`, [nomination!.id]);
    await db.query(`select nomination_transition($1, array['returned'], 'submitted', $2, 'Số của tôi là 0987654321, gọi Trần Văn Quý')`, [nomination!.id, id]);
    expect((await db.query<{ n: number }>('select count(*)::int n from outbox where member_id = $1', [id]))[0]!.n).toBeGreaterThan(0);

    const shown = await quy.say('/dulieu');
    expect(shown).toContain('• Tài khoản Telegram: ••••••233');
    expect(shown).toContain('• Tài khoản Zalo: ••••••544');
    expect(shown).toContain('• Vai trò: thành viên Hội đồng Thi đua – Khen thưởng');
    expect(shown).toContain('  Tên ghi kèm vai trò: “Trần Văn Quý”');
    expect(shown).toMatch(new RegExp(`Đề cử bạn đã gửi \\(1\\):\\n  ${code}`));
    expect(shown).toMatch(new RegExp(`Đề cử bạn đã ủng hộ \\(1\\):\\n  ${lanCode}`));
    expect(shown).toContain(`– ${code}: tên “Trần Văn Quý”, số điện thoại 0987•••321`);
    expect(shown).toContain(`– Đã gửi bạn thông báo về dữ liệu cá nhân (bản ${PRIVACY_NOTICE_VERSION})`);
    expect(shown).toContain('• Đề cử đang điền dở, chưa gửi: 1');

    const asked = await quy.say('/xoadulieu');
    expect(asked).toContain('Xóa dữ liệu?');
    expect(asked).toContain('1. Xóa\n2. Giữ lại');
    const token = quy.token();
    expect(await quy.say('2')).toContain('Đã giữ nguyên dữ liệu của bạn.');
    await quy.say('/xoadulieu');
    const done = await quy.say('1');
    expect(done).toContain('Đã xóa dữ liệu của bạn');
    expect(done).toContain('1 đề cử bạn đã gửi và 1 lượt ủng hộ của bạn vẫn được tính cho đợt, nhưng không còn gắn với bạn.');
    expect(done).toContain('Nếu nhắn tiếp, bạn sẽ được coi là một người mới.');

    const needles = ['7700112233', 'zl-quy-5544', 'Trần Văn Quý', 'Quý Trần', '0987654321', '0987 654 321'];
    expect(await rowsHolding(db.query, needles)).toEqual([]);

    // The nominations are intact, without him; the supports still count; the member row is an
    // anonymous record; the role is revoked; an audit row says a deletion happened.
    const [kept] = await db.query<Record<string, unknown>>(
      `select n.nominee_name, n.status, n.contact_consent, n.contact_name, n.contact_phone, m.deleted_at is not null as anonymous,
              m.display_name, (select count(*)::int from endorsements e where e.nomination_id = n.id) as supports
         from nominations n join members m on m.id = n.nominator_id where n.receipt_code = $1`,
      [code],
    );
    expect(kept).toEqual({ nominee_name: 'Trần Thị Mai', status: 'submitted', contact_consent: false, contact_name: null, contact_phone: null, anonymous: true, display_name: null, supports: 1 });
    expect((await db.query<{ n: number }>('select count(*)::int n from endorsements e join nominations n on n.id = e.nomination_id where n.receipt_code = $1', [lanCode]))[0]!.n).toBe(1);
    expect(await db.query('select count(*)::int n from member_roles where member_id = $1 and revoked_at is null', [id])).toEqual([{ n: 0 }]);
    for (const table of ['member_identities', 'account_link_codes', 'member_consents', 'outbox']) {
      expect(await db.query(`select count(*)::int n from ${table} where member_id = $1`, [id]), table).toEqual([{ n: 0 }]);
    }
    const audit = await db.query<{ details: Record<string, number> }>(`select details from audit_log where action = 'member.data_deleted' and subject_id = $1`, [id]);
    expect(audit).toEqual([{ details: { nominations: 1, endorsements: 1, identities: 2, conversations: 2 } }]);

    // Deleting twice: the old button pressed again, then the command, each from what is now a new
    // person in the same chat, get a plain answer and leave nothing behind.
    const again = await quy.press(token, 'delete');
    expect(again).toContain('Trợ lý không còn giữ dữ liệu nào của bạn.');
    expect(await quy.say('/xoadulieu')).toContain('Trợ lý không còn giữ dữ liệu nào của bạn.');
    expect(await rowsHolding(db.query, needles)).toEqual([]);

    // The same chat starts afresh: a new person, shown the notice, with nothing of the old one.
    const fresh = await quy.say('xin chào');
    expect(fresh.startsWith(NOTICE)).toBe(true);
    const newId = await memberOf('telegram', '7700112233');
    expect(newId).toBeDefined();
    expect(newId).not.toBe(id);
    expect(await quy.say('/cuatoi')).toContain('Bạn chưa có đề cử hay lượt ủng hộ nào.');
  });
});
