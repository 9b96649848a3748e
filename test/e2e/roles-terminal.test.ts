// Roles on one machine, in the terminal: the officer named by ADMIN_CONSOLE_USERS invites a
// leader of Tổ dân phố 1; `--as lan` types the code (in lower case, with a dash) and accepts;
// typing it again is refused politely; the officer, back at the terminal, reads that it was
// accepted and sees Lan in the list of people with roles; a resident's /moi gets a polite no.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER } from './screens.js';

const START = 60_000;

describe('roles in the terminal', () => {
  let data: ChatData;
  const bots: ChatProcess[] = [];
  const chatAs = async (name: string) => {
    const bot = startChatProcess({ env: { ...data.env, ADMIN_CONSOLE_USERS: 'thu', QUIET_HOURS: 'off' }, args: ['--as', name] });
    bots.push(bot);
    await bot.expect(BANNER, START);
    return bot;
  };

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await data.remove();
  });

  it('invites by code, accepts once, and the officer hears of it', async () => {
    const thu = await chatAs('thu');
    await thu.say('/moi', 'Gõ số để chọn.');
    await thu.say('1', 'phụ trách đơn vị nào');
    await thu.say('to 1', 'Họ và tên người được mời');
    await thu.say('Phạm Thị Lan', 'Tạo lời mời này?');
    const made = await thu.say('1', /Lời mời dùng được một lần[^\n]*\n/);
    const code = /Mã mời: ([23456789A-HJKMNP-Z]{8})/.exec(made)![1]!;
    expect(made).toContain(`Nhắn cho trợ lý đề cử của phường: /thamgia ${code}`);
    expect(await thu.end()).toBe(0);

    const lan = await chatAs('lan');
    expect(await lan.say('/moi', 'Lệnh này chỉ dành cho')).toBeTruthy();
    const shown = await lan.say(`/thamgia ${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`, 'Bạn có nhận vai trò này không?');
    expect(shown).toContain('Tổ trưởng Tổ dân phố 1');
    expect(shown).toContain('Lời mời ghi tên: Phạm Thị Lan');
    await lan.say('1', 'Chúc mừng! Bạn đã nhận vai trò ở Phường Thắng Lợi');
    await lan.say(`tham gia ${code}`, 'Bạn đã nhận lời mời này rồi');
    expect(await lan.end()).toBe(0);

    const back = await chatAs('thu');
    await back.expect(`Lời mời ${code} đã được nhận`, 30_000);
    const list = await back.say('/vaitro', 'Muốn thu hồi vai trò của ai');
    await back.expect('Tổ trưởng Tổ dân phố 1 — Phạm Thị Lan');
    expect(list).toContain('Những người có vai trò ở Phường Thắng Lợi (2)');
    expect(await back.end()).toBe(0);
  });
});
