// Bad input through the real process: each gets a clear, polite answer in Vietnamese and the
// same question again; the form goes on and no earlier answer is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, DEEDS, MENU_HINT, MINE, Q, RECEIPT, STATUS } from './screens.js';

const START = 60_000;
const NAME = 'Lê Thị Hồng Nhung';

describe('bad input in the terminal chat', () => {
  let data: ChatData;
  let bot: ChatProcess | undefined;

  beforeEach(async () => {
    data = await freshChatData();
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
    expect(unknown).toContain('Xin lỗi, tôi không biết lệnh /xyz.');
    expect(unknown).toContain('Các lệnh dùng được: /decu (đề cử)');

    await b.say('đề cử', Q.kind);
    // A choice: blank, 0, 99, several numbers, words that match nothing, a photo.
    expect(await b.say('   ', Q.kind)).toContain('Bạn chưa nhập gì. Vui lòng trả lời câu hỏi bên dưới.');
    expect(await b.say('0', Q.kind)).toContain('Không có lựa chọn số 0. Vui lòng gõ một số từ 1 đến 2.');
    expect(await b.say('99', Q.kind)).toContain('Không có lựa chọn số 99. Vui lòng gõ một số từ 1 đến 2.');
    expect(await b.say('1,2', Q.kind)).toContain('Câu này chỉ chọn một. Vui lòng gõ một số thôi.');
    expect(await b.say('con mèo', Q.kind)).toContain('Không có lựa chọn nào khớp với “con mèo”. Vui lòng gõ số thứ tự của một lựa chọn bên dưới.');
    expect(await b.say('/anh /tmp/x.jpg', Q.kind)).toContain('Câu này chưa cần ảnh.');

    await b.say('2', Q.category);
    const unknownInForm = await b.say('/xyz', Q.category);
    expect(unknownInForm).toContain('Xin lỗi, tôi không biết lệnh /xyz.');
    expect(unknownInForm).toContain('Người này thuộc loại điển hình nào?');
    await b.say('2', Q.unit);
    expect(await b.say('xyz', Q.unit)).toContain('Không tìm thấy đơn vị nào khớp với “xyz”');
    await b.say('to 3', Q.unit);
    await b.say('1', Q.name);

    // The name: 10,000 characters, emoji only, a number, then the real name sent twice.
    const huge = await b.say('a'.repeat(10_000), Q.name);
    expect(huge).toContain('10000');
    expect(huge.length).toBeLessThan(1_000);
    expect(await b.say('😀🎉👍', Q.name)).toContain('Tên cần có chữ cái');
    expect(await b.say('12345', Q.name)).toContain('Tên cần có chữ cái, không chỉ gồm số hay ký hiệu');
    await b.say(NAME, Q.deeds);
    const twice = await b.say(NAME, Q.deeds);
    expect(twice).toContain(`Bạn vừa gửi lại tên “${NAME}”, chưa phải phần mô tả.`);
    expect(twice).toContain(`thành tích nổi bật của ${NAME}`);

    // The description: a photo, 10,000 characters, emoji only, too short.
    expect(await b.say('/anh /tmp/x.jpg', Q.deeds)).toContain('Câu này chưa cần ảnh.');
    const long = await b.say('Rất tốt. '.repeat(1_112), Q.deeds);
    expect(long).toContain('Phần mô tả quá dài: 10007 ký tự, tối đa 2000 ký tự. Vui lòng rút gọn lại.');
    expect(long.length).toBeLessThan(1_000);
    expect(await b.say('👏'.repeat(25), Q.deeds)).toContain('Phần mô tả cần có chữ');
    expect(await b.say('Tốt bụng', Q.deeds)).toContain('Phần mô tả hơi ngắn (8 ký tự)');
    await b.say(DEEDS, Q.criteria);

    // The criteria: "done" with none ticked, a number out of range, then the same number twice
    // (ticked, then unticked: the list shows which).
    expect(await b.say('xong', Q.criteria)).toContain('Vui lòng chọn ít nhất một tiêu chí');
    expect(await b.say('99', Q.criteria)).toContain('Không có lựa chọn số 99. Vui lòng gõ một số từ 1 đến 10.');
    expect(await b.say('3', Q.criteria)).toMatch(/^3\. ✓ /m);
    expect(await b.say('3', Q.criteria)).toMatch(/^3\. ☐ /m);
    expect(await b.say('3,9', Q.criteria)).toContain('Đã chọn 2 tiêu chí.');
    await b.say('xong', Q.photo);

    // The photo: words instead of a photo.
    expect(await b.say('ảnh đẹp lắm', Q.photo)).toContain('Ở bước này cần gửi ảnh. Nếu không có ảnh, vui lòng gõ «bỏ qua»');
    // "/anh" without a path: the terminal says how to send a photo, and the question stays open.
    expect(await b.say('/anh', /\n\n/)).toBe('Để gửi ảnh, gõ /anh, một dấu cách, rồi đường dẫn tới tệp ảnh hoặc địa chỉ ảnh trên mạng, ví dụ: /anh /home/lan/anh-ong-tu.jpg\n\n');
    await b.say('/anh /tmp/nhung.jpg', Q.consent);
    expect(await b.say('77', Q.consent)).toContain('Không có lựa chọn số 77. Vui lòng gõ một số từ 1 đến 2.');
    await b.say('đồng ý', Q.phone);

    // The phone: words, too short, a landline.
    expect(await b.say('số nhà 5', Q.phone)).toContain('Số điện thoại chỉ gồm chữ số');
    expect(await b.say('091234', Q.phone)).toContain('Số di động cần đủ 10 chữ số');
    expect(await b.say('0269 3824 567', Q.phone)).toContain('không phải số di động');
    const summary = await b.say('0912 345 678', Q.summary);

    // Nothing was lost on the way.
    for (const line of [
      'Hình thức: Cá nhân',
      'Loại điển hình: Người lao động, người tốt, việc tốt',
      'Đơn vị: Tổ dân phố 3',
      `Tên: ${NAME}`,
      `Việc làm, thành tích: ${DEEDS}`,
      'Tích cực tham gia hoạt động nhân đạo, từ thiện, an sinh xã hội',
      'Gia đình hàng năm đạt danh hiệu “Gia đình văn hóa”',
      'Ảnh: có',
      'Đồng ý lưu thông tin liên lạc: có',
      'Số điện thoại: 0912',
    ]) {
      expect(summary).toContain(line);
    }
    expect(await b.say('0', Q.summary)).toContain('Không có lựa chọn số 0. Vui lòng gõ một số từ 1 đến 11.');

    // Confirmation twice (by number, then by words): sent once, the same code both times.
    expect(await b.say('1', RECEIPT)).toContain('Xin cảm ơn! Đề cử của bạn đã được gửi. Mã biên nhận: TL-0001.');
    expect(await b.say('1', RECEIPT)).toContain('Đề cử này đã được gửi trước đó nên không gửi lại lần nữa. Mã biên nhận: TL-0001.');
    expect(await b.say('gửi đề cử', RECEIPT)).toContain('Mã biên nhận: TL-0001.');
    const mine = await b.say('/cuatoi', MINE);
    expect(mine.match(/• TL-\d{4} /g)).toEqual(['• TL-0001 ']);

    // A code that is not one, and one that does not exist.
    expect(await b.say('/trangthai abc', MENU_HINT)).toContain('“abc” không phải mã biên nhận. Mã có dạng TL-0001');
    expect(await b.say('/trangthai TL-0099', /gõ \/cuatoi để xem danh sách\.\n\n/)).toContain('Không tìm thấy đề cử mã TL-0099');
    expect(await b.end()).toBe(0);
    expect(b.stderr()).toBe('');
  });

  it('keeps SQL and HTML as ordinary text, stored and shown back verbatim', async () => {
    const b = bot!;
    const name = "<b>Tổ 3</b> & co'; drop table nominations;--";
    const deeds = `<script>alert("x")</script> giữ gìn đường phố xanh – sạch – đẹp & an toàn'); DELETE FROM members; --`;
    await b.say('/decu', Q.kind);
    await b.say('tập thể', Q.category);
    await b.say('khu dân cư văn hóa', Q.unit);
    await b.say('to 3', Q.unit);
    await b.say('1', Q.collectiveName);
    expect(await b.say(name, Q.deeds)).toContain(`thành tích nổi bật của ${name} (từ 20`);
    await b.say(deeds, Q.criteria);
    await b.say('1', Q.criteria);
    await b.say('xong', Q.photo);
    await b.say('bỏ qua', Q.consent);
    const summary = await b.say('2', Q.summary);
    expect(summary).toContain(`Tên: ${name}\n`);
    expect(summary).toContain(`Việc làm, thành tích: ${deeds}\n`);
    expect(await b.say('1', RECEIPT)).toContain('Mã biên nhận: TL-0001.');

    // Read back from the database: the same characters, and the tables are all still there.
    expect(await b.say('/trangthai TL-0001', STATUS)).toContain(`Đề cử TL-0001: ${name}\n`);
    expect(await b.say('/cuatoi', MINE)).toContain(`• TL-0001 · ${name} · gửi `);
    expect(await b.end()).toBe(0);
  });
});
