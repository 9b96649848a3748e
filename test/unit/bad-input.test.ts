import { describe, expect, it } from 'vitest';
import { Chat, DEEDS } from './chat-harness.js';

// The answers of a whole form, in order; `at(step)` answers until that question is on screen.
const ANSWERS = ['/decu', 'người tốt', 'Tổ dân phố 3', 'Nguyễn Văn An', DEEDS, '1', 'bỏ qua', 'đồng ý'];

function at(step: 'category' | 'unit' | 'name' | 'deeds' | 'criteria' | 'photo' | 'consent'): Chat {
  const chat = new Chat();
  for (const line of ANSWERS) {
    if (chat.state.step === step) return chat;
    chat.say(line);
  }
  if (chat.state.step !== step) throw new Error(`did not reach ${step}: ${chat.read()}`);
  return chat;
}

describe('bad input gets a specific, polite explanation and the same question again', () => {
  it('a blank answer', () => {
    const chat = at('name');
    const reply = chat.say('   ');
    expect(reply).toContain('Bạn chưa gõ gì');
    expect(reply).toContain('Họ và tên người được đề cử là gì?');
  });

  it('a 10,000-character description', () => {
    const chat = at('deeds');
    const reply = chat.say('a'.repeat(10_000));
    expect(reply).toContain('Phần kể dài quá: 10000 ký tự, tối đa 2000');
    expect(reply).toContain('đã làm những việc tốt gì?');
    expect(reply.length).toBeLessThan(1000);
  });

  it('the name sent twice in a row is not taken as the description', () => {
    const chat = at('name');
    chat.say('Nguyễn Văn An Khang');
    const reply = chat.say('nguyen van an khang');
    expect(reply).toContain('Bạn vừa gửi lại tên “Nguyễn Văn An Khang”.');
    expect(reply).toContain('Nguyễn Văn An Khang đã làm những việc tốt gì?');
    expect(chat.state.answers.deeds).toBeUndefined();
  });

  it('a description that is too short, with its length', () => {
    expect(at('deeds').say('Tốt bụng')).toContain('Phần kể hơi ngắn (8 ký tự)');
  });

  it('emoji only, as a name or as a description', () => {
    expect(at('name').say('😀🎉👍')).toContain('Tên cần có chữ cái');
    expect(at('deeds').say('👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏👏')).toContain('Phần kể cần có chữ');
  });

  it('a number where a name is expected', () => {
    const reply = at('name').say('12345');
    expect(reply).toContain('Tên cần có chữ cái, không chỉ có số hay ký hiệu');
  });

  it('SQL or HTML is kept verbatim as ordinary text', () => {
    const chat = at('name');
    const name = "Robert'); DROP TABLE nominations;-- <b>An</b>";
    chat.say(name);
    const deeds = '<script>alert("x")</script> giúp đỡ hàng xóm & sửa đường';
    chat.say(deeds);
    expect(chat.state.answers.name).toBe(name);
    expect(chat.state.answers.deeds).toBe(deeds);
    chat.say('1');
    chat.say('bỏ qua');
    chat.say('2');
    expect(chat.read()).toContain(`Việc làm: ${deeds}`);
  });

  it('choice 0 or 99 names the valid range', () => {
    const chat = at('category');
    expect(chat.say('0')).toContain('Không có lựa chọn số 0. Mời bạn gõ một số từ 1 đến 5.');
    const reply = chat.say('99');
    expect(reply).toContain('Không có lựa chọn số 99. Mời bạn gõ một số từ 1 đến 5.');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  it('several numbers where only one choice is allowed', () => {
    expect(at('category').say('1,2')).toContain('Câu này chỉ chọn một');
  });

  it('words that match no option', () => {
    const reply = at('category').say('con mèo');
    expect(reply).toContain('Không có lựa chọn nào khớp với “con mèo”');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  it('a unit search that finds nothing keeps asking for the unit', () => {
    const reply = at('unit').say('xyz');
    expect(reply).toContain('Không tìm thấy đơn vị nào khớp với “xyz”');
    expect(reply).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
  });

  it('a photo where text is expected, without losing the answers so far', () => {
    const chat = at('deeds');
    const reply = chat.sendPhoto('photo-1');
    expect(reply).toContain('Câu này không cần ảnh');
    expect(reply).toContain('Nguyễn Văn An đã làm những việc tốt gì?');
    expect(chat.state.answers.name).toBe('Nguyễn Văn An');
  });

  it('text where a photo is expected explains how to send one or skip', () => {
    const reply = at('photo').say('ảnh đẹp lắm');
    expect(reply).toContain('Câu này cần một ảnh. Nếu không có ảnh, gõ “bỏ qua”.');
  });

  it('a phone number that is not a Vietnamese mobile', () => {
    const chat = at('consent');
    expect(chat.say('091234')).toContain('Số di động cần đủ 10 chữ số');
    expect(chat.say('0269 3824 567')).toContain('không phải số di động');
    expect(chat.say('số nhà 555')).toContain('Số di động cần đủ 10 chữ số');
    expect(chat.say('có lẽ')).toContain('Mời bạn gõ 1 (đồng ý), 2 (không đồng ý), hoặc số điện thoại di động.');
    expect(chat.read()).toContain('Đồng ý thì có thể gõ luôn số điện thoại.');
  });

  it('finishing the criteria with none ticked', () => {
    expect(at('criteria').say('xong')).toContain('Mời bạn chọn ít nhất một tiêu chí');
  });

  it('an unknown command lists what works and repeats the question', () => {
    const chat = at('name');
    const reply = chat.say('/xyz');
    expect(reply).toContain('Xin lỗi, không có lệnh /xyz.');
    expect(reply).toContain('/decu (đề cử)');
    expect(reply).toContain('Họ và tên người được đề cử là gì?');
    expect(new Chat().say('/xyz')).toContain('Gõ /decu để đề cử');
  });

  it('a sticker or voice message', () => {
    const reply = at('category').sendSticker();
    expect(reply).toContain('Tôi chỉ đọc được chữ, số và ảnh');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  it('text nobody asked for, outside a form', () => {
    const reply = new Chat().say('bao giờ có kết quả?');
    expect(reply).toContain('Xin lỗi, tôi chưa hiểu ý bạn');
    expect(reply).toContain('/decu');
  });

  it('a description that starts like a command word is still a description', () => {
    const chat = at('deeds');
    chat.say('Trạng thái sức khoẻ yếu nhưng vẫn giúp đỡ bà con trong tổ');
    expect(chat.state.answers.deeds).toBe('Trạng thái sức khoẻ yếu nhưng vẫn giúp đỡ bà con trong tổ');
    expect(chat.effects).toEqual([]);
  });
});
