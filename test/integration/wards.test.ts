// Several wards in one deployment, through the real turn service and database. A second ward is
// added as `npm run ward -- add` adds one (ward_add), with its own open campaign. People join a
// ward by its deep link or code, or pick it at the first contact (asked before anything else);
// then a resident of one ward never sees, supports or hears of the other's nominations, and an
// officer of one cannot act in the other, nor is told of its nominations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { createWardStore } from '../../src/db/ward-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { person, type Person } from '../support/people.js';

const TEMPLATE = '10000000-0000-4000-8000-000000000001';
const NOTICE = 'Về dữ liệu: trợ lý chỉ lưu';
const WARD_QUESTION = 'Bạn ở phường, xã nào?';
const DEEDS = 'Nhiều năm liền quét dọn đường làng, vận động bà con giúp đỡ các hộ nghèo trong tổ.';
/** From "đề cử" to the name question: an individual doing good deeds in Tổ dân phố 3 (both wards have one). */
const UP_TO_NAME = ['đề cử', 'người tốt', 'Tổ dân phố 3'];

describe.each(databaseBackends())('several wards on %s', (kind) => {
  let db: TestDatabase;
  let service: TurnService;
  const turns = () => service;
  const ids: Record<string, string> = {};
  let alice: Person;
  let bob: Person;
  let olga: Person;
  let hung: Person;

  const memberOf = async (channel: string, id: string) =>
    (await db.query<{ member_id: string }>('select member_id from member_identities where channel = $1 and external_id = $2', [channel, id]))[0]!.member_id;
  const wardOf = async (member: string) => (await db.query<{ code: string }>('select w.code from members m join wards w on w.id = m.ward_id where m.id = $1', [member]))[0]!.code;
  /** An officer of a ward, named by configuration or an invitation in real life: here by SQL. */
  async function officer(p: Person, ward: string) {
    await p.say('/phuong ' + ward);
    const member = await memberOf(p.channel, p.id);
    await db.query(`insert into member_roles (member_id, ward_id, role) select $1, id, 'officer' from wards where code = $2`, [member, ward]);
    return member;
  }
  async function nominate(p: Person, name: string): Promise<string> {
    await p.type(UP_TO_NAME);
    const afterName = await p.say(name);
    expect(afterName, 'no nomination of another ward is offered for support').not.toContain('đã có đề cử tên giống vậy');
    await p.type([DEEDS, '1', 'bỏ qua', '2']);
    return /[A-Z]{2}-\d{4}/.exec(await p.say('1'))![0];
  }

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    service = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const added = await createWardStore(db.supabase).addWard({
      code: 'hoa-lu',
      name: 'Phường Hoa Lư',
      receiptPrefix: 'HL',
      units: [
        { kind: 'to_dan_pho', name: 'Tổ dân phố 1', seq: 1 },
        { kind: 'to_dan_pho', name: 'Tổ dân phố 3', seq: 3 },
        { kind: 'lang', name: 'Làng Chuét', seq: 1 },
      ],
    });
    expect(added).toMatchObject({ status: 'created', units: 3 });
    const [campaign] = await db.query<{ id: string }>(
      `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status, opens_at)
       select id, $1, 'dhtt-2026-2030', 'Điển hình tiên tiến phường Hoa Lư 2026 – 2030', 'Hoa Lu exemplars 2026–2030', 'open', '2026-01-01 00:00+07'
         from wards where code = 'hoa-lu' returning id`,
      [TEMPLATE],
    );
    await db.query(
      `insert into campaign_phases (campaign_id, seq, name_vi, name_en, starts_on, ends_on, quota_collectives, quota_individuals)
       values ($1, 1, 'Giai đoạn 1', 'Phase 1', '2026-01-01', '2028-06-30', 3, 3), ($1, 2, 'Giai đoạn 2', 'Phase 2', '2028-07-01', '2030-12-31', 3, 3)`,
      [campaign!.id],
    );
    olga = person(turns, 'telegram', '6600000001', 'Olga TL');
    hung = person(turns, 'telegram', '6600000002', 'Hùng HL');
    ids.olga = await officer(olga, 'thang-loi');
    ids.hung = await officer(hung, 'hoa-lu');
  });
  afterAll(async () => db?.close());

  it('asks a person who came without a ward before anything else, once, then shows the notice with the answer', async () => {
    alice = person(turns, 'console', 'alice-wards', 'Alice');
    const first = await alice.say('xin chào');
    expect(first).toContain(WARD_QUESTION);
    expect(first).toContain('1. Phường Hoa Lư\n2. Phường Thắng Lợi');
    expect(first).not.toContain(NOTICE);
    // A form, help or anything else waits for the answer; a wrong answer is explained.
    expect(await alice.say('đề cử')).toContain('Vui lòng chọn phường, xã của bạn trước đã.');
    expect(await alice.say('7')).toContain('Không có lựa chọn số 7');
    const joined = await alice.say('thang loi');
    expect(joined).toContain('Bạn đã chọn Phường Thắng Lợi.');
    expect(joined).toContain(NOTICE);
    ids.alice = await memberOf('console', 'alice-wards');
    expect(await wardOf(ids.alice)).toBe('thang-loi');
    // Never asked again.
    expect(await alice.say('xin chào')).toContain('Tôi là trợ lý tự động của Phường Thắng Lợi');
  });

  it('joins the ward of a deep link or a typed code at once', async () => {
    bob = person(turns, 'telegram', '8800110001', 'Bob');
    const linked = await bob.say('/start w-hoa-lu');
    expect(linked).toContain('Bạn đã chọn Phường Hoa Lư.');
    expect(linked).not.toContain(WARD_QUESTION);
    ids.bob = await memberOf('telegram', '8800110001');
    expect(await wardOf(ids.bob)).toBe('hoa-lu');
    expect(await bob.say('xin chào')).toContain('Phường Hoa Lư');

    const carol = person(turns, 'zalo', 'zl-carol-77', 'Carol');
    expect(await carol.say('/phuong Hoa Lư')).toContain('Bạn đã chọn Phường Hoa Lư.');
    expect(await carol.say('/phuong khong-co')).toContain('Không tìm thấy phường, xã “khong-co”.');
    expect(await carol.say('/phuong')).toContain('Bạn đang ở Phường Hoa Lư.\nĐể chuyển sang phường, xã khác, gõ /phuong và mã của nơi đó:\n• Phường Thắng Lợi: gõ /phuong thang-loi');
  });

  it('keeps each ward’s nominations, supports, status and lists to itself', async () => {
    const tl = await nominate(alice, 'Trần Thị Mai');
    const hl = await nominate(bob, 'Trần Thị Mai');
    expect(tl).toBe('TL-0001');
    expect(hl).toBe('HL-0001');

    // Status by code: each sees their own, not the other ward's.
    expect(await alice.say('/trangthai HL-0001')).toContain('Không tìm thấy đề cử HL-0001');
    expect(await bob.say('/trangthai TL-0001')).toContain('Không tìm thấy đề cử TL-0001');
    expect(await bob.say('/trangthai HL-0001')).toContain('Đề cử HL-0001: Trần Thị Mai');

    // Support: a forged support of the other ward's nomination, and the names look-up, find nothing.
    const [other] = await db.query<{ id: string; campaign_id: string; unit_id: string }>(`select id, campaign_id, unit_id from nominations where receipt_code = 'TL-0001'`);
    const [forged] = await db.query<{ r: { status: string } }>(
      `select fx_endorse(m, jsonb_build_object('nominationId', $2::text), '{}') as r from members m where m.id = $1`,
      [ids.bob, other!.id],
    );
    expect(forged!.r.status).toBe('not_found');
    const [looked] = await db.query<{ r: { matches: unknown[] } }>(
      `select lookup_similar_nominations(m, jsonb_build_object('campaignId', $2::text, 'unitId', $3::text), 'Trần Thị Mai') as r from members m where m.id = $1`,
      [ids.bob, other!.campaign_id, other!.unit_id],
    );
    expect(looked!.r.matches).toEqual([]);
    expect(await db.query('select count(*)::int n from endorsements')).toEqual([{ n: 0 }]);

    // Lists: my nominations only in my ward, even for a person whose account was joined across wards.
    await db.query(`update nominations set nominator_id = $1 where receipt_code = 'TL-0001'`, [ids.bob]);
    const mine = await bob.say('/cuatoi');
    expect(mine).toContain('HL-0001');
    expect(mine).not.toContain('TL-0001');
    await db.query(`update nominations set nominator_id = $1 where receipt_code = 'TL-0001'`, [ids.alice]);

    // Notices: each new nomination reached the officers of its own ward only.
    const notices = await db.query<{ member_id: string; code: string }>(
      `select member_id, payload -> 'args' ->> 'code' as code from outbox where payload ->> 'notice' = 'screen' order by 2`,
    );
    expect(notices).toEqual([
      { member_id: ids.hung, code: 'HL-0001' },
      { member_id: ids.olga, code: 'TL-0001' },
    ]);
  });

  it('lets an officer act in their own ward only', async () => {
    const [tlNomination] = await db.query<{ id: string }>(`select id from nominations where receipt_code = 'TL-0001'`);
    const canScreen = async (member: string) =>
      (await db.query<{ ok: boolean }>(`select can_screen($1, n) as ok from nominations n where n.id = $2`, [member, tlNomination!.id]))[0]!.ok;
    expect(await canScreen(ids.olga!)).toBe(true);
    expect(await canScreen(ids.hung!)).toBe(false);

    const hungProgress = await hung.say('/tiendo');
    expect(hungProgress).toContain('Điển hình tiên tiến phường Hoa Lư 2026 – 2030');
    expect(hungProgress).toContain('Tổ dân phố 3');
    expect(hungProgress).not.toContain('Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030');
    expect(await olga.say('/tiendo')).toContain('Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030');

    // A role granted in Thắng Lợi held by someone now in Hoa Lư (an account joined or moved across
    // wards) counts for nothing: no menu, no command, no check, no notice.
    const kim = person(turns, 'zalo', 'zl-kim-1', 'Kim');
    await kim.say('/phuong hoa-lu');
    ids.kim = await memberOf('zalo', 'zl-kim-1');
    await db.query(`insert into member_roles (member_id, ward_id, role) select $1, id, 'officer' from wards where code = 'thang-loi'`, [ids.kim]);
    expect(await kim.say('/tiendo')).toContain('Lệnh này chỉ dành cho cán bộ phường');
    expect((await db.query<{ ok: boolean }>(`select has_role($1, 'officer') as ok`, [ids.kim]))[0]!.ok).toBe(false);
    expect(await canScreen(ids.kim!)).toBe(false);
    const [{ progress }] = (await db.query<{ progress: { status: string } }>(
      `select fx_progress(m, '{}', '{}') as progress from members m where id = $1`,
      [ids.kim],
    )) as [{ progress: { status: string } }];
    expect(progress.status).toBe('forbidden');
    const told = await db.query<{ n: number }>(`select notify_role(id, 'officer', null, 'wards-test', '{"messages": []}') as n from wards where code = 'thang-loi'`);
    expect(told).toEqual([{ n: 1 }]);
    expect(await db.query(`select member_id from outbox where dedupe_key like 'wards-test:%'`)).toEqual([{ member_id: ids.olga }]);
  });

  it('keeps a person with nominations in their ward, and never asks in a ward they settled', async () => {
    const moved = await bob.say('/phuong thang-loi');
    expect(moved).toContain('Bạn đã có đề cử, lượt ủng hộ hoặc vai trò ở Phường Hoa Lư, nên không chuyển sang phường, xã khác được.');
    expect(await wardOf(ids.bob!)).toBe('hoa-lu');
    expect(await bob.say('/phuong')).toContain('Vì bạn đã có đề cử, lượt ủng hộ hoặc vai trò ở đây nên không chuyển sang phường, xã khác được.');

    // A form open: the ward is changed after it is sent or cancelled.
    const dan = person(turns, 'console', 'dan-wards', 'Dan');
    await dan.say('/start w-thang-loi');
    await dan.say('đề cử');
    expect(await dan.say('/phuong hoa-lu')).toContain('Vui lòng gửi hoặc hủy đề cử đó trước khi đổi phường, xã.');
    await dan.say('/huy');
    expect(await dan.say('/phuong hoa-lu')).toContain('Bạn đã chọn Phường Hoa Lư.');
    // The form now offers the new ward's units.
    await dan.say('đề cử');
    expect(await dan.say('2')).toContain('Làng Chuét');
  });
});
