// Account linking in the database: a code made in one app (link_create) and typed in the other
// (link_redeem) inside bot_turn_save points both identities at one member, who keeps the
// nominations, endorsements, language and the higher role; codes expire, are single use and
// wrong codes are rate limited; anon reads nothing and cannot call the internals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResultSchema, saveResultSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('account linking on %s', (kind) => {
  let db: TestDatabase;
  let events = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  async function load(channel: string, user: string) {
    const raw = await db.rpc('bot_turn_load', {
      p_channel: channel,
      p_chat_id: `chat-${user}`,
      p_user_id: user,
      p_locale_hint: null,
      p_event_id: `ev-${++events}`,
      p_input: '',
      p_catalog_versions: null,
      p_default_ward: 'thang-loi',
    });
    return loadResultSchema.parse(raw);
  }

  /** One turn with an effect, by the person behind `user` on `channel`; returns the effect's result. */
  async function effect(channel: string, user: string, value: unknown) {
    const turn = await load(channel, user);
    const raw = await db.rpc('bot_turn_save', {
      p_conversation_id: turn.conversation.id,
      p_version: turn.conversation.version,
      p_state: turn.conversation.state,
      p_channel: channel,
      p_event_id: `ev-${++events}`,
      p_member_id: turn.member.id,
      p_effect: value,
    });
    const saved = saveResultSchema.parse(raw);
    if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
    return saved.effect;
  }

  const create = async (channel: string, user: string) => {
    const r = await effect(channel, user, { type: 'link_create' });
    if (r?.type !== 'link_create') throw new Error('no code');
    return r.code;
  };
  const redeem = (channel: string, user: string, code: string) => effect(channel, user, { type: 'link_redeem', code });
  const memberOf = async (channel: string, user: string) => (await load(channel, user)).member;

  it('links a Zalo identity to the Telegram member: nominations, language and role follow', async () => {
    const tg = await memberOf('telegram', 'tg-an');
    await effect('telegram', 'tg-an', { type: 'set_locale', locale: 'en' });
    const zalo = await memberOf('zalo', 'za-an');
    await db.query(`update members set role = 'leader' where id = $1`, [zalo.id]);
    // A nomination made on Zalo before linking.
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
    expect(code).toMatch(/^\d{6}$/);
    expect(await redeem('zalo', 'za-an', code)).toEqual({ type: 'link_redeem', status: 'linked', locale: 'en' });

    const after = await memberOf('zalo', 'za-an');
    expect(after.id).toBe(tg.id);
    expect(after.locale).toBe('en');
    expect(after.role).toBe('leader');
    expect((await memberOf('telegram', 'tg-an')).id).toBe(tg.id);
    const [n] = await db.query<{ nominator_id: string }>('select nominator_id from nominations where id = $1', [nom!.id]);
    expect(n!.nominator_id).toBe(tg.id);
    expect(await db.query('select 1 from members where id = $1', [zalo.id])).toHaveLength(0);
    const mine = await effect('telegram', 'tg-an', { type: 'mine' });
    expect(mine).toMatchObject({ type: 'mine', nominations: [{ code: 'TL-9001' }] });
    const [audit] = await db.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'member.linked' and actor_member_id = $1`, [tg.id]);
    expect(audit!.details).toMatchObject({ from_channel: 'telegram', to_channel: 'zalo' });
  });

  it('accepts a code once, and not in the app that made it, nor from its own member', async () => {
    const code = await create('zalo', 'za-binh');
    expect(await redeem('zalo', 'za-binh', code)).toEqual({ type: 'link_redeem', status: 'own' });
    expect(await redeem('zalo', 'za-other', code)).toEqual({ type: 'link_redeem', status: 'same_channel' });
    expect(await redeem('telegram', 'tg-binh', code)).toMatchObject({ status: 'linked' });
    expect(await redeem('telegram', 'tg-someone', code)).toEqual({ type: 'link_redeem', status: 'invalid' });
  });

  it('withdraws a member’s older code when they ask for a new one', async () => {
    const first = await create('telegram', 'tg-chi');
    const second = await create('telegram', 'tg-chi');
    expect(await redeem('zalo', 'za-chi', first === second ? '000000x' : first)).toMatchObject({ status: 'invalid' });
    expect(await redeem('zalo', 'za-chi', second)).toMatchObject({ status: 'linked' });
  });

  it('refuses an expired code', async () => {
    const code = await create('telegram', 'tg-dung');
    await db.query(`update account_link_codes set expires_at = now() - interval '1 second' where code = $1 and used_at is null`, [code]);
    expect(await redeem('zalo', 'za-dung', code)).toEqual({ type: 'link_redeem', status: 'expired' });
  });

  it('stops a member after 5 wrong codes in 15 minutes, even for a right one', async () => {
    const code = await create('telegram', 'tg-giang');
    const wrong = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++) expect(await redeem('zalo', 'za-guess', wrong)).toMatchObject({ status: 'invalid' });
    expect(await redeem('zalo', 'za-guess', code)).toEqual({ type: 'link_redeem', status: 'rate_limited' });
    // The window passes.
    await db.query(`update account_link_attempts set at = now() - interval '16 minutes' where member_id = $1`, [(await memberOf('zalo', 'za-guess')).id]);
    expect(await redeem('zalo', 'za-guess', code)).toMatchObject({ status: 'linked' });
  });

  it('keeps one endorsement when both accounts endorsed, and drops one on the person’s own nomination', async () => {
    const a = await memberOf('telegram', 'tg-hai');
    const b = await memberOf('zalo', 'za-hai');
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
    expect(await redeem('zalo', 'za-hai', await create('telegram', 'tg-hai'))).toMatchObject({ status: 'linked' });
    const rows = await db.query<{ nomination_id: string }>('select nomination_id from endorsements where member_id = $1', [a.id]);
    expect(rows.map((r) => r.nomination_id)).toEqual([other!.id]);
  });

  it('gives anon nothing: no rows, no internal functions', async () => {
    expect(await db.query(`select relrowsecurity as rls from pg_class where relname in ('account_link_codes', 'account_link_attempts')`)).toEqual([{ rls: true }, { rls: true }]);
    const grants = await db.query<{ fn: string; anon: boolean; service: boolean }>(`
      select p.proname as fn, has_function_privilege('anon', p.oid, 'execute') as anon, has_function_privilege('service_role', p.oid, 'execute') as service
        from pg_proc p where p.proname in ('effect_link_create', 'effect_link_redeem', 'merge_members', 'bot_turn_save') order by 1`);
    expect(grants).toEqual([
      { fn: 'bot_turn_save', anon: false, service: true },
      { fn: 'effect_link_create', anon: false, service: false },
      { fn: 'effect_link_redeem', anon: false, service: false },
      { fn: 'merge_members', anon: false, service: false },
    ]);
    const tablePrivileges = await db.query<{ anon: boolean }>(`
      select has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select') as anon
        from pg_class c where c.relname in ('account_link_codes', 'account_link_attempts')`);
    expect(tablePrivileges).toEqual([{ anon: false }, { anon: false }]);
  });
});
