// Public posting, honours and the history in SQL: everyone sees the posted exemplars while their
// posting period runs (on the bot's clock) and may comment on them (1,000 characters at most; a
// comment reaches the officers, never the audit log); after the period an officer honours one
// (the phase it counts for: the one containing the date, else the current one) or declines it
// with a reason; only an officer honours or reads a history, which names roles and role holders
// but never the nominator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { PHASE_1, PHASE_2, TDP1, wardFixture, type Nominated } from '../support/ward-fixture.js';

describe.each(databaseBackends())('posting, honours and history on %s', (kind) => {
  let db: TestDatabase;
  let f: ReturnType<typeof wardFixture>;
  let officer: string;
  let leader: string;
  let resident: string;
  let neighbour: string;
  let member1: string;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    f = wardFixture(db, 'ph');
    officer = await f.member({ role: 'officer', holderName: 'Nguyễn Thu' });
    leader = await f.member({ role: 'leader', unit: TDP1, holderName: 'Trần Bình' });
    resident = await f.member();
    neighbour = await f.member();
    await f.clearCouncil();
    member1 = await f.member({ role: 'council', holderName: 'Lê Hội' });
  });
  afterAll(async () => {
    await f.clock('0');
    await db?.close();
  });

  /** A nomination through appraisal and the council's vote: posted for 5 days from now (bot clock). */
  async function posted(): Promise<Nominated> {
    const n = await f.nominate(resident);
    await f.forward(n, leader);
    await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'propose', marks: await f.marks(3, 'đã xác minh') });
    const r = await f.effect(member1, { type: 'council_vote', nominationId: n.id, vote: 'agree' });
    if (r.closed?.status !== 'posted') throw new Error(JSON.stringify(r));
    return n;
  }

  it('lists the posted exemplars for everyone while their period runs, and takes comments that reach the officers', async () => {
    const n = await posted();
    const list = await f.effect(neighbour, { type: 'posted_list' });
    expect(list.items).toEqual([
      expect.objectContaining({ code: n.code, unitName: 'Tổ dân phố 1', deeds: expect.stringContaining('sửa đường'), postingUntil: expect.any(String) }),
    ]);
    expect(await f.lookup(neighbour, { kind: 'posted_one', code: n.code })).toMatchObject({ status: 'open', code: n.code });

    const sent = await f.effect(neighbour, { type: 'post_comment', code: n.code.toLowerCase(), text: '  Ông rất nhiệt tình, cả tổ đều biết.  ' });
    expect(sent).toMatchObject({ type: 'post_comment', status: 'sent', code: n.code, notified: 1 });
    const [row] = await db.query<{ body: string }>('select body from public_comments where nomination_id = $1', [n.id]);
    expect(row!.body).toBe('Ông rất nhiệt tình, cả tổ đều biết.');
    expect((await f.queued(officer)).at(-1)).toEqual({ notice: 'public_comment', args: { code: n.code, name: expect.any(String), text: 'Ông rất nhiệt tình, cả tổ đều biết.' } });
    const audit = await db.query(`select details from audit_log where action = 'comment.posted' and subject_id = $1`, [n.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('nhiệt tình');

    // Bad input: 10,000 characters, nothing, a code that is not posted, too many from one person.
    expect(await f.effect(neighbour, { type: 'post_comment', code: n.code, text: 'a'.repeat(10_000) })).toMatchObject({ status: 'too_long', length: 10_000, max: 1000 });
    expect(await f.effect(neighbour, { type: 'post_comment', code: n.code, text: '   ' })).toMatchObject({ status: 'empty' });
    const unposted = await f.nominate(resident);
    expect(await f.effect(neighbour, { type: 'post_comment', code: unposted.code, text: 'Tốt lắm' })).toMatchObject({ status: 'not_posted' });
    expect(await f.lookup(neighbour, { kind: 'posted_one', code: unposted.code })).toEqual({ status: 'not_posted' });
    expect(await f.effect(neighbour, { type: 'post_comment', code: 'PH-9999', text: 'Tốt lắm' })).toMatchObject({ status: 'not_posted' });
    for (let i = 0; i < 4; i++) expect((await f.effect(neighbour, { type: 'post_comment', code: n.code, text: `Góp ý số ${i}` })).status).toBe('sent');
    expect(await f.effect(neighbour, { type: 'post_comment', code: n.code, text: 'Thêm nữa' })).toMatchObject({ status: 'limit', max: 5 });
    await db.query(`update nominations set status = 'not_honoured' where id = $1`, [n.id]);
  });

  it('closes comments and opens honours when the posting period ends on the bot clock', async () => {
    const n = await posted();
    const early = await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'honour', title: 'Giấy khen', date: '' });
    expect(early).toMatchObject({ status: 'posting_open', postingUntil: expect.any(String) });
    expect((await f.lookup(officer, { kind: 'honour_list', page: 0 }))).toMatchObject({ total: 0, posting: { count: 1 } });

    await f.clock('6 days');
    try {
      expect(await f.effect(neighbour, { type: 'post_comment', code: n.code, text: 'Muộn rồi' })).toMatchObject({ status: 'closed' });
      expect((await f.effect(neighbour, { type: 'posted_list' })).items).toEqual([]);
      expect(await f.lookup(neighbour, { kind: 'posted_one', code: n.code })).toMatchObject({ status: 'closed' });
      const list = await f.lookup(officer, { kind: 'honour_list', page: 0 });
      expect(list).toMatchObject({ status: 'ok', total: 1, items: [{ code: n.code, status: 'posted', comments: 0 }], posting: { count: 0 } });
    } finally {
      await f.clock('0');
    }
    await db.query(`update nominations set status = 'not_honoured' where id = $1`, [n.id]);
  });

  it('refuses honours and histories to a resident, a leader and a council member', async () => {
    const n = await posted();
    await f.clock('6 days');
    try {
      for (const who of [resident, leader, member1]) {
        expect(await f.lookup(who, { kind: 'honour_list', page: 0 })).toEqual({ status: 'forbidden' });
        expect((await f.effect(who, { type: 'honour', nominationId: n.id, decision: 'honour', date: '' })).status).toBe('forbidden');
        expect((await f.effect(who, { type: 'honour', nominationId: n.id, decision: 'decline', reason: 'Không đạt' })).status).toBe('forbidden');
        expect((await f.effect(who, { type: 'nomination_history', code: n.code })).status).toBe('forbidden');
      }
      expect(await f.status(n)).toMatchObject({ status: 'posted' });
    } finally {
      await f.clock('0');
    }
    await db.query(`update nominations set status = 'not_honoured' where id = $1`, [n.id]);
  });

  it('honours with the default title and today, counted for the phase containing the date; endorsers and the nominator are told', async () => {
    const n = await posted();
    await db.query('insert into endorsements (nomination_id, member_id) values ($1, $2)', [n.id, neighbour]);
    await f.clock('6 days');
    try {
      expect(await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'honour', date: '31/12/2026' })).toMatchObject({ status: 'invalid_date' });
      expect(await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'honour', date: '2026-02-30' })).toMatchObject({ status: 'invalid_date' });
      expect(await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'decline' })).toMatchObject({ status: 'reason_required' });
      const r = await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'honour', title: '', date: '' });
      const [{ today }] = (await db.query<{ today: string }>(`select to_char(ward_today(ward_id), 'YYYY-MM-DD') as today from nominations where id = $1`, [n.id])) as [{ today: string }];
      expect(r).toMatchObject({ status: 'honoured', title: 'Giấy khen của Chủ tịch UBND phường', date: today, phase: { seq: 1 }, endorsers: 1 });
      const [h] = await db.query<{ phase_id: string; honoured_on: string }>(`select phase_id, honoured_on::text from honours where nomination_id = $1`, [n.id]);
      expect(h).toEqual({ phase_id: PHASE_1, honoured_on: today });
      expect(await f.status(n)).toMatchObject({ status: 'honoured' });
      expect((await f.queued(neighbour)).at(-1)).toEqual({ notice: 'endorsed_honoured', args: { code: n.code, name: expect.any(String) } });
      expect((await f.queued(resident)).at(-1)).toMatchObject({ notice: 'status', args: { status: 'honoured', note: expect.stringContaining('Giấy khen của Chủ tịch UBND phường (') } });
      // The other officer's old button: the status moved.
      expect(await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'decline', reason: 'Không đạt' })).toMatchObject({ status: 'moved', current: 'honoured' });
    } finally {
      await f.clock('0');
    }
  });

  it('counts an honour dated in another phase for that phase, and one dated outside every phase for the current one', async () => {
    await f.settings({ usesCouncil: false, postingDays: 0 });
    try {
      const a = await f.nominate(resident);
      await f.forward(a, leader);
      await f.effect(officer, { type: 'appraise', nominationId: a.id, decision: 'propose', marks: await f.marks(2) });
      expect(await f.effect(officer, { type: 'honour', nominationId: a.id, decision: 'honour', title: 'Giấy khen của Chủ tịch UBND phường', date: '2029-03-02' })).toMatchObject({ status: 'invalid_date' });
      await f.clock('1000 days');
      expect(await f.effect(officer, { type: 'honour', nominationId: a.id, decision: 'honour', title: 'Bằng khen', date: '2029-03-02' })).toMatchObject({ status: 'honoured', phase: { seq: 2 } });
      expect((await db.query<{ phase_id: string }>('select phase_id from honours where nomination_id = $1', [a.id]))[0]!.phase_id).toBe(PHASE_2);
      await f.clock('0');

      const b = await f.nominate(resident);
      await f.forward(b, leader);
      await f.effect(officer, { type: 'appraise', nominationId: b.id, decision: 'propose', marks: await f.marks(2) });
      expect(await f.lookup(officer, { kind: 'honour_list', page: 0 })).toMatchObject({ items: [{ code: b.code, status: 'approved' }] });
      expect(await f.effect(officer, { type: 'honour', nominationId: b.id, decision: 'honour', title: 'Giấy khen', date: '2024-05-01' })).toMatchObject({ status: 'honoured', phase: { seq: 1 } });
    } finally {
      await f.clock('0');
      await f.settings({ usesCouncil: true, postingDays: 5 });
    }
  });

  it('declines an honour with a reason the nominator reads', async () => {
    const n = await posted();
    await f.clock('6 days');
    try {
      expect(await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'decline', reason: 'Có ý kiến phản ánh chưa được xác minh.' })).toMatchObject({ status: 'not_honoured' });
      expect((await f.queued(resident)).at(-1)).toMatchObject({ args: { status: 'not_honoured', note: 'Có ý kiến phản ánh chưa được xác minh.' } });
    } finally {
      await f.clock('0');
    }
  });

  it('shows an officer the whole history: who by role and name, never the nominator’s; marks, tally, comments, honour', async () => {
    const n = await posted();
    await f.effect(neighbour, { type: 'post_comment', code: n.code, text: 'Đồng tình.' });
    await f.clock('6 days');
    try {
      await f.effect(officer, { type: 'honour', nominationId: n.id, decision: 'honour', title: 'Giấy khen của Chủ tịch UBND phường', date: '' });
    } finally {
      await f.clock('0');
    }
    const h = await f.effect(officer, { type: 'nomination_history', code: n.code.toLowerCase() });
    expect(h).toMatchObject({ type: 'nomination_history', status: 'found', nomination: { code: n.code }, comments: 1, council: { members: 1, agree: 1, voted: 1 } });
    expect(h.rows.map((r: { status: string }) => r.status)).toEqual(['submitted', 'forwarded', 'proposed', 'posted', 'honoured']);
    expect(h.rows[0].by).toEqual({ nominator: true });
    expect(h.rows[1]).toMatchObject({ by: { role: 'leader', holderName: 'Trần Bình', unitName: 'Tổ dân phố 1', unitKind: 'to_dan_pho' }, note: expect.any(String) });
    expect(h.rows[2].by).toEqual({ role: 'officer', holderName: 'Nguyễn Thu' });
    expect(h.rows[3].by).toEqual({ role: 'council', holderName: 'Lê Hội' });
    expect(h.rows[0].at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(h.marks.filter((m: { met: boolean }) => m.met)).toHaveLength(3);
    expect(h.honour).toMatchObject({ title: 'Giấy khen của Chủ tịch UBND phường', phase: { seq: 1 } });
    expect(JSON.stringify(h)).not.toContain('"name"');
    expect(await f.effect(officer, { type: 'nomination_history', code: 'PH-9999' })).toMatchObject({ status: 'not_found' });
  });
});
