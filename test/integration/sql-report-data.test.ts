// report_campaign_data: nominations, criteria, endorsements and status changes seeded through
// SQL come back as one json that the reports' zod schema accepts, with nothing that identifies
// a person; only service_role may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../../src/db/report-store.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const CATEGORY_NGUOI_TOT = '10000000-0000-4000-8001-000000000004';
const CATEGORY_KHU_DAN_CU = '10000000-0000-4000-8001-000000000002';
const UNIT_TDP3 = '20000000-0000-4000-8001-000000000003';
const UNIT_IA_KENH = '20000000-0000-4000-8001-000000000013';

describe.each(databaseBackends())('report_campaign_data on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.backend.sql!.script(`
      insert into members (id, ward_id, role, display_name) values
        ('40000000-0000-4000-8000-000000000001', '${WARD}', 'resident', 'Chị Lan'),
        ('40000000-0000-4000-8000-000000000002', '${WARD}', 'officer', 'Anh Hùng'),
        ('40000000-0000-4000-8000-000000000003', '${WARD}', 'resident', 'Bà Tư');
      insert into nominations (id, ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds,
                               nominator_id, contact_consent, contact_name, contact_phone, status, receipt_code, form_id, created_at)
      values
        ('50000000-0000-4000-8000-000000000001', '${WARD}', '${CAMPAIGN}', '${CATEGORY_NGUOI_TOT}', 'individual', '${UNIT_TDP3}',
         'Nguyễn Thị Hằng', 'Nấu cháo miễn phí cho bệnh nhân nghèo, "tiếp sức" mùa thi,
hai mươi năm nay.', '40000000-0000-4000-8000-000000000001', true, 'Chị Lan', '0905123456', 'honoured', 'TL-0001',
         gen_random_uuid(), '2026-03-05 20:30:00+00'),
        ('50000000-0000-4000-8000-000000000002', '${WARD}', '${CAMPAIGN}', '${CATEGORY_KHU_DAN_CU}', 'collective', '${UNIT_IA_KENH}',
         'Làng Ia Kênh', 'Giữ gìn bản sắc văn hóa Jrai, không có hộ tái nghèo.', '40000000-0000-4000-8000-000000000003', false, null, null,
         'submitted', 'TL-0002', gen_random_uuid(), '2026-04-01 02:00:00+00');
      insert into nomination_criteria (nomination_id, criterion_id) values
        ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8002-000000000001'),
        ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8002-000000000404'),
        ('50000000-0000-4000-8000-000000000002', '10000000-0000-4000-8002-000000000203');
      insert into endorsements (nomination_id, member_id, created_at) values
        ('50000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000003', '2026-03-06 01:00:00+00'),
        ('50000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000002', '2026-03-07 01:00:00+00');
      insert into nomination_status_history (nomination_id, status, actor_member_id, note, at) values
        ('50000000-0000-4000-8000-000000000001', 'submitted', '40000000-0000-4000-8000-000000000001', null, '2026-03-05 20:30:00+00'),
        ('50000000-0000-4000-8000-000000000001', 'honoured', '40000000-0000-4000-8000-000000000002', 'Giấy khen', '2026-06-01 03:00:00+00'),
        ('50000000-0000-4000-8000-000000000002', 'submitted', '40000000-0000-4000-8000-000000000003', null, '2026-04-01 02:00:00+00');
      insert into honours (nomination_id, title, honoured_on, honoured_by) values
        ('50000000-0000-4000-8000-000000000001', 'Giấy khen của Chủ tịch UBND phường', '2026-06-01', '40000000-0000-4000-8000-000000000002');
    `);
  });
  afterAll(async () => db?.close());

  it('returns the campaign as CampaignReportData', async () => {
    const store = createReportStore(db.supabase);
    expect(await store.campaignId('thang-loi', 'dhtt-2026-2030')).toBe(CAMPAIGN);
    const data = (await store.campaignData(CAMPAIGN))!;
    expect(data.ward).toEqual({ code: 'thang-loi', name: 'Phường Thắng Lợi', receiptPrefix: 'TL', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(data.campaign).toMatchObject({ code: 'dhtt-2026-2030', status: 'open', templateCode: 'dhtt-2021-2025' });
    expect(data.phases.map((p) => [p.seq, p.startsOn, p.endsOn, p.quotaCollectives, p.quotaIsMinimum])).toEqual([
      [1, '2026-01-01', '2028-06-30', 3, false],
      [2, '2028-07-01', '2030-12-31', 3, true],
    ]);
    expect(data.phases[0]!.deadline).toBe('2028-06-30T10:00:00.000Z');
    expect(data.categories.map((c) => c.code)).toEqual(['co_quan', 'khu_dan_cu', 'can_bo', 'nguoi_tot', 'lanh_dao']);
    expect(data.criteria).toHaveLength(34);
    expect(data.criteria.slice(0, 3).every((c) => c.categoryCode === null)).toBe(true);
    expect(data.units).toHaveLength(22);

    expect(data.nominations.map((n) => n.receiptCode)).toEqual(['TL-0001', 'TL-0002']);
    const [hang, iaKenh] = data.nominations as [(typeof data.nominations)[0], (typeof data.nominations)[0]];
    expect(hang).toMatchObject({
      nominee: 'Nguyễn Thị Hằng',
      kind: 'individual',
      categoryCode: 'nguoi_tot',
      unitName: 'Tổ dân phố 3',
      status: 'honoured',
      submittedAt: '2026-03-05T20:30:00.000Z',
      endorsementCount: 2,
      honourTitle: 'Giấy khen của Chủ tịch UBND phường',
      honouredOn: '2026-06-01',
    });
    expect(iaKenh).toMatchObject({ honourTitle: null, honouredOn: null });
    expect(hang.deeds).toContain('"tiếp sức"');
    const texts = hang.criteria.map((ref) => data.criteria.find((c) => c.ref === ref)!.textVi);
    expect(texts).toEqual(['Thành tích tiêu biểu, dẫn đầu phong trào thi đua', 'Đoàn kết, tương trợ, giúp đỡ mọi người']);
    expect(iaKenh).toMatchObject({ kind: 'collective', unitName: 'Làng Ia Kênh', endorsementCount: 0, criteria: [expect.any(Number)] });

    expect(data.statusHistory.map((h) => [h.receiptCode, h.status, h.actorRole, h.note])).toEqual([
      ['TL-0001', 'submitted', 'resident', null],
      ['TL-0002', 'submitted', 'resident', null],
      ['TL-0001', 'honoured', 'officer', 'Giấy khen'],
    ]);
    expect(data.endorsements).toEqual([
      { receiptCode: 'TL-0001', at: '2026-03-06T01:00:00.000Z' },
      { receiptCode: 'TL-0001', at: '2026-03-07T01:00:00.000Z' },
    ]);
    expect(data.funnel).toEqual([]);
  });

  it('names nobody: no nominator, contact or endorser', async () => {
    const json = JSON.stringify(await db.rpc('report_campaign_data', { p_campaign_id: CAMPAIGN }));
    for (const personal of ['Chị Lan', '0905123456', 'Anh Hùng', 'Bà Tư', '40000000-0000-4000-8000']) expect(json).not.toContain(personal);
  });

  it('answers null for an unknown campaign', async () => {
    const store = createReportStore(db.supabase);
    expect(await store.campaignData('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await store.campaignId('thang-loi', 'nope')).toBeNull();
  });

  it('is for service_role only', async () => {
    for (const fn of ['report_campaign_data(uuid)', 'report_campaign_id(text, text)', 'campaign_template_import(jsonb, boolean)', 'campaign_template_export(text)', 'ward_add(text, text, text, jsonb)']) {
      const [p] = await db.query<{ anon: boolean; auth: boolean; service: boolean }>(`
        select has_function_privilege('anon', 'public.${fn}', 'execute') as anon,
               has_function_privilege('authenticated', 'public.${fn}', 'execute') as auth,
               has_function_privilege('service_role', 'public.${fn}', 'execute') as service`);
      expect(p, fn).toEqual({ anon: false, auth: false, service: true });
    }
  });
});
