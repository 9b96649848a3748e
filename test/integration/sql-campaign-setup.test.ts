// Campaign setup on a real database through the real turn service: an officer creates a campaign
// from a template (its phases, periods and quotas copied), sets a phase (refused, with the reason,
// when it ends before it starts, overlaps the other phase, or closes in the past), the council and
// the posting period, and opens and closes it; residents see it only while it is open. The role is
// checked in SQL: a resident's or a leader's effect is refused there too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { chatter } from '../support/turn-driver.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const TDP1 = '20000000-0000-4000-8001-000000000001';

describe.each(databaseBackends())('campaign setup on %s', (kind) => {
  let db: TestDatabase;
  let service: TurnService;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    service = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  });
  afterAll(async () => db?.close());

  async function person(name: string, role?: { role: 'leader' | 'officer'; unit?: string }): Promise<string> {
    await chatter(name).type(service, ['xin chào']);
    const [m] = await db.query<{ member_id: string }>(`select member_id from member_identities where channel = 'console' and external_id = $1`, [name]);
    if (role) await db.query('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.member_id, WARD, role.role, role.unit ?? null]);
    return m!.member_id;
  }
  const officer = (line: string) => chatter('cs-officer').type(service, [line]);
  const phases = () =>
    db.query<{ seq: number; starts_on: string; ends_on: string; deadline: string | null; qc: number; qi: number }>(
      `select p.seq, p.starts_on::text, p.ends_on::text, to_char(p.deadline at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as deadline,
              p.quota_collectives as qc, p.quota_individuals as qi
         from campaign_phases p join campaigns c on c.id = p.campaign_id where c.code = 'dhtt-2031-2035' order by p.seq`,
    );

  it('creates a campaign from a template, sets it up, opens and closes it; residents see it only while open', async () => {
    await person('cs-officer', { role: 'officer' });
    await person('cs-resident');
    const templates = await officer('/dot');
    expect(templates).toContain('• dhtt-2021-2025:');

    const created = await officer('/dot tao dhtt-2021-2025 dhtt-2031-2035 Điển hình tiên tiến 2031 – 2035');
    expect(created).toContain('Đã tạo đợt dhtt-2031-2035 từ mẫu');
    expect(created).toContain('Đợt “Điển hình tiên tiến 2031 – 2035” (mã dhtt-2031-2035): đang soạn');
    const copied = await phases();
    expect(copied.map((p) => [p.seq, p.qc, p.qi, p.deadline])).toEqual([
      [1, 3, 3, null],
      [2, 3, 3, null],
    ]);
    expect(await officer('/dot tao dhtt-2021-2025 dhtt-2031-2035 Lần nữa cùng mã')).toContain('Phường đã có đợt mang mã “dhtt-2031-2035”');

    // the resident's form offers only the open campaign: no question which one
    expect(await chatter('cs-resident').type(service, ['đề cử'])).not.toContain('2031 – 2035');
    await chatter('cs-resident').type(service, ['hủy', 'có']);

    expect(await officer('/dot giaidoan dhtt-2031-2035 1 30/06/2033 01/01/2031 - 3 3')).toContain(
      'Chưa lưu: giai đoạn 1 kết thúc ngày 01/01/2031, trước ngày bắt đầu 30/06/2033.',
    );
    expect(await officer('/dot giaidoan dhtt-2031-2035 2 01/07/2033 31/12/2035 30/11/2035 2 5')).toContain('Đã lưu.');
    expect(await officer('/dot giaidoan dhtt-2031-2035 1 01/01/2031 01/08/2033 - 3 3')).toContain(
      'Chưa lưu: giai đoạn 1 trùng thời gian với giai đoạn 2 (01/07/2033–31/12/2035).',
    );
    expect(await officer('/dot giaidoan dhtt-2031-2035 1 01/01/2020 30/06/2020 30/06/2020 3 3')).toContain('Chưa lưu: hạn nhận đề cử 30/06/2020 của giai đoạn 1 đã qua.');
    expect(await officer('/dot giaidoan dhtt-2031-2035 1 01/01/2031 30/06/2033 01/07/2033 3 3')).toContain('nằm ngoài thời gian của giai đoạn 1');
    expect(await officer('/dot giaidoan dhtt-2031-2035 3 01/01/2031 30/06/2033 - 3 3')).toContain('Đợt dhtt-2031-2035 không có giai đoạn 3.');
    const saved = await officer('/dot giaidoan dhtt-2031-2035 1 01/01/2031 30/06/2033 30/06/2033 4 3');
    expect(saved).toContain('Đã lưu.');
    expect(saved).toContain('• Giai đoạn 1 – ');
    expect((await phases()).map((p) => [p.seq, p.starts_on, p.ends_on, p.deadline, p.qc, p.qi])).toEqual([
      [1, '2031-01-01', '2033-06-30', '2033-06-30 17:00', 4, 3],
      [2, '2033-07-01', '2035-12-31', '2035-11-30 17:00', 2, 5],
    ]);
    expect(await officer('/dot hoidong dhtt-2031-2035 không')).toContain('• Không qua Hội đồng');
    expect(await officer('/dot niemyet dhtt-2031-2035 7')).toContain('• Niêm yết công khai lấy ý kiến 7 ngày');
    const [row] = await db.query<{ uses_council: boolean; posting_days: number; status: string }>(
      `select uses_council, posting_days, status from campaigns where code = 'dhtt-2031-2035'`,
    );
    expect(row).toEqual({ uses_council: false, posting_days: 7, status: 'draft' });

    expect(await officer('/dot mo dhtt-2031-2035')).toContain('Đã mở đợt');
    expect(await chatter('cs-resident').type(service, ['đề cử'])).toContain('Điển hình tiên tiến 2031 – 2035');
    await chatter('cs-resident').type(service, ['hủy', 'có']);
    expect(await officer('/dot dong dhtt-2031-2035')).toContain('Đã đóng đợt');
    expect(await chatter('cs-resident').type(service, ['đề cử'])).not.toContain('2031 – 2035');
    expect((await db.query<{ action: string }>(`select action from audit_log where action like 'campaign.%' order by id`)).map((r) => r.action)).toEqual([
      'campaign.created',
      'campaign.phase',
      'campaign.phase',
      'campaign.council',
      'campaign.posting',
      'campaign.open',
      'campaign.close',
    ]);
  });

  it('refuses a resident and a leader in the database itself', async () => {
    const resident = await person('cs-resident2');
    const leader = await person('cs-leader', { role: 'leader', unit: TDP1 });
    for (const member of [resident, leader]) {
      for (const effect of [{ action: 'list' }, { action: 'open', code: 'dhtt-2026-2030' }, { action: 'create', template: 'dhtt-2021-2025', code: 'zz-1234', title: 'Đợt thử nghiệm' }]) {
        const [r] = await db.query<{ r: { status: string } }>(`select fx_campaign_setup(m, $2::jsonb, '{}') as r from members m where id = $1`, [
          member,
          JSON.stringify({ type: 'campaign_setup', ...effect }),
        ]);
        expect(r!.r.status).toBe('forbidden');
      }
    }
    expect((await db.query(`select 1 from campaigns where code = 'zz-1234'`)).length).toBe(0);
  });
});
