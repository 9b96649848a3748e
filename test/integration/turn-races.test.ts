// Two bot processes may handle the same chat: the conversation row's version refuses a stale
// save and the turn is re-run, and each inbound event is recorded with the state change, so no
// answer is lost and nothing happens twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { createTurnStore, type TurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { CRITERIA_TO_SUMMARY, SEED_CRITERIA, UP_TO_CRITERIA, chatter } from '../support/turn-driver.js';

/** A store whose next `n` loads wait for each other, so the turns they start truly overlap. */
function overlappingLoads(store: TurnStore, n: number): { store: TurnStore; stale: () => number } {
  let waiting: (() => void)[] = [];
  let remaining = n;
  let stale = 0;
  return {
    stale: () => stale,
    store: {
      ...store,
      async load(...args) {
        const loaded = await store.load(...args);
        if (remaining > 0) {
          remaining -= 1;
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === n) {
              for (const w of waiting) w();
              waiting = [];
            }
          });
        }
        return loaded;
      },
      async save(turn) {
        const saved = await store.save(turn);
        if (!saved.ok && saved.reason === 'stale') stale += 1;
        return saved;
      },
    },
  };
}

describe.each(databaseBackends())('two processes on one chat (%s)', (kind) => {
  let db: TestDatabase;
  let store: TurnStore;
  const process = (s: TurnStore = store): TurnService => createTurnService({ store: s, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createTurnStore(db.supabase);
  });
  afterAll(async () => db?.close());

  // The token of the question on screen, as the buttons of that question carry it.
  async function tokenOf(chat: string): Promise<string> {
    const rows = await db.query<{ token: string }>(`select state -> 'view' ->> 'token' as token from conversations where chat_id = $1`, [chat]);
    return rows[0]!.token;
  }

  it('loses no answer when two processes take two answers of one chat at the same moment: the later is read against the next question', async () => {
    const person = chatter('race-toggles');
    await person.type(process(), UP_TO_CRITERIA);
    const race = overlappingLoads(store, 2);
    const [a, b] = [process(race.store), process(race.store)];
    // Typed criteria answer the question: the one saved first is the answer, the other is re-run
    // on the newer state (the photo question) and answered there, not dropped or applied twice.
    const replies = await Promise.all([person.send(a, person.event('1')), person.send(b, person.event('3'))]);
    expect(race.stale()).toBeGreaterThanOrEqual(1);
    expect(replies.filter((r) => r.includes('Đã chọn 1 tiêu chí.'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('Câu này cần một ảnh.'))).toHaveLength(1);
    const [row] = await db.query<{ step: string; ids: string[] }>(
      `select state ->> 'step' as step, state -> 'answers' -> 'criterionIds' as ids from conversations where chat_id = 'race-toggles'`,
    );
    expect(row!.step).toBe('photo');
    expect(row!.ids).toHaveLength(1);
  });

  it('processes an event delivered twice only once, even when both copies arrive together', async () => {
    const person = chatter('race-redelivery');
    await person.type(process(), UP_TO_CRITERIA);
    const tick = person.press(await tokenOf('race-redelivery'), SEED_CRITERIA[1]!);
    const race = overlappingLoads(store, 2);
    const replies = await Promise.all([person.send(process(race.store), tick), person.send(process(race.store), { ...tick })]);
    // One copy is answered, the other is recognised as a redelivery and shows nothing.
    expect(replies.filter((r) => r === '')).toHaveLength(1);
    // Had it been processed twice, the second tick would have unticked criterion 2.
    const criteria = await person.type(process(), ['trợ giúp']);
    expect(criteria).toMatch(/Đang chọn 1 tiêu chí/);
    expect(criteria).toMatch(/2\. ✓/);

    // Delivered again later (a webhook retry), it still changes nothing.
    expect(await person.send(process(), { ...tick })).toBe('');
    expect(await person.type(process(), ['trợ giúp'])).toMatch(/Đang chọn 1 tiêu chí/);
  });

  it('creates one nomination when the same form is confirmed twice at the same moment', async () => {
    const person = chatter('race-confirm');
    await person.type(process(), [...UP_TO_CRITERIA, '1', ...CRITERIA_TO_SUMMARY]);
    const race = overlappingLoads(store, 2);
    const replies = await Promise.all([person.send(process(race.store), person.event('1')), person.send(process(race.store), person.event('1'))]);
    const codes = replies.map((r) => /TL-\d{4}/.exec(r)?.[0]);
    expect(codes[0]).toBeDefined();
    expect(codes[1]).toBe(codes[0]);
    expect(replies.join('\n')).toMatch(/đã được gửi rồi/);
    const rows = await db.query<{ n: number }>(
      `select count(*)::int as n from nominations n join conversations c on c.member_id = n.nominator_id where c.chat_id = 'race-confirm'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('keeps a second process in step after a restart: a new process continues the form where it was', async () => {
    const person = chatter('restart');
    await person.type(process(), UP_TO_CRITERIA.slice(0, 3));
    const afterRestart = await person.type(process(), ['Lê Văn Hùng']);
    expect(afterRestart).toMatch(/Lê Văn Hùng đã làm những việc tốt gì\?/);
  });
});
