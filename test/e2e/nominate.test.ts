// A resident nominates a neighbour through `npm start`, the README's run command, in a terminal
// fed by a pipe: the whole form, a receipt code, then /trangthai and /cuatoi, then end of input.
import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, GREETING, MINE, Q, RECEIPT, STATUS } from './screens.js';

const START = 60_000;

describe('a resident nominates a neighbour through npm start', () => {
  let data: ChatData;
  let bot: ChatProcess | undefined;

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    await bot?.kill();
    await data.remove();
  });

  it('goes through every question, gets receipt TL-0001, follows it, and the process ends at end of input', async () => {
    bot = startChatProcess({ viaNpm: true, env: data.env, args: ['--as', 'lan'] });
    await bot.expect(BANNER, START);

    const hello = await bot.say('xin chào', GREETING);
    expect(hello).toContain('Xin chào lan! Tôi là trợ lý đề cử gương điển hình tiên tiến của Phường Thắng Lợi.');
    expect(hello).toContain('Đợt đề cử đang mở: Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030');

    // The only open campaign is chosen without asking.
    const kind = await bot.say('đề cử', Q.kind);
    expect(kind).toContain('Bắt đầu đề cử gương điển hình tiên tiến.');
    expect(kind).toContain('1. Tập thể — ban ngành, đoàn thể, tổ dân phố, làng\n2. Cá nhân');

    const category = await bot.say('2', Q.category);
    expect(category).toContain('Người này thuộc loại điển hình nào?');
    expect(category).toContain('2. Người lao động, người tốt, việc tốt — ');

    expect(await bot.say('2', Q.unit)).toContain('Vui lòng gõ một phần tên để tìm');
    const units = await bot.say('to 3', Q.unit);
    expect(units).toContain('Các đơn vị khớp với “to 3” (1):\n1. Tổ dân phố 3\n');

    await bot.say('1', Q.name);
    expect(await bot.say('Nguyễn Văn Ánh', Q.deeds)).toContain('thành tích nổi bật của Nguyễn Văn Ánh (từ 20 đến 2000 ký tự)');

    const criteria = await bot.say(DEEDS, Q.criteria);
    expect(criteria).toContain('Nguyễn Văn Ánh đáp ứng những tiêu chí nào?');
    expect(criteria).toContain('Chưa chọn tiêu chí nào.');
    const ticked = await bot.say('1,7', Q.criteria);
    expect(ticked).toContain('Đã chọn 2 tiêu chí.');
    expect(ticked).toMatch(/^1\. ✓ /m);
    expect(ticked).toMatch(/^7\. ✓ Đoàn kết, tương trợ, giúp đỡ mọi người$/m);

    await bot.say('xong', Q.photo);
    await bot.say('/anh /tmp/anh-ong-anh.jpg', Q.consent);
    await bot.say('1', Q.phone);
    const summary = await bot.say('0905 123 456', Q.summary);
    for (const line of [
      'Hình thức: Cá nhân',
      'Loại điển hình: Người lao động, người tốt, việc tốt',
      'Đơn vị: Tổ dân phố 3',
      'Tên: Nguyễn Văn Ánh',
      `Việc làm, thành tích: ${DEEDS}`,
      'Thành tích tiêu biểu, dẫn đầu phong trào thi đua',
      'Đoàn kết, tương trợ, giúp đỡ mọi người',
      'Ảnh: có',
      'Đồng ý lưu thông tin liên lạc: có',
      'Số điện thoại: 0905',
      '1. Gửi đề cử',
    ]) {
      expect(summary).toContain(line);
    }

    const receipt = await bot.say('1', RECEIPT);
    expect(receipt).toContain('Xin cảm ơn! Đề cử của bạn đã được gửi. Mã biên nhận: TL-0001.');
    expect(receipt).toContain('Để theo dõi, gõ /trangthai TL-0001 bất cứ lúc nào.');

    const status = await bot.say('/trangthai TL-0001', STATUS);
    expect(status).toContain('Đề cử TL-0001: Nguyễn Văn Ánh');
    expect(status).toContain('Loại điển hình: Người lao động, người tốt, việc tốt');
    expect(status).toContain('Đơn vị: Tổ dân phố 3');
    expect(status).toMatch(/Tình trạng: đã gửi ngày \d{2}\/\d{2}\/\d{4}, đang chờ xem xét\./);
    expect(status).toContain('Số lượt ủng hộ: 0');
    expect(status).toMatch(/• \d{2}\/\d{2}\/\d{4}: gửi đề cử/);

    const mine = await bot.say('/cuatoi', MINE);
    expect(mine).toContain('Đề cử bạn đã gửi:');
    expect(mine).toMatch(/• TL-0001 · Nguyễn Văn Ánh · gửi \d{2}\/\d{2}\/\d{4} · đang chờ xem xét/);

    // Ctrl+D, or the end of a piped script: the process closes the database and exits by itself.
    expect(await bot.end()).toBe(0);
    // Nothing went wrong behind the scenes (npm itself may print notices there, so only errors count).
    expect(bot.stderr()).not.toMatch(/error/i);
    // The data went where it should: PGlite files in DATA_DIR, or only the server's database.
    const files = await readdir(data.dataDir);
    if (data.backend === 'pglite') expect(files).not.toEqual([]);
    else expect(files).toEqual([]);
  });
});
