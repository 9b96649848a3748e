// Zalo hands an update out once (getUpdates has no offset): when the turn was saved and its reply
// never reached the person (Zalo failed every send, or the process died before sending), that
// update does not come again. The reply is kept with the conversation, and the next start of the
// poller sends it before taking any update, so the person sees the next question instead of
// silence, and their next message answers the question they saw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

describe('a Zalo reply saved and never delivered', () => {
  let fake: FakeZaloApi;
  let db: BotDatabase;
  const bots: BotProcess[] = [];

  const start = async () => {
    const polls = fake.callsOf('getUpdates').length;
    const bot = startBotProcess({ ...db.env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot });
    bots.push(bot);
    // Its own first poll: the process says it started (a dead process's held poll, answered
    // late, is not this one's).
    await fake.waitFor('a getUpdates', () => /"zalo\.started"/.test(bot.stderr()) && fake.callsOf('getUpdates').length > polls, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    return bot;
  };

  beforeAll(async () => {
    fake = await new FakeZaloApi().start();
    fake.pollHoldMs = 100;
    db = await createBotDatabase();
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop('SIGKILL').catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  it('is sent at the next start, before any update is taken', async () => {
    const user = 'zu-1';
    const first = await start();
    fake.push(fake.textUpdate(user, 'đề cử'));
    await fake.waitForText(user, 'Bạn muốn đề cử ai?');
    fake.push(fake.textUpdate(user, 'người tốt'));
    // Zalo fails every send of the reply to "người tốt": the turn is saved, the reply is not seen.
    fake.fail({ method: 'sendMessage', errorCode: 500, times: 1_000 });
    await fake.waitFor('the sends given up', () => /zalo\.update_given_up/.test(first.stderr()), 60_000);
    await first.stop('SIGKILL').catch(() => undefined);
    fake.clearFailures();
    // The dead process's last poll is answered when its hold ends: let it end before counting.
    await new Promise((resolve) => setTimeout(resolve, fake.pollHoldMs + 400));

    const mark = fake.calls.length;
    await start();
    // The kept reply came before the first poll of the new process.
    const firstPoll = fake.calls.findIndex((c, i) => i >= mark && c.method === 'getUpdates');
    const sent = fake.calls.findIndex((c, i) => i >= mark && c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).includes('Người này ở tổ dân phố, làng hay cơ quan nào?'));
    expect(sent).toBeGreaterThan(-1);
    expect(sent).toBeLessThan(firstPoll);
    // The person answers the question they saw.
    const after = fake.calls.length;
    fake.push(fake.textUpdate(user, 'to 3'));
    expect(await fake.waitForText(user, 'Họ và tên người được đề cử là gì?', after)).toContain('Đơn vị: Tổ dân phố 3.');
    expect(fake.textsTo(user, after).join('\n')).not.toMatch(/Người này ở tổ dân phố|Bạn muốn đề cử ai/);
    expect(fake.violations).toEqual([]);
  }, 420_000);
});
