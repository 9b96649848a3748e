// The process is killed without warning (SIGKILL) in the middle of the form; started again on the
// same data, the person goes on with the next answer and nothing typed before is asked again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, Q, RECEIPT, STATUS } from './screens.js';

const START = 60_000;

describe('a form interrupted by kill -9', () => {
  let data: ChatData;
  const bots: ChatProcess[] = [];
  const start = () => {
    const bot = startChatProcess({ env: data.env, args: ['--as', 'Bà Hoa'] });
    bots.push(bot);
    return bot;
  };

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await data.remove();
  });

  it('resumes exactly at the next question after a restart, and submits every answer', async () => {
    const first = start();
    await first.expect(BANNER, START);
    await first.say('/decu', Q.kind);
    await first.say('cá nhân', Q.category);
    await first.say('người tốt việc tốt', Q.unit);
    // A unit named in full is taken at once.
    await first.say('tổ dân phố 3', Q.name);
    await first.say('Trần Thị Bình', Q.deeds);
    // The answer to "what did they do" has been shown back as accepted: the criteria question.
    expect(await first.say(DEEDS, Q.criteria)).toContain('Trần Thị Bình đáp ứng những tiêu chí nào?');
    await first.kill();

    const second = start();
    await second.expect(BANNER, START);
    // The very next answer is taken as the answer to the criteria question.
    const criteria = await second.say('2', Q.criteria);
    expect(criteria).toContain('Đã chọn 1 tiêu chí.');
    expect(criteria).toMatch(/^2\. ✓ /m);
    expect(criteria).not.toMatch(/tập thể hay một cá nhân|loại điển hình nào|đơn vị nào|họ và tên|việc làm, thành tích nổi bật/);

    await second.say('xong', Q.photo);
    await second.say('bỏ qua', Q.consent);
    await second.say('không đồng ý', Q.summary);
    // Killed again while the summary is on screen; the summary is still there after the restart.
    await second.kill();

    const third = start();
    await third.expect(BANNER, START);
    const summary = await third.say('xin chào', Q.summary);
    expect(summary).toContain('Bạn đang có một đề cử chưa xong. Xin tiếp tục:');
    for (const line of [
      'Hình thức: Cá nhân',
      'Loại điển hình: Người lao động, người tốt, việc tốt',
      'Đơn vị: Tổ dân phố 3',
      'Tên: Trần Thị Bình',
      `Việc làm, thành tích: ${DEEDS}`,
      'Gương mẫu chấp hành chủ trương, pháp luật',
      'Ảnh: không',
      'Đồng ý lưu thông tin liên lạc: không',
    ]) {
      expect(summary).toContain(line);
    }

    expect(await third.say('gửi đề cử', RECEIPT)).toContain('Mã biên nhận: TL-0001.');
    const status = await third.say('/trangthai TL-0001', STATUS);
    expect(status).toContain('Đề cử TL-0001: Trần Thị Bình');
    expect(status).toContain('Loại điển hình: Người lao động, người tốt, việc tốt');
    expect(status).toContain('Đơn vị: Tổ dân phố 3');
    expect(await third.end()).toBe(0);
  });
});
