// The channel contract: one scripted nomination, played through the terminal (typed numbers and
// words), through Telegram (button presses, criteria ticked in place) and through Zalo (typed
// numbers and words, over the
// Zalo Bot API's wire format), stores the same nomination. Each channel runs the
// real process on its own fresh database; the rows are compared without ids and timestamps.
import { afterAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess } from '../support/bot-process.js';
import { startChatProcess } from '../support/chat-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';
import { STARTUP_MS } from '../support/wait-until.js';

/** One move of the script, and a piece of the question that comes next. */
type Move =
  | { say: string; then: string }
  | { pick: string; then: string }
  | { tick: string[]; then: string }
  | { skip: true; then: string };

const SCRIPT: Move[] = [
  { say: '/decu', then: 'Bạn muốn đề cử ai' },
  { pick: 'Khu dân cư văn hóa (tổ dân phố, làng)', then: 'Bạn đề cử tổ dân phố hay làng nào' },
  { say: 'lang ia', then: 'khớp với' },
  { pick: 'Làng Ia Kênh', then: 'Tên tập thể' },
  { say: 'Đội văn nghệ <Ia Kênh> & bà con', then: 'kể ngắn gọn' },
  { say: 'Bà con góp 300 ngày công làm đường & giữ gìn nếp sống văn hóa suốt 5 năm.', then: 'đạt những tiêu chí nào' },
  { tick: ['Dẫn đầu phong trào', 'Làm từ thiện, nhân đạo'], then: 'Bạn có ảnh' },
  { skip: true, then: 'Phường có thể liên hệ bạn về đề cử này không' },
  // Agreeing by typing the phone number right away.
  { say: '+84 912 345 678', then: 'Mời bạn xem lại' },
  { pick: 'Gửi đề cử', then: 'mã biên nhận: TL-0001' },
];

/** The stored nomination, without ids, people and timestamps. */
async function storedNomination(db: BotDatabase) {
  const rows = await db.query(`
    select n.kind, n.campaign_id, n.category_id, n.unit_id, n.nominee_name, n.deeds, n.led_unit_id,
           n.photo_ref, n.contact_consent, n.contact_phone, n.status, n.receipt_code,
           (select array_agg(c.criterion_id::text order by c.criterion_id) from nomination_criteria c where c.nomination_id = n.id) as criteria,
           (select array_agg(h.status order by h.id) from nomination_status_history h where h.nomination_id = n.id) as history
      from nominations n`);
  return rows;
}

describe('channel contract: the same nomination through the terminal, Telegram and Zalo', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  async function throughTerminal(): Promise<BotDatabase> {
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    const p = startChatProcess({ env: db.env, args: ['--as', 'contract'] });
    cleanups.push(() => p.kill());
    await p.expect('contract', STARTUP_MS);
    let block = '';
    const read = async (then: string) => {
      const head = await p.expect(then, 40_000);
      block = head + (await p.expect('\n\n', 40_000));
    };
    const numberOf = (label: string) => {
      const line = block.split('\n').find((l) => new RegExp(`^\\d+\\. (?:[✓☐] )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: — .*)?$`).test(l));
      if (!line) throw new Error(`no option "${label}" in:\n${block}`);
      return line.split('.')[0]!;
    };
    for (const move of SCRIPT) {
      if ('say' in move) p.send(move.say);
      else if ('pick' in move) p.send(numberOf(move.pick));
      // Typed numbers tick and answer the question at once.
      else if ('tick' in move) p.send(move.tick.map(numberOf).join(','));
      else p.send('bỏ qua');
      await read(move.then);
    }
    expect(await p.end()).toBe(0);
    return db;
  }

  async function throughTelegram(): Promise<BotDatabase> {
    const fake = await new FakeBotApi().start();
    cleanups.push(() => fake.close());
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    const bot = startBotProcess({ ...db.env, TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api', TELEGRAM_API_ROOT: fake.apiRoot });
    cleanups.push(() => bot.stop());
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS);
    const user = 3001;
    for (const move of SCRIPT) {
      const mark = fake.calls.length;
      if ('say' in move) fake.push(fake.textUpdate(user, move.say));
      else if ('pick' in move) fake.push(fake.pressUpdate(user, fake.lastKeyboard(user), move.pick));
      else if ('tick' in move) {
        for (const label of move.tick) {
          const edits = fake.callsOf('editMessageText', user).length;
          fake.push(fake.pressUpdate(user, fake.lastKeyboard(user), label));
          await fake.waitFor('the tick', () => fake.callsOf('editMessageText', user).length > edits);
        }
        fake.push(fake.pressUpdate(user, fake.lastKeyboard(user), 'Xong'));
      } else fake.push(fake.pressUpdate(user, fake.lastKeyboard(user), 'Bỏ qua'));
      await fake.waitForText(user, move.then, { afterCall: mark });
    }
    expect(fake.violations).toEqual([]);
    // No call Telegram would refuse: no edit that changes nothing, no callback query answered twice.
    expect(fake.refused).toEqual([]);
    expect(await bot.stop()).toBe(0);
    return db;
  }

  async function throughZalo(): Promise<BotDatabase> {
    const fake = await new FakeZaloApi().start();
    cleanups.push(() => fake.close());
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    const bot = startBotProcess({ ...db.env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot });
    cleanups.push(() => bot.stop());
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS);
    const user = 'zalo-contract';
    let block = '';
    const turn = async (text: string, then: string) => {
      const mark = fake.calls.length;
      fake.push(fake.textUpdate(user, text));
      await fake.waitForText(user, then, mark);
      block = fake.textsTo(user, mark).join('\n');
    };
    for (const move of SCRIPT) {
      if ('say' in move) await turn(move.say, move.then);
      else if ('pick' in move) await turn(numberOf(block, move.pick), move.then);
      else if ('tick' in move) await turn(move.tick.map((label) => numberOf(block, label)).join(', '), move.then);
      else await turn('bỏ qua', move.then);
    }
    expect(fake.violations).toEqual([]);
    expect(await bot.stop()).toBe(0);
    return db;
  }

  it('stores the same nomination row, criteria and history', async () => {
    // All at once: each process pays its database's first start (about 3 s on PGlite).
    const [terminal, telegram, zalo] = await Promise.all([throughTerminal(), throughTelegram(), throughZalo()]);
    const a = await storedNomination(terminal);
    const b = await storedNomination(telegram);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ nominee_name: 'Đội văn nghệ <Ia Kênh> & bà con', contact_phone: '0912345678', receipt_code: 'TL-0001', history: ['submitted'] });
    expect((a[0] as { criteria: string[] }).criteria).toHaveLength(2);
    expect(b).toEqual(a);
    expect(await storedNomination(zalo)).toEqual(a);
  });
});
