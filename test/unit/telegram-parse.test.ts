import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { largestPhoto, parseUpdate } from '../../src/channels/telegram/parse-update.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

// The fake's update builders are plain functions of their arguments; no server is started here.
const fake = new FakeBotApi();
const BOT = 'dienhinh_test_bot';
const parse = (u: Record<string, unknown>) => parseUpdate(u as unknown as Update, BOT);

describe('telegram updates as inbound events', () => {
  it('reads text, with the person, the language and the update id as the event id', () => {
    const u = fake.textUpdate(42, 'xin chào', { languageCode: 'en-GB' });
    expect(parse(u)).toEqual({
      kind: 'event',
      event: { channel: 'telegram', chatId: '42', userId: '42', eventId: String(u.update_id), displayName: 'Nguoi42 Test', languageHint: 'en-GB', kind: 'text', text: 'xin chào' },
    });
  });

  it('reads commands, with arguments and with this bot\'s @name; ignores another bot\'s', () => {
    expect(parse(fake.textUpdate(42, '/trangthai TL-0001'))).toMatchObject({ event: { kind: 'command', command: 'trangthai', text: 'TL-0001' } });
    expect(parse(fake.textUpdate(42, `/DECU@${BOT}`))).toMatchObject({ event: { kind: 'command', command: 'decu', text: '' } });
    expect(parse(fake.textUpdate(42, '/start nguoi_tot'))).toMatchObject({ event: { kind: 'command', command: 'start', text: 'nguoi_tot' } });
    expect(parse(fake.textUpdate(42, '/decu@other_bot'))).toEqual({ kind: 'ignore', reason: 'other_bot_command' });
  });

  it('keeps the largest photo size by file_id', () => {
    expect(parse(fake.photoUpdate(42, 'big-one'))).toMatchObject({ event: { kind: 'photo', photo: { ref: 'big-one' } } });
    expect(largestPhoto([{ file_id: 'a', file_unique_id: 'a', width: 10, height: 10 }, { file_id: 'b', file_unique_id: 'b', width: 5, height: 5 }])).toBe('a');
  });

  it('reads a button press as a choice with its token, and the message it was on', () => {
    const message = { chatId: 42, messageId: 7, text: 'q', parseMode: 'HTML', keyboard: [[{ text: 'Cá nhân', callback_data: 'kind.3:individual' }]], firstKeyboard: [] };
    const u = fake.pressUpdate(42, message, 'Cá nhân');
    expect(parse(u)).toMatchObject({
      kind: 'event',
      event: { kind: 'choice', choice: { token: 'kind.3', value: 'individual' }, eventId: String(u.update_id) },
      callback: { message: { messageId: 7, text: 'q', keyboard: [[{ text: 'Cá nhân', callback_data: 'kind.3:individual' }]] } },
    });
  });

  it('points group commands to the private chat and ignores group chatter', () => {
    expect(parse(fake.textUpdate(42, '/decu', { chatId: -100, chatType: 'group' }))).toMatchObject({ kind: 'group', chatId: '-100' });
    expect(parse(fake.textUpdate(42, 'hello all', { chatId: -100, chatType: 'supergroup' }))).toEqual({ kind: 'ignore', reason: 'group_chatter' });
  });

  it('reads a block and an unblock; anything else is unsupported or ignored', () => {
    expect(parse(fake.blockUpdate(42, true))).toEqual({ kind: 'reachability', userId: '42', reachable: false });
    expect(parse(fake.blockUpdate(42, false))).toEqual({ kind: 'reachability', userId: '42', reachable: true });
    const sticker = fake.textUpdate(42, 'x') as { message: Record<string, unknown> };
    delete sticker.message.text;
    sticker.message.sticker = { file_id: 's' };
    expect(parse(sticker)).toMatchObject({ event: { kind: 'unsupported' } });
    expect(parse({ update_id: 1, edited_message: {} })).toEqual({ kind: 'ignore', reason: 'unknown_kind' });
  });
});
