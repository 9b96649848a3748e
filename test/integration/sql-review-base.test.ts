// What every review step stands on: who screens a nomination (its unit's leader, or the ward when
// the leader made it or heads the nominated unit), the one way a status changes (one of two
// officers acting at once wins; the nominator and, on an honour, the endorsers are told), the
// notice to the screener when a nomination arrives, and the first officers from configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const LEADERS = '10000000-0000-4000-8001-000000000005';
const TDP1 = '20000000-0000-4000-8001-000000000001';
const TDP2 = '20000000-0000-4000-8001-000000000002';

describe.each(databaseBackends())('the review base on %s', (kind) => {
  let db: TestDatabase;
  let n = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  async function member(name: string, role?: { role: 'leader' | 'officer' | 'council'; unit?: string }): Promise<string> {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', $1, $2, $1)`, [name, m!.id]);
    if (role) await db.query('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.id, WARD, role.role, role.unit ?? null]);
    return m!.id;
  }
  async function nominate(by: string, unit: string, o: { category?: string; ledUnit?: string } = {}) {
    const [row] = await db.query<{ id: string; receipt_code: string }>(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, led_unit_id, nominator_id, form_id, receipt_code)
       values ($1, $2, $3, 'individual', $4, $5, 'Giúp bà con sửa đường làng suốt năm 2025.', $6, $7, gen_random_uuid(), $8) returning id, receipt_code`,
      [WARD, CAMPAIGN, o.category ?? GOOD_DEEDS, unit, `Người số ${++n}`, o.ledUnit ?? null, by, `RB-${String(n).padStart(4, '0')}`],
    );
    return row!;
  }
  const queued = async (member: string) =>
    db.query<{ payload: { notice: string; args: Record<string, unknown> } }>('select payload from outbox where member_id = $1 order by id', [member]);

  it('tells the unit leader of a new nomination, and the officers when the leader made it or heads the nominated unit', async () => {
    const leader = await member('rb-leader-1', { role: 'leader', unit: TDP1 });
    const officer = await member('rb-officer-1', { role: 'officer' });
    const resident = await member('rb-resident-1');
    const plain = await nominate(resident, TDP1);
    expect((await queued(leader)).map((q) => q.payload)).toEqual([
      { notice: 'screen', args: { event: 'new', code: plain.receipt_code, name: expect.any(String), unit: 'Tổ dân phố 1' } },
    ]);
    const own = await nominate(leader, TDP1);
    const head = await nominate(resident, TDP1, { category: LEADERS, ledUnit: TDP1 });
    const noLeader = await nominate(resident, TDP2);
    const toOfficer = (await queued(officer)).map((q) => q.payload.args.code);
    expect(toOfficer).toEqual([own.receipt_code, head.receipt_code, noLeader.receipt_code]);
    expect((await queued(leader)).map((q) => q.payload.args.code)).toEqual([plain.receipt_code]);

    const canScreen = async (who: string, id: string) =>
      (await db.query<{ ok: boolean }>('select can_screen($1, n) as ok from nominations n where n.id = $2', [who, id]))[0]!.ok;
    expect(await canScreen(leader, plain.id)).toBe(true);
    expect(await canScreen(leader, own.id)).toBe(false);
    expect(await canScreen(leader, head.id)).toBe(false);
    expect(await canScreen(leader, noLeader.id)).toBe(false);
    expect(await canScreen(resident, plain.id)).toBe(false);
    expect(await canScreen(officer, own.id)).toBe(true);
  });

  it('changes a status only from the expected ones: of two officers acting at once, one wins', async () => {
    const officer = await member('rb-officer-2', { role: 'officer' });
    const other = await member('rb-officer-3', { role: 'officer' });
    const resident = await member('rb-resident-2');
    const nomination = await nominate(resident, TDP2);
    const act = (who: string, to: string) =>
      db.query<{ id: string | null }>(`select (nomination_transition($1, array['submitted'], $2, $3, 'lý do')).id as id`, [nomination.id, to, who]);
    const [a, b] = await Promise.all([act(officer, 'forwarded'), act(other, 'declined')]);
    const winners = [a[0]!.id, b[0]!.id].filter(Boolean);
    expect(winners).toHaveLength(1);
    const history = await db.query<{ status: string; note: string | null }>('select status, note from nomination_status_history where nomination_id = $1', [nomination.id]);
    expect(history).toHaveLength(1);
    expect(history[0]!.note).toBe('lý do');
    const told = (await queued(resident)).map((q) => q.payload);
    expect(told).toEqual([{ notice: 'status', args: { status: history[0]!.status, code: nomination.receipt_code, name: expect.any(String), note: 'lý do' } }]);
    const audit = await db.query<{ details: Record<string, unknown> }>(`select details from audit_log where subject_id = $1 and action like 'nomination.%'`, [nomination.id]);
    expect(JSON.stringify(audit)).not.toContain('lý do');
  });

  it('tells the endorsers when a nomination is honoured', async () => {
    const resident = await member('rb-resident-3');
    const fan = await member('rb-fan-1');
    const nomination = await nominate(resident, TDP2);
    await db.query('insert into endorsements (nomination_id, member_id) values ($1, $2)', [nomination.id, fan]);
    await db.query(`update nominations set status = 'approved' where id = $1`, [nomination.id]);
    await db.query(`select nomination_transition($1, array['approved'], 'honoured', null, null)`, [nomination.id]);
    expect((await queued(fan)).map((q) => q.payload)).toEqual([{ notice: 'endorsed_honoured', args: { code: nomination.receipt_code, name: expect.any(String) } }]);
  });

  it('makes the configured identities officers once, creating them when they never talked to the bot', async () => {
    const ids = [
      { channel: 'telegram', externalId: '900001' },
      { channel: 'console', externalId: 'thu' },
    ];
    expect(await db.rpc('bot_admins_ensure', { p_ward_code: 'thang-loi', p_identities: ids })).toBe(2);
    expect(await db.rpc('bot_admins_ensure', { p_ward_code: 'thang-loi', p_identities: ids })).toBe(0);
    const roles = await db.query<{ external_id: string; role: string }>(
      `select i.external_id, r.role from member_identities i join member_roles r on r.member_id = i.member_id
        where i.external_id in ('900001', 'thu') and r.revoked_at is null order by 1`,
    );
    expect(roles).toEqual([
      { external_id: '900001', role: 'officer' },
      { external_id: 'thu', role: 'officer' },
    ]);
  });
});
