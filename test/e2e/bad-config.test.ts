// A wrong setting stops the bot before it opens a database or a chat, with a line that names
// the variable and says what it should be.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';

describe('starting with a bad configuration', () => {
  let dataDir: string;
  let bot: ChatProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-e2e-config-'));
  });
  afterEach(async () => {
    await bot?.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    { variable: 'LOG_LEVEL', value: 'loud', says: 'LOG_LEVEL must be one of debug, info, warn, error, silent' },
    { variable: 'DATABASE_URL', value: 'mysql://x', says: 'DATABASE_URL must be a Postgres connection URL, e.g. postgres://' },
    { variable: 'DEFAULT_LOCALE', value: 'fr', says: 'DEFAULT_LOCALE must be vi or en' },
  ])('$variable=$value: exits non-zero, naming the variable', async ({ variable, value, says }) => {
    bot = startChatProcess({
      env: { DATA_DIR: dataDir, DATABASE_URL: undefined, SUPABASE_URL: undefined, SUPABASE_SERVICE_ROLE_KEY: undefined, TELEGRAM_BOT_TOKEN: undefined, [variable]: value },
    });
    // It stops by itself: nobody has to close its input.
    const code = await bot.exited(30_000);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(bot.stderr()).toContain('The bot cannot start: the configuration has a problem.');
    expect(bot.stderr()).toContain(says);
    expect(bot.stderr()).toContain('Set or fix these variables in the environment or in .env');
    // No chat was opened and no database was created.
    expect(bot.transcript()).toBe('');
    expect(await readdir(dataDir)).toEqual([]);
  });
});
