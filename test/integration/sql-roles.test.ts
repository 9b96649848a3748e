// Roles in SQL: only an officer invites, lists and revokes (a resident's member id gets
// 'forbidden' and changes nothing); an invitation lives 7 days on the bot's clock and is used
// once; another ward's code, a mistyped one, a declined one each get their own answer; a unit
// keeps one leader unless the invitation allows a second; a revoke never leaves the ward without
// an officer, even with two officers at once; every role change is audited with its actor and
// queues the person's Telegram menu in the same transaction; roles follow account linking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const TDP1 = '20000000-0000-4000-8001-000000000001';
const TDP2 = '20000000-0000-4000-8001-000000000002';
const TDP3 = '20000000-0000-4000-8001-000000000003';
const TDP4 = '20000000-0000-4000-8001-000000000004';
const TDP5 = '20000000-0000-4000-8001-000000000005';
const ALPHABET = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

type Result = Record<string, unknown> & { status: string };

describe.each(databaseBackends())('roles on %s', (kind) => {
  let db: TestDatabase;
  let users = 0;
  let officer: string;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    officer = await member({ role: 'officer', name: 'Trần Thu' });
  });
  afterAll(async () => db?.close());

  /** A member with a Telegram identity (user id = private chat id), optionally holding a role. */
  async function member(o: { role?: 'leader' | 'officer' | 'council'; unit?: string; name?: string; ward?: string } = {}): Promise<string> {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [o.ward ?? WARD]);
    const tg = String(880_000 + ++users);
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', $1, $2, $1)`, [tg, m!.id]);
    if (o.role) {
      await db.query('insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, $3, $4, $5)', [m!.id, o.ward ?? WARD, o.role, o.unit ?? null, o.name ?? null]);
    }
    return m!.id;
  }
  const telegramOf = async (id: string) => (await db.query<{ external_id: string }>(`select external_id from member_identities where member_id = $1 and channel = 'telegram'`, [id]))[0]!.external_id;

  /** Runs an effect through the allow-list, as bot_turn_save does. */
  async function effect(by: string, payload: Record<string, unknown>): Promise<Result> {
    const [row] = await db.query<{ r: Result }>(`select bot_dispatch('effect', $2, m, $3::jsonb, '{"channel": "telegram"}'::jsonb) as r from members m where m.id = $1`, [by, payload.type, JSON.stringify(payload)]);
    return row!.r;
  }
  /** Runs a lookup through the allow-list, as bot_turn_load and bot_turn_fetch do. */
  async function lookup(by: string, request: Record<string, unknown>): Promise<Result> {
    const [row] = await db.query<{ r: Result }>(`select bot_dispatch('lookup', $2, m, $3::jsonb, '{}'::jsonb) as r from members m where m.id = $1`, [by, request.kind, JSON.stringify(request)]);
    return row!.r;
  }
  const invite = (by: string, o: { role: string; unit?: string; name?: string; allowSecond?: boolean; formId?: string }) =>
    effect(by, {
      type: 'invite_create',
      formId: o.formId ?? crypto.randomUUID(),
      role: o.role,
      unitId: o.unit ?? null,
      holderName: o.name ?? null,
      allowSecondLeader: o.allowSecond ?? false,
    });
  const codeOf = async (by: string, o: Parameters<typeof invite>[1]) => {
    const r = await invite(by, o);
    expect(r.status).toBe('created');
    return r.code as string;
  };
  const roles = async (id: string) =>
    db.query<{ role: string; unit_id: string | null }>('select role, unit_id from member_roles where member_id = $1 and revoked_at is null order by role', [id]);
  const menus = async (id: string) =>
    db.query<{ chat_id: string; status: string; payload: { menu: { roles: { role: string; unitId: string | null }[] } }; urgent: boolean }>(
      `select chat_id, status, payload, urgent from outbox where member_id = $1 and kind = 'menu' order by id`,
      [id],
    );
  const notices = async (id: string) =>
    db.query<{ payload: { notice: string; args: Record<string, unknown> } }>(`select payload from outbox where member_id = $1 and kind = 'notice' order by id`, [id]);

  it('refuses a resident every officer function: no invitation, no list, no revoke', async () => {
    const resident = await member();
    const leader = await member({ role: 'leader', unit: TDP5 });
    const [role] = await db.query<{ id: string }>('select id from member_roles where member_id = $1', [leader]);
    const before = await db.query<{ n: number }>('select count(*)::int as n from invitations');
    expect(await invite(resident, { role: 'officer' })).toEqual({ type: 'invite_create', status: 'forbidden' });
    expect(await invite(leader, { role: 'leader', unit: TDP5 })).toEqual({ type: 'invite_create', status: 'forbidden' });
    expect(await db.query<{ n: number }>('select count(*)::int as n from invitations')).toEqual(before);
    expect(await lookup(resident, { kind: 'role_holders', page: 0, size: 8 })).toEqual({ status: 'forbidden' });
    expect(await lookup(resident, { kind: 'unit_leaders' })).toEqual({ status: 'forbidden' });
    expect(await effect(resident, { type: 'role_revoke', roleId: role!.id })).toEqual({ type: 'role_revoke', status: 'forbidden' });
    expect(await roles(leader)).toEqual([{ role: 'leader', unit_id: TDP5 }]);
  });

  it('creates a one-time code valid 7 days on the bot clock; the same form gives the same code; audited without the name', async () => {
    const formId = crypto.randomUUID();
    const made = await invite(officer, { role: 'leader', unit: TDP1, name: 'Nguyễn Văn Tổ', formId });
    expect(made).toMatchObject({ type: 'invite_create', status: 'created', role: 'leader', unitName: 'Tổ dân phố 1', unitKind: 'to_dan_pho', holderName: 'Nguyễn Văn Tổ', allowSecondLeader: false });
    expect(made.code).toMatch(ALPHABET);
    const [clock] = await db.query<{ days: number }>(`select round(extract(epoch from ($1::timestamptz - bot_now())) / 86400)::int as days`, [made.expiresAt]);
    expect(clock!.days).toBe(7);
    expect(await invite(officer, { role: 'leader', unit: TDP1, name: 'Nguyễn Văn Tổ', formId })).toMatchObject({ status: 'already', code: made.code });
    const audit = await db.query<{ actor_member_id: string; details: Record<string, unknown> }>(`select actor_member_id, details from audit_log where action = 'invitation.created' and details ->> 'code' = $1`, [made.code]);
    expect(audit).toEqual([{ actor_member_id: officer, details: { code: made.code, role: 'leader', unit: TDP1, allowSecondLeader: false } }]);
    expect(JSON.stringify(audit)).not.toContain('Nguyễn');
    // a leader needs a unit of this ward; a role the bot does not know is refused
    expect((await invite(officer, { role: 'leader' })).status).toBe('invalid');
    expect((await invite(officer, { role: 'mayor' })).status).toBe('invalid');
    expect((await invite(officer, { role: 'officer', name: 'x'.repeat(101) })).status).toBe('invalid');
  });

  it('grants the role on accept with its name, invitation and granter; tells the officer; audits; queues the menu; is used once', async () => {
    const code = await codeOf(officer, { role: 'council', name: 'Lê Thị Hội' });
    const person = await member();
    const seen = await lookup(person, { kind: 'invitation', code: code.toLowerCase().replace(/^(....)/, '$1-') });
    expect(seen).toMatchObject({ status: 'open', code, role: 'council', wardName: 'Phường Thắng Lợi', inviterName: 'Trần Thu', holderName: 'Lê Thị Hội' });
    expect(await effect(person, { type: 'invite_accept', code: ` ${code.slice(0, 4)} ${code.slice(4)} ` })).toMatchObject({ status: 'accepted', role: 'council', notified: 2 });
    const [granted] = await db.query<Record<string, unknown>>(
      `select r.holder_name, r.granted_by, i.code from member_roles r join invitations i on i.id = r.invitation_id where r.member_id = $1`,
      [person],
    );
    expect(granted).toEqual({ holder_name: 'Lê Thị Hội', granted_by: officer, code });
    const [audit] = await db.query<{ actor_member_id: string; details: Record<string, unknown> }>(`select actor_member_id, details from audit_log where action = 'role.granted' and subject_id = $1`, [person]);
    expect(audit).toMatchObject({ actor_member_id: person, details: { role: 'council', by: 'invitation', code, invitedBy: officer } });
    expect((await notices(officer)).map((n) => n.payload)).toContainEqual({
      notice: 'invitation_answered',
      args: { answer: 'accepted', code, name: 'Lê Thị Hội', role: 'council' },
    });
    expect(await menus(person)).toEqual([{ chat_id: await telegramOf(person), status: 'pending', urgent: true, payload: { menu: { roles: [{ role: 'council', unitId: null }] } } }]);

    // used twice: by the same person, and by someone else
    expect(await effect(person, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'used_by_you' });
    const other = await member();
    expect(await lookup(other, { kind: 'invitation', code })).toEqual({ status: 'used' });
    expect(await effect(other, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'used' });
    expect(await roles(other)).toEqual([]);
  });

  it('answers a mistyped or unknown code alike, refuses the officer their own invitation and one whose officer was revoked', async () => {
    const person = await member();
    expect(await lookup(person, { kind: 'invitation', code: '22222222' })).toEqual({ status: 'not_found' });
    expect(await lookup(person, { kind: 'invitation', code: 'not a code at all' })).toEqual({ status: 'not_found' });
    expect(await effect(person, { type: 'invite_accept', code: '' })).toEqual({ type: 'invite_accept', status: 'not_found' });
    const code = await codeOf(officer, { role: 'council' });
    expect(await effect(officer, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'own' });
    const gone = await member({ role: 'officer' });
    const stale = await codeOf(gone, { role: 'council' });
    await db.query(`update member_roles set revoked_at = now() where member_id = $1`, [gone]);
    expect(await effect(person, { type: 'invite_accept', code: stale })).toEqual({ type: 'invite_accept', status: 'withdrawn' });
    expect(await roles(person)).toEqual([]);
  });

  it('lets an invitation expire on the bot clock (CLOCK_OFFSET)', async () => {
    const code = await codeOf(officer, { role: 'council' });
    const person = await member();
    try {
      await db.query(`select bot_set_clock_offset(interval '7 days 1 minute')`);
      expect(await lookup(person, { kind: 'invitation', code })).toEqual({ status: 'expired' });
      expect(await effect(person, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'expired' });
      expect(await effect(person, { type: 'invite_decline', code })).toEqual({ type: 'invite_decline', status: 'expired' });
      await db.query(`select bot_set_clock_offset(interval '6 days 23 hours')`);
      expect(await lookup(person, { kind: 'invitation', code })).toMatchObject({ status: 'open' });
    } finally {
      await db.query(`select bot_set_clock_offset(interval '0')`);
    }
    expect(await roles(person)).toEqual([]);
  });

  it("refuses another ward's code", async () => {
    const [ward] = await db.query<{ id: string }>(`insert into wards (code, name, receipt_prefix) values ('dong-da', 'Phường Đống Đa', 'DD') returning id`);
    const theirs = await member({ role: 'officer', ward: ward!.id });
    const code = await codeOf(theirs, { role: 'council' });
    const person = await member();
    expect(await lookup(person, { kind: 'invitation', code })).toEqual({ status: 'other_ward' });
    expect(await effect(person, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'other_ward' });
    expect(await roles(person)).toEqual([]);
    // and an officer lists and revokes only in their own ward
    const [role] = await db.query<{ id: string }>(`select id from member_roles where member_id = $1`, [theirs]);
    expect(await effect(officer, { type: 'role_revoke', roleId: role!.id })).toEqual({ type: 'role_revoke', status: 'not_found' });
  });

  it('takes a decline: the invitation is closed, the officer told, nothing granted', async () => {
    const code = await codeOf(officer, { role: 'leader', unit: TDP2, name: 'Phạm Văn Từ' });
    const person = await member();
    expect(await effect(person, { type: 'invite_decline', code })).toMatchObject({ type: 'invite_decline', status: 'declined', role: 'leader', unitName: 'Tổ dân phố 2', notified: 1 });
    expect(await effect(person, { type: 'invite_accept', code })).toEqual({ type: 'invite_accept', status: 'declined' });
    expect(await lookup(await member(), { kind: 'invitation', code })).toEqual({ status: 'declined' });
    expect(await roles(person)).toEqual([]);
    expect((await notices(officer)).map((n) => n.payload.args)).toContainEqual(expect.objectContaining({ answer: 'declined', code }));
    const [audit] = await db.query<{ actor_member_id: string }>(`select actor_member_id from audit_log where action = 'invitation.declined' and details ->> 'code' = $1`, [code]);
    expect(audit!.actor_member_id).toBe(person);
  });

  it('keeps one leader per unit unless the invitation allows a second; of two leaders accepting at once, one wins', async () => {
    const first = await member();
    expect(await effect(first, { type: 'invite_accept', code: await codeOf(officer, { role: 'leader', unit: TDP3 }) })).toMatchObject({ status: 'accepted' });
    expect(await lookup(officer, { kind: 'unit_leaders' })).toMatchObject({ status: 'ok', leaders: expect.arrayContaining([expect.objectContaining({ unitId: TDP3 })]) });

    const refused = await codeOf(officer, { role: 'leader', unit: TDP3 });
    const second = await member();
    expect(await lookup(second, { kind: 'invitation', code: refused })).toMatchObject({ status: 'unit_has_leader' });
    expect(await effect(second, { type: 'invite_accept', code: refused })).toEqual({ type: 'invite_accept', status: 'unit_has_leader' });
    expect(await roles(second)).toEqual([]);
    const allowed = await codeOf(officer, { role: 'leader', unit: TDP3, allowSecond: true });
    expect(await effect(second, { type: 'invite_accept', code: allowed })).toMatchObject({ status: 'accepted' });
    expect(await roles(second)).toEqual([{ role: 'leader', unit_id: TDP3 }]);

    const [a, b] = [await member(), await member()];
    const [ca, cb] = [await codeOf(officer, { role: 'leader', unit: TDP4 }), await codeOf(officer, { role: 'leader', unit: TDP4 })];
    const results = await Promise.all([effect(a, { type: 'invite_accept', code: ca }), effect(b, { type: 'invite_accept', code: cb })]);
    expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'unit_has_leader']);
    const [leaders] = await db.query<{ n: number }>(`select count(*)::int as n from member_roles where unit_id = $1 and revoked_at is null`, [TDP4]);
    expect(leaders!.n).toBe(1);
  });

  it('revokes a role: the person is told, their menu reset, the change audited; twice is "already"', async () => {
    const leader = await member();
    await effect(leader, { type: 'invite_accept', code: await codeOf(officer, { role: 'leader', unit: TDP5, allowSecond: true, name: 'Đỗ Văn Năm' }) });
    const [row] = await db.query<{ id: string }>(`select id from member_roles where member_id = $1 and revoked_at is null`, [leader]);
    const revoked = await effect(officer, { type: 'role_revoke', roleId: row!.id });
    expect(revoked).toMatchObject({ type: 'role_revoke', status: 'revoked', role: 'leader', unitName: 'Tổ dân phố 5', holderName: 'Đỗ Văn Năm', self: false, notified: 2 });
    expect(await roles(leader)).toEqual([]);
    const [r] = await db.query<{ revoked_by: string }>('select revoked_by from member_roles where id = $1', [row!.id]);
    expect(r!.revoked_by).toBe(officer);
    expect((await notices(leader)).map((n) => n.payload)).toEqual([{ notice: 'role_revoked', args: { role: 'leader', unitId: TDP5, unitName: 'Tổ dân phố 5', unitKind: 'to_dan_pho' } }]);
    // the menu granted with the role was not sent yet: the one with no role supersedes it
    expect((await menus(leader)).map((m) => [m.status, m.payload.menu.roles.length])).toEqual([
      ['skipped', 1],
      ['pending', 0],
    ]);
    const [audit] = await db.query<{ actor_member_id: string; details: Record<string, unknown> }>(`select actor_member_id, details from audit_log where action = 'role.revoked' and subject_id = $1`, [leader]);
    expect(audit).toEqual({ actor_member_id: officer, details: { role: 'leader', unit: TDP5, roleId: row!.id } });
    expect(await effect(officer, { type: 'role_revoke', roleId: row!.id })).toMatchObject({ status: 'already' });
    expect(await effect(officer, { type: 'role_revoke', roleId: crypto.randomUUID() })).toEqual({ type: 'role_revoke', status: 'not_found' });
  });

  it('never leaves the ward without an officer: not by revoking one\'s own last role, not by two officers revoking each other at once', async () => {
    // the ward's officers so far: the first one and any a test left; keep exactly two
    await db.query(`update member_roles set revoked_at = now() where role = 'officer' and ward_id = $1 and member_id <> $2 and revoked_at is null`, [WARD, officer]);
    const other = await member({ role: 'officer' });
    const roleOf = async (id: string) => (await db.query<{ id: string }>(`select id from member_roles where member_id = $1 and role = 'officer' and revoked_at is null`, [id]))[0]!.id;
    const [mine, theirs] = [await roleOf(officer), await roleOf(other)];
    const both = await Promise.all([effect(officer, { type: 'role_revoke', roleId: theirs }), effect(other, { type: 'role_revoke', roleId: mine })]);
    expect(both.map((r) => r.status).sort()).toEqual(['forbidden', 'revoked']);
    const [left] = await db.query<{ member_id: string; id: string }>(`select member_id, id from member_roles where role = 'officer' and ward_id = $1 and revoked_at is null`, [WARD]);
    expect(await db.query(`select 1 from member_roles where role = 'officer' and ward_id = $1 and revoked_at is null`, [WARD])).toHaveLength(1);
    expect(await effect(left!.member_id, { type: 'role_revoke', roleId: left!.id })).toEqual({ type: 'role_revoke', status: 'last_officer' });
    // the winner may hand over: invite another officer, then revoke their own role
    const next = await member();
    expect(await effect(next, { type: 'invite_accept', code: await codeOf(left!.member_id, { role: 'officer' }) })).toMatchObject({ status: 'accepted' });
    expect(await effect(left!.member_id, { type: 'role_revoke', roleId: left!.id })).toMatchObject({ status: 'revoked', self: true });
    officer = next;
  });

  it('lists the people with roles a page at a time: officers, council, then leaders by unit; the asker marked', async () => {
    const page0 = await lookup(officer, { kind: 'role_holders', page: 0, size: 3 });
    expect(page0).toMatchObject({ status: 'ok', page: 0, size: 3 });
    const total = page0.total as number;
    const all: { role: string; unitName?: string; self: boolean; roleId: string }[] = [];
    for (let page = 0; page * 3 < total; page++) all.push(...((await lookup(officer, { kind: 'role_holders', page, size: 3 })).holders as typeof all));
    expect(all).toHaveLength(total);
    expect(new Set(all.map((h) => h.roleId)).size).toBe(total);
    const order = all.map((h) => h.role);
    expect(order).toEqual([...order].sort((x, y) => ['officer', 'council', 'leader'].indexOf(x) - ['officer', 'council', 'leader'].indexOf(y)));
    expect(all.filter((h) => h.self)).toEqual([expect.objectContaining({ role: 'officer' })]);
    const leaders = all.filter((h) => h.role === 'leader').map((h) => h.unitName);
    expect(leaders).toEqual([...leaders].sort());
    // a page past the end shows the last one
    expect(await lookup(officer, { kind: 'role_holders', page: 999, size: 3 })).toMatchObject({ page: Math.floor((total - 1) / 3) });
  });

  it('queues the menu of officers named by configuration once, and moves roles with an identity when accounts are linked', async () => {
    expect(await db.rpc('bot_admins_ensure', { p_ward_code: 'thang-loi', p_identities: [{ channel: 'telegram', externalId: '990001' }] })).toBe(1);
    const [admin] = await db.query<{ member_id: string }>(`select member_id from member_identities where channel = 'telegram' and external_id = '990001'`);
    expect(await menus(admin!.member_id)).toEqual([{ chat_id: '990001', status: 'pending', urgent: true, payload: { menu: { roles: [{ role: 'officer', unitId: null }] } } }]);
    expect(await db.rpc('bot_admins_ensure', { p_ward_code: 'thang-loi', p_identities: [{ channel: 'telegram', externalId: '990001' }] })).toBe(0);
    expect(await menus(admin!.member_id)).toHaveLength(1);
    // Telegram refused it (no chat with them yet): their first chat with the bot queues it again
    await db.query(`update outbox set status = 'failed', attempts = 1, last_error = '400 chat not found' where member_id = $1 and kind = 'menu'`, [admin!.member_id]);
    await db.query(`insert into conversations (channel, chat_id, member_id) values ('telegram', '990001', $1)`, [admin!.member_id]);
    expect((await menus(admin!.member_id)).map((m) => m.status)).toEqual(['pending']);

    // a council member on Zalo links their Telegram identity: the role stays theirs, and their Telegram chat gets the menu
    const [zm] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', 'z-linked', $1, 'z-linked')`, [zm!.id]);
    await effect(zm!.id, { type: 'invite_accept', code: await codeOf(officer, { role: 'council' }) });
    const tgMember = await member();
    const tgChat = await telegramOf(tgMember);
    await db.query('select link_merge_members($1, $2)', [zm!.id, tgMember]);
    expect(await roles(tgMember)).toEqual([{ role: 'council', unit_id: null }]);
    expect((await menus(tgMember)).map((m) => [m.chat_id, m.payload.menu.roles])).toEqual([[tgChat, [{ role: 'council', unitId: null }]]]);
    const [moved] = await db.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'role.moved' and subject_id = $1`, [tgMember]);
    expect(moved!.details).toMatchObject({ from: zm!.id, by: 'account_link' });
  });

  it('sets every role holder\'s menu again once per new version of the commands, whatever the processes', async () => {
    const [holders] = await db.query<{ n: number }>(`
      select count(distinct r.member_id)::int as n from member_roles r join member_identities i on i.member_id = r.member_id and i.channel = 'telegram'
       where r.revoked_at is null`);
    expect(await db.rpc('bot_role_menus_refresh', { p_version: 'v1' })).toBe(holders!.n);
    expect(await db.rpc('bot_role_menus_refresh', { p_version: 'v1' })).toBe(0);
    expect(await db.rpc('bot_role_menus_refresh', { p_version: 'v2' })).toBe(holders!.n);
    // only the newest of a chat's menus waits to be sent
    const [waiting] = await db.query<{ chats: number; rows: number }>(`select count(distinct chat_id)::int as chats, count(*)::int as rows from outbox where kind = 'menu' and status = 'pending'`);
    expect(waiting!.rows).toBe(waiting!.chats);
  });

  it('gives anon and authenticated nothing: no function of this part runs for them', async () => {
    const grants = await db.query<{ fn: string; anon: boolean; auth: boolean; service: boolean }>(`
      select p.proname as fn, has_function_privilege('anon', p.oid, 'execute') as anon,
             has_function_privilege('authenticated', p.oid, 'execute') as auth, has_function_privilege('service_role', p.oid, 'execute') as service
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname in ('fx_invite_create', 'fx_invite_accept', 'fx_invite_decline', 'fx_role_revoke', 'lookup_invitation',
                                                    'lookup_unit_leaders', 'lookup_role_holders', 'role_menu_queue', 'invitation_new_code', 'invitation_status',
                                                    'bot_role_menus_refresh')`);
    expect(grants).toHaveLength(11);
    // the start-up refresh is the one the bot calls itself; everything else runs inside the turn's entry points
    expect(grants.filter((g) => g.anon || g.auth || (g.service && g.fn !== 'bot_role_menus_refresh'))).toEqual([]);
    expect(grants.find((g) => g.fn === 'bot_role_menus_refresh')).toMatchObject({ anon: false, auth: false, service: true });
  });
});
