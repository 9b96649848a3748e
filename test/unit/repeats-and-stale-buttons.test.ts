import { describe, expect, it } from 'vitest';
import { IDS } from '../support/catalog-fixture.js';
import { Chat, fillToSummary } from './chat-harness.js';

describe('repeated answers and old buttons', () => {
  it('the same answer twice: the second is read as the answer to the next question', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const reply = chat.say('2');
    expect(chat.state.answers.kind).toBe('individual');
    // "2" at the unit question is a search: Tổ dân phố 2, the only unit with that number.
    expect(reply).toContain('Đơn vị: Tổ dân phố 2.');
  });

  it("pressing a criterion's button twice unticks it and shows the state; typing it twice keeps it ticked", () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.say('sửa tiêu chí');
    const second = chat.question().options[1]!.value;
    expect(chat.press(second)).toContain('2. ✓ Chấp hành pháp luật');
    expect(chat.press(second)).toContain('2. ☐ Chấp hành pháp luật');
    expect(chat.press(second)).toContain('2. ✓ Chấp hành pháp luật');
    // Typed, the criterion is ticked (never unticked) and the answer is given.
    expect(chat.say('2')).toContain('Mời bạn xem lại:');
    expect(chat.state.answers.criterionIds).toEqual(['crit-1', 'crit-2', 'crit-3']);
  });

  it('confirming twice sends once; the second confirmation repeats the receipt code', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const summaryToken = chat.token();
    expect(chat.say('1')).toContain('mã biên nhận: TL-0042');
    const again = chat.say('1');
    expect(again).toContain('Đề cử này đã được gửi rồi, mã biên nhận: TL-0042');
    // The "send" button of the old summary, pressed once more, gives the same answer.
    expect(chat.press('confirm', summaryToken)).toContain('mã biên nhận: TL-0042');
    const formIds = new Set(chat.effects.map((e) => (e.type === 'submit_nomination' ? e.formId : '')));
    expect(formIds.size).toBe(1);
  });

  it('a button from an older question is refused politely and never acted on', () => {
    const chat = new Chat();
    chat.say('/decu');
    const whomToken = chat.token();
    chat.press(IDS.goodDeeds);
    const reply = chat.press(IDS.area, whomToken);
    expect(reply).toContain('Nút đó thuộc tin nhắn cũ nên không dùng được nữa');
    expect(reply).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
    expect(chat.state.answers.kind).toBe('individual');
  });

  it('a button from a finished form is refused once the form has ended', () => {
    const chat = new Chat();
    chat.say('/decu');
    const token = chat.token();
    chat.say('huỷ');
    expect(chat.press(IDS.goodDeeds, token)).toContain('Nút đó thuộc tin nhắn cũ; việc đó đã xong rồi.');
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
    expect(reply).toContain('đợt đề cử vừa đóng nên chưa gửi được');
    expect(reply).toContain('Những gì bạn đã nhập vẫn còn nguyên');
    expect(reply).toContain('Người tốt, việc tốt: Nguyễn Văn An, Tổ dân phố 3');
    // The summary shown again works: change the name, then send.
    chat.database = () => undefined;
    expect(chat.say('sửa tên')).toContain('Họ và tên người được đề cử là gì?');
    expect(chat.say('Nguyễn Văn Ân')).toContain('Nguyễn Văn Ân, Tổ dân phố 3');
    expect(chat.say('1')).toContain('mã biên nhận: TL-0042');
  });
});
