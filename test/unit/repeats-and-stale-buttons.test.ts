import { describe, expect, it } from 'vitest';
import { Chat, fillToSummary } from './chat-harness.js';

describe('repeated answers and old buttons', () => {
  it('the same answer twice: the second is read as the answer to the next question', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const reply = chat.say('2');
    expect(chat.state.answers.kind).toBe('individual');
    expect(reply).toContain('Người được đề cử sinh sống hoặc làm việc ở đơn vị nào?');
  });

  it('ticking a criterion twice unticks it and shows the state', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.pressLabel('Sửa tiêu chí');
    expect(chat.say('2')).toContain('2. ✓ Gương mẫu chấp hành');
    expect(chat.say('2')).toContain('2. ☐ Gương mẫu chấp hành');
    expect(chat.press(chat.question().options[1]!.value)).toContain('2. ✓ Gương mẫu chấp hành');
  });

  it('confirming twice sends once; the second confirmation repeats the receipt code', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const summaryToken = chat.token();
    expect(chat.say('1')).toContain('Mã biên nhận: TL-0042');
    const again = chat.say('1');
    expect(again).toContain('Đề cử này đã được gửi trước đó nên không gửi lại lần nữa. Mã biên nhận: TL-0042');
    // The "send" button of the old summary, pressed once more, gives the same answer.
    expect(chat.press('confirm', summaryToken)).toContain('Mã biên nhận: TL-0042');
    const formIds = new Set(chat.effects.map((e) => (e.type === 'submit_nomination' ? e.formId : '')));
    expect(formIds.size).toBe(1);
  });

  it('a button from an older question is refused politely and never acted on', () => {
    const chat = new Chat();
    chat.say('/decu');
    const kindToken = chat.token();
    chat.press('individual');
    const reply = chat.press('collective', kindToken);
    expect(reply).toContain('Nút đó thuộc một tin nhắn cũ nên không dùng được nữa');
    expect(reply).toContain('Người này thuộc loại điển hình nào?');
    expect(chat.state.answers.kind).toBe('individual');
  });

  it('a button from a finished form is refused once the form has ended', () => {
    const chat = new Chat();
    chat.say('/decu');
    const token = chat.token();
    chat.say('huỷ');
    expect(chat.press('individual', token)).toContain('Nút đó thuộc một tin nhắn cũ; phần việc đó đã kết thúc');
    expect(chat.state.flow).toBeNull();
  });

  it('every question shown gets a new token that fits Telegram callback data with a uuid', () => {
    const chat = new Chat();
    const tokens = new Set<string>();
    chat.say('/decu');
    for (let i = 0; i < 5; i++) {
      tokens.add(chat.token());
      chat.say('?');
    }
    expect(tokens.size).toBe(5);
    fillToSummary(chat);
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    for (const token of [...tokens, chat.token()]) {
      expect(token.length).toBeLessThanOrEqual(20);
      expect(Buffer.byteLength(`${token}:${uuid}`)).toBeLessThanOrEqual(64);
    }
  });
});

describe('a submission the database refuses', () => {
  it('a closed campaign: says so clearly and keeps the form at the summary', () => {
    const chat = new Chat();
    chat.database = (effect) => (effect.type === 'submit_nomination' ? { type: 'submit_nomination', status: 'campaign_closed' } : undefined);
    fillToSummary(chat);
    const reply = chat.say('1');
    expect(reply).toContain('đợt đề cử này vừa đóng nên đề cử chưa gửi được');
    expect(reply).toContain('Thông tin bạn đã nhập vẫn được giữ nguyên');
    expect(reply).toContain('Tên: Nguyễn Văn An');
    // The summary shown again works: change the name, then send.
    chat.database = () => undefined;
    expect(chat.say('sửa tên')).toContain('họ và tên đầy đủ');
    expect(chat.say('Nguyễn Văn Ân')).toContain('Tên: Nguyễn Văn Ân');
    expect(chat.say('1')).toContain('Mã biên nhận: TL-0042');
  });
});
