// A resident nominates a neighbour through `npm start`, the README's run command, in a terminal
// fed by a pipe: the whole form, a receipt code, then /trangthai and /cuatoi, then end of input.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, GREETING, MINE, Q, RECEIPT, STATUS } from './screens.js';
import { STARTUP_MS } from '../support/wait-until.js';

const START = STARTUP_MS;

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
    expect(hello).toContain('Xin chào lan! Tôi là trợ lý tự động của Phường Thắng Lợi, nhận đề cử cho đợt “Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030”');

    // The only open campaign is chosen without asking; whom to nominate is one question.
    const whom = await bot.say('đề cử', Q.category);
    expect(whom).toContain('Gõ “quay lại” để sửa câu trước, “hủy” để dừng.');
    expect(whom).toContain('1. Cán bộ, người làm việc ở cơ quan, doanh nghiệp\n2. Người tốt, việc tốt');

    expect(await bot.say('2', Q.unit)).toContain('Gõ tên, ví dụ: tổ 3, làng Ia. Không nhớ tên thì gõ “xem”.');
    // The one unit "to 3" names is taken, and said.
    expect(await bot.say('to 3', Q.name)).toContain('Đơn vị: Tổ dân phố 3.');
    expect(await bot.say('Nguyễn Văn Ánh', Q.deeds)).toContain('Nguyễn Văn Ánh đã làm những việc tốt gì?');

    const criteria = await bot.say(DEEDS, Q.criteria);
    expect(criteria).toContain('Nguyễn Văn Ánh đạt những tiêu chí nào?');
    expect(criteria).toMatch(/^7\. Giúp đỡ mọi người$/m);
    expect(await bot.say('1,7', Q.photo)).toContain('Đã chọn 2 tiêu chí.');

    const photo = path.join(data.dataDir, 'anh-ong-anh.jpg');
    await writeFile(photo, 'jpeg');
    await bot.say(`/anh ${photo}`, Q.consent);
    const summary = await bot.say('0905 123 456', Q.summary);
    for (const line of [
      'Người tốt, việc tốt: Nguyễn Văn Ánh, Tổ dân phố 3',
      `Việc làm: ${DEEDS}`,
      'Tiêu chí: Dẫn đầu phong trào; Giúp đỡ mọi người',
      'Ảnh: có.',
      'Liên lạc: đồng ý, số 0905123456.',
      '1. Gửi đề cử',
    ]) {
      expect(summary).toContain(line);
    }

    const receipt = await bot.say('1', RECEIPT);
    expect(receipt).toContain('Cảm ơn bạn! Đề cử đã được gửi, mã biên nhận: TL-0001.');
    expect(receipt).toContain('Gõ /trangthai TL-0001 để theo dõi.');

    const status = await bot.say('/trangthai TL-0001', STATUS);
    expect(status).toContain('Đề cử TL-0001: Nguyễn Văn Ánh\nNgười tốt, việc tốt · Tổ dân phố 3');
    expect(status).toContain('Tình trạng: đang chờ tổ dân phố, làng xem xét.');
    expect(status).toContain('Lượt ủng hộ: 0');
    expect(status).toMatch(/• \d{2}\/\d{2}\/\d{4}: gửi đề cử/);

    const mine = await bot.say('/cuatoi', MINE);
    expect(mine).toContain('Đề cử bạn đã gửi:');
    expect(mine).toMatch(/• TL-0001 · Nguyễn Văn Ánh · gửi \d{2}\/\d{2}\/\d{4} · đang chờ xem xét/);

    // Ctrl+D, or the end of a piped script: the process closes the database and exits by itself.
    expect(await bot.end()).toBe(0);
    // Nothing went wrong behind the scenes (npm itself may print notices there, so only errors count).
    expect(bot.stderr()).not.toMatch(/error/i);
    // The data went where it should: PGlite files in DATA_DIR, or only the server's database.
    const files = (await readdir(data.dataDir)).filter((f) => f !== 'anh-ong-anh.jpg');
    if (data.backend === 'pglite') expect(files).not.toEqual([]);
    else expect(files).toEqual([]);
  });
});
