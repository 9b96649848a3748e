// The officers' appraisal in SQL: only an officer of the ward lists, opens, appraises or closes a
// vote (a resident's, a leader's or a council member's id gets 'forbidden', another ward's officer
// finds nothing); the list is per campaign and phase, a page at a time; proposing needs every
// criterion marked and declining a reason; with a council the members are told, without one the
// proposal is posted (or approved with no posting period); of two officers acting at once one
// wins and the other is told the status; a stale "propose" after another officer declined writes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { CAMPAIGN, TDP1, WARD, wardFixture } from '../support/ward-fixture.js';

describe.each(databaseBackends())('appraisal by the ward on %s', (kind) => {
  let db: TestDatabase;
  let f: ReturnType<typeof wardFixture>;
  let officer: string;
  let leader: string;
  let resident: string;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    f = wardFixture(db, 'ap');
    officer = await f.member({ role: 'officer', holderName: 'Nguyễn Thu' });
    leader = await f.member({ role: 'leader', unit: TDP1, holderName: 'Trần Bình' });
    resident = await f.member();
  });
  afterAll(async () => db?.close());

  const proposeWithMarks = async (who: string, id: string, note?: string) =>
    f.effect(who, { type: 'appraise', nominationId: id, decision: 'propose', marks: await f.marks(3, 'đã xác minh'), note });

  it('refuses every appraisal function to a resident, a leader and a council member, and shows another ward nothing', async () => {
    const council = await f.member({ role: 'council' });
    const n = await f.nominate(resident);
    await f.forward(n, leader);
    for (const who of [resident, leader, council]) {
      expect(await f.lookup(who, { kind: 'appraisal_list', page: 0 })).toEqual({ status: 'forbidden' });
      expect(await f.lookup(who, { kind: 'review_dossier', code: n.code, view: 'appraise' })).toEqual({ status: 'forbidden' });
      expect(await f.lookup(who, { kind: 'review_dossier', code: n.code, view: 'honour' })).toEqual({ status: 'forbidden' });
      expect((await proposeWithMarks(who, n.id)).status).toBe('forbidden');
      expect((await f.effect(who, { type: 'appraise', nominationId: n.id, decision: 'decline', reason: 'Không đủ tiêu chuẩn' })).status).toBe('forbidden');
      expect((await f.effect(who, { type: 'council_close', nominationId: n.id })).status).toBe('forbidden');
    }
    const [other] = await db.query<{ id: string }>(`insert into wards (code, name, receipt_prefix) values ('ap-khac', 'Phường Khác', 'PK') returning id`);
    const foreign = await f.member({ role: 'officer' }, other!.id);
    expect((await proposeWithMarks(foreign, n.id)).status).toBe('not_found');
    expect(await f.lookup(foreign, { kind: 'review_dossier', code: n.code, view: 'appraise' })).toEqual({ status: 'not_found' });
    expect(await f.status(n)).toMatchObject({ status: 'forwarded' });
    await db.query(`update nominations set status = 'declined' where id = $1`, [n.id]);
    await f.clearCouncil();
  });

  it('lists forwarded nominations per campaign and phase, the officer choosing a group first, a page at a time', async () => {
    const [pilot] = await db.query<{ id: string }>(
      `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status, opens_at)
       select ward_id, template_id, 'ap-thi-diem', 'Đợt thí điểm', 'Pilot', 'open', opens_at + interval '1 day' from campaigns where id = $1 returning id`,
      [CAMPAIGN],
    );
    await db.query(`insert into campaign_phases (campaign_id, seq, name_vi, name_en, starts_on, ends_on) values ($1, 1, 'Giai đoạn thử', 'Trial phase', '2020-01-01', '2040-12-31')`, [pilot!.id]);
    const main = [];
    for (let i = 0; i < 9; i++) {
      const n = await f.nominate(resident);
      await f.forward(n, leader);
      main.push(n);
    }
    const trial = await f.nominate(resident, { campaign: pilot!.id });
    await f.forward(trial, leader);

    const first = await f.lookup(officer, { kind: 'appraisal_list', page: 0 });
    expect(first.status).toBe('ok');
    expect(first.groups).toHaveLength(2);
    expect(first.groups.map((g: { forwarded: number }) => g.forwarded)).toEqual([9, 1]);
    expect(first.groups[0].phase).toMatchObject({ seq: 1 });
    expect(first.group).toBeUndefined();
    expect(first.items).toEqual([]);

    const key = first.groups[0].key as string;
    const page0 = await f.lookup(officer, { kind: 'appraisal_list', group: key, page: 0 });
    expect(page0).toMatchObject({ group: key, total: 9, page: 0, pageSize: 8 });
    expect(page0.items.map((i: { code: string }) => i.code)).toEqual(main.slice(0, 8).map((n) => n.code));
    expect(page0.items[0]).toMatchObject({ status: 'forwarded', unitName: 'Tổ dân phố 1', category: { vi: expect.any(String), en: expect.any(String) } });
    const page1 = await f.lookup(officer, { kind: 'appraisal_list', group: key, page: 1 });
    expect(page1.items.map((i: { code: string }) => i.code)).toEqual([main[8]!.code]);
    // A page past the end shows the last one (the list shrank since it was shown).
    expect((await f.lookup(officer, { kind: 'appraisal_list', group: key, page: 7 })).page).toBe(1);

    // Cleared for the next tests: one group again.
    await db.query(`update nominations set status = 'declined' where status = 'forwarded'`);
    await db.query(`update campaigns set status = 'closed' where id = $1`, [pilot!.id]);
  });

  it('opens one with its details, the leader’s comment and the criteria of its category', async () => {
    const n = await f.nominate(resident, { claimed: 2 });
    await f.forward(n, leader, 'Tổ đã họp bình xét, nhất trí đề nghị.');
    const r = await f.lookup(officer, { kind: 'review_dossier', code: n.code.toLowerCase(), view: 'appraise' });
    expect(r.status).toBe('found');
    const d = r.dossier;
    expect(d).toMatchObject({ id: n.id, view: 'appraise', line: { code: n.code, status: 'forwarded', unitName: 'Tổ dân phố 1' }, endorsements: 0, comments: 0 });
    expect(d.forwarded).toMatchObject({ note: 'Tổ đã họp bình xét, nhất trí đề nghị.', by: { role: 'leader', holderName: 'Trần Bình', unitName: 'Tổ dân phố 1', unitKind: 'to_dan_pho' } });
    expect(d.criteria.map((c: { id: string }) => c.id)).toEqual(await f.criteria());
    expect(d.claimed).toHaveLength(2);
    expect(d.campaign).toMatchObject({ usesCouncil: true, postingDays: 5, quorum: 0.5, threshold: 0.5 });
    expect(d.contact).toBeUndefined();
    await db.query(`update nominations set status = 'declined' where id = $1`, [n.id]);
  });

  it('proposes with a council: every criterion marked, the members told with the vote command, the nominator told', async () => {
    await f.clearCouncil();
    const c1 = await f.member({ role: 'council' });
    const c2 = await f.member({ role: 'council' });
    const n = await f.nominate(resident);
    await f.forward(n, leader);

    const partial = (await f.marks(3)).slice(1);
    expect((await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'propose', marks: partial })).status).toBe('marks_required');
    const forged = [...(await f.marks(3)), { criterionId: '10000000-0000-4000-8002-999999999999', met: true }];
    expect((await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'propose', marks: forged })).status).toBe('invalid');
    expect(await f.status(n)).toMatchObject({ status: 'forwarded' });

    const r = await proposeWithMarks(officer, n.id, 'Hồ sơ đầy đủ.');
    expect(r).toMatchObject({ type: 'appraise', status: 'done', outcome: 'proposed', code: n.code, councilMembers: 2 });
    expect(r.notified).toBeGreaterThanOrEqual(2);
    expect(await f.status(n)).toMatchObject({ status: 'proposed', posting_until: null });
    const marks = await db.query<{ met: boolean; note: string | null }>('select met, note from appraisal_marks where nomination_id = $1 order by met desc, note nulls last', [n.id]);
    expect(marks.filter((m) => m.met)).toHaveLength(3);
    expect(marks[0]!.note).toBe('đã xác minh');
    for (const c of [c1, c2]) expect(await f.queued(c)).toEqual([{ notice: 'council_vote', args: { code: n.code, name: expect.any(String), unit: 'Tổ dân phố 1' } }]);
    expect((await f.queued(resident)).at(-1)).toEqual({ notice: 'status', args: { status: 'proposed', code: n.code, name: expect.any(String), note: 'Hồ sơ đầy đủ.' } });
    const audit = await db.query<{ action: string; details: unknown }>(`select action, details from audit_log where subject_id = $1 order by id`, [n.id]);
    expect(audit.map((a) => a.action)).toEqual(['nomination.forwarded', 'nomination.proposed', 'appraisal.marked']);
    expect(JSON.stringify(audit)).not.toMatch(/xác minh|đầy đủ/);
  });

  it('declines only with a reason, which the nominator reads', async () => {
    const n = await f.nominate(resident);
    await f.forward(n, leader);
    for (const reason of [undefined, '', '   ', 'ok']) {
      expect((await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'decline', reason })).status).toBe('reason_required');
    }
    expect((await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'decline', reason: 'x'.repeat(1001) })).status).toBe('invalid');
    const r = await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'decline', reason: 'Chưa có xác nhận của địa phương.' });
    expect(r).toMatchObject({ status: 'done', outcome: 'declined' });
    expect((await f.queued(resident)).at(-1)).toMatchObject({ notice: 'status', args: { status: 'declined', note: 'Chưa có xác nhận của địa phương.' } });
  });

  it('lets one of two officers acting at once win; the other, and a stale propose after a decline, get the status and write nothing', async () => {
    const other = await f.member({ role: 'officer' });
    const n = await f.nominate(resident);
    await f.forward(n, leader);
    const marks = await f.marks(4);
    const [a, b] = await Promise.all([
      f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'propose', marks }),
      f.effect(other, { type: 'appraise', nominationId: n.id, decision: 'decline', reason: 'Trùng với đề cử khác.' }),
    ]);
    const results = [a, b].map((r) => r.status).sort();
    expect(results).toEqual(['done', 'moved']);
    const loser = a.status === 'moved' ? a : b;
    const winner = a.status === 'done' ? a : b;
    expect(loser.current).toBe(winner.outcome);
    const history = await db.query(`select 1 from nomination_status_history where nomination_id = $1 and status in ('proposed', 'declined')`, [n.id]);
    expect(history).toHaveLength(1);

    // The old "propose" button pressed after another officer declined: nothing is written.
    const m = await f.nominate(resident);
    await f.forward(m, leader);
    expect((await f.effect(other, { type: 'appraise', nominationId: m.id, decision: 'decline', reason: 'Chưa đủ thành tích.' })).outcome).toBe('declined');
    const stale = await f.effect(officer, { type: 'appraise', nominationId: m.id, decision: 'propose', marks: await f.marks(4) });
    expect(stale).toMatchObject({ status: 'moved', current: 'declined' });
    expect(await db.query('select 1 from appraisal_marks where nomination_id = $1', [m.id])).toEqual([]);
  });

  it('without a council posts a proposal for the posting period on the bot clock, or approves it with no posting period', async () => {
    await f.settings({ usesCouncil: false, postingDays: 5 });
    await f.clock('2 days');
    try {
      const n = await f.nominate(resident);
      await f.forward(n, leader);
      const r = await proposeWithMarks(officer, n.id);
      expect(r).toMatchObject({ status: 'done', outcome: 'posted', postingUntil: expect.any(String) });
      const [{ diff }] = (await db.query<{ diff: number }>(`select extract(epoch from (posting_until - bot_now()))::int as diff from nominations where id = $1`, [n.id])) as [{ diff: number }];
      expect(diff).toBeGreaterThan(5 * 86400 - 60);
      expect(diff).toBeLessThanOrEqual(5 * 86400);
      const [{ ahead }] = (await db.query<{ ahead: number }>(`select extract(epoch from (posting_until - now()))::int as ahead from nominations where id = $1`, [n.id])) as [{ ahead: number }];
      expect(ahead).toBeGreaterThan(7 * 86400 - 60);

      await f.settings({ postingDays: 0 });
      const m = await f.nominate(resident);
      await f.forward(m, leader);
      expect(await proposeWithMarks(officer, m.id)).toMatchObject({ status: 'done', outcome: 'approved' });
      expect(await f.status(m)).toEqual({ status: 'approved', posting_until: null });
    } finally {
      await f.clock('0');
      await f.settings({ usesCouncil: true, postingDays: 5 });
    }
  });

  it('registers its functions in the allow-list and keeps them from anon and authenticated', async () => {
    const rows = await db.query<{ name: string }>(`select name from bot_handlers where name in ('appraisal_list', 'review_dossier', 'appraise', 'council_close') order by name`);
    expect(rows.map((r) => r.name)).toEqual(['appraisal_list', 'appraise', 'council_close', 'review_dossier']);
    const [grants] = await db.query<{ anon: boolean }>(`select has_function_privilege('anon', 'public.fx_appraise(public.members, jsonb, jsonb)', 'execute') as anon`);
    expect(grants!.anon).toBe(false);
    expect(WARD).toBeTruthy();
  });
});
