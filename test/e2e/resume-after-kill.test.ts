// The process is killed without warning (SIGKILL) in the middle of the form; started again on the
// same data, the person goes on with the next answer and nothing typed before is asked again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, Q, RECEIPT, STATUS } from './screens.js';
import { STARTUP_MS } from '../support/wait-until.js';

const START = STARTUP_MS;

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
    await first.say('/decu', Q.category);
    await first.say('người tốt việc tốt', Q.unit);
    // A unit named in full is taken at once.
    await first.say('tổ dân phố 3', Q.name);
    await first.say('Trần Thị Bình', Q.deeds);
    // The answer to "what did they do" has been shown back as accepted: the criteria question.
    expect(await first.say(DEEDS, Q.criteria)).toContain('Trần Thị Bình đạt những tiêu chí nào?');
    await first.kill();

    const second = start();
    await second.expect(BANNER, START);
    // The very next answer is taken as the answer to the criteria question.
    const photo = await second.say('2', Q.photo);
    expect(photo).toContain('Đã chọn 1 tiêu chí.');
    expect(photo).not.toMatch(/Bạn muốn đề cử ai|cơ quan nào|Họ và tên|việc tốt gì/);

    await second.say('bỏ qua', Q.consent);
    await second.say('không đồng ý', Q.summary);
    // Killed again while the summary is on screen; the summary is still there after the restart.
    await second.kill();

    const third = start();
    await third.expect(BANNER, START);
    const summary = await third.say('xin chào', Q.summary);
    expect(summary).toContain('Bạn còn một đề cử đang làm dở. Mời bạn điền tiếp:');
    for (const line of [
      'Người tốt, việc tốt: Trần Thị Bình, Tổ dân phố 3',
      `Việc làm: ${DEEDS}`,
      'Tiêu chí: Làm theo Bác, đúng pháp luật',
      'Ảnh: không có.',
      'Liên lạc: không đồng ý.',
    ]) {
      expect(summary).toContain(line);
    }

    expect(await third.say('gửi đề cử', RECEIPT)).toContain('mã biên nhận: TL-0001.');
    const status = await third.say('/trangthai TL-0001', STATUS);
    expect(status).toContain('Đề cử TL-0001: Trần Thị Bình\nNgười tốt, việc tốt · Tổ dân phố 3');
    expect(await third.end()).toBe(0);
  });
});
