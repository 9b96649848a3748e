// The turn service over the open core, through supabase-js and real Postgres: a step that lists
// fresh data costs one more round trip only when it is shown; a reply whose send failed reaches
// the person when the platform delivers the update again (in another process too); a copy that
// arrives while another process is still sending waits for it instead of sending twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { coreCapability } from '../../src/conversation/capabilities/core/index.js';
import type { InboundEvent } from '../../src/conversation/contract.js';
import type { FlowDef } from '../../src/conversation/engine/flow.js';
import { dataFor } from '../../src/conversation/engine/flow.js';
import { raw } from '../../src/conversation/engine/messages.js';
import { buildRegistry, type Capability } from '../../src/conversation/engine/registry.js';
import { createTurnStore, type TurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

// A capability as a later issue would add one: a command opening a form whose question lists
// numbers the database gives (fresh when shown), answered by number.
const pickFlow: FlowDef = {
  id: 'pick',
  reviewStep: 'done',
  repeatableValue: 'none',
  start: () => ({ ok: true, answers: {}, intro: [] }),
  steps: [
    {
      id: 'number',
      answered: (cx) => typeof cx.answers.number === 'string',
      fetch: () => ({ kind: 'test_numbers', upTo: 7 }),
      prompt: (cx) => {
        const found = dataFor(cx, { kind: 'test_numbers', upTo: 7 }) as { numbers?: number[] } | undefined;
        return { text: [raw('Pick a number')], input: 'single', options: (found?.numbers ?? []).map((n) => ({ value: String(n), label: raw(`number ${n}`) })) };
      },
      help: () => [],
      accept: (input) => (input.kind === 'option' ? { type: 'finish', effect: { type: 'test_echo', say: input.value }, render: 'test.picked' } : { type: 'invalid', reason: [raw('no')] }),
    },
    { id: 'done', answered: () => false, prompt: () => ({ text: [], input: 'single' }), help: () => [], accept: () => ({ type: 'cancel' }) },
  ],
};
const pickCapability: Capability = {
  id: 'pick',
  commands: [{ id: 'pick', slash: ['pick'], order: 90, run: (turn) => turn.startForm(pickFlow, []) }],
  flows: [pickFlow],
  renderers: { 'test.picked': (result) => [{ kind: 'text', text: [raw(`picked ${String((result as { said?: string } | null)?.said)}`)] }] },
};
const registry = buildRegistry([coreCapability, pickCapability]);

/** A store that counts its round trips. */
function counting(store: TurnStore) {
  const calls: string[] = [];
  const counted: TurnStore = {
    ...store,
    load: (...a) => (calls.push('load'), store.load(...a)),
    fetch: (...a) => (calls.push('fetch'), store.fetch(...a)),
    save: (...a) => (calls.push('save'), store.save(...a)),
  };
  return { store: counted, calls };
}

const text = (reply: Awaited<ReturnType<TurnService['handle']>>) =>
  reply.kind === 'reply' ? reply.messages.flatMap((m) => (m.kind === 'photo' ? [] : m.text.map((t) => ('raw' in t ? t.raw : t.key)))).join(' | ') : reply.kind;

describe.each(databaseBackends())('the turn service over the open core (%s)', (kind) => {
  let db: TestDatabase;
  let store: TurnStore;
  let events = 0;
  const event = (user: string, text: string, eventId = `svc-${++events}`): InboundEvent => ({ channel: 'zalo', chatId: user, userId: user, eventId, botId: 'b', kind: 'text', text });

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.backend.sql!.script(`
      create function public.fx_test_echo(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
      language sql as $$ select jsonb_build_object('type', 'test_echo', 'said', p_effect ->> 'say') $$;
      create function public.lookup_test_numbers(p_member public.members, p_request jsonb, p_input text) returns jsonb
      language sql as $$ select jsonb_build_object('numbers', jsonb_build_array(3, 5, (p_request ->> 'upTo')::int)) $$;
      insert into public.bot_handlers (kind, name, fn) values
        ('effect', 'test_echo', 'public.fx_test_echo(public.members, jsonb, jsonb)'),
        ('lookup', 'test_numbers', 'public.lookup_test_numbers(public.members, jsonb, text)');`);
    store = createTurnStore(db.supabase);
  });
  afterAll(async () => db?.close());

  it('fetches the data a question lists when it is shown (three round trips), and answers it in two', async () => {
    const { store: s, calls } = counting(store);
    const service = createTurnService({ store: s, registry, defaultWard: 'thang-loi', log: silentLogger });
    const shown = await service.handle(event('picker', '/pick'));
    expect(text(shown)).toContain('Pick a number');
    const question = shown.kind === 'reply' ? shown.messages[0] : undefined;
    expect(question?.kind === 'choices' ? question.options.map((o) => o.value) : []).toEqual(['3', '5', '7']);
    expect(calls).toEqual(['load', 'fetch', 'save']);
    calls.length = 0;
    expect(text(await service.handle(event('picker', '2')))).toBe('picked 5');
    expect(calls).toEqual(['load', 'save']);
  });

  it('keeps the nomination form at two round trips a turn', async () => {
    const { store: s, calls } = counting(store);
    const service = createTurnService({ store: s, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    for (const line of ['đề cử', '2', '2', 'to 3', 'Trần Thị Mai']) await service.handle(event('former', line));
    expect(calls.filter((c) => c === 'fetch')).toEqual([]);
    expect(calls).toHaveLength(10);
  });

  it('gives a redelivered update the reply whose send failed, in another process too, and only until it is delivered', async () => {
    const a = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const b = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const hello = event('unlucky', 'đề cử');
    const first = await a.handle(hello);
    if (first.kind !== 'reply') throw new Error('no reply');
    await first.failed(); // the platform answered 5xx: the webhook says 500, the platform tries again
    const again = await b.handle({ ...hello });
    expect(again.kind).toBe('reply');
    expect(again.kind === 'reply' && again.redelivery).toBe(true);
    expect(text(again)).toBe(text(first));
    if (again.kind === 'reply') again.delivered();
    await b.idle(); // records the delivery
    expect((await a.handle({ ...hello })).kind).toBe('duplicate');
  });

  it('lets a copy that arrives while another process is still sending wait, then show nothing', async () => {
    const a = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const b = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const hello = event('patient', 'xin chào');
    const first = await a.handle(hello);
    const copy = b.handle({ ...hello });
    await new Promise((r) => setTimeout(r, 200));
    if (first.kind === 'reply') first.delivered(); // sent; recorded within a second
    expect((await copy).kind).toBe('duplicate');
  });

  it('sends the reply again when the process that saved it is gone (its send never ended)', async () => {
    const a = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
    const b = createTurnService({ store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger, inFlightMs: 300 });
    const hello = event('orphan', 'xin chào');
    await a.handle(hello); // killed before it sent anything: neither delivered nor failed
    const again = await b.handle({ ...hello });
    expect(again.kind === 'reply' && again.redelivery).toBe(true);
  });
});
