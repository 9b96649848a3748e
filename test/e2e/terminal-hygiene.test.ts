// Issue 12, items 7 and 9, on the real process in the terminal: the chat shows no log line even
// when stderr prints into the same terminal (the logs go to DATA_DIR/bot.log), its help lists
// only what works there, and "/anh" with a path to nothing is refused instead of "Photo: yes".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, GREETING, Q } from './screens.js';
import { STARTUP_MS } from '../support/wait-until.js';

const START = STARTUP_MS;

describe('the terminal chat stays a chat', () => {
  let data: ChatData;
  let bot: ChatProcess | undefined;

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    await bot?.kill();
    await data.remove();
  });

  it('prints no log line between messages, even at debug level with stderr in the same terminal; the logs are in DATA_DIR/bot.log', async () => {
    bot = startChatProcess({ env: { ...data.env, LOG_LEVEL: 'debug' }, args: ['--as', 'ba-h-bloi'], mergeStderr: true });
    await bot.expect(BANNER, START);
    await bot.say('xin chào', GREETING);
    const help = await bot.say('/trogiup', /gõ có dấu hay không dấu đều được\.\n\n/i);
    expect(help).not.toContain('/lienket');
    await bot.say('đề cử', Q.category);
    expect(await bot.end()).toBe(0);
    const chat = bot.transcript();
    expect(chat).not.toMatch(/^\{"t":/m);
    expect(chat).not.toMatch(/"level":"(debug|info|warn|error)"/);
    const log = await readFile(path.join(data.dataDir, 'bot.log'), 'utf8');
    expect(log).toMatch(/"event":"database.ready"/);
    expect(log).toMatch(/"event":"turn.done"/);
  });

  it('refuses "/anh" with a path to nothing, so the summary never says there is a photo', async () => {
    bot = startChatProcess({ env: data.env, args: ['--as', 'ksor'] });
    await bot.expect(BANNER, START);
    for (const [line, next] of [
      ['đề cử', Q.category],
      ['người tốt', Q.unit],
      ['to 5', Q.name],
      ['Ksor H’Bla', Q.deeds],
      [DEEDS, Q.criteria],
      ['2', Q.photo],
    ] as const) {
      await bot.say(line, next);
    }
    const missing = await bot.say('/anh /tmp/khong-co-anh-nao-o-day.jpg', /\n\n/);
    expect(missing).toBe('Không tìm thấy tệp ảnh “/tmp/khong-co-anh-nao-o-day.jpg”. Mời bạn xem lại đường dẫn rồi gửi lại.\n\n');
    await bot.say('bỏ qua', Q.consent);
    const summary = await bot.say('2', Q.summary);
    expect(summary).toContain('Ảnh: không có.');
    expect(summary).not.toContain('Ảnh: có.');
    expect(await bot.end()).toBe(0);
  });
});
