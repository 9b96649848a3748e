// The Zalo adapter's pure parts: updates (flat or wrapped) to inbound events, replies to numbered
// text split under 2000 characters at line or sentence boundaries, photos by URL only.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { parseZaloUpdate } from '../../src/channels/zalo/parse-update.js';
import { renderZaloMessages } from '../../src/channels/zalo/render.js';
import { splitZaloText } from '../../src/channels/zalo/split-text.js';
import { readUpdate } from '../../src/channels/zalo/wire.js';
import type { Outbound } from '../../src/conversation/contract.js';

const t = await createTranslator();

// A private chat's id is its person's; a group has its own.
const message = (fields: Record<string, unknown> = {}, chatType = 'PRIVATE') => ({
  message_id: 'm-1',
  date: 1_760_000_000_000,
  from: { id: 'u-1', display_name: 'Chị Lan', is_bot: false },
  chat: { id: chatType === 'PRIVATE' ? 'u-1' : 'g-1', chat_type: chatType },
  ...fields,
});

describe('reading Zalo updates', () => {
  it('reads flat and wrapped bodies alike, and nothing else', () => {
    const flat = { event_name: 'message.text.received', message: message({ text: 'xin chào' }) };
    expect(readUpdate(flat)).toEqual(readUpdate({ ok: true, result: flat }));
    expect(readUpdate({ hello: 'world' })).toBeNull();
    expect(readUpdate({ ok: true, result: null })).toBeNull();
  });

  it('turns a text into an event whose id is the message id', () => {
    const parsed = parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: '/decu' }) })!);
    expect(parsed).toEqual({
      kind: 'event',
      event: { channel: 'zalo', chatId: 'u-1', userId: 'u-1', eventId: 'm-1', displayName: 'Chị Lan', kind: 'text', text: '/decu' },
    });
  });

  it('routes no update to a conversation when its chat is not the sender\'s own (two people would share one)', () => {
    for (const chat of [{ id: 'someone-else', chat_type: 'PRIVATE' }, { id: 'someone-else' }]) {
      const parsed = parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: 'Nguyễn Văn An', chat }) })!);
      expect(parsed).toEqual({ kind: 'ignore', reason: 'not_senders_chat' });
    }
    const own = parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: 'xin chào', chat: { id: 'u-1' } }) })!);
    expect(own).toMatchObject({ kind: 'event', event: { chatId: 'u-1', userId: 'u-1' } });
  });

  it('keeps a photo by its URL', () => {
    const parsed = parseZaloUpdate(readUpdate({ event_name: 'message.image.received', message: message({ photo_url: 'https://z.example/a.jpg' }) })!);
    expect(parsed).toMatchObject({ kind: 'event', event: { kind: 'photo', photo: { ref: 'https://z.example/a.jpg' } } });
  });

  it('reads stickers, voice and unsupported messages as unsupported; ignores unknown events and bots', () => {
    for (const name of ['message.sticker.received', 'message.voice.received', 'message.unsupported.received']) {
      expect(parseZaloUpdate(readUpdate({ event_name: name, message: message() })!)).toMatchObject({ kind: 'event', event: { kind: 'unsupported' } });
    }
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.unsupported.received' })!)).toEqual({ kind: 'ignore', reason: 'no_message' });
    expect(parseZaloUpdate(readUpdate({ event_name: 'user.follow', message: message() })!)).toEqual({ kind: 'ignore', reason: 'unknown_event' });
    const fromBot = message({ text: 'hi' });
    fromBot.from.is_bot = true;
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: fromBot })!)).toEqual({ kind: 'ignore', reason: 'from_bot' });
  });

  it('points a group to the private chat when asked for a command, and stays out of its talk', () => {
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: 'mai họp tổ nhé' }, 'GROUP') })!)).toEqual({
      kind: 'ignore',
      reason: 'group_chatter',
    });
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: 'đề cử' }, 'GROUP') })!)).toMatchObject({ kind: 'group' });
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: '/decu' }, 'GROUP') })!)).toEqual({
      kind: 'group',
      chatId: 'g-1',
      eventId: 'm-1',
    });
  });
});

describe('rendering for Zalo', () => {
  it('leaves short text whole and never sends an empty piece', () => {
    expect(splitZaloText('Xin chào.')).toEqual(['Xin chào.']);
    expect(splitZaloText('   ')).toEqual(['…']);
  });

  it('splits at line breaks first, then after sentences, then between words', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Dòng ${i}: ${'x'.repeat(90)}`).join('\n');
    const byLine = splitZaloText(lines);
    expect(byLine.length).toBe(2);
    for (const p of byLine) expect(p.length).toBeLessThanOrEqual(2000);
    expect(byLine.join('\n')).toBe(lines);

    const sentences = Array.from({ length: 30 }, (_, i) => `Câu số ${i} kể việc tốt của bà con trong tổ dân phố suốt năm qua.`).join(' ');
    const bySentence = splitZaloText(sentences, 500);
    for (const p of bySentence) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.endsWith('.')).toBe(true);
    }
    expect(bySentence.join(' ')).toBe(sentences);

    const words = Array.from({ length: 400 }, () => 'chữ').join(' ');
    const byWord = splitZaloText(words, 300);
    for (const p of byWord) expect(p).toMatch(/^chữ( chữ)*$/);
    expect(splitZaloText('x'.repeat(4500))).toEqual(['x'.repeat(2000), 'x'.repeat(2000), 'x'.repeat(500)]);
  });

  it('renders choices as numbered text, with no keyboard, and photos by URL only', () => {
    const messages: Outbound[] = [
      { kind: 'choices', text: [{ raw: 'Chọn một:' }], options: [{ value: 'a', label: { raw: 'Một' } }, { value: 'b', label: { raw: 'Hai' } }], multi: false, token: 'x.1' },
      { kind: 'photo', ref: 'https://z.example/a.jpg', caption: [{ raw: 'Ảnh' }] },
      { kind: 'photo', ref: 'AgACAgTelegramFileId' },
    ];
    const out = renderZaloMessages(messages, t('vi'));
    expect(out[0]).toEqual({ kind: 'text', text: 'Chọn một:\n1. Một\n2. Hai\nGõ số để chọn.' });
    expect(out[1]).toEqual({ kind: 'photo', photo: 'https://z.example/a.jpg', caption: 'Ảnh' });
    expect(out[2]).toEqual({ kind: 'text', text: '[Ảnh: AgACAgTelegramFileId]' });
    expect(JSON.stringify(out)).not.toMatch(/keyboard|reply_markup|parse_mode/);
  });
});
