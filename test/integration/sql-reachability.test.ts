// bot_member_set_reachable: a block marks the member unreachable, an unblock reachable again,
// the conversation (a draft) is untouched, and only service_role may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemberStore } from '../../src/db/member-store.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('member reachability on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.rpc('bot_turn_load', {
      p_channel: 'telegram', p_scope: '', p_chat_id: '501', p_user_id: '501', p_locale_hint: 'vi',
      p_event_id: 'reach-1', p_input: '', p_catalog_versions: null, p_default_ward: 'thang-loi', p_delivered: []
    });
    await db.query(`update conversations set state = '{"flow":"nomination","step":"deeds","answers":{"name":"A"},"trail":[]}' where chat_id = '501'`);
  });
  afterAll(async () => db?.close());

  const reachable = async () =>
    (await db.query<{ reachable: boolean }>(`select m.reachable from members m join member_identities i on i.member_id = m.id where i.channel = 'telegram' and i.external_id = '501'`))[0]!.reachable;

  it('marks unreachable and back, keeps the draft, and audits each change once', async () => {
    const store = createMemberStore(db.supabase);
    expect(await store.setReachable('telegram', '501', false)).toBe(true);
    expect(await store.setReachable('telegram', '501', false)).toBe(true);
    expect(await reachable()).toBe(false);
    expect(await store.setReachable('telegram', '501', true)).toBe(true);
    expect(await reachable()).toBe(true);
    const audit = await db.query<{ action: string }>(`select action from audit_log where action like 'member.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['member.unreachable', 'member.reachable']);
    const [conv] = await db.query<{ step: string }>(`select state->>'step' as step from conversations where chat_id = '501'`);
    expect(conv!.step).toBe('deeds');
  });

  it('answers false for an unknown identity', async () => {
    expect(await createMemberStore(db.supabase).setReachable('telegram', 'nobody', false)).toBe(false);
  });

  it('is for service_role only', async () => {
    const [p] = await db.query<{ anon: boolean; auth: boolean; service: boolean }>(`
      select has_function_privilege('anon', 'public.bot_member_set_reachable(text, text, boolean)', 'execute') as anon,
             has_function_privilege('authenticated', 'public.bot_member_set_reachable(text, text, boolean)', 'execute') as auth,
             has_function_privilege('service_role', 'public.bot_member_set_reachable(text, text, boolean)', 'execute') as service`);
    expect(p).toEqual({ anon: false, auth: false, service: true });
  });
});
