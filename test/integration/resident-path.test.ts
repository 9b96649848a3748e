// Issue 12 on real Postgres, through the turn service, supabase-js and the RPC handler: the seeded
// wording (categories a resident can tell apart, criteria in a few words), the consent recorded
// once per person, the home unit remembered, support by code, and changing one's mind while
// screening has not started (and not after).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { CONTACT_NOTICE_VERSION } from '../../src/conversation/capabilities/nomination/data.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { catalogSchema } from '../../src/db/turn-schemas.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { chatter } from '../support/turn-driver.js';

const CATEGORY = { canBo: '10000000-0000-4000-8001-000000000003', nguoiTot: '10000000-0000-4000-8001-000000000004' };
const TDP3 = '20000000-0000-4000-8001-000000000003';
const DEEDS = 'Chị Hoa nhiều năm quét dọn đường làng, giúp đỡ các hộ nghèo trong tổ.';
const MIGRATION = path.resolve(import.meta.dirname, '..', '..', 'supabase', 'migrations', '20261130120000_ease_first_nomination.sql');

describe.each(databaseBackends())('a resident on %s', (kind) => {
  let db: TestDatabase;
  let turns: TurnService;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    turns = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  });
  afterAll(async () => db?.close());

  const memberOf = async (chat: string) => (await db.query<{ id: string }>('select member_id as id from conversations where chat_id = $1', [chat]))[0]!.id;

  describe('the seeded wording', () => {
    it('names the two categories that both said "người lao động" so a resident can tell them apart', async () => {
      const rows = await db.query<{ id: string; name_vi: string }>('select id, name_vi from categories where id = any($1) order by seq', [[CATEGORY.canBo, CATEGORY.nguoiTot]]);
      expect(rows.map((r) => r.name_vi)).toEqual(['Cán bộ, người làm việc ở cơ quan, doanh nghiệp', 'Người tốt, việc tốt']);
    });

    it('renames an existing database only where the name is still the seeded one: an officer\'s wording stays', async () => {
      await db.query("update categories set name_vi = 'Cán bộ, công chức, viên chức, người lao động' where id = $1", [CATEGORY.canBo]);
      await db.query("update categories set name_vi = 'Người tốt việc tốt (tên do phường đặt)' where id = $1", [CATEGORY.nguoiTot]);
      const sql = readFileSync(MIGRATION, 'utf8');
      const renames = sql.slice(sql.indexOf('update public.categories'), sql.indexOf('-- labels of the seeded criteria'));
      await db.backend.sql!.script(renames);
      const rows = await db.query<{ name_vi: string }>('select name_vi from categories where id = any($1) order by seq', [[CATEGORY.canBo, CATEGORY.nguoiTot]]);
      expect(rows.map((r) => r.name_vi)).toEqual(['Cán bộ, người làm việc ở cơ quan, doanh nghiệp', 'Người tốt việc tốt (tên do phường đặt)']);
      await db.query("update categories set name_vi = 'Người tốt, việc tốt' where id = $1", [CATEGORY.nguoiTot]);
    });

    it('gives every seeded criterion a label of a few words, and the catalog carries it', async () => {
      const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from criteria where label_vi is null or label_en is null')) as [{ n: number }];
      expect(n).toBe(0);
      const catalog = catalogSchema.parse(await db.query<{ c: unknown }>("select build_ward_catalog('20000000-0000-4000-8000-000000000001') as c").then((r) => r[0]!.c));
      const first = catalog.criteria.find((c) => c.id === '10000000-0000-4000-8002-000000000001')!;
      expect(first).toMatchObject({ textVi: 'Thành tích tiêu biểu, dẫn đầu phong trào thi đua', labelVi: 'Dẫn đầu phong trào', labelEn: 'Leads the movement' });
      expect(catalog.criteria.every((c) => (c.labelVi ?? '').length <= 40)).toBe(true);
    });
  });

  describe('a first nomination, and the next', () => {
    const thu = chatter('thu');

    it('takes the common path in ten turns and records the consent with the notice version', async () => {
      const lines = ['xin chào', 'đề cử', 'người tốt', 'to 3', 'nguyễn thị hoa', DEEDS, '1, 3', 'bỏ qua', '1', '1'];
      let last = '';
      for (const line of lines) last = await thu.send(turns, thu.event(line));
      expect(last).toContain('mã biên nhận: TL-0001');
      const [row] = await db.query<{ nominee_name: string; unit_id: string; contact_consent: boolean }>("select nominee_name, unit_id, contact_consent from nominations where receipt_code = 'TL-0001'");
      expect(row).toEqual({ nominee_name: 'Nguyễn Thị Hoa', unit_id: TDP3, contact_consent: true });
      const consents = await db.query<{ purpose: string; notice_version: string; withdrawn_at: unknown }>("select purpose, notice_version, withdrawn_at from member_consents where member_id = $1 and purpose = 'contact'", [await memberOf('thu')]);
      expect(consents).toEqual([{ purpose: 'contact', notice_version: CONTACT_NOTICE_VERSION, withdrawn_at: null }]);
    });

    it('does not say the consent notice again in the next form', async () => {
      for (const line of ['đề cử', 'người tốt', 'to 3', 'Lê Văn Hùng', DEEDS, '2']) await thu.send(turns, thu.event(line));
      const consent = await thu.send(turns, thu.event('bỏ qua'));
      expect(consent).toContain('Phường có thể liên hệ bạn về đề cử này không?');
      expect(consent).not.toContain('Nghị định');
      await thu.type(turns, ['2', '1']);
      const [{ n }] = (await db.query<{ n: number }>("select count(*)::int as n from member_consents where purpose = 'contact'")) as [{ n: number }];
      expect(n).toBe(1);
    });
  });

  describe('a neighbour', () => {
    const lan = chatter('lan');

    it('follows any nomination by its code: its public status only', async () => {
      const status = await lan.send(turns, lan.event('/trangthai tl1'));
      expect(status).toContain('Đề cử TL-0001: Nguyễn Thị Hoa\nNgười tốt, việc tốt · Tổ dân phố 3');
      expect(status).not.toContain('Quá trình');
      expect(status).toContain('/ungho TL-0001');
    });

    it('tells the home unit once, sees its nominations and supports one in one pick', async () => {
      expect(await lan.send(turns, lan.event('/donvi'))).toContain('Bạn ở tổ dân phố hay làng nào?');
      const list = await lan.send(turns, lan.event('tổ 3'));
      expect(list).toContain('Đã ghi: bạn ở Tổ dân phố 3.');
      expect(list).toMatch(/1\. TL-0002 · Lê Văn Hùng · Người tốt, việc tốt · 0 lượt ủng hộ\n2\. TL-0001 · Nguyễn Thị Hoa/);
      const [member] = await db.query<{ unit_id: string }>('select unit_id from members where id = $1', [await memberOf('lan')]);
      expect(member!.unit_id).toBe(TDP3);
      expect(await lan.send(turns, lan.event('2'))).toContain('Bạn đã ủng hộ đề cử TL-0001, giờ đề cử có 1 lượt ủng hộ.');
      // The unit is remembered: the list at once.
      expect(await lan.send(turns, lan.event('/donvi'))).toContain('Đề cử ở Tổ dân phố 3 (2)');
    });

    it('takes the support back, and gives it again by code', async () => {
      expect(await lan.send(turns, lan.event('/boungho TL-0001'))).toContain('Đã bỏ lượt ủng hộ');
      expect(await lan.send(turns, lan.event('/boungho TL-0001'))).toContain('Bạn chưa ủng hộ đề cử TL-0001');
      expect(await lan.send(turns, lan.event('ủng hộ tl 1'))).toContain('giờ đề cử có 1 lượt ủng hộ');
    });
  });

  describe('changing one\'s mind', () => {
    const thu = chatter('thu');

    it('changes a sent nomination under the same code', async () => {
      const summary = await thu.send(turns, thu.event('/sua TL-0001'));
      expect(summary).toContain('Sửa đề cử TL-0001:');
      await thu.type(turns, ['sửa tên', 'Nguyễn Thị Hòa']);
      expect(await thu.send(turns, thu.event('1'))).toContain('Đã lưu thay đổi của đề cử TL-0001.');
      const [row] = await db.query<{ nominee_name: string; n: number }>(
        "select nominee_name, (select count(*)::int from nominations) as n from nominations where receipt_code = 'TL-0001'",
      );
      expect(row).toEqual({ nominee_name: 'Nguyễn Thị Hòa', n: 2 });
    });

    it('withdraws one after being asked once; another person cannot', async () => {
      expect(await chatter('lan').send(turns, chatter('lan').event('/rutlai TL-0002'))).toContain('Rút lại đề cử TL-0002?');
      expect(await chatter('lan').send(turns, chatter('lan').event('1'))).toContain('Không tìm thấy đề cử TL-0002 trong các đề cử bạn đã gửi.');
      await thu.send(turns, thu.event('/rutlai TL-0002'));
      expect(await thu.send(turns, thu.event('1'))).toContain('Đã rút lại đề cử TL-0002.');
      const history = await db.query<{ status: string }>(
        "select h.status from nomination_status_history h join nominations n on n.id = h.nomination_id where n.receipt_code = 'TL-0002' order by h.id",
      );
      expect(history.map((h) => h.status)).toEqual(['submitted', 'withdrawn']);
    });

    it('changes nothing once screening has started', async () => {
      await db.query("update nominations set status = 'screened' where receipt_code = 'TL-0001'");
      expect(await thu.send(turns, thu.event('/sua TL-0001'))).toContain('Đề cử TL-0001 đã được xem xét nên không thay đổi được nữa.');
      await thu.send(turns, thu.event('/rutlai TL-0001'));
      expect(await thu.send(turns, thu.event('1'))).toContain('đã được xem xét');
      const lan = chatter('lan');
      expect(await lan.send(turns, lan.event('/boungho TL-0001'))).toContain('đã được xem xét');
      const [row] = await db.query<{ status: string; n: number }>(
        "select status, (select count(*)::int from endorsements e where e.nomination_id = n.id) as n from nominations n where receipt_code = 'TL-0001'",
      );
      expect(row).toEqual({ status: 'screened', n: 1 });
    });

    it('refuses an update sent for a nomination that screening reached in the meantime', async () => {
      const [row] = await db.query<{ id: string }>("select id from nominations where receipt_code = 'TL-0001'");
      const member = await db.query<{ m: unknown }>('select to_jsonb(m) as m from members m where id = $1', [await memberOf('thu')]);
      const result = await db.query<{ r: unknown }>('select fx_update_nomination(jsonb_populate_record(null::members, $1), $2, $3) as r', [
        member[0]!.m,
        { type: 'update_nomination', nominationId: row!.id, categoryId: CATEGORY.nguoiTot, unitId: TDP3, nomineeName: 'X Y', deeds: DEEDS, criterionIds: [] },
        {},
      ]);
      expect(result[0]!.r).toEqual({ type: 'update_nomination', status: 'locked', code: 'TL-0001' });
    });
  });
});
