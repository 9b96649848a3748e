// The channel contract for the review path: one script (a leader's /duyet pages, a decline with
// a reason and a forward; an officer's /thamdinh with the criteria marked and a proposal; a
// council member's vote; an officer's /tonvinh of a proposal whose posting period is over)
// played through Telegram (button presses), Zalo (typed numbers and words, over the Zalo Bot
// API's wire format) and the terminal (typed numbers and words, one process per person). Each
// channel runs the real process on a fresh database arranged the same way; the review rows are
// compared without ids, people and timestamps. Telegram is never sent a call it would refuse
// (no edit that changes nothing, no callback answered twice, nothing over a limit).
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const TDP1 = '20000000-0000-4000-8001-000000000001';

type Person = 'leader' | 'officer' | 'council';
type Channel = 'telegram' | 'zalo' | 'console';

/** One move of the script: who, what (typed text, an option picked, criteria ticked by number), and a piece of the reply. */
type Move = { as: Person; then: string } & ({ say: string } | { pick: string } | { tick: number[] });

const REASON = 'Chưa có xác nhận của tổ dân phố về việc làm.';
const SCRIPT: Move[] = [
  { as: 'leader', say: '/duyet', then: 'Chọn một đề cử để xem chi tiết.' },
  { as: 'leader', pick: 'TL-0001', then: 'Bạn quyết định thế nào với đề cử này?' },
  { as: 'leader', pick: 'Không chọn (nêu lý do)', then: 'Vì sao đề cử này không được chọn?' },
  { as: 'leader', say: REASON, then: 'với lý do:' },
  { as: 'leader', pick: 'Xác nhận', then: 'Người đề cử sẽ nhận được lý do.' },
  { as: 'leader', say: '/duyet', then: 'Chọn một đề cử để xem chi tiết.' },
  { as: 'leader', pick: 'Trang sau', then: '(trang 2/2)' },
  { as: 'leader', pick: 'TL-0007', then: 'Bạn quyết định thế nào với đề cử này?' },
  { as: 'leader', pick: 'Chuyển lên phường', then: 'Bạn có muốn gửi kèm ghi chú' },
  { as: 'leader', pick: 'Không ghi chú', then: 'lên phường để thẩm định?' },
  { as: 'leader', pick: 'Xác nhận', then: 'Đã chuyển đề cử TL-0007' },
  { as: 'officer', say: '/thamdinh', then: 'Chọn một hồ sơ để xem' },
  { as: 'officer', pick: 'TL-0007', then: 'Bạn muốn làm gì với hồ sơ này?' },
  { as: 'officer', pick: 'Đánh giá tiêu chí để đề nghị tôn vinh', then: 'đánh dấu ✓ các tiêu chí ĐẠT' },
  { as: 'officer', tick: [1, 2, 3], then: 'Ghi chú thẩm định' },
  { as: 'officer', say: '1: đã xác minh với tổ trưởng; hồ sơ đầy đủ', then: 'Bạn quyết định thế nào?' },
  { as: 'officer', pick: 'Đề nghị tôn vinh', then: 'Đã đề nghị tôn vinh TL-0007' },
  { as: 'council', say: '/bieuquyet TL-0007', then: 'Mời bạn biểu quyết' },
  { as: 'council', pick: 'Đồng ý', then: 'đã kết thúc: đề nghị được thông qua.' },
  { as: 'officer', say: '/tonvinh', then: 'Chọn một hồ sơ' },
  { as: 'officer', pick: 'TL-0008', then: 'Bạn quyết định thế nào?' },
  { as: 'officer', pick: 'Tôn vinh, khen thưởng', then: 'Hình thức khen thưởng' },
  { as: 'officer', pick: 'Giấy khen của Chủ tịch UBND phường', then: 'Ngày khen thưởng' },
  { as: 'officer', pick: 'Hôm nay', then: 'Xác nhận?' },
  { as: 'officer', pick: 'Xác nhận khen thưởng', then: 'được khen thưởng' },
];

/** Each person's id on each channel. */
const IDS: Record<Channel, Record<Person, string>> = {
  telegram: { leader: '972001', officer: '972002', council: '972003' },
  zalo: { leader: 'zk-leader', officer: 'zk-officer', council: 'zk-council' },
  console: { leader: 'to-truong', officer: 'can-bo', council: 'hoi-dong' },
};

/**
 * The same ward on every channel: a resident's 7 nominations waiting in Tổ dân phố 1 (two pages
 * for its leader), and TL-0008 posted for comments until yesterday; the leader, an officer and
 * the one council member on the channel.
 */
