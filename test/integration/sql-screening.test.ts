// Screening in SQL: a leader's queue holds only their unit's waiting nominations (never their own
// nor their unit head's, which go to the officers), a page at a time, oldest first; forward,
// return and decline go through nomination_transition and queue the notices; of two screeners at
// once one wins and the other is told where it stands; only the nominator answers a returned
// nomination; and a resident's member id can list, open and act on nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const LEADERS = '10000000-0000-4000-8001-000000000005';
const unit = (n: number) => `20000000-0000-4000-8001-${String(n).padStart(12, '0')}`;

type Json = Record<string, unknown>;

describe.each(databaseBackends())('screening on %s', (kind) => {
  let db: TestDatabase;
  let n = 0;
  let users = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  async function member(role?: { role: 'leader' | 'officer' | 'council'; unit?: string }): Promise<string> {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    const external = `sc-${++users}`;
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', $1, $2, $1)`, [external, m!.id]);
    if (role) await db.query('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.id, WARD, role.role, role.unit ?? null]);
    return m!.id;
  }

  /** A nomination sent `ageMinutes` ago (older ones come first in a queue). */
  async function nominate(by: string, unitId: string, o: { ledUnit?: string; ageMinutes?: number; consent?: boolean } = {}) {
    const code = `SC-${String(++n).padStart(4, '0')}`;
    const [row] = await db.query<{ id: string; receipt_code: string }>(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, led_unit_id, nominator_id,
                                form_id, receipt_code, created_at, contact_consent, contact_name, contact_phone)
       values ($1, $2, $3, 'individual', $4, $5, 'Giúp bà con sửa đường làng suốt năm 2025.', $6, $7, gen_random_uuid(), $8,
               now() - make_interval(mins => $9), $10, $11, $12) returning id, receipt_code`,
      [WARD, CAMPAIGN, o.ledUnit ? LEADERS : GOOD_DEEDS, unitId, `Người số ${n}`, o.ledUnit ?? null, by, code, o.ageMinutes ?? 1000 - n,
       o.consent ?? false, o.consent ? 'Chị Lan' : null, o.consent ? '0912345678' : null],
    );
    await db.query(`insert into nomination_status_history (nomination_id, status, actor_member_id) values ($1, 'submitted', $2)`, [row!.id, by]);
    return row!;
  }

  const lookup = (who: string, request: Json) => db.rpc<Json>('bot_turn_fetch', { p_member_id: who, p_request: request });
  const queue = (who: string, page = 1) => lookup(who, { kind: 'screening_queue', page, pageSize: 5 });
  const codesIn = async (who: string, page = 1) => ((await queue(who, page)).items as { code: string }[] | undefined)?.map((i) => i.code);
  const open = (who: string, code: string) => lookup(who, { kind: 'screening_nomination', code });
  const effect = async (who: string, type: string, body: Json) => {
    const [row] = await db.query<{ r: Json }>(
      `select bot_dispatch('effect', $2, m, $3::jsonb, '{"channel":"zalo"}'::jsonb) as r from members m where m.id = $1`,
      [who, type, JSON.stringify({ type, ...body })],
    );
    return row!.r;
  };
  const decide = (who: string, code: string, action: string, note = '') => effect(who, 'screening_decide', { code, action, note });
  const answer = (who: string, code: string, text: string) => effect(who, 'screening_answer', { code, text });
  const statusOf = async (code: string) => (await db.query<{ status: string }>('select status from nominations where receipt_code = $1', [code]))[0]!.status;
  const notices = async (who: string) =>
    (await db.query<{ payload: { notice: string; args: Json } }>('select payload from outbox where member_id = $1 order by id', [who])).map((r) => r.payload);

  it("lists a leader's unit only, oldest first, without their own nomination or their unit head's; those are the officers'", async () => {
    const leader = await member({ role: 'leader', unit: unit(1) });
    const officer = await member({ role: 'officer' });
    const resident = await member();
    const older = await nominate(resident, unit(1), { ageMinutes: 90 });
    const newer = await nominate(resident, unit(1), { ageMinutes: 10 });
    const elsewhere = await nominate(resident, unit(2));
    const own = await nominate(leader, unit(1));
    const head = await nominate(resident, unit(1), { ledUnit: unit(1) });
    const officersOwn = await nominate(officer, unit(3));

    expect(await codesIn(leader)).toEqual([older.receipt_code, newer.receipt_code]);
    const toOfficer = await codesIn(officer);
    expect(toOfficer).toEqual(expect.arrayContaining([elsewhere.receipt_code, own.receipt_code, head.receipt_code]));
    expect(toOfficer).not.toContain(older.receipt_code);
    // Nobody screens a nomination they made, officers included.
    expect(toOfficer).not.toContain(officersOwn.receipt_code);
    expect(await open(officer, officersOwn.receipt_code)).toMatchObject({ status: 'forbidden', reason: 'own' });

    expect(await open(leader, own.receipt_code)).toMatchObject({ status: 'forbidden', reason: 'own' });
    expect(await open(leader, head.receipt_code)).toMatchObject({ status: 'forbidden', reason: 'head' });
    expect(await open(leader, elsewhere.receipt_code)).toMatchObject({ status: 'forbidden', reason: 'elsewhere' });
    expect(await open(leader, 'SC-9999')).toMatchObject({ status: 'not_found' });
    expect(await decide(leader, own.receipt_code, 'forward')).toMatchObject({ status: 'forbidden' });
    expect(await decide(leader, head.receipt_code, 'decline', 'Không đạt')).toMatchObject({ status: 'forbidden' });
    expect(await statusOf(own.receipt_code)).toBe('submitted');
    // The officers' queue is exactly what nomination_screened_by_ward sends to the ward (their own aside).
    const queueOf = async (who: string) =>
      (await db.query<{ c: string }>('select q.receipt_code as c from members m, screening_queue_of(m) q where m.id = $1 order by 1', [who])).map((r) => r.c);
    const byRule = (
      await db.query<{ c: string }>(
        `select n.receipt_code as c from nominations n where n.status = 'submitted' and n.nominator_id <> $1 and nomination_screened_by_ward(n) order by 1`,
        [officer],
      )
    ).map((r) => r.c);
    expect(await queueOf(officer)).toEqual(byRule);
    // An officer may still open one a leader screens (can_screen), though it is not in their list.
    expect(await open(officer, older.receipt_code)).toMatchObject({ status: 'open' });
  });

  it('gives a page at a time, and the last page for a page past the end', async () => {
    const leader = await member({ role: 'leader', unit: unit(4) });
    const resident = await member();
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await nominate(resident, unit(4), { ageMinutes: 100 - i })).receipt_code);
    const first = await queue(leader, 1);
    expect(first).toMatchObject({ status: 'ok', total: 7, page: 1, pages: 2 });
    expect(await codesIn(leader, 1)).toEqual(made.slice(0, 5));
    expect(await codesIn(leader, 2)).toEqual(made.slice(5));
    expect(await queue(leader, 9)).toMatchObject({ page: 2 });
    const empty = await member({ role: 'leader', unit: unit(5) });
    expect(await queue(empty)).toEqual({ status: 'ok', total: 0, page: 1, pages: 1, pageSize: 5, items: [] });
  });

  it("shows everything the nominator gave, with their contact only when they consented", async () => {
    const leader = await member({ role: 'leader', unit: unit(6) });
    const resident = await member();
    const fan = await member();
    const consented = await nominate(resident, unit(6), { consent: true });
    const silent = await nominate(resident, unit(6));
    await db.query(`update nominations set photo_ref = 'https://photo.example/a.jpg' where id = $1`, [consented.id]);
    await db.query(
      `insert into nomination_criteria (nomination_id, criterion_id) select $1, id from criteria where category_id is null order by seq limit 2`,
      [consented.id],
    );
    await db.query('insert into endorsements (nomination_id, member_id) values ($1, $2)', [consented.id, fan]);
    const opened = (await open(leader, consented.receipt_code)) as { status: string; nomination: Json };
    expect(opened.status).toBe('open');
    expect(opened.nomination).toMatchObject({
      code: consented.receipt_code,
      kind: 'individual',
      unitName: 'Tổ dân phố 6',
      photoRef: 'https://photo.example/a.jpg',
      contactName: 'Chị Lan',
      contactPhone: '0912345678',
      endorsements: 1,
      category: { vi: expect.stringContaining('Người tốt'), en: expect.any(String) },
      history: [{ status: 'submitted', at: expect.any(String), note: null, by: 'nominator' }],
    });
    expect(opened.nomination.criteria).toHaveLength(2);
    expect(await open(leader, silent.receipt_code)).toMatchObject({ nomination: { contactName: null, contactPhone: null, photoRef: null } });
  });

  it('forwards (the nominator and the officers are told), returns with a question, declines with a reason', async () => {
    const leader = await member({ role: 'leader', unit: unit(7) });
    const officer = await member({ role: 'officer' });
    const resident = await member();
    const [a, b, c] = [await nominate(resident, unit(7)), await nominate(resident, unit(7)), await nominate(resident, unit(7))];

    expect(await decide(leader, a.receipt_code, 'forward', 'Gia đình văn hóa 5 năm liền')).toMatchObject({
      type: 'screening_decide',
      status: 'done',
      code: a.receipt_code,
      action: 'forward',
      remaining: 2,
    });
    const forwardedTo = (await notices(officer)).filter((p) => p.notice === 'forwarded_to_ward');
    expect(forwardedTo).toEqual([{ notice: 'forwarded_to_ward', args: { code: a.receipt_code, name: expect.any(String), unit: 'Tổ dân phố 7' } }]);

    expect(await decide(leader, b.receipt_code, 'return', 'Ông An ở tổ này bao lâu rồi?')).toMatchObject({ status: 'done', notified: 1, remaining: 1 });
    expect(await decide(leader, c.receipt_code, 'decline', 'Chưa đủ thành tích trong năm')).toMatchObject({ status: 'done', remaining: 0 });
    expect([await statusOf(a.receipt_code), await statusOf(b.receipt_code), await statusOf(c.receipt_code)]).toEqual(['forwarded', 'returned', 'declined']);

    const told = (await notices(resident)).filter((p) => p.notice === 'status').map((p) => p.args);
    expect(told).toEqual([
      { status: 'forwarded', code: a.receipt_code, name: expect.any(String), note: 'Gia đình văn hóa 5 năm liền' },
      { status: 'returned', code: b.receipt_code, name: expect.any(String), note: 'Ông An ở tổ này bao lâu rồi?' },
      { status: 'declined', code: c.receipt_code, name: expect.any(String), note: 'Chưa đủ thành tích trong năm' },
    ]);
    const history = await db.query<{ status: string; actor_member_id: string; note: string }>(
      `select h.status, h.actor_member_id, h.note from nomination_status_history h where h.nomination_id = $1 order by h.id`,
      [b.id],
    );
    expect(history.at(-1)).toEqual({ status: 'returned', actor_member_id: leader, note: 'Ông An ở tổ này bao lâu rồi?' });
    // The audit holds ids and codes, never the typed text.
    const audit = await db.query<{ action: string; details: Json }>(`select action, details from audit_log where subject_id = any($1)`, [[a.id, b.id, c.id]]);
    expect(audit.map((r) => r.action).sort()).toEqual(['nomination.declined', 'nomination.forwarded', 'nomination.returned']);
    expect(JSON.stringify(audit)).not.toMatch(/Ông An|thành tích|văn hóa/);
  });

  it('refuses a decline without a reason, a return without a question, and a note of 10,000 characters, changing nothing', async () => {
    const officer = await member({ role: 'officer' });
    const resident = await member();
    const x = await nominate(resident, unit(8));
    expect(await decide(officer, x.receipt_code, 'decline', '   ')).toMatchObject({ status: 'invalid', reason: 'note_required' });
    expect(await decide(officer, x.receipt_code, 'return')).toMatchObject({ status: 'invalid', reason: 'note_required' });
    expect(await decide(officer, x.receipt_code, 'forward', 'a'.repeat(10_000))).toMatchObject({ status: 'invalid', reason: 'note_too_long' });
    expect(await decide(officer, x.receipt_code, 'approve')).toMatchObject({ status: 'invalid', reason: 'action' });
    expect(await statusOf(x.receipt_code)).toBe('submitted');
    expect(await decide(officer, x.receipt_code, 'forward')).toMatchObject({ status: 'done' });
  });

  it('gives a resident nothing: no list, no nomination, no decision', async () => {
    const resident = await member();
    const other = await member();
    const x = await nominate(other, unit(11));
    expect(await queue(resident)).toEqual({ status: 'forbidden' });
    expect(await open(resident, x.receipt_code)).toEqual({ status: 'forbidden', reason: 'no_role' });
    expect(await decide(resident, x.receipt_code, 'forward')).toMatchObject({ status: 'forbidden' });
    expect(await decide(resident, x.receipt_code, 'decline', 'Tôi không thích')).toMatchObject({ status: 'forbidden' });
    // A council member screens nothing either.
    const council = await member({ role: 'council' });
    expect(await queue(council)).toEqual({ status: 'forbidden' });
    expect(await decide(council, x.receipt_code, 'forward')).toMatchObject({ status: 'forbidden' });
    // A leader whose role was revoked loses it at once.
    const former = await member({ role: 'leader', unit: unit(11) });
    await db.query('update member_roles set revoked_at = now() where member_id = $1', [former]);
    expect(await decide(former, x.receipt_code, 'forward')).toMatchObject({ status: 'forbidden' });
    expect(await statusOf(x.receipt_code)).toBe('submitted');
  });

  it('tells the second of two screeners what happened, and a stale forward after a decline changes nothing', async () => {
    const first = await member({ role: 'officer' });
    const second = await member({ role: 'officer' });
    const resident = await member();
    const x = await nominate(resident, unit(12));
    const [a, b] = await Promise.all([decide(first, x.receipt_code, 'forward'), decide(second, x.receipt_code, 'decline', 'Trùng với đề cử khác')]);
    const results = [a, b];
    expect(results.filter((r) => r.status === 'done')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'moved')!;
    expect(loser).toMatchObject({ type: 'screening_decide', code: x.receipt_code, current: await statusOf(x.receipt_code), byYou: false });
    expect(await db.query('select 1 from nomination_status_history where nomination_id = $1 and status <> $2', [x.id, 'submitted'])).toHaveLength(1);

    // The old "forward" button pressed after another officer declined it.
    const y = await nominate(resident, unit(12));
    await decide(second, y.receipt_code, 'decline', 'Chưa đủ tiêu chí');
    expect(await decide(first, y.receipt_code, 'forward')).toMatchObject({ status: 'moved', current: 'declined', byYou: false });
    expect(await decide(second, y.receipt_code, 'decline', 'Lần nữa')).toMatchObject({ status: 'moved', current: 'declined', byYou: true });
    expect(await open(first, y.receipt_code)).toMatchObject({ status: 'moved', current: 'declined' });
    expect(await statusOf(y.receipt_code)).toBe('declined');
    expect((await notices(resident)).filter((p) => p.args.code === y.receipt_code)).toHaveLength(1);
  });

  it('lets only the nominator answer a returned nomination; it goes back to its screener', async () => {
    const leader = await member({ role: 'leader', unit: unit(13) });
    const resident = await member();
    const stranger = await member();
    const x = await nominate(resident, unit(13));
    await decide(leader, x.receipt_code, 'return', 'Ông An ở tổ này bao lâu rồi?');

    expect(await lookup(resident, { kind: 'screening_returned', code: x.receipt_code })).toEqual({
      status: 'returned',
      code: x.receipt_code,
      name: expect.any(String),
      question: 'Ông An ở tổ này bao lâu rồi?',
    });
    expect(await lookup(stranger, { kind: 'screening_returned', code: x.receipt_code })).toMatchObject({ status: 'not_found' });
    expect(await answer(stranger, x.receipt_code, 'Mười năm')).toMatchObject({ status: 'not_found' });
    expect(await answer(leader, x.receipt_code, 'Mười năm')).toMatchObject({ status: 'not_found' });
    expect(await answer(resident, x.receipt_code, '')).toMatchObject({ status: 'invalid', reason: 'text_required' });
    expect(await answer(resident, x.receipt_code, 'x'.repeat(10_000))).toMatchObject({ status: 'invalid', reason: 'text_too_long' });
    expect(await statusOf(x.receipt_code)).toBe('returned');

    const before = (await notices(leader)).length;
    expect(await answer(resident, x.receipt_code, 'Ông An ở tổ này mười năm rồi.')).toMatchObject({
      type: 'screening_answer',
      status: 'done',
      code: x.receipt_code,
      notified: 1,
    });
    expect(await statusOf(x.receipt_code)).toBe('submitted');
    const [last] = await db.query<{ status: string; actor_member_id: string; note: string }>(
      'select status, actor_member_id, note from nomination_status_history where nomination_id = $1 order by id desc limit 1',
      [x.id],
    );
    expect(last).toEqual({ status: 'submitted', actor_member_id: resident, note: 'Ông An ở tổ này mười năm rồi.' });
    expect((await notices(leader)).slice(before)).toEqual([
      { notice: 'screen', args: { event: 'answered', code: x.receipt_code, name: expect.any(String), unit: 'Làng Ia Kênh' } },
    ]);
    // Answered twice: the second is told it already went back.
    expect(await answer(resident, x.receipt_code, 'Thêm nữa')).toMatchObject({ status: 'moved', current: 'submitted', byYou: true });
    // Back in the leader's queue, marked as answered, with the answer in its history.
    const q = (await queue(leader)) as { items: { code: string; answered: boolean }[] };
    expect(q.items.find((i) => i.code === x.receipt_code)).toMatchObject({ answered: true });
    const opened = (await open(leader, x.receipt_code)) as { nomination: { history: Json[] } };
    expect(opened.nomination.history.map((h) => [h.status, h.by, h.note])).toEqual([
      ['submitted', 'nominator', null],
      ['returned', 'leader', 'Ông An ở tổ này bao lâu rồi?'],
      ['submitted', 'nominator', 'Ông An ở tổ này mười năm rồi.'],
    ]);
  });
});
