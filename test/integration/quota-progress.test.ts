// /tiendo: each phase's quota against the collectives and individuals honoured for it, and the
// units' tallies; an officer sees every unit, a leader their own and the ward's totals, and the
// database refuses anyone else (not only the menu).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { chatter } from '../support/turn-driver.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const PHASE1 = '30000000-0000-4000-8001-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const AREA = '10000000-0000-4000-8001-000000000002';
const TDP1 = '20000000-0000-4000-8001-000000000001';
const TDP2 = '20000000-0000-4000-8001-000000000002';

describe.each(databaseBackends())('quota progress on %s', (kind) => {
  let db: TestDatabase;
  let service: TurnService;
  let n = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    service = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  });
  afterAll(async () => db?.close());

  /** A person in the terminal chat, with a role when given; returns their member id. */
  async function person(name: string, role?: { role: 'leader' | 'officer'; unit?: string }): Promise<string> {
    await chatter(name).type(service, ['xin chào']);
    const [m] = await db.query<{ member_id: string }>(`select member_id from member_identities where channel = 'console' and external_id = $1`, [name]);
    if (role) await db.query('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.member_id, WARD, role.role, role.unit ?? null]);
    return m!.member_id;
  }
  async function nomination(by: string, unit: string, o: { collective?: boolean; statuses?: string[] } = {}) {
    const [row] = await db.query<{ id: string }>(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
       values ($1, $2, $3, $4, $5, $6, 'Giúp bà con sửa đường làng suốt năm 2025.', $7, gen_random_uuid(), $8) returning id`,
      [WARD, CAMPAIGN, o.collective ? AREA : GOOD_DEEDS, o.collective ? 'collective' : 'individual', unit, `Tên ${++n}`, by, `QP-${String(n).padStart(4, '0')}`],
    );
    let from = 'submitted';
    for (const to of o.statuses ?? []) {
      await db.query(`select nomination_transition($1, array[$2], $3, null, null)`, [row!.id, from, to]);
      from = to;
    }
    if (o.statuses?.at(-1) === 'honoured') {
      await db.query(`insert into honours (nomination_id, title, honoured_on, phase_id) values ($1, 'Giấy khen', '2026-12-01', $2)`, [row!.id, PHASE1]);
    }
    return row!.id;
  }

  it('shows an officer the quota per phase and every unit, a leader their unit and the ward, a resident nothing', async () => {
    const resident = await person('qp-resident');
    await person('qp-officer', { role: 'officer' });
    await person('qp-leader', { role: 'leader', unit: TDP1 });
    await nomination(resident, TDP1, { statuses: ['forwarded', 'proposed', 'posted', 'honoured'] });
    await nomination(resident, TDP1, { collective: true, statuses: ['forwarded', 'proposed', 'posted', 'honoured'] });
    await nomination(resident, TDP1, { statuses: ['forwarded'] });
    await nomination(resident, TDP2);
    await nomination(resident, TDP2, { statuses: ['withdrawn'] });

    const officer = await chatter('qp-officer').type(service, ['/tiendo']);
    expect(officer).toContain('Tiến độ đợt “Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030”');
    expect(officer).toContain('Giai đoạn 1: lựa chọn, bồi dưỡng điển hình (01/01/2026–30/06/2028): đã tôn vinh 1/3 tập thể, 1/3 cá nhân.');
    expect(officer).toContain('(chỉ tiêu tối thiểu)');
    expect(officer).toContain('• Tổ dân phố 1: 3 · 3 · 2 · 2');
    expect(officer).toContain('• Tổ dân phố 2: 1 · 0 · 0 · 0');
    expect(officer).toContain('Toàn phường: 4 · 3 · 2 · 2');

    const leader = await chatter('qp-leader').type(service, ['tiến độ']);
    expect(leader).toContain('• Tổ dân phố 1: 3 · 3 · 2 · 2');
    expect(leader).not.toContain('Tổ dân phố 2');
    expect(leader).toContain('Cả phường: 4 · 3 · 2 · 2');

    expect(await chatter('qp-resident').type(service, ['/tiendo'])).toContain('Lệnh này chỉ dành cho');
    const [residentRow] = await db.query<{ r: { status: string } }>(
      `select fx_progress(m, '{"type":"progress"}', '{}') as r from members m where id = $1`,
      [resident],
    );
    expect(residentRow!.r.status).toBe('forbidden');
  });
});
