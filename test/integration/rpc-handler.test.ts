// The embedded handler must answer supabase-js exactly as PostgREST would: values, sets, error
// JSON and status codes, and nothing for the anon key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClient } from '../../src/db/supabase-client.js';
import { createRpcFetch } from '../../src/db/rpc-handler.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('RPC handler on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.query(`
      create function public.t_echo(p_n int, p_obj jsonb, p_ids uuid[] default '{}', p_note text default null)
      returns jsonb language sql as $$
        select jsonb_build_object('n', p_n + 1, 'obj', p_obj, 'ids', to_jsonb(p_ids), 'note', p_note) $$`);
    await db.query(`create function public.t_rows() returns table (k int, v text) language sql as $$ values (1, 'một'), (2, 'hai') $$`);
    await db.query(`create function public.t_nothing() returns jsonb language sql as $$ select null::jsonb $$`);
    await db.query(`
      create function public.t_fail(p_state text) returns int language plpgsql as $$
      begin raise exception 'boom %', p_state using errcode = p_state, detail = 'the detail', hint = 'the hint'; end $$`);
    for (const fn of ['t_echo(int, jsonb, uuid[], text)', 't_rows()', 't_nothing()', 't_fail(text)']) {
      await db.query(`revoke execute on function public.${fn} from public, anon, authenticated`);
    }
  });
  afterAll(async () => db?.close());

  it('passes named arguments, JSON and arrays, and returns a scalar JSON result as is', async () => {
    const id = '8a3c7f6e-6b1e-4a55-9d0c-2f1f0b7d9e11';
    const data = await db.rpc('t_echo', { p_n: 41, p_obj: { tên: 'Tổ 3', list: [1, 2] }, p_ids: [id] });
    expect(data).toEqual({ n: 42, obj: { tên: 'Tổ 3', list: [1, 2] }, ids: [id], note: null });
  });

  it('returns a set as an array and a null as null', async () => {
    expect(await db.rpc('t_rows')).toEqual([
      { k: 1, v: 'một' },
      { k: 2, v: 'hai' },
    ]);
    expect(await db.rpc('t_nothing')).toBeNull();
  });

  it('answers PGRST202 with 404 for an unknown function or unknown argument names', async () => {
    const missing = await db.supabase.rpc('no_such_function', {});
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'PGRST202', message: expect.stringContaining('public.no_such_function') });
    const wrongArgs = await db.supabase.rpc('t_echo', { p_wrong: 1 });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error?.code).toBe('PGRST202');
  });

  it.each([
    ['P0001', 400],
    ['23505', 409],
    ['23503', 409],
    ['42501', 403],
    ['PT404', 404],
    ['PT429', 429],
    ['08006', 503],
    ['22023', 400],
  ])('maps SQLSTATE %s to HTTP %i with PostgREST error JSON', async (state, status) => {
    const res = await db.supabase.rpc('t_fail', { p_state: state });
    expect(res.status).toBe(status);
    expect(res.data).toBeNull();
    expect(res.error).toMatchObject({ code: state, message: `boom ${state}`, details: 'the detail', hint: 'the hint' });
  });

  it('gives a caller without the service key nothing: 401 on every function', async () => {
    const anon = await createServerClient('http://embedded.invalid', 'not-the-service-key', await createRpcFetch(db.backend.sql!, 'the-real-key'));
    const res = await anon.rpc('t_echo', { p_n: 1, p_obj: {} });
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('42501');
    const load = await anon.rpc('bot_turn_load', {
      p_channel: 'console', p_scope: '', p_chat_id: 'x', p_user_id: 'x', p_locale_hint: null,
      p_event_id: 'e1', p_input: null, p_catalog_versions: {}, p_default_ward: 'thang-loi', p_delivered: []
    });
    expect(res.status).toBe(401);
    expect(load.error?.code).toBe('42501');
  });

  it('answers 400 PGRST102 to a body that is not a JSON object, and 404 to other paths', async () => {
    const handler = await createRpcFetch(db.backend.sql!, 'k');
    const bad = await handler('http://embedded.invalid/rest/v1/rpc/t_rows', { method: 'POST', body: '{not json', headers: { authorization: 'Bearer k' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'PGRST102' });
    const table = await handler('http://embedded.invalid/rest/v1/nominations', { method: 'GET', headers: { authorization: 'Bearer k' } });
    expect(table.status).toBe(404);
  });

  // The bot calls the embedded backends without supabase-js (backend.rpc): it must read the same
  // data and the same errors as the stores read through supabase-js from Supabase.
  it('the direct client the bot uses answers as supabase-js does through the handler', async () => {
    const direct = db.backend.rpc;
    const id = '8a3c7f6e-6b1e-4a55-9d0c-2f1f0b7d9e11';
    const calls: [string, Record<string, unknown>][] = [
      ['t_echo', { p_n: 41, p_obj: { tên: 'Tổ 3', list: [1, 2], at: new Date('2026-12-01T01:02:03Z') }, p_ids: [id] }],
      // an argument left undefined is left out (JSON drops it), so its default applies
      ['t_echo', { p_n: 1, p_obj: {}, p_note: undefined }],
      // a Date where the function takes text arrives as JSON writes it
      ['t_echo', { p_n: 2, p_obj: null, p_note: new Date('2026-12-01T01:02:03Z') }],
      ['t_rows', {}],
      ['t_nothing', {}],
      ['no_such_function', {}],
      ['t_echo', { p_wrong: 1 }],
      ['t_fail', { p_state: 'P0001' }],
      ['t_fail', { p_state: '23505' }],
    ];
    for (const [fn, args] of calls) {
      const viaSupabase = await db.supabase.rpc(fn, args);
      const viaDirect = await direct.rpc(fn, args);
      expect({ fn, data: viaDirect.data, error: viaDirect.error }).toEqual({ fn, data: viaSupabase.data, error: viaSupabase.error });
    }
    expect((await direct.rpc('t_echo', { p_n: 2, p_obj: null, p_note: new Date('2026-12-01T01:02:03Z') })).data).toMatchObject({ note: '2026-12-01T01:02:03.000Z' });
  });
});
