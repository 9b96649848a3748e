// Telegram long polling confirms a batch of updates (by the next getUpdates offset) only once the
// batch is handled. Two answers of one person arrive in one batch; while the reply to the first is
// on its way (held by the fake Bot API), the process is killed with kill -9. Nothing was
// confirmed, so the restarted process gets both updates again: the first is recognised as done,
// the second is answered. (Confirming the batch as soon as it was fetched lost the second for good.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

const TOKEN = '123456789:AAE2e-confirm-token-for-the-fake-api';

describe('Telegram polling confirms only handled updates', () => {
  let fake: FakeBotApi;
  let db: BotDatabase;
  const bots: BotProcess[] = [];

  const start = async () => {
    const polls = fake.callsOf('getUpdates').length;
    const bot = startBotProcess({ ...db.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    bots.push(bot);
    await fake.waitFor('a getUpdates', () => fake.callsOf('getUpdates').length > polls, 150_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    return bot;
  };

  beforeAll(async () => {
    fake = await new FakeBotApi().start();
    db = await createBotDatabase();
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop('SIGKILL').catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  it('does not confirm a batch while it is being handled, so a kill -9 then loses no update', async () => {
    const u = 6001;
    const first = await start();
    const release = fake.hold({ method: 'sendMessage', chatId: u });
    const hello = fake.textUpdate(u, '/start');
    const nominate = fake.textUpdate(u, '/decu');
    // The poll waiting now gets both (one batch, one chat, handled in order); any later poll counts.
    const polls = fake.offsets.length;
    fake.push(hello);
    fake.push(nominate);
    await fake.waitFor('the reply to /start held', () => fake.heldCalls() > 0, 120_000);
    await new Promise((r) => setTimeout(r, 1_500));
    // While the batch is in hand, nothing asks for (and so confirms) what follows it.
    expect(fake.offsets.slice(polls).filter((o) => o !== undefined && o > (hello.update_id as number))).toEqual([]);

    await first.stop('SIGKILL').catch(() => undefined);
    release();
    const mark = fake.calls.length;
    const second = await start();
    // Both came again; the second one, never answered, is answered now.
    await fake.waitForText(u, 'Bạn muốn đề cử ai?', { afterCall: mark, timeoutMs: 120_000 });
    expect(fake.handedOut.get(nominate.update_id as number)).toBeGreaterThanOrEqual(2);
    // Then the next poll confirms them, and they are not handed out again.
    const handed = fake.handedOut.get(nominate.update_id as number);
    await fake.waitFor('a confirming poll', () => fake.offsets.some((o) => o !== undefined && o > (nominate.update_id as number)));
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.handedOut.get(nominate.update_id as number)).toBe(handed);
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(fake.refused).toEqual([]);
    // Two starts: seconds each on an idle machine, far longer on a busy one.
  }, 420_000);
});
