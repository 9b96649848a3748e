// Broadcasts in SQL: only an officer counts an audience or queues a broadcast (a leader or a
// resident gets 'forbidden'); the audience counts the ward's reachable people who did not mute
// (whole ward, units, roles); one outbox row per recipient, once per form; pause, resume and
// cancel move the waiting rows; muting drops what still waits; honour drafts list final honours only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { TDP1, TDP2, wardFixture } from '../support/ward-fixture.js';

describe.each(databaseBackends())('broadcasts on %s', (kind) => {
  let db: TestDatabase;
  let f: ReturnType<typeof wardFixture>;
  let officer: string;
  let leader: string;
  let residents: string[];
  let muted: string;
  let blocked: string;
  let base: number;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    f = wardFixture(db, 'bc');
    // Whoever the fixture's ward already holds is counted apart.
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from broadcast_recipients('20000000-0000-4000-8000-000000000001', '{"kind":"ward"}')`,
    );
    base = row!.n;
    officer = await f.member({ role: 'officer', holderName: 'Nguyễn Thu' });
    leader = await f.member({ role: 'leader', unit: TDP1, holderName: 'Trần Bình' });
    residents = [];
    for (let i = 0; i < 5; i++) residents.push(await f.member());
    await db.query('update members set unit_id = $2 where id = any($1)', [residents.slice(0, 3), TDP1]);
    await db.query('update members set unit_id = $2 where id = any($1)', [residents.slice(3), TDP2]);
    muted = await f.member();
    await f.effect(muted, { type: 'announcements', on: false });
    blocked = await f.member();
    await db.query('update members set reachable = false where id = $1', [blocked]);
  });
  afterAll(async () => db?.close());

  const audience = (who: string, a: Record<string, unknown>) => f.lookup(who, { kind: 'broadcast_audience', audience: a });
  const create = (who: string, extra: Record<string, unknown> = {}) =>
    f.effect(who, { type: 'broadcast_create', formId: crypto.randomUUID(), text: 'Họp tổ dân phố tối thứ Sáu.', audience: { kind: 'units', unitIds: [TDP1] }, urgent: false, ...extra });

  it('lets only an officer count an audience or broadcast', async () => {
    expect(await audience(leader, { kind: 'ward' })).toEqual({ status: 'forbidden' });
    expect(await audience(residents[0]!, { kind: 'ward' })).toEqual({ status: 'forbidden' });
    expect(await create(leader)).toMatchObject({ status: 'forbidden' });
    expect(await create(residents[0]!)).toMatchObject({ status: 'forbidden' });
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from broadcasts');
    expect(n!.n).toBe(0);
  });

  it('counts the reachable people who did not mute, by ward, unit and role', async () => {
    expect(await audience(officer, { kind: 'ward' })).toMatchObject({ status: 'ok', count: base + 7 });
    expect(await audience(officer, { kind: 'units', unitIds: [TDP1] })).toMatchObject({ count: 3 });
    expect(await audience(officer, { kind: 'units', unitIds: [TDP1, TDP2] })).toMatchObject({ count: 5 });
    expect((await audience(officer, { kind: 'role', role: 'leader' })).count).toBeGreaterThanOrEqual(1);
    const residentsOnly = await audience(officer, { kind: 'role', role: 'resident' });
    expect(residentsOnly.count).toBeGreaterThanOrEqual(5);
    expect(await audience(officer, { kind: 'units', unitIds: [] })).toMatchObject({ count: 0 });
  });

  it('queues one row per recipient, once per form; refuses nobody, the past and empty text', async () => {
    const formId = crypto.randomUUID();
    const first = await create(officer, { formId, audience: { kind: 'ward' } });
    expect(first).toMatchObject({ status: 'queued', total: base + 7, scheduled: false });
    expect(await create(officer, { formId, audience: { kind: 'ward' } })).toMatchObject({ status: 'already', total: base + 7 });
    const rows = await db.query<{ member_id: string; dedupe_key: string; payload: { notice: string; args: { text: string } } }>(
      `select o.member_id, o.dedupe_key, o.payload from outbox o join broadcasts b on b.id = o.broadcast_id where b.form_id = $1`,
      [formId],
    );
    expect(rows).toHaveLength(base + 7);
    expect(new Set(rows.map((r) => r.member_id)).size).toBe(rows.length);
    expect(rows.map((r) => r.member_id)).not.toContain(muted);
    expect(rows.map((r) => r.member_id)).not.toContain(blocked);
    expect(rows[0]!.payload).toMatchObject({ notice: 'broadcast', args: { text: 'Họp tổ dân phố tối thứ Sáu.' } });

    expect(await create(officer, { audience: { kind: 'units', unitIds: [] } })).toMatchObject({ status: 'nobody' });
    expect(await create(officer, { sendAt: '2020-01-01T08:00:00Z' })).toMatchObject({ status: 'past' });
    expect(await create(officer, { text: '   ' })).toMatchObject({ status: 'invalid' });
    expect(await create(officer, { text: 'a'.repeat(5001) })).toMatchObject({ status: 'invalid' });
    expect(await create(officer, { text: 'a'.repeat(5000) })).toMatchObject({ status: 'queued', total: 3 });
    await db.query(`update broadcasts set status = 'cancelled'`);
    await db.query(`update outbox set status = 'skipped' where broadcast_id is not null`);
  });

  it('keeps a Telegram photo for Telegram recipients only', async () => {
    await db.query(`update member_identities set channel = 'telegram' where member_id = $1`, [residents[0]]);
    // The officer sends the photo from Telegram (the turn's channel).
    const [{ r }] = (await db.query<{ r: Record<string, unknown> }>(`select bot_dispatch('effect', 'broadcast_create', m, $2::jsonb, '{"channel":"telegram"}'::jsonb) as r from members m where m.id = $1`, [
      officer,
      JSON.stringify({ type: 'broadcast_create', formId: crypto.randomUUID(), text: 'Ảnh buổi lễ.', audience: { kind: 'units', unitIds: [TDP1] }, photo: 'AgACAgIAAxkBAAIB' }),
    ])) as [{ r: Record<string, unknown> }];
    expect(r).toMatchObject({ status: 'queued', total: 3, withoutPhoto: 2 });
    const rows = await db.query<{ channel: string; photo: string | null }>(
      `select channel, payload->'args'->>'photo' as photo from outbox where broadcast_id = (select id from broadcasts order by created_at desc limit 1) order by channel`,
    );
    expect(rows).toEqual([
      { channel: 'telegram', photo: 'AgACAgIAAxkBAAIB' },
      { channel: 'zalo', photo: null },
      { channel: 'zalo', photo: null },
    ]);
    await db.query(`update member_identities set channel = 'zalo' where member_id = $1`, [residents[0]]);
    await f.effect(officer, { type: 'broadcast_control', action: 'cancel' });
  });

  it('pauses, resumes and cancels; cancel twice and resume after cancel are answered', async () => {
    expect(await f.effect(leader, { type: 'broadcast_control', action: 'pause' })).toMatchObject({ status: 'forbidden' });
    await create(officer);
    const waiting = () => db.query<{ status: string; nb: string }>(`select status, (not_before = 'infinity')::text as nb from outbox where broadcast_id = (select id from broadcasts order by created_at desc limit 1)`);
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'resume' })).toMatchObject({ status: 'not_paused' });
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'pause' })).toMatchObject({ status: 'ok', counts: { total: 3, left: 3 } });
    expect((await waiting()).every((r) => r.nb === 'true')).toBe(true);
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'pause' })).toMatchObject({ status: 'already_paused' });
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'resume' })).toMatchObject({ status: 'ok' });
    expect((await waiting()).every((r) => r.nb === 'false' && r.status === 'pending')).toBe(true);
    // A resident mutes while it waits: their row is dropped, counted as opted out.
    await f.effect(residents[1]!, { type: 'announcements', on: false });
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'cancel' })).toMatchObject({ status: 'ok', counts: { optedOut: 1, cancelled: 2, left: 0 } });
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'cancel' })).toMatchObject({ status: 'already_cancelled' });
    expect(await f.effect(officer, { type: 'broadcast_control', action: 'resume' })).toMatchObject({ status: 'cancelled' });
    await f.effect(residents[1]!, { type: 'announcements', on: true });
  });

  it('switches announcements off and on, saying when nothing changed', async () => {
    const who = residents[4]!;
    expect(await f.effect(who, { type: 'announcements', on: true })).toEqual({ type: 'announcements', status: 'already_on' });
    expect(await f.effect(who, { type: 'announcements', on: false })).toEqual({ type: 'announcements', status: 'off' });
    expect(await f.effect(who, { type: 'announcements', on: false })).toEqual({ type: 'announcements', status: 'already_off' });
    expect(await f.effect(who, { type: 'announcements', on: true })).toEqual({ type: 'announcements', status: 'on' });
  });

  it('shows progress once per change, and finishes a broadcast with nothing left', async () => {
    await db.query(`update broadcasts set progress_shown = jsonb_build_object('status', status, 'counts', broadcast_counts(id))`);
    await create(officer);
    await db.query(`update broadcasts set officer_channel = 'zalo', officer_chat = 'officer-chat' where officer_channel is null`);
    const claim = () => db.rpc<{ id: string; status: string; counts: Record<string, number>; chatId: string }[]>('bot_broadcast_progress_claim', { p_worker: 'w', p_channels: ['zalo'], p_min_seconds: 0 });
    const [first, ...none] = await claim();
    expect(none).toEqual([]);
    expect(first).toMatchObject({ status: 'sending', chatId: 'officer-chat', counts: { total: 3, sent: 0, left: 3 } });
    // Leased: another process does not show it at the same time.
    expect(await claim()).toEqual([]);
    await db.rpc('bot_broadcast_progress_report', { p_id: first!.id, p_message_id: 'm1', p_shown: { status: first!.status, counts: first!.counts } });
    expect(await claim()).toEqual([]);
    await db.query(`update outbox set status = 'sent' where broadcast_id = $1`, [first!.id]);
    const [done] = await claim();
    expect(done).toMatchObject({ status: 'done', counts: { sent: 3, left: 0 } });
  });

  it('drafts honours only once they are final', async () => {
    expect(await f.lookup(leader, { kind: 'broadcast_honours' })).toEqual({ status: 'forbidden' });
    const n = await f.nominate(residents[0]!);
    await db.query(`update nominations set status = 'appraised' where id = $1`, [n.id]);
    expect((await f.lookup(officer, { kind: 'broadcast_honours' })).honours).toEqual([]);
    await db.query(`update nominations set status = 'honoured', photo_ref = 'AgACphoto', contact_consent = true where id = $1`, [n.id]);
    await db.query(`insert into honours (nomination_id, title, honoured_on) values ($1, 'Giấy khen của UBND phường', '2026-12-01')`, [n.id]);
    const { honours } = await f.lookup(officer, { kind: 'broadcast_honours' });
    expect(honours).toEqual([expect.objectContaining({ code: n.code, unit: 'Tổ dân phố 1', title: 'Giấy khen của UBND phường', photo: 'AgACphoto', deeds: expect.stringContaining('sửa đường') })]);
    // The draft is built in the database from final honours only: sent without a text of its own.
    expect(await create(officer, { text: '', honours: [crypto.randomUUID()] })).toMatchObject({ status: 'invalid' });
    expect(await create(officer, { text: '', honours: [n.id] })).toMatchObject({ status: 'queued' });
    const [row] = await db.query<{ args: Record<string, unknown> }>(`select payload->'args' as args from outbox order by id desc limit 1`);
    expect(row!.args.draft).toEqual([expect.objectContaining({ name: expect.stringContaining('Người bc'), unit: 'Tổ dân phố 1', title: 'Giấy khen của UBND phường', date: '2026-12-01' })]);
    expect(row!.args.text).toBeUndefined();
    expect((await f.lookup(officer, { kind: 'broadcast_honours' })).honours).toEqual([]);
  });

  it('keeps every new function from anon and authenticated', async () => {
    const [p] = await db.query<{ anon: boolean; service: boolean }>(`
      select has_function_privilege('anon', 'public.fx_broadcast_create(public.members, jsonb, jsonb)', 'execute') as anon,
             has_function_privilege('service_role', 'public.bot_broadcast_progress_claim(text, text[], numeric)', 'execute') as service`);
    expect(p).toEqual({ anon: false, service: true });
  });
});
