// Account linking in the database, two people at a time: a code made in one app (link_create) and
// typed in the other (link_redeem) only files a request; the code's owner is asked in their own
// chat (an outbox row, and the question on that chat's screen) and only their yes (link_confirm)
// merges, into the owner's member, with the owner's roles and never more. A no (link_decline),
// an expired request, a withdrawn code, another ward, or a typist holding a role the owner lacks
// merge nothing. Failed answers are limited per code, per member and for everyone per hour, and
// all look alike. anon reads nothing and cannot call the internals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuestion } from '../../src/conversation/capabilities/linking/question.js';
import type { Channel } from '../../src/conversation/contract.js';
import { formatLinkCode, LINK_CODE_ALPHABET } from '../../src/domain/link-code.js';
import { loadedTurnSchema, saveResultSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

type Loaded = ReturnType<typeof loadedTurnSchema.parse>;
type Result = Record<string, unknown> & { type: string; status?: string };

const CODE = /^[2-9A-HJKMNP-Z]{8}$/;
const notice = (key: string, app: string) => [{ kind: 'text', text: [{ key, params: { app } }] }];
const appOf = (channel: string) => (channel === 'telegram' ? 'Telegram' : 'Zalo');

describe.each(databaseBackends())('account linking on %s', (kind) => {
  let db: TestDatabase;
  let events = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  async function load(channel: string, user: string, ward = 'thang-loi'): Promise<Loaded> {
    const raw = await db.rpc('bot_turn_load', {
      p_channel: channel,
      p_scope: '',
      p_chat_id: `chat-${user}`,
      p_user_id: user,
      p_locale_hint: null,
      p_event_id: `ev-${++events}`,
      p_input: '',
      p_catalog_versions: null,
      p_default_ward: ward,
      p_delivered: [],
    });
    return loadedTurnSchema.parse(raw);
  }

  async function save(channel: string, turn: Loaded, effect: unknown) {
    const raw = await db.rpc('bot_turn_save', {
      p_conversation_id: turn.conversation.id,
      p_version: turn.conversation.version,
      p_state: turn.conversation.state,
      p_channel: channel,
      p_scope: '',
      p_event_id: `ev-${++events}`,
      p_member_id: turn.member.id,
      p_effect: effect,
      p_reply: null,
      p_owner: 'test',
      p_delivered: [],
    });
    return saveResultSchema.parse(raw);
  }

  /** One turn with an effect, by the person behind `user` on `channel`; returns the effect's result. */
  async function effect(channel: string, user: string, value: unknown | ((turn: Loaded) => unknown)): Promise<Result> {
    const turn = await load(channel, user);
    const saved = await save(channel, turn, typeof value === 'function' ? (value as (t: Loaded) => unknown)(turn) : value);
    if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
    return saved.effect as Result;
  }

  const create = async (channel: string, user: string) => {
    const r = await effect(channel, user, { type: 'link_create' });
    if (r.status !== 'created') throw new Error(`no code: ${JSON.stringify(r)}`);
    return r.code as string;
  };
  const redeem = (channel: Channel, user: string, code: string, name: string | null = null) =>
    effect(channel, user, { type: 'link_redeem', code, ask: ownerQuestion(channel, name) });
  const tokenOf = (turn: Loaded) => (turn.conversation.state.view as { token?: string } | undefined)?.token ?? '';
  /** The owner's answer to the question on their screen: link_confirm or link_decline. */
  const answer = (channel: string, user: string, type: 'link_confirm' | 'link_decline') =>
    effect(channel, user, (turn: Loaded) => ({
      type,
      token: tokenOf(turn),
      notice: notice(type === 'link_confirm' ? 'link.linkedNotice' : 'link.declinedNotice', appOf(channel)),
    }));
  const memberOf = async (channel: string, user: string) => (await load(channel, user)).member;
  const outboxTo = (user: string) =>
    db.query<{ channel: string; chat_id: string; urgent: boolean; payload: { messages: Record<string, unknown>[] }; dedupe_key: string }>(
      `select channel, chat_id, urgent, payload, dedupe_key from outbox where chat_id = $1 order by id`,
      [`chat-${user}`],
    );
  const grant = (memberId: string, role: string, unitId: string | null = null) =>
    db.query(`insert into member_roles (member_id, ward_id, role, unit_id) select id, ward_id, $2, $3 from members where id = $1`, [memberId, role, unitId]);
  const liveRoles = (memberId: string) =>
    db.query<{ role: string; unit_id: string | null }>(`select role, unit_id from member_roles where member_id = $1 and revoked_at is null order by role`, [memberId]);

  it('draws codes from the whole alphabet, and nothing else', async () => {
    const rows = await db.query<{ c: string }>('select link_new_code() as c from generate_series(1, 300)');
    const codes = rows.map((r) => r.c);
    expect(codes.every((c) => CODE.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(300);
    expect([...new Set(codes.join(''))].sort().join('')).toBe(LINK_CODE_ALPHABET);
  });

  it('asks the code’s owner in their own chat and merges only after their yes; both chats are told', async () => {
    const tg = await memberOf('telegram', 'tg-an');
    await effect('telegram', 'tg-an', { type: 'set_locale', locale: 'en' });
    const zalo = await memberOf('zalo', 'za-an');
    const [nom] = await db.query<{ id: string }>(
      `insert into nominations (ward_id, campaign_id, kind, category_id, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
       select c.ward_id, c.id, cat.kind, cat.id, u.id, 'Nguyen Van Linh', 'Giup ba con lam duong be tong nam 2025.', $1, gen_random_uuid(), 'TL-9001'
         from campaigns c join categories cat on cat.template_id = c.template_id and cat.kind = 'individual'
         join units u on u.ward_id = c.ward_id
        limit 1
       returning id`,
      [zalo.id],
    );
    const code = await create('telegram', 'tg-an');
    expect(code).toMatch(CODE);

    // Typed on Zalo in lower case with the dash: a request, nothing merged yet.
    const typed = formatLinkCode(code).toLowerCase();
    expect(await redeem('zalo', 'za-an', typed, 'An Nguyễn')).toEqual({ type: 'link_redeem', status: 'pending', channel: 'telegram', minutes: 10, notified: 1 });
    expect((await memberOf('zalo', 'za-an')).id).toBe(zalo.id);
    expect((await memberOf('telegram', 'tg-an')).id).toBe(tg.id);

    // The owner's chat got the question (urgent), and its screen shows it under the same token.
    const owner = await load('telegram', 'tg-an');
    const token = tokenOf(owner);
    expect(token).toMatch(/^linkask\.\d+$/);
    expect(owner.conversation.state.view).toEqual({ token, values: [] });
    const [ask] = await outboxTo('tg-an');
    expect(ask).toMatchObject({ channel: 'telegram', urgent: true });
    expect(ask!.payload.messages[0]).toMatchObject({
      kind: 'choices',
      token,
      text: [{ key: 'link.ask', params: { app: 'Zalo', name: 'An Nguyễn' } }, { key: 'link.askExplain' }],
      actions: [{ value: 'confirm' }, { value: 'decline' }],
    });

    // The owner says yes: the Zalo identity joins the Telegram member.
    expect(await answer('telegram', 'tg-an', 'link_confirm')).toEqual({ type: 'link_confirm', status: 'linked', channel: 'zalo', notified: 1 });
    const after = await memberOf('zalo', 'za-an');
    expect(after.id).toBe(tg.id);
    expect(after.locale).toBe('en');
    expect(after.roles).toEqual([]);
    const [n] = await db.query<{ nominator_id: string }>('select nominator_id from nominations where id = $1', [nom!.id]);
    expect(n!.nominator_id).toBe(tg.id);
    expect(await db.query('select 1 from members where id = $1', [zalo.id])).toHaveLength(0);
    const mine = await effect('zalo', 'za-an', { type: 'mine' });
    expect(mine).toMatchObject({ type: 'mine', nominations: [{ code: 'TL-9001' }] });

    // The Zalo chat is told too (the reply went to the Telegram chat, which answered).
    const toZalo = await outboxTo('za-an');
    expect(toZalo).toHaveLength(1);
    expect(toZalo[0]).toMatchObject({ channel: 'zalo', urgent: true, payload: { messages: notice('link.linkedNotice', 'Telegram') } });
    const [audit] = await db.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'member.linked' and actor_member_id = $1`, [tg.id]);
    expect(audit!.details).toMatchObject({ from_channel: 'telegram', to_channel: 'zalo', merged_member_id: zalo.id });

    // The code is spent, and the question answered.
    expect(await redeem('zalo', 'za-someone', code)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await answer('telegram', 'tg-an', 'link_confirm')).toEqual({ type: 'link_confirm', status: 'gone' });
  });

  it('refuses the owner’s turn computed before the question arrived (it runs again on the new screen)', async () => {
    const code = await create('telegram', 'tg-stale');
    const before = await load('telegram', 'tg-stale');
    expect(await redeem('zalo', 'za-stale', code)).toMatchObject({ status: 'pending' });
    expect(await save('telegram', before, null)).toEqual({ ok: false, reason: 'stale' });
  });

  it('declines: nothing merges, the code is spent and the chat that typed it is told', async () => {
    const tg = await memberOf('telegram', 'tg-binh');
    const zalo = await memberOf('zalo', 'za-binh');
    const code = await create('telegram', 'tg-binh');
    expect(await redeem('zalo', 'za-binh', code)).toMatchObject({ status: 'pending' });
    expect(await answer('telegram', 'tg-binh', 'link_decline')).toEqual({ type: 'link_decline', status: 'declined', channel: 'zalo', notified: 1 });
    expect((await memberOf('zalo', 'za-binh')).id).toBe(zalo.id);
    expect((await memberOf('telegram', 'tg-binh')).id).toBe(tg.id);
    expect(await outboxTo('za-binh')).toEqual([expect.objectContaining({ channel: 'zalo', payload: { messages: notice('link.declinedNotice', 'Telegram') } })]);
    // A yes after the no does nothing; the code cannot be used again.
    expect(await answer('telegram', 'tg-binh', 'link_confirm')).toMatchObject({ status: 'gone' });
    expect(await redeem('zalo', 'za-binh', code)).toEqual({ type: 'link_redeem', status: 'refused' });
  });

  it('lets a request expire with its code, on the bot’s clock', async () => {
    const tg = await memberOf('telegram', 'tg-chi');
    const code = await create('telegram', 'tg-chi');
    expect(await redeem('zalo', 'za-chi', code)).toMatchObject({ status: 'pending', minutes: 10 });
    const late = await create('telegram', 'tg-chi-2');
    await db.rpc('bot_set_clock_offset', { p_offset: '11 minutes' });
    try {
      expect(await answer('telegram', 'tg-chi', 'link_confirm')).toEqual({ type: 'link_confirm', status: 'expired' });
      expect((await memberOf('zalo', 'za-chi')).id).not.toBe(tg.id);
      // An expired code gets the same answer as a wrong one.
      expect(await redeem('zalo', 'za-chi-2', late)).toEqual({ type: 'link_redeem', status: 'refused' });
    } finally {
      await db.rpc('bot_set_clock_offset', { p_offset: '0' });
    }
  });

  it('gives a resident who types an officer’s code neither the officer’s account nor the role: only the officer’s yes does anything', async () => {
    const officer = await memberOf('telegram', 'tg-officer');
    await grant(officer.id, 'officer');
    const resident = await memberOf('zalo', 'za-resident');
    const code = await create('telegram', 'tg-officer');

    expect(await redeem('zalo', 'za-resident', code, 'Cán bộ Hùng')).toMatchObject({ status: 'pending' });
    const waiting = await memberOf('zalo', 'za-resident');
    expect(waiting.id).toBe(resident.id);
    expect(waiting.roles).toEqual([]);

    // The resident cannot answer the officer's question: not from their own chat, not with its token.
    const officerToken = tokenOf(await load('telegram', 'tg-officer'));
    for (const token of [officerToken, 'linkask.1', 'linkask.2']) {
      expect(await effect('zalo', 'za-resident', { type: 'link_confirm', token, notice: [] })).toEqual({ type: 'link_confirm', status: 'gone' });
    }
    expect((await memberOf('zalo', 'za-resident')).roles).toEqual([]);

    // The officer sees who asks, and says no: everything stays as it was.
    const [ask] = await outboxTo('tg-officer');
    expect(ask!.payload.messages[0]).toMatchObject({ text: [{ key: 'link.ask', params: { app: 'Zalo', name: 'Cán bộ Hùng' } }, { key: 'link.askExplain' }] });
    expect(await answer('telegram', 'tg-officer', 'link_decline')).toMatchObject({ status: 'declined' });
    const after = await memberOf('zalo', 'za-resident');
    expect(after.id).toBe(resident.id);
    expect(after.roles).toEqual([]);
    expect((await memberOf('telegram', 'tg-officer')).roles).toEqual([{ role: 'officer', unitId: null }]);
  });

  it('never raises a role: a role holder cannot be joined into an account without it; two officers join with one role', async () => {
    // An officer typing a resident's code: refused like a wrong code, and the resident is not asked.
    const resident = await memberOf('telegram', 'tg-res2');
    const officer = await memberOf('zalo', 'za-off2');
    await grant(officer.id, 'officer');
    const residentCode = await create('telegram', 'tg-res2');
    expect(await redeem('zalo', 'za-off2', residentCode)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await outboxTo('tg-res2')).toEqual([]);
    expect(tokenOf(await load('telegram', 'tg-res2'))).not.toMatch(/^linkask/);
    expect(await effect('telegram', 'tg-res2', { type: 'link_confirm', token: 'linkask.1', notice: [] })).toMatchObject({ status: 'gone' });
    expect((await memberOf('telegram', 'tg-res2')).roles).toEqual([]);
    expect((await memberOf('telegram', 'tg-res2')).id).toBe(resident.id);

    // A leader typing an officer's code: the officer does not lead that unit, so refused too.
    const [unit] = await db.query<{ id: string }>(`select u.id from units u join wards w on w.id = u.ward_id where w.code = 'thang-loi' limit 1`);
    const leader = await memberOf('zalo', 'za-leader');
    await grant(leader.id, 'leader', unit!.id);
    const boss = await memberOf('telegram', 'tg-boss');
    await grant(boss.id, 'officer');
    expect(await redeem('zalo', 'za-leader', await create('telegram', 'tg-boss'))).toEqual({ type: 'link_redeem', status: 'refused' });

    // The same officer on both apps: linked, holding the one role once.
    const tgOfficer = await memberOf('telegram', 'tg-off3');
    const zaOfficer = await memberOf('zalo', 'za-off3');
    await grant(tgOfficer.id, 'officer');
    await grant(zaOfficer.id, 'officer');
    const rolesBefore = await db.query<{ n: number }>(`select count(*)::int as n from member_roles where revoked_at is null`);
    expect(await redeem('zalo', 'za-off3', await create('telegram', 'tg-off3'))).toMatchObject({ status: 'pending' });
    expect(await answer('telegram', 'tg-off3', 'link_confirm')).toMatchObject({ status: 'linked' });
    expect((await memberOf('zalo', 'za-off3')).id).toBe(tgOfficer.id);
    expect(await liveRoles(tgOfficer.id)).toEqual([{ role: 'officer', unit_id: null }]);
    const rolesAfter = await db.query<{ n: number }>(`select count(*)::int as n from member_roles where revoked_at is null`);
    expect(rolesAfter[0]!.n).toBe(rolesBefore[0]!.n - 1);

    // A resident's other app joined into an officer's account gets the officer's roles and no more.
    const off = await memberOf('telegram', 'tg-off4');
    await grant(off.id, 'officer');
    expect(await redeem('zalo', 'za-off4', await create('telegram', 'tg-off4'))).toMatchObject({ status: 'pending' });
    expect(await answer('telegram', 'tg-off4', 'link_confirm')).toMatchObject({ status: 'linked' });
    expect(await liveRoles(off.id)).toEqual([{ role: 'officer', unit_id: null }]);
  });

  it('refuses a link across wards, with the same answer as a wrong code', async () => {
    await db.query(`insert into wards (code, name, receipt_prefix) values ('hoa-binh', 'Phường Hòa Bình', 'HB')`);
    const other = await load('zalo', 'za-hoabinh', 'hoa-binh');
    const here = await memberOf('telegram', 'tg-thangloi');
    expect(other.member.wardId).not.toBe(here.wardId);
    const code = await create('telegram', 'tg-thangloi');
    expect(await redeem('zalo', 'za-hoabinh', code)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await outboxTo('tg-thangloi')).toEqual([]);
  });

  it('tells a person their own code apart, and answers the same typist again while their request waits', async () => {
    const code = await create('zalo', 'za-dung');
    expect(await redeem('zalo', 'za-dung', code)).toEqual({ type: 'link_redeem', status: 'own' });
    // Someone else's code typed in the app that made it: like a wrong code.
    expect(await redeem('zalo', 'za-other', code)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await redeem('telegram', 'tg-dung', code)).toMatchObject({ status: 'pending', notified: 1 });
    expect(await redeem('telegram', 'tg-dung', code)).toMatchObject({ status: 'pending', notified: 0 });
    expect(await outboxTo('za-dung')).toHaveLength(1);
    expect(await answer('zalo', 'za-dung', 'link_confirm')).toMatchObject({ status: 'linked', channel: 'telegram' });
    // Now in both apps: no new code, and the old one is "already linked".
    expect(await effect('telegram', 'tg-dung', { type: 'link_create' })).toEqual({ type: 'link_create', status: 'already_linked' });
    expect(await redeem('telegram', 'tg-dung', code)).toEqual({ type: 'link_redeem', status: 'already_linked' });
  });

  it('withdraws a member’s older code, and the request waiting on it, when they ask for a new one', async () => {
    const first = await create('telegram', 'tg-giang');
    expect(await redeem('zalo', 'za-giang', first)).toMatchObject({ status: 'pending' });
    const second = await create('telegram', 'tg-giang');
    expect(second).not.toBe(first);
    expect(await effect('telegram', 'tg-giang', { type: 'link_confirm', token: 'linkask.1', notice: [] })).toMatchObject({ status: 'gone' });
    expect(await redeem('zalo', 'za-giang-2', first)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await redeem('zalo', 'za-giang', second)).toMatchObject({ status: 'pending' });
  });

  it('stops using a code after 3 failed answers that named it', async () => {
    const code = await create('telegram', 'tg-hai');
    for (const user of ['tg-x1', 'tg-x2', 'tg-x3']) expect(await redeem('telegram', user, code)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await redeem('zalo', 'za-hai', code)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await outboxTo('tg-hai')).toEqual([]);
  });

  it('stops a member after 5 failed answers in an hour, even for a right code', async () => {
    const code = await create('telegram', 'tg-khanh');
    const wrong = code === '22222222' ? '33333333' : '22222222';
    for (let i = 0; i < 5; i++) expect(await redeem('zalo', 'za-guess', wrong)).toEqual({ type: 'link_redeem', status: 'refused' });
    expect(await redeem('zalo', 'za-guess', code)).toEqual({ type: 'link_redeem', status: 'rate_limited' });
    expect(await outboxTo('tg-khanh')).toEqual([]);
    // The hour passes.
    await db.query(`update account_link_attempts set at = at - interval '61 minutes' where member_id = $1`, [(await memberOf('zalo', 'za-guess')).id]);
    expect(await redeem('zalo', 'za-guess', code)).toMatchObject({ status: 'pending' });
  });

  it('keeps one endorsement when both accounts endorsed, and drops one on the person’s own nomination', async () => {
    const a = await memberOf('telegram', 'tg-lan');
    const b = await memberOf('zalo', 'za-lan');
    const nominator = await memberOf('telegram', 'tg-nominator');
    const insert = (by: string, code: string) =>
      db.query<{ id: string }>(
        `insert into nominations (ward_id, campaign_id, kind, category_id, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
         select c.ward_id, c.id, cat.kind, cat.id, u.id, 'Tran Thi ' || $2, 'Giup ba con lam duong be tong nam 2025.', $1, gen_random_uuid(), $2
           from campaigns c join categories cat on cat.template_id = c.template_id and cat.kind = 'individual'
           join units u on u.ward_id = c.ward_id
          limit 1
         returning id`,
        [by, code],
      );
    const [other] = await insert(nominator.id, 'TL-9101');
    const [ofA] = await insert(a.id, 'TL-9102');
    await db.query('insert into endorsements (nomination_id, member_id) values ($1, $2), ($1, $3), ($4, $3)', [other!.id, a.id, b.id, ofA!.id]);
    expect(await redeem('zalo', 'za-lan', await create('telegram', 'tg-lan'))).toMatchObject({ status: 'pending' });
    expect(await answer('telegram', 'tg-lan', 'link_confirm')).toMatchObject({ status: 'linked' });
    const rows = await db.query<{ nomination_id: string }>('select nomination_id from endorsements where member_id = $1', [a.id]);
    expect(rows.map((r) => r.nomination_id)).toEqual([other!.id]);
  });

  it('links two accounts that were both shown the privacy notice and both gave consent, keeping the owner’s record once', async () => {
    const a = await memberOf('telegram', 'tg-hoa');
    const b = await memberOf('zalo', 'za-hoa');
    for (const m of [a, b]) {
      await db.query(`select record_member_consent($1, 'privacy_notice', 'v-test')`, [m.id]);
      await db.query(`select record_member_consent($1, 'contact', 'v-test')`, [m.id]);
    }
    await db.query(`select record_member_consent($1, 'contact', 'v-older')`, [b.id]);
    expect(await redeem('zalo', 'za-hoa', await create('telegram', 'tg-hoa'))).toMatchObject({ status: 'pending' });
    expect(await answer('telegram', 'tg-hoa', 'link_confirm')).toMatchObject({ status: 'linked' });
    expect((await memberOf('zalo', 'za-hoa')).id).toBe(a.id);
    const consents = await db.query<{ purpose: string; notice_version: string }>(
      `select purpose, notice_version from member_consents where member_id = $1 order by purpose, notice_version`,
      [a.id],
    );
    expect(consents).toEqual([
      { purpose: 'contact', notice_version: 'v-older' },
      { purpose: 'contact', notice_version: 'v-test' },
      { purpose: 'privacy_notice', notice_version: 'v-test' },
    ]);
  });

  it('stops a wrong-code storm from 50 new accounts with the hourly limit for everyone', async () => {
    // Earlier tests' failures are out of the window.
    await db.query(`update account_link_attempts set at = at - interval '2 hours'`);
    const code = await create('telegram', 'tg-victim');
    const wrong = (i: number) => {
      const w = `${'23456789ABCDEFGH'[i % 16]}${'JKMNPQRS'[Math.floor(i / 16) % 8]}WXYZ2${'456789'[i % 6]}`;
      return w === code ? 'ZZZZZZZZ' : w;
    };
    const answers: string[] = [];
    for (let account = 0; account < 50; account++) {
      for (let i = 0; i < 5; i++) answers.push(String((await redeem('zalo', `za-storm-${account}`, wrong(account * 5 + i))).status));
    }
    // 200 answers were judged; after that every try is refused before any code is looked at.
    expect(answers.slice(0, 200).every((s) => s === 'refused')).toBe(true);
    expect(answers.slice(200).every((s) => s === 'rate_limited')).toBe(true);
    expect(answers).toHaveLength(250);
    // A fresh account with the right code is stopped too, and the owner is not bothered.
    expect(await redeem('zalo', 'za-storm-late', code)).toEqual({ type: 'link_redeem', status: 'rate_limited' });
    expect(await outboxTo('tg-victim')).toEqual([]);
    // An hour later linking works again.
    await db.query(`update account_link_attempts set at = at - interval '61 minutes'`);
    expect(await redeem('zalo', 'za-victim', code)).toMatchObject({ status: 'pending' });
  });

  it('gives anon nothing: no rows, no internal functions', async () => {
    const tables = ['account_link_attempts', 'account_link_codes', 'account_link_requests'];
    expect(await db.query(`select relname, relrowsecurity as rls from pg_class where relname = any($1) order by 1`, [tables])).toEqual(
      tables.map((relname) => ({ relname, rls: true })),
    );
    const grants = await db.query<{ fn: string; anon: boolean; service: boolean }>(`
      select p.proname as fn, has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute') as anon,
             has_function_privilege('service_role', p.oid, 'execute') as service
        from pg_proc p where p.proname like 'fx_link%' or p.proname like 'link_%' or p.proname = 'account_link_limits' order by 1`);
    expect(grants.length).toBeGreaterThanOrEqual(12);
    expect(grants.filter((g) => g.anon || g.service)).toEqual([]);
    expect(await db.query(`select 1 from pg_proc where proname in ('merge_members', 'effect_link_redeem', 'effect_link_create')`)).toEqual([]);
    const tablePrivileges = await db.query<{ anon: boolean }>(
      `select bool_or(has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select')) as anon
         from pg_class c where c.relname = any($1)`,
      [tables],
    );
    expect(tablePrivileges).toEqual([{ anon: false }]);
  });
});