async function arrange(db: BotDatabase, channel: Channel): Promise<void> {
  const backend = await openBackend(db.env.DATABASE_URL ? { kind: 'postgres', url: db.env.DATABASE_URL } : { kind: 'pglite', dataDir: db.env.DATA_DIR! });
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => backend.sql!.query<T>(sql, params);
  try {
    const person = async (external: string | null, role?: string, unit?: string) => {
      const [m] = await q<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
      if (external) await q('insert into member_identities (channel, external_id, member_id, chat_id) values ($1, $2, $3, $2)', [channel, external, m!.id]);
      if (role) await q('insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, $3, $4, $5)', [m!.id, WARD, role, unit ?? null, role === 'leader' ? 'Trần Văn Bình' : 'Lê Thị Hoa']);
      return m!.id;
    };
    const resident = await person(null);
    const officer = await person(IDS[channel].officer, 'officer');
    await person(IDS[channel].leader, 'leader', TDP1);
    await person(IDS[channel].council, 'council');
    await q(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code, created_at)
       select $1, $2, $3, 'individual', $4, 'Người được đề cử ' || g, 'Giúp bà con trong tổ làm đường bê tông và dọn mương thoát nước.', $5,
              gen_random_uuid(), 'TL-' || lpad(g::text, 4, '0'), now() - make_interval(hours => 10 - g)
         from generate_series(1, 8) g`,
      [WARD, CAMPAIGN, GOOD_DEEDS, TDP1, resident],
    );
    await q(`update wards set next_receipt = 9 where id = $1`, [WARD]);
    await q(`insert into nomination_status_history (nomination_id, status, actor_member_id, at) select id, 'submitted', nominator_id, created_at from nominations`);
    const [posted] = await q<{ id: string }>(`select id from nominations where receipt_code = 'TL-0008'`);
    for (const [from, to] of [['submitted', 'forwarded'], ['forwarded', 'proposed'], ['proposed', 'posted']]) {
      await q(`select nomination_transition($1, array[$2], $3, $4, null)`, [posted!.id, from, to, officer]);
    }
    await q(`update nominations set posting_until = now() - interval '1 day' where id = $1`, [posted!.id]);
    // The notices the arranged rows queued (new nominations for the leader, statuses for the
    // nominator) are not part of the script: a late one would only stand between a question and its answer.
    await q(`delete from outbox`);
  } finally {
    await backend.close();
  }
}

/** The review rows, without ids, people and timestamps. */
async function reviewRows(db: BotDatabase) {
  return {
    nominations: await db.query(`
      select n.receipt_code, n.status,
             (select array_agg(h.status || coalesce(': ' || h.note, '') order by h.id) from nomination_status_history h where h.nomination_id = n.id) as history
        from nominations n order by n.receipt_code`),
    marks: await db.query(`select n.receipt_code, c.seq, m.met, m.note from appraisal_marks m join nominations n on n.id = m.nomination_id join criteria c on c.id = m.criterion_id order by 1, 2`),
    votes: await db.query(`select n.receipt_code, v.vote from council_votes v join nominations n on n.id = v.nomination_id`),
    honours: await db.query(`select n.receipt_code, o.title, o.honoured_on is not null as dated from honours o join nominations n on n.id = o.nomination_id`),
  };
}

/** What to type for the option that shows `label` in a typed channel's block: its number, or the words offered (“trang sau ›”). */
function optionNumber(block: string, label: string): string {
  const line = block.split('\n').find((l) => /^\d+\. /.test(l) && l.includes(label));
  if (line) return line.split('.')[0]!;
  const words = [...block.matchAll(/gõ “([^”]+)”/g)].map((m) => m[1]!).find((w) => w.toLowerCase().includes(label.toLowerCase()));
  if (!words) throw new Error(`no option "${label}" in:\n${block}`);
  return words;
}

/** Whether a Telegram button shows `label` (whole, or cut short with "…" to fit). */
function shows(text: string, label: string): boolean {
  const bare = text.replace(/^✓ /, '').replace(/^\d+\. /, '');
  return text.includes(label) || (bare.endsWith('…') && label.startsWith(bare.slice(0, -1)));
}

describe('channel contract: the review path through Telegram, Zalo and the terminal', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  async function throughTelegram(): Promise<BotDatabase> {
    const fake = await new FakeBotApi().start();
    cleanups.push(() => fake.close());
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    await arrange(db, 'telegram');
    const bot = startBotProcess({ ...db.env, TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api', TELEGRAM_API_ROOT: fake.apiRoot, QUIET_HOURS: 'off' });
    cleanups.push(() => bot.stop());
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS);
    // A notice with buttons of its own (the officer is told of a forwarded nomination through the
    // outbox, whenever it gets there) may come in below the question: a press goes to the newest
    // message that has the button, as a person would find it.
    const withButton = (user: number, fits: (b: { text: string }) => boolean) =>
      [...fake.messagesTo(user)].reverse().find((m) => m.keyboard.flat().some(fits)) ?? fake.lastKeyboard(user);
    const criteria = (user: number) => [...fake.messagesTo(user)].reverse().find((m) => m.keyboard.length && m.text.includes('Đã đánh dấu đạt:'))!;
    for (const move of SCRIPT) {
      const user = Number(IDS.telegram[move.as]);
      const mark = fake.calls.length;
      if ('say' in move) fake.push(fake.textUpdate(user, move.say));
      else if ('pick' in move) {
        const fits = (b: { text: string }) => shows(b.text, move.pick);
        fake.push(fake.pressUpdate(user, withButton(user, fits), fits));
      } else {
        for (const n of move.tick) {
          fake.push(fake.pressUpdate(user, criteria(user), (b) => b.text.startsWith(`${n}. `) || b.text.startsWith(`✓ ${n}. `)));
          await fake.waitFor(`criterion ${n} ticked`, () => criteria(user).text.includes(`Đã đánh dấu đạt: ${n}/`)).catch((err: Error) => {
            throw new Error(`${err.message}\n${fake.transcript(user)}\n${bot.stderr()}`);
          });
        }
        fake.push(fake.pressUpdate(user, criteria(user), 'Xong'));
      }
      await fake.waitForText(user, move.then, { afterCall: mark }).catch((err: Error) => {
        throw new Error(`${err.message}\n${fake.transcript(user)}\n${bot.stderr()}`);
      });
    }
    expect(fake.violations).toEqual([]);
    // Menus queued at start for people with roles who had not written yet are the only refusals.
    expect(fake.refused.filter((r) => !/^setMyCommands: chat not found/.test(r))).toEqual([]);
    expect(await bot.stop()).toBe(0);
    return db;
  }

  async function throughZalo(): Promise<BotDatabase> {
    const fake = await new FakeZaloApi().start();
    cleanups.push(() => fake.close());
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    await arrange(db, 'zalo');
    const bot: BotProcess = startBotProcess({ ...db.env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot, QUIET_HOURS: 'off' });
    cleanups.push(() => bot.stop());
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS);
    const blocks: Partial<Record<Person, string>> = {};
    const turn = async (as: Person, text: string, then: string) => {
      const user = IDS.zalo[as];
      const mark = fake.calls.length;
      fake.push(fake.textUpdate(user, text));
      await fake.waitForText(user, then, mark).catch((err: Error) => {
        throw new Error(`${err.message}\n${fake.textsTo(user).join('\n---\n')}\n${bot.stderr()}`);
      });
      blocks[as] = fake.textsTo(user, mark).join('\n');
    };
    for (const move of SCRIPT) {
      if ('say' in move) await turn(move.as, move.say, move.then);
      else if ('pick' in move) await turn(move.as, optionNumber(blocks[move.as] ?? '', move.pick), move.then);
      else {
        await turn(move.as, move.tick.join(', '), `Đã đánh dấu đạt: ${move.tick.length}/`);
        await turn(move.as, 'xong', move.then);
      }
    }
    expect(fake.violations).toEqual([]);
    expect(await bot.stop()).toBe(0);
    return db;
  }

  async function throughTerminal(): Promise<BotDatabase> {
    const db = await createBotDatabase();
    cleanups.push(() => db.close());
    await arrange(db, 'console');
    let current: { as: Person; p: ChatProcess } | null = null;
    let block = '';
    // One process at a time (the embedded database takes one): the next person starts their own.
    const as = async (person: Person) => {
      if (current?.as === person) return current.p;
      if (current) expect(await current.p.end()).toBe(0);
      const p = startChatProcess({ env: { ...db.env, QUIET_HOURS: 'off' }, args: ['--as', IDS.console[person]] });
      cleanups.push(() => p.kill());
      await p.expect(IDS.console[person], STARTUP_MS);
      current = { as: person, p };
      return p;
    };
    const turn = async (p: ChatProcess, text: string, then: string) => {
      p.send(text);
      const head = await p.expect(then, 40_000);
      block = head + (await p.expect('\n\n', 40_000));
    };
    for (const move of SCRIPT) {
      const p = await as(move.as);
      if ('say' in move) await turn(p, move.say, move.then);
      else if ('pick' in move) await turn(p, optionNumber(block, move.pick), move.then);
      else {
        await turn(p, move.tick.join(','), `Đã đánh dấu đạt: ${move.tick.length}/`);
        await turn(p, 'xong', move.then);
      }
    }
    expect(await current!.p.end()).toBe(0);
    return db;
  }

  it('leaves the same review rows on every channel', async () => {
    const [telegram, zalo, terminal] = await Promise.all([throughTelegram(), throughZalo(), throughTerminal()]);
    const a = await reviewRows(telegram);
    expect(a.nominations.find((n) => n.receipt_code === 'TL-0001')).toMatchObject({ status: 'declined', history: ['submitted', `declined: ${REASON}`] });
    expect(a.nominations.find((n) => n.receipt_code === 'TL-0007')).toMatchObject({ status: 'posted' });
    expect(a.nominations.find((n) => n.receipt_code === 'TL-0008')).toMatchObject({ status: 'honoured' });
    expect(a.marks.filter((m) => m.met).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(a.votes).toEqual([{ receipt_code: 'TL-0007', vote: 'agree' }]);
    expect(a.honours).toEqual([{ receipt_code: 'TL-0008', title: 'Giấy khen của Chủ tịch UBND phường', dated: true }]);
    expect(await reviewRows(zalo)).toEqual(a);
    expect(await reviewRows(terminal)).toEqual(a);
  });
});
