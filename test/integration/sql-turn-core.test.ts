// The turn's entry points as an open core: effects and lookups dispatch through the bot_handlers
// allow-list (a capability adds a function and a row), the last reply is kept until delivered,
// a chat is one person's, event ids are unique per bot and chat, and old event records go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResultSchema, loadedTurnSchema, saveResultSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('the open turn core on %s', (kind) => {
  let db: TestDatabase;
  let events = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    // What a later migration of a new capability does: a function and a row, nothing else.
    await db.backend.sql!.script(`
      create function public.fx_test_echo(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
      language sql as $$ select jsonb_build_object('type', 'test_echo', 'said', p_effect ->> 'say', 'channel', p_context ->> 'channel',
                                                    'member', p_member.id) $$;
      create function public.lookup_test_numbers(p_member public.members, p_request jsonb, p_input text) returns jsonb
      language sql as $$ select jsonb_build_object('numbers', jsonb_build_array(1, 2, (p_request ->> 'upTo')::int), 'input', p_input) $$;
      insert into public.bot_handlers (kind, name, fn) values
        ('effect', 'test_echo', 'public.fx_test_echo(public.members, jsonb, jsonb)'),
        ('lookup', 'test_numbers', 'public.lookup_test_numbers(public.members, jsonb, text)');`);
  });
  afterAll(async () => db?.close());

  async function rawLoad(o: { user: string; chat?: string; eventId?: string; scope?: string; input?: string; delivered?: unknown[] }) {
    return loadResultSchema.parse(
      await db.rpc('bot_turn_load', {
        p_channel: 'telegram',
        p_scope: o.scope ?? 'bot-1:c',
        p_chat_id: o.chat ?? `chat-${o.user}`,
        p_user_id: o.user,
        p_locale_hint: 'vi',
        p_event_id: o.eventId ?? `ev-${++events}`,
        p_input: o.input ?? '',
        p_catalog_versions: null,
        p_default_ward: 'thang-loi',
        p_delivered: o.delivered ?? [],
      }),
    );
  }
  const load = async (o: Parameters<typeof rawLoad>[0]) => loadedTurnSchema.parse(await rawLoad(o));
  type Loaded = Awaited<ReturnType<typeof load>>;

  async function save(turn: Loaded, o: { eventId: string; scope?: string; effect?: unknown; reply?: unknown; state?: unknown; member?: string; owner?: string }) {
    return saveResultSchema.parse(
      await db.rpc('bot_turn_save', {
        p_conversation_id: turn.conversation.id,
        p_version: turn.conversation.version,
        p_state: o.state ?? turn.conversation.state,
        p_channel: 'telegram',
        p_scope: o.scope ?? 'bot-1:c',
        p_event_id: o.eventId,
        p_member_id: o.member ?? turn.member.id,
        p_effect: o.effect ?? null,
        p_reply: o.reply ?? null,
        p_owner: o.owner ?? 'process-a',
        p_delivered: [],
      }),
    );
  }

  it('runs an effect a later migration registered, in the save transaction, with the turn context', async () => {
    const turn = await load({ user: 'echo' });
    const saved = await save(turn, { eventId: 'echo-1', effect: { type: 'test_echo', say: 'xin chào' } });
    expect(saved).toEqual({ ok: true, version: 1, effect: { type: 'test_echo', said: 'xin chào', channel: 'telegram', member: turn.member.id } });
  });

  it('refuses an effect that is not on the allow-list, writing nothing', async () => {
    const turn = await load({ user: 'rogue' });
    await expect(save(turn, { eventId: 'rogue-1', effect: { type: 'drop_everything' } })).rejects.toThrow(/unknown effect type drop_everything/);
    expect(await db.query(`select 1 from inbound_events where event_id = 'rogue-1'`)).toEqual([]);
  });

  it('answers a registered lookup with the next input at load, and on its own through bot_turn_fetch', async () => {
    const turn = await load({ user: 'numbers' });
    await save(turn, { eventId: 'numbers-1', state: { ...turn.conversation.state, lookup: { kind: 'test_numbers', upTo: 9 } } });
    const next = await load({ user: 'numbers', input: 'hai' });
    expect(next.data).toEqual([{ request: { kind: 'test_numbers', upTo: 9 }, result: { numbers: [1, 2, 9], input: 'hai' } }]);
    const fetched = await db.rpc('bot_turn_fetch', { p_member_id: turn.member.id, p_request: { kind: 'test_numbers', upTo: 4 } });
    expect(fetched).toEqual({ numbers: [1, 2, 4], input: null });
    await expect(db.rpc('bot_turn_fetch', { p_member_id: turn.member.id, p_request: { kind: 'all_members' } })).rejects.toThrow(/unknown lookup type all_members/);
  });

  it('calls the function a row points at now, once a migration points it at another, and forgets a removed row', async () => {
    await db.backend.sql!.script(`
      create function public.fx_test_echo_loud(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
      language sql as $$ select jsonb_build_object('type', 'test_echo', 'said', upper(p_effect ->> 'say')) $$;
      create function public.fx_test_gone(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
      language sql as $$ select '{}'::jsonb $$;
      insert into public.bot_handlers (kind, name, fn) values ('effect', 'test_gone', 'public.fx_test_gone(public.members, jsonb, jsonb)');
      update public.bot_handlers set fn = 'public.fx_test_echo_loud(public.members, jsonb, jsonb)' where name = 'test_echo';
      delete from public.bot_handlers where name = 'test_gone';`);
    try {
      const turn = await load({ user: 'loud' });
      expect(await save(turn, { eventId: 'loud-1', effect: { type: 'test_echo', say: 'xin chào' } })).toEqual({ ok: true, version: 1, effect: { type: 'test_echo', said: 'XIN CHÀO' } });
      const next = await load({ user: 'gone' });
      await expect(save(next, { eventId: 'gone-1', effect: { type: 'test_gone' } })).rejects.toThrow(/unknown effect type test_gone/);
    } finally {
      await db.backend.sql!.script(`update public.bot_handlers set fn = 'public.fx_test_echo(public.members, jsonb, jsonb)' where name = 'test_echo';`);
    }
  });

  it('dispatches every registered handler by its function as it is named now (a renamed function needs its row touched)', async () => {
    const [dispatch] = await db.query<{ src: string }>(`select prosrc as src from pg_proc where oid = 'public.bot_dispatch(text, text, public.members, jsonb, jsonb)'::regprocedure`);
    const src = dispatch?.src ?? '';
    const handlers = await db.query<{ name: string; fn: string }>(`
      select h.name, p.proname as fn from bot_handlers h join pg_proc p on p.oid = h.fn order by h.name`);
    expect(handlers.length).toBeGreaterThan(20);
    for (const h of handlers) expect(src).toContain(`when '${h.name}' then return public.${h.fn}(`);
  });

  it('keeps the reply of a turn until it is delivered; a failed send makes it available at once', async () => {
    const turn = await load({ user: 'replies' });
    const plan = { messages: [{ kind: 'text', text: [{ key: 'menu.hint' }] }], render: { name: 'x.y', args: { code: 'TL-0001' } } };
    expect((await save(turn, { eventId: 'r-1', reply: plan, effect: { type: 'test_echo', say: 'a' } })).ok).toBe(true);

    const again = await load({ user: 'replies', eventId: 'r-1' });
    expect(again.duplicate).toBe(true);
    expect(again.pendingReply).toMatchObject({ plan, result: { type: 'test_echo', said: 'a' }, state: 'pending', owner: 'process-a' });
    expect(again.pendingReply!.ageMs).toBeGreaterThanOrEqual(0);

    await db.rpc('bot_reply_failed', { p_conversation_id: turn.conversation.id, p_event_id: 'r-1' });
    expect((await load({ user: 'replies', eventId: 'r-1' })).pendingReply).toMatchObject({ state: 'failed' });

    // Delivered (the mark rides on the next call of the process): the repeated event gets nothing.
    await load({ user: 'someone-else', delivered: [{ c: turn.conversation.id, e: 'r-1' }] });
    expect((await load({ user: 'replies', eventId: 'r-1' })).pendingReply).toBeNull();
    // A mark for an older event never touches the reply of a newer one.
    const later = await load({ user: 'replies' });
    await save(later, { eventId: 'r-2', reply: plan });
    await db.rpc('bot_replies_delivered', { p_items: [{ c: turn.conversation.id, e: 'r-1' }] });
    expect((await load({ user: 'replies', eventId: 'r-2' })).pendingReply).toMatchObject({ state: 'pending' });
  });

  it('keeps a private chat to its person: another sender is refused on load and on save', async () => {
    const owner = await load({ user: 'owner-1', chat: 'shared-chat' });
    expect(await rawLoad({ user: 'intruder-1', chat: 'shared-chat' })).toEqual({ foreign: true });
    const intruder = await load({ user: 'intruder-1' });
    expect(await save(owner, { eventId: 'intrude-1', member: intruder.member.id, state: { flow: 'nomination', step: 'x', answers: {}, trail: [] } })).toEqual({
      ok: false,
      reason: 'foreign',
    });
    const [row] = await db.query<{ version: number }>('select version from conversations where id = $1', [owner.conversation.id]);
    expect(row!.version).toBe(0);
  });

  it('records event ids per bot and chat: the same update id from another bot is a new event', async () => {
    const turn = await load({ user: 'two-bots' });
    expect((await save(turn, { eventId: '1001', scope: 'bot-1:c' })).ok).toBe(true);
    const second = await load({ user: 'two-bots', eventId: '1001', scope: 'bot-2:c' });
    expect(second.duplicate).toBe(false);
    expect((await save(second, { eventId: '1001', scope: 'bot-2:c' })).ok).toBe(true);
    const third = await load({ user: 'two-bots', eventId: '1001', scope: 'bot-2:c' });
    expect(third.duplicate).toBe(true);
  });

  it('forgets processed events older than the retention period', async () => {
    await db.query(`insert into inbound_events (channel, scope, event_id, processed_at) values ('zalo', 'z:1', 'old-1', now() - interval '8 days')`);
    await db.query(`insert into inbound_events (channel, scope, event_id, processed_at) values ('zalo', 'z:1', 'new-1', now() - interval '1 day')`);
    const removed = await db.rpc<number>('bot_forget_processed_events', { p_keep: '7 days' });
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await db.query(`select event_id from inbound_events where scope = 'z:1'`)).map((r) => r.event_id)).toEqual(['new-1']);
  });
});
