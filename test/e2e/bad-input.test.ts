// Bad input through the real process: each gets a clear, polite answer in Vietnamese and the
// same question again; the form goes on and no earlier answer is lost.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, MENU_HINT, MINE, Q, RECEIPT, STATUS } from './screens.js';
import { STARTUP_MS } from '../support/wait-until.js';

const START = STARTUP_MS;
const NAME = 'Lê Thị Hồng Nhung';

describe('bad input in the terminal chat', () => {
  let data: ChatData;
  let bot: ChatProcess | undefined;
  let photo: string;

  beforeEach(async () => {
    data = await freshChatData();
    photo = path.join(data.dataDir, 'nhung.jpg');
    await writeFile(photo, 'jpeg');
    bot = startChatProcess({ env: data.env, args: ['--as', 'tuan'] });
    await bot.expect(BANNER, START);
  });
  afterEach(async () => {
    await bot?.kill();
    await data.remove();
  });

  it('gets a clear answer at every step, and the nomination keeps every good answer', async () => {
    const b = bot!;
    // Outside a form: a blank line and an unknown command.
    expect(await b.say('', /Bạn có thể:[\s\S]*?gõ \/trogiup\n\n/)).toContain('Xin lỗi, tôi chưa hiểu ý bạn.');
    const unknown = await b.say('/xyz', MENU_HINT);
    expect(unknown).toContain('Xin lỗi, không có lệnh /xyz.');
    expect(unknown).toContain('Các lệnh bạn dùng được:\n/decu (đề cử)');

    await b.say('đề cử', Q.category);
    // A choice: blank, 0, 99, several numbers, words that match nothing, a photo.
    expect(await b.say('   ', Q.category)).toContain('Bạn chưa gõ gì. Mời bạn trả lời câu dưới đây.');
    expect(await b.say('0', Q.category)).toContain('Không có lựa chọn số 0. Mời bạn gõ một số từ 1 đến 5.');
    expect(await b.say('99', Q.category)).toContain('Không có lựa chọn số 99. Mời bạn gõ một số từ 1 đến 5.');
    expect(await b.say('1,2', Q.category)).toContain('Câu này chỉ chọn một thôi. Mời bạn gõ một số.');
    expect(await b.say('con mèo', Q.category)).toContain('Không có lựa chọn nào khớp với “con mèo”. Mời bạn gõ số của một lựa chọn dưới đây.');
    expect(await b.say(`/anh ${photo}`, Q.category)).toContain('Câu này không cần ảnh.');

    const unknownInForm = await b.say('/xyz', Q.category);
    expect(unknownInForm).toContain('Xin lỗi, không có lệnh /xyz.');
    expect(unknownInForm).toContain('Bạn muốn đề cử ai?');
    await b.say('2', Q.unit);
    expect(await b.say('xyz', Q.unit)).toContain('Không tìm thấy đơn vị nào khớp với “xyz”');
    await b.say('to 3', Q.name);

    // The name: 10,000 characters, emoji only, a number, then the real name sent twice.
    const huge = await b.say('a'.repeat(10_000), Q.name);
    expect(huge).toContain('10000');
    expect(huge.length).toBeLessThan(1_000);
    expect(await b.say('😀🎉👍', Q.name)).toContain('Tên cần có chữ cái');
    expect(await b.say('12345', Q.name)).toContain('Tên cần có chữ cái, không chỉ có số hay ký hiệu');
    await b.say(NAME, Q.deeds);
    const twice = await b.say(NAME, Q.deeds);
    expect(twice).toContain(`Bạn vừa gửi lại tên “${NAME}”.`);
    expect(twice).toContain(`${NAME} đã làm những việc tốt gì?`);

    // The description: a photo, 10,000 characters, emoji only, too short.
    expect(await b.say(`/anh ${photo}`, Q.deeds)).toContain('Câu này không cần ảnh.');
    const long = await b.say('Rất tốt. '.repeat(1_112), Q.deeds);
    expect(long).toContain('Phần kể dài quá: 10007 ký tự, tối đa 2000. Mời bạn rút gọn lại.');
    expect(long.length).toBeLessThan(1_000);
    expect(await b.say('👏'.repeat(25), Q.deeds)).toContain('Phần kể cần có chữ');
    expect(await b.say('Tốt bụng', Q.deeds)).toContain('Phần kể hơi ngắn (8 ký tự)');
    await b.say(DEEDS, Q.criteria);

    // The criteria: "done" with none ticked, a number out of range; then a typed number answers,
    // and typed again (back at the question) it stays ticked.
    expect(await b.say('xong', Q.criteria)).toContain('Mời bạn chọn ít nhất một tiêu chí');
    expect(await b.say('99', Q.criteria)).toContain('Không có lựa chọn số 99. Mời bạn gõ một số từ 1 đến 10.');
    expect(await b.say('3', Q.photo)).toContain('Đã chọn 1 tiêu chí.');
    expect(await b.say('quay lại', Q.criteria)).toMatch(/^3\. ✓ /m);
    expect(await b.say('3, 9', Q.photo)).toContain('Đã chọn 2 tiêu chí.');

    // The photo: words instead of a photo, a path to nothing.
    expect(await b.say('ảnh đẹp lắm', Q.photo)).toContain('Câu này cần một ảnh. Nếu không có ảnh, gõ “bỏ qua”.');
    // "/anh" without a path: the terminal says how to send a photo, and the question stays open.
    expect(await b.say('/anh', /\n\n/)).toBe('Để gửi ảnh, gõ /anh, một dấu cách, rồi đường dẫn tới tệp ảnh hoặc địa chỉ ảnh trên mạng, ví dụ: /anh /home/lan/anh-ong-tu.jpg\n\n');
    expect(await b.say('/anh /tmp/khong-co-anh-nay.jpg', /\n\n/)).toBe('Không tìm thấy tệp ảnh “/tmp/khong-co-anh-nay.jpg”. Mời bạn xem lại đường dẫn rồi gửi lại.\n\n');
    await b.say(`/anh ${photo}`, Q.consent);
    expect(await b.say('77', Q.consent)).toContain('Mời bạn gõ 1 (đồng ý), 2 (không đồng ý), hoặc số điện thoại di động.');

    // The phone, in the consent answer: a few digits among words, too short, a landline; then
    // agreeing with the number in one sentence, as the question invites.
    expect(await b.say('số nhà 555', Q.consent)).toContain('Số di động cần đủ 10 chữ số');
    expect(await b.say('091234', Q.consent)).toContain('Số di động cần đủ 10 chữ số');
    expect(await b.say('0269 3824 567', Q.consent)).toContain('không phải số di động');
    const summary = await b.say('Đồng ý, số 0912 345 678', Q.summary);

    // Nothing was lost on the way.
    for (const line of [
      `Người tốt, việc tốt: ${NAME}, Tổ dân phố 3`,
      `Việc làm: ${DEEDS}`,
      'Tiêu chí: Làm từ thiện, nhân đạo; Gia đình văn hóa',
      'Ảnh: có.',
      'Liên lạc: đồng ý, số 0912345678.',
    ]) {
      expect(summary).toContain(line);
    }
    expect(await b.say('0', Q.summary)).toContain('Không có lựa chọn số 0. Mời bạn gõ một số từ 1 đến 3.');

    // Confirmation twice (by number, then by words): sent once, the same code both times.
    expect(await b.say('1', RECEIPT)).toContain('Cảm ơn bạn! Đề cử đã được gửi, mã biên nhận: TL-0001.');
    expect(await b.say('1', RECEIPT)).toContain('Đề cử này đã được gửi rồi, mã biên nhận: TL-0001.');
    expect(await b.say('gửi đề cử', RECEIPT)).toContain('mã biên nhận: TL-0001.');
    const mine = await b.say('/cuatoi', MINE);
    expect(mine.match(/• TL-\d{4} /g)).toEqual(['• TL-0001 ']);

    // A code that is not one, and one that does not exist.
    expect(await b.say('/trangthai abc', MENU_HINT)).toContain('“abc” không phải mã đề cử. Mã có dạng TL-0001');
    expect(await b.say('/trangthai TL-0099', /gõ \/cuatoi để xem các đề cử của bạn\.\n\n/)).toContain('Không tìm thấy đề cử TL-0099.');
    expect(await b.end()).toBe(0);
    expect(b.stderr()).toBe('');
  });

  it('keeps SQL and HTML as ordinary text, stored and shown back verbatim', async () => {
    const b = bot!;
    const name = "<b>Tổ 3</b> & co'; drop table nominations;--";
    const deeds = `<script>alert("x")</script> giữ gìn đường phố xanh – sạch – đẹp & an toàn'); DELETE FROM members; --`;
    await b.say('/decu', Q.category);
    await b.say('tập thể', Q.categoryOfKind);
    await b.say('khu dân cư văn hóa', Q.place);
    await b.say('to 3', Q.collectiveName);
    expect(await b.say(name, Q.achievements)).toContain(`${name} có những thành tích gì nổi bật?`);
    await b.say(deeds, Q.criteria);
    await b.say('1', Q.photo);
    await b.say('bỏ qua', Q.consent);
    const summary = await b.say('2', Q.summary);
    expect(summary).toContain(`Khu dân cư văn hóa (tổ dân phố, làng): ${name}, Tổ dân phố 3\n`);
    expect(summary).toContain(`Thành tích: ${deeds}\n`);
    expect(await b.say('1', RECEIPT)).toContain('mã biên nhận: TL-0001.');

    // Read back from the database: the same characters, and the tables are all still there.
    expect(await b.say('/trangthai TL-0001', STATUS)).toContain(`Đề cử TL-0001: ${name}\n`);
    expect(await b.say('/cuatoi', MINE)).toContain(`• TL-0001 · ${name} · gửi `);
    expect(await b.end()).toBe(0);
  });
});
