// The council's vote in SQL: only a current council member of the ward votes (a resident's, a
// leader's or an officer's id gets 'forbidden'); voting again changes the vote while it is open
// and says so; the vote closes by itself when every current member has voted, or an officer
// closes it; the result follows the campaign's quorum and threshold, both strictly "more than"
// (exactly half is not enough); a vote after the close gets 'closed' with the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { TDP1, wardFixture, type Nominated } from '../support/ward-fixture.js';

describe.each(databaseBackends())('the council’s vote on %s', (kind) => {
  let db: TestDatabase;
  let f: ReturnType<typeof wardFixture>;
  let officer: string;
  let leader: string;
  let resident: string;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    f = wardFixture(db, 'co');
    officer = await f.member({ role: 'officer' });
    leader = await f.member({ role: 'leader', unit: TDP1 });
    resident = await f.member();
  });
  afterAll(async () => db?.close());

  async function council(size: number): Promise<string[]> {
    await f.clearCouncil();
    const members: string[] = [];
    for (let i = 0; i < size; i++) members.push(await f.member({ role: 'council', holderName: `Thành viên ${i + 1}` }));
    return members;
  }

  async function proposal(): Promise<Nominated> {
    const n = await f.nominate(resident);
    await f.forward(n, leader);
    const r = await f.effect(officer, { type: 'appraise', nominationId: n.id, decision: 'propose', marks: await f.marks(4) });
    if (r.outcome !== 'proposed') throw new Error(JSON.stringify(r));
    return n;
  }

  const vote = (who: string, n: Nominated, v: string) => f.effect(who, { type: 'council_vote', nominationId: n.id, vote: v });

  it('decides by the quorum and threshold, strictly more than the share', async () => {
    const outcome = async (members: number, agree: number, disagree: number, abstain: number, quorum = 0.5, threshold = 0.5) =>
      (await db.query<{ o: string }>('select council_outcome($1, $2, $3, $4, $5, $6) as o', [members, agree, disagree, abstain, quorum, threshold]))[0]!.o;
    // Quorum: more than half of the members vote.
    expect(await outcome(4, 2, 0, 0)).toBe('no_quorum'); // exactly half voted
    expect(await outcome(4, 3, 0, 0)).toBe('approved');
    expect(await outcome(5, 2, 0, 0)).toBe('no_quorum');
    expect(await outcome(5, 3, 0, 0)).toBe('approved');
    expect(await outcome(0, 0, 0, 0)).toBe('no_quorum');
    // Threshold: more than half of the votes cast agree; an abstention does not agree.
    expect(await outcome(4, 2, 2, 0)).toBe('rejected'); // exactly half agree
    expect(await outcome(4, 2, 1, 1)).toBe('rejected');
    expect(await outcome(4, 3, 1, 0)).toBe('approved');
    expect(await outcome(3, 1, 0, 1)).toBe('rejected');
    expect(await outcome(3, 2, 0, 1)).toBe('approved');
    // Other settings: two thirds of the votes must agree; any single vote makes the quorum.
    expect(await outcome(3, 2, 1, 0, 0.5, 0.66)).toBe('approved');
    expect(await outcome(3, 2, 1, 0, 0.5, 0.67)).toBe('rejected');
    expect(await outcome(10, 1, 0, 0, 0, 0.5)).toBe('approved');
  });

  it('refuses a vote or the list to a resident, a leader and an officer, and only shows proposals to the council', async () => {
    const [member] = await council(2);
    const n = await proposal();
    for (const who of [resident, leader, officer]) {
      expect((await vote(who, n, 'agree')).status).toBe('forbidden');
      expect(await f.lookup(who, { kind: 'council_list', page: 0 })).toEqual({ status: 'forbidden' });
      expect(await f.lookup(who, { kind: 'review_dossier', code: n.code, view: 'council' })).toEqual({ status: 'forbidden' });
    }
    expect((await vote(member!, n, 'maybe')).status).toBe('invalid');
    const list = await f.lookup(member!, { kind: 'council_list', page: 0 });
    expect(list).toMatchObject({ status: 'ok', total: 1, items: [{ code: n.code, status: 'proposed' }] });
    const dossier = await f.lookup(member!, { kind: 'review_dossier', code: n.code, view: 'council' });
    expect(dossier.dossier.council).toEqual({ members: 2, voted: 0 });
    expect(dossier.dossier.marks).toHaveLength((await f.criteria()).length);
    // A nomination never proposed is not the council's to read.
    const unproposed = await f.nominate(resident);
    expect(await f.lookup(member!, { kind: 'review_dossier', code: unproposed.code, view: 'council' })).toEqual({ status: 'not_found' });
    await db.query(`update nominations set status = 'declined' where id in ($1, $2)`, [n.id, unproposed.id]);
  });

  it('changes a vote while open and says so; closes when every member has voted; a vote after that is told the result', async () => {
    const [a, b, c] = await council(3);
    const n = await proposal();
    expect(await vote(a!, n, 'disagree')).toMatchObject({ status: 'voted', vote: 'disagree', code: n.code });
    expect(await vote(a!, n, 'agree')).toMatchObject({ status: 'changed', vote: 'agree', previous: 'disagree' });
    expect(await vote(a!, n, 'agree')).toMatchObject({ status: 'unchanged', vote: 'agree' });
    expect((await f.lookup(a!, { kind: 'council_list', page: 0 })).items[0].myVote).toBe('agree');
    expect(await vote(b!, n, 'abstain')).toMatchObject({ status: 'voted' });
    expect(await f.status(n)).toMatchObject({ status: 'proposed' });

    const last = await vote(c!, n, 'agree');
    expect(last).toMatchObject({ status: 'voted', closed: { outcome: 'approved', status: 'posted', tally: { members: 3, agree: 2, abstain: 1, disagree: 0, voted: 3 } } });
    const [{ days }] = (await db.query<{ days: number }>(`select round(extract(epoch from (posting_until - bot_now())) / 86400) as days from nominations where id = $1`, [n.id])) as [{ days: number }];
    expect(Number(days)).toBe(5);
    const history = await db.query<{ status: string; note: string; actor_member_id: string }>(
      `select status, note, actor_member_id from nomination_status_history where nomination_id = $1 order by id desc limit 1`,
      [n.id],
    );
    expect(history[0]).toMatchObject({ status: 'posted', actor_member_id: c });
    expect(history[0]!.note).toMatch(/2 đồng ý, 0 không đồng ý, 1 không ý kiến \(3\/3 thành viên\); thông qua/);
    expect((await f.queued(officer)).at(-1)).toMatchObject({ notice: 'council_result', args: { code: n.code, outcome: 'approved', status: 'posted', agree: 2 } });
    expect((await f.queued(resident)).at(-1)).toMatchObject({ notice: 'status', args: { status: 'posted', code: n.code } });

    const late = await vote(b!, n, 'disagree');
    expect(late).toMatchObject({ status: 'closed', current: 'posted', previous: 'abstain', last: { note: expect.stringContaining('thông qua') } });
    const [{ vote: kept }] = (await db.query<{ vote: string }>('select vote from council_votes where nomination_id = $1 and member_id = $2', [n.id, b])) as [{ vote: string }];
    expect(kept).toBe('abstain');
    const audit = await db.query<{ action: string }>(`select action from audit_log where subject_id = $1 and action like 'council.%' order by id`, [n.id]);
    expect(audit.map((r) => r.action)).toEqual(['council.voted', 'council.voted', 'council.voted', 'council.voted', 'council.voted', 'council.closed']);
  });

  it('rejects when exactly half agree: not honoured, with the council’s result as the note', async () => {
    const [a, b] = await council(2);
    const n = await proposal();
    await vote(a!, n, 'agree');
    const r = await vote(b!, n, 'disagree');
    expect(r.closed).toMatchObject({ outcome: 'rejected', status: 'not_honoured' });
    const told = (await f.queued(resident)).at(-1)!;
    expect(told).toMatchObject({ notice: 'status', args: { status: 'not_honoured' } });
    expect(told.args.note).toMatch(/1 đồng ý, 1 không đồng ý.*không thông qua/);
  });

  it('lets an officer close a vote: without a quorum it is not honoured; with no council at all nothing changes', async () => {
    const [a] = await council(3);
    const n = await proposal();
    await vote(a!, n, 'agree');
    const other = await f.member({ role: 'officer' });
    const closed = await f.effect(other, { type: 'council_close', nominationId: n.id });
    expect(closed).toMatchObject({ type: 'council_close', status: 'closed', closed: { outcome: 'no_quorum', status: 'not_honoured', tally: { voted: 1, members: 3 } } });
    expect(await f.effect(officer, { type: 'council_close', nominationId: n.id })).toMatchObject({ status: 'moved', current: 'not_honoured' });
    expect(await vote(a!, n, 'disagree')).toMatchObject({ status: 'closed', current: 'not_honoured' });

    await council(0);
    const lonely = await proposal();
    expect(await f.effect(officer, { type: 'council_close', nominationId: lonely.id })).toMatchObject({ status: 'no_council' });
    expect(await f.status(lonely)).toMatchObject({ status: 'proposed' });
    await db.query(`update nominations set status = 'declined' where id = $1`, [lonely.id]);
  });

  it('approves without posting when the campaign has no posting period', async () => {
    await f.settings({ postingDays: 0 });
    try {
      const [a] = await council(1);
      const n = await proposal();
      expect((await vote(a!, n, 'agree')).closed).toMatchObject({ outcome: 'approved', status: 'approved' });
      expect(await f.status(n)).toEqual({ status: 'approved', posting_until: null });
    } finally {
      await f.settings({ postingDays: 5 });
    }
  });

  it('closes once when the last two members vote at the same time', async () => {
    const [a, b, c] = await council(3);
    const n = await proposal();
    await vote(a!, n, 'agree');
    const [x, y] = await Promise.all([vote(b!, n, 'agree'), vote(c!, n, 'disagree')]);
    expect([x, y].filter((r) => r.closed)).toHaveLength(1);
    expect(await f.status(n)).toMatchObject({ status: 'posted' });
    const rows = await db.query(`select 1 from nomination_status_history where nomination_id = $1 and status = 'posted'`, [n.id]);
    expect(rows).toHaveLength(1);
  });
});
