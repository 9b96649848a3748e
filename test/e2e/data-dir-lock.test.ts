// Two processes on one embedded database corrupt it: a second process on the same DATA_DIR is
// refused at start, with a message naming the folder and the running process and saying what to
// do; the first goes on as if nothing happened; and after the first is killed without warning
// (kill -9, its lock file left behind), a new start takes the folder over.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, GREETING, Q } from './screens.js';

// A start takes seconds; on a machine busy with other work, far longer.
const START = 150_000;

describe('one process per embedded database', () => {
  let dataDir: string;
  const bots: ChatProcess[] = [];
  // The embedded database only: a Postgres server (DATABASE_URL) serves many processes.
  const start = (who: string) => {
    const bot = startChatProcess({ env: { DATA_DIR: dataDir, DATABASE_URL: undefined, SUPABASE_URL: undefined, SUPABASE_SERVICE_ROLE_KEY: undefined, TELEGRAM_BOT_TOKEN: undefined, ZALO_BOT_TOKEN: undefined, CONSOLE: undefined }, args: ['--as', who] });
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-lock-e2e-'));
  });
  afterAll(async () => {
    for (const bot of bots) await bot.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same DATA_DIR, and the first keeps working', async () => {
    const first = start('lan');
    await first.expect(BANNER, START);
    await first.say('xin chào', GREETING);

    const second = start('minh');
    const code = await second.exited(START);
    expect(code).not.toBe(0);
    expect(second.stderr()).toContain(dataDir);
    expect(second.stderr()).toContain(`pid ${first.pid}`);
    expect(second.stderr()).toMatch(/stop that process/);
    expect(second.stderr()).toMatch(/DATA_DIR=/);
    expect(second.stderr()).toMatch(/DATABASE_URL=/);
    expect(second.transcript()).not.toMatch(/Nhấn Ctrl\+D/);

    // The first never noticed: the form starts as usual.
    await first.say('/decu', Q.category);
  }, 2 * START);

  it('after a kill -9 of the first (its lock file left behind), a new start succeeds and finds the form', async () => {
    const [first] = bots;
    await first!.kill();
    const lockFile = path.join(dataDir, 'bot-process.lock');
    expect(existsSync(lockFile)).toBe(true);
    const third = start('lan');
    await third.expect(BANNER, START);
    const resumed = await third.say('xin chào', Q.category);
    expect(resumed).toContain('Bạn còn một đề cử đang làm dở');
    expect(await third.end()).toBe(0);
    // A clean stop lets the folder go.
    expect(existsSync(lockFile)).toBe(false);
  }, 2 * START);
});
