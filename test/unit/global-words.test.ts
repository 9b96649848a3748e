import { describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { initialState, runTurn } from '../../src/conversation/engine/engine.js';
import { catalogFixture, residentFixture } from '../support/catalog-fixture.js';
import { Chat } from './chat-harness.js';

describe('words that work at every step, typed with or without diacritics', () => {
  for (const word of ['/huy', '/cancel', 'huỷ', 'hủy', 'huy', 'Cancel', 'Hủy.']) {
    it(`"${word}" cancels the form`, () => {
      const chat = new Chat();
      chat.say('/decu');
      // Nothing answered yet: cancelled at once (with answers, it asks first: resident-surprises.test.ts).
      expect(chat.say(word)).toContain('Đã hủy');
    });
  }

  for (const word of ['/back', '/quaylai', 'quay lại', 'quay lai', 'back']) {
    it(`"${word}" goes back one question`, () => {
      const chat = new Chat();
      chat.say('/decu');
      chat.say('1');
      expect(chat.say(word)).toContain('Bạn muốn đề cử ai?');
    });
  }

  for (const word of ['/help', '/trogiup', 'trợ giúp', 'tro giup', 'help', '?']) {
    it(`"${word}" explains the current question`, () => {
      const chat = new Chat();
      chat.say('/decu');
      expect(chat.say(word)).toContain('Chọn loại gần đúng nhất, cán bộ phường sẽ xem lại.');
    });
  }

  for (const word of ['/decu', '/nominate', 'đề cử', 'de cu', 'Đề cử']) {
    it(`"${word}" starts a nomination`, () => {
      expect(new Chat().say(word)).toContain('Bạn muốn đề cử ai?');
    });
  }

  for (const word of ['/start', 'xin chào', 'Xin chao', 'chào', 'hello', 'hi']) {
    it(`"${word}" greets`, () => {
      expect(new Chat().say(word)).toContain('Xin chào');
    });
  }

  for (const word of ['/cuatoi', '/mine', 'của tôi', 'cua toi']) {
    it(`"${word}" lists my nominations`, () => {
      const chat = new Chat();
      chat.say(word);
      expect(chat.lastEffect()).toEqual({ type: 'mine' });
    });
  }
});

describe('the engine is a pure function of state and event', () => {
  it('gives the same outcome for the same input and does not change the state it was given', () => {
    const ctx = { member: residentFixture(), catalog: catalogFixture(), data: [], now: new Date('2025-06-01T00:00:00Z') };
    const state = initialState();
    const event = { channel: 'console' as const, chatId: 'c', userId: 'u', eventId: 'e1', kind: 'command' as const, command: 'decu', text: '' };
    const frozen = JSON.stringify(state);
    const a = runTurn(state, event, ctx, appRegistry);
    const b = runTurn(state, event, ctx, appRegistry);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(a.state).toEqual(b.state);
    expect(a.reply).toEqual(b.reply);
    expect(a.state.formId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('account linking words', () => {
  for (const word of ['/lienket', '/link', 'liên kết', 'lien ket', 'Liên kết tài khoản', 'link']) {
    it(`"${word}" shows a one-time code to type in the other app, in two groups of four`, () => {
      const chat = new Chat({ channel: 'zalo' });
      const reply = chat.say(word);
      expect(reply).toContain('Mã liên kết của bạn: K7QM-4TXP');
      expect(reply).toContain('/lienket K7QM-4TXP');
      expect(reply).toContain('chỉ khi bạn đồng ý');
      expect(chat.effects.at(-1)).toEqual({ type: 'link_create' });
    });
  }

  for (const word of ['/lienket K7QM-4TXP', '/link k7qm 4txp', 'liên kết K7QM-4TXP', 'lien ket k7qm4txp', 'Liên kết k7qm-4txp']) {
    it(`"${word}" asks the code's owner to confirm, and links nothing yet`, () => {
      const chat = new Chat({ channel: 'zalo' });
      const reply = chat.say(word);
      expect(reply).toContain('Đã gửi yêu cầu liên kết. Mời bạn mở Telegram và xác nhận');
      expect(reply).not.toContain('Đã liên kết');
      expect(chat.lastEffect()).toMatchObject({ type: 'link_redeem', code: 'K7QM4TXP' });
    });
  }

  it('explains a code that is not 8 letters and digits of the alphabet, and keeps the open question', () => {
    for (const typed of ['/lienket 123456', '/lienket K7QM-4TX0', '/lienket K7QM4TXPQ']) {
      const chat = new Chat({ channel: 'zalo' });
      chat.say('/decu');
      const reply = chat.say(typed);
      expect(reply).toContain('không phải mã liên kết');
      expect(reply).toContain('Bạn muốn đề cử ai?');
      expect(chat.effects.filter((e) => e.type === 'link_redeem')).toEqual([]);
    }
  });

  it('refuses a wrong code without saying why, then asks the open question again', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.say('/decu');
    const reply = chat.say('/lienket ABCD-EFGH');
    expect(reply).toContain('Không dùng được mã liên kết này: có thể mã bị gõ nhầm, đã hết hạn hoặc đã được dùng.');
    expect(reply).not.toContain('vai trò');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  it('"lien ket" followed by other words stays text', () => {
    const chat = new Chat({ channel: 'zalo' });
    expect(chat.say('liên kết với hàng xóm')).not.toContain('Mã liên kết');
    expect(chat.effects).toEqual([]);
  });
});
