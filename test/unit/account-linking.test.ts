// Account linking in the engine: the typist's effect carries the question for the code's owner
// (app and chat name), and the owner's chat reads the next answer (a button, a number, words,
// "huy") as yes or no to exactly that question, on top of whatever form is open.
import { describe, expect, it } from 'vitest';
import type { Channel, Effect, Json } from '../../src/conversation/contract.js';
import { Chat, LINK_CODE } from './chat-harness.js';

/** The question the other app's typist sent, as its link_redeem effect carried it. */
function askFrom(channel: Channel, name: string | null): Json {
  const typist = new Chat({ channel, member: { displayName: name } });
  typist.say(`/lienket ${LINK_CODE}`);
  return (typist.lastEffect() as Effect).ask as Json;
}

describe('the question for the code’s owner', () => {
  it('names the app and the chat name that asks, with a yes and a no', () => {
    const owner = new Chat({ channel: 'telegram' });
    const text = owner.receiveLinkQuestion(askFrom('zalo', 'Lan Nguyễn'));
    expect(text).toContain('Tài khoản Zalo “Lan Nguyễn” muốn liên kết với tài khoản này.');
    expect(text).toContain('Chỉ đồng ý nếu đó là tài khoản của chính bạn.');
    expect(owner.question().actions?.map((o) => o.value)).toEqual(['confirm', 'decline']);
    expect(owner.question().token).toMatch(/^linkask\.\d+$/);
  });

  it('says "a Telegram account" when the chat has no name', () => {
    const owner = new Chat({ channel: 'zalo' });
    expect(owner.receiveLinkQuestion(askFrom('telegram', null))).toContain('Một tài khoản Telegram muốn liên kết với tài khoản này.');
  });

  it('links on a button press and goes back to the open form; the other chat gets its notice', () => {
    const owner = new Chat({ channel: 'telegram' });
    owner.say('/decu');
    owner.receiveLinkQuestion(askFrom('zalo', 'Lan'));
    const token = owner.token();
    const reply = owner.press('confirm');
    expect(owner.lastEffect()).toEqual({
      type: 'link_confirm',
      token,
      notice: [{ kind: 'text', text: [{ key: 'link.linkedNotice', params: { app: 'Telegram' } }] }],
    });
    expect(reply).toContain('Đã liên kết! Tài khoản Zalo và tài khoản này giờ là một');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  for (const [typed, type] of [
    ['đồng ý', 'link_confirm'],
    ['Dong y', 'link_confirm'],
    ['không', 'link_decline'],
    ['không đồng ý', 'link_decline'],
    ['từ chối', 'link_decline'],
    ['huỷ', 'link_decline'],
    ['/huy', 'link_decline'],
  ] as const) {
    it(`reads "${typed}" typed on Zalo as ${type === 'link_confirm' ? 'yes' : 'no'}`, () => {
      const owner = new Chat({ channel: 'zalo' });
      const text = owner.receiveLinkQuestion(askFrom('telegram', 'An'));
      expect(text).toContain('Gõ: “đồng ý liên kết” hoặc “không, từ chối”');
      const token = owner.token();
      const reply = owner.say(typed);
      expect(owner.lastEffect()).toMatchObject({ type, token });
      expect(reply).toContain(type === 'link_confirm' ? 'Đã liên kết!' : 'Đã từ chối');
    });
  }

  it('does not take a number as an answer: a "1" meant for a form question must not join two accounts', () => {
    const owner = new Chat({ channel: 'zalo' });
    owner.say('/decu');
    owner.receiveLinkQuestion(askFrom('telegram', 'An'));
    for (const typed of ['1', '2']) expect(owner.say(typed)).toContain('mời bạn gõ chữ “đồng ý” hoặc “không” (không gõ số)');
    expect(owner.effects.filter((e) => e.type === 'link_confirm' || e.type === 'link_decline')).toEqual([]);
    expect(owner.say('đồng ý')).toContain('Đã liên kết!');
  });

  it('asks again under the same token after an answer that is neither, so the first buttons still work', () => {
    const owner = new Chat({ channel: 'telegram' });
    owner.receiveLinkQuestion(askFrom('zalo', 'Lan'));
    const token = owner.token();
    expect(owner.say('Nguyễn Văn An')).toContain('đang chờ bạn đồng ý liên kết');
    expect(owner.say('3')).toContain('đang chờ bạn đồng ý liên kết');
    expect(owner.say('/trogiup')).toContain('Ai đó vừa gõ mã liên kết của bạn ở ứng dụng kia');
    expect(owner.token()).toBe(token);
    expect(owner.effects).toEqual([]);
    expect(owner.press('confirm', token)).toContain('Đã liên kết!');
  });

  it('treats a button of an older question as stale, and links nothing', () => {
    const owner = new Chat({ channel: 'telegram' });
    owner.say('/decu');
    const formToken = owner.token();
    owner.receiveLinkQuestion(askFrom('zalo', 'Lan'));
    expect(owner.press('collective', formToken)).toContain('đang chờ bạn đồng ý liên kết');
    expect(owner.effects).toEqual([]);
  });

  it('lets another command run; the question is then gone from the screen and a late "1" links nothing', () => {
    const owner = new Chat({ channel: 'zalo' });
    owner.receiveLinkQuestion(askFrom('telegram', 'An'));
    expect(owner.say('/decu')).toContain('Bạn muốn đề cử ai?');
    owner.say('1');
    expect(owner.effects.filter((e) => e.type === 'link_confirm')).toEqual([]);
  });

  it('says so when the request is no longer waiting', () => {
    const owner = new Chat({ channel: 'telegram' });
    owner.receiveLinkQuestion(askFrom('zalo', 'Lan'));
    owner.database = (effect) => (effect.type === 'link_confirm' ? { type: 'link_confirm', status: 'expired' } : undefined);
    expect(owner.say('đồng ý')).toContain('Yêu cầu liên kết đã hết hạn');
  });
});

describe('what the typist is told', () => {
  it('adds a hint for a role holder whose code was refused (it depends on them, never on the code)', () => {
    const officer = new Chat({ channel: 'zalo', member: { roles: [{ role: 'officer', unitId: null }] } });
    const reply = officer.say('/lienket ABCD-EFGH');
    expect(reply).toContain('Không dùng được mã liên kết này');
    expect(reply).toContain('Tài khoản này đang giữ một vai trò: muốn liên kết, hãy tạo mã ở đây');
  });

  it('tells their own code and the limit apart, and nothing else', () => {
    const chat = new Chat({ channel: 'zalo' });
    for (const [status, words] of [
      ['own', 'Đây là mã bạn vừa tạo ở chính ứng dụng này'],
      ['already_linked', 'đã liên kết cả Zalo và Telegram'],
      ['rate_limited', 'thử lại sau một giờ'],
    ] as const) {
      chat.database = (effect) => (effect.type === 'link_redeem' ? { type: 'link_redeem', status } : undefined);
      expect(chat.say(`/lienket ${LINK_CODE}`)).toContain(words);
    }
  });

  it('speaks English too', () => {
    const chat = new Chat({ channel: 'telegram', member: { locale: 'en' } });
    expect(chat.say('/link')).toContain('Your link code: K7QM-4TXP');
    expect(chat.say(`/link ${LINK_CODE}`)).toContain('Link request sent. Please open Zalo and confirm it');
  });
});
