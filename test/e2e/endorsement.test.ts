// Two residents on one machine (`--as`): the second one, about to nominate the same person,
// is offered to support the first one's nomination instead; support counts once per person,
// and nobody supports their own nomination.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, ENDORSED, MENU_HINT, MINE, Q, RECEIPT, STATUS } from './screens.js';
import { STARTUP_MS } from '../support/wait-until.js';

const START = STARTUP_MS;

describe('supporting a neighbour’s nomination instead of filing it twice', () => {
  let data: ChatData;
  const bots: ChatProcess[] = [];
  const chatAs = async (name: string) => {
    const bot = startChatProcess({ env: data.env, args: ['--as', name] });
    bots.push(bot);
    await bot.expect(BANNER, START);
    return bot;
  };
  /** From "đề cử" to the name question: an individual doing good deeds in Tổ dân phố 3. */
  const upToName = async (bot: ChatProcess) => {
    await bot.say('đề cử', Q.category);
    await bot.say('2', Q.unit);
    await bot.say('to 3', Q.name);
  };

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await data.remove();
  });

  it('B supports A’s nomination once; A sees the support and cannot support their own', async () => {
    // A nominates Nguyễn Văn Ánh.
    const a = await chatAs('an');
    await upToName(a);
    await a.say('Nguyễn Văn Ánh', Q.deeds);
    await a.say(DEEDS, Q.criteria);
    await a.say('1', Q.photo);
    await a.say('bỏ qua', Q.consent);
    await a.say('đồng ý', Q.summary);
    expect(await a.say('1', RECEIPT)).toContain('mã biên nhận: TL-0001.');
    expect(await a.end()).toBe(0);

    // B types the same name without diacritics and in lower case.
    const b = await chatAs('binh');
    await upToName(b);
    const offer = await b.say('nguyen van anh', Q.duplicate);
    expect(offer).toContain('• TL-0001 · Nguyễn Văn Ánh · 0 lượt ủng hộ');
    expect(offer).toContain('bạn có thể ủng hộ đề cử đã có thay vì gửi đề cử mới');
    expect(offer).toContain('1. Ủng hộ đề cử TL-0001 (Nguyễn Văn Ánh)');
    expect(offer).toContain('2. Người, tập thể khác: tiếp tục đề cử');
    expect(await b.say('1', ENDORSED)).toContain('Cảm ơn bạn! Bạn đã ủng hộ đề cử TL-0001, giờ đề cử có 1 lượt ủng hộ.');

    // B tries again: told they already support it, and it is not offered a second time.
    await upToName(b);
    const again = await b.say('Nguyễn Văn Ánh', Q.duplicate);
    expect(again).toContain('• TL-0001 · Nguyễn Văn Ánh · 1 lượt ủng hộ (bạn đã ủng hộ)');
    expect(again).not.toContain('Ủng hộ đề cử TL-0001');
    expect(again).toContain('1. Người, tập thể khác: tiếp tục đề cử');
    // Typing the code does not count a second support either: the same question stays open.
    expect(await b.say('TL-0001', Q.duplicate)).not.toContain('Cảm ơn bạn! Bạn đã ủng hộ');
    // The form holds answers: cancelling asks once.
    expect(await b.say('huỷ', /2\. Tiếp tục\nGõ số để chọn\.\n\n/)).toContain('Hủy đề cử đang làm?');
    expect(await b.say('1', MENU_HINT)).toContain('Đã hủy. Đề cử chưa được gửi');
    const bMine = await b.say('/cuatoi', MINE);
    expect(bMine).toContain('Bạn chưa gửi đề cử nào.');
    expect(bMine).toMatch(/Đề cử bạn đã ủng hộ:\n• TL-0001 · Nguyễn Văn Ánh · /);
    expect(await b.end()).toBe(0);

    // A sees one support on their nomination.
    const a2 = await chatAs('an');
    const status = await a2.say('/trangthai TL-0001', STATUS);
    expect(status).toContain('Đề cử TL-0001: Nguyễn Văn Ánh');
    expect(status).toContain('Lượt ủng hộ: 1');

    // A types the same name again: the match is shown as A's own and not offered for support.
    await upToName(a2);
    const own = await a2.say('Nguyễn Văn Ánh', Q.duplicate);
    expect(own).toContain('• TL-0001 · Nguyễn Văn Ánh · 1 lượt ủng hộ (đề cử của bạn)');
    expect(own).not.toContain('Ủng hộ đề cử TL-0001');
    expect(own).toContain('Nếu đây là người hay tập thể khác, mời bạn chọn tiếp tục.');
    expect(await a2.end()).toBe(0);
  });
});
