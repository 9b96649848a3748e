import { describe, expect, it } from 'vitest';
import { initialState, runTurn } from '../../src/conversation/engine.js';
import { catalogFixture, residentFixture } from '../support/catalog-fixture.js';
import { Chat } from './chat-harness.js';

describe('words that work at every step, typed with or without diacritics', () => {
  for (const word of ['/huy', '/cancel', 'huỷ', 'hủy', 'huy', 'Cancel', 'Hủy.']) {
    it(`"${word}" cancels the form`, () => {
      const chat = new Chat();
      chat.say('/decu');
      expect(chat.say(word)).toContain('Đã huỷ');
    });
  }

  for (const word of ['/back', '/quaylai', 'quay lại', 'quay lai', 'back']) {
    it(`"${word}" goes back one question`, () => {
      const chat = new Chat();
      chat.say('/decu');
      chat.say('1');
      expect(chat.say(word)).toContain('tập thể hay một cá nhân');
    });
  }

  for (const word of ['/help', '/trogiup', 'trợ giúp', 'tro giup', 'help', '?']) {
    it(`"${word}" explains the current question`, () => {
      const chat = new Chat();
      chat.say('/decu');
      expect(chat.say(word)).toContain('Tập thể là một cơ quan, đoàn thể, tổ dân phố hoặc làng');
    });
  }

  for (const word of ['/decu', '/nominate', 'đề cử', 'de cu', 'Đề cử']) {
    it(`"${word}" starts a nomination`, () => {
      expect(new Chat().say(word)).toContain('tập thể hay một cá nhân');
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
    const ctx = { member: residentFixture(), catalog: catalogFixture(), lookup: null, now: new Date('2025-06-01T00:00:00Z') };
    const state = initialState();
    const event = { channel: 'console' as const, chatId: 'c', userId: 'u', eventId: 'e1', kind: 'command' as const, command: 'decu', text: '' };
    const frozen = JSON.stringify(state);
    const a = runTurn(state, event, ctx);
    const b = runTurn(state, event, ctx);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(a.state).toEqual(b.state);
    expect(a.reply(null)).toEqual(b.reply(null));
    expect(a.state.formId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('account linking words', () => {
  for (const word of ['/lienket', '/link', 'liên kết', 'lien ket', 'Liên kết tài khoản', 'link']) {
    it(`"${word}" shows a one-time code to type in the other app`, () => {
      const chat = new Chat();
      const reply = chat.say(word);
      expect(reply).toContain('Mã liên kết của bạn: 123456');
      expect(reply).toContain('/lienket 123456');
      expect(chat.effects.at(-1)).toEqual({ type: 'link_create' });
    });
  }

  for (const word of ['/lienket 123456', '/link 123 456', 'liên kết 123-456', 'lien ket 123456']) {
    it(`"${word}" redeems the code, and the reply speaks the linked member's language`, () => {
      const chat = new Chat();
      expect(chat.say(word)).toContain('Linked!');
      expect(chat.effects.at(-1)).toEqual({ type: 'link_redeem', code: '123456' });
    });
  }

  it('explains a code that is not six digits, and keeps the open question', () => {
    const chat = new Chat();
    chat.say('/decu');
    const reply = chat.say('/lienket 12ab');
    expect(reply).toContain('không phải mã liên kết');
    expect(reply).toContain('tập thể hay một cá nhân');
  });

  it('says why a code was refused, then asks the open question again', () => {
    const chat = new Chat();
    chat.say('/decu');
    const reply = chat.say('/lienket 654321');
    expect(reply).toContain('Mã liên kết không đúng');
    expect(reply).toContain('tập thể hay một cá nhân');
  });

  it('"lien ket" followed by other words stays text', () => {
    const chat = new Chat();
    expect(chat.say('liên kết với hàng xóm')).not.toContain('Mã liên kết');
  });
});
