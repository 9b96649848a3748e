// Updates Telegram and Zalo really send (or could), read without a throw: a member change
// without its chat, a game's button (no data), an inline message's button (no message), ids
// as strings, unknown kinds; and text people typed with NUL, lone surrogates and control
// characters, or far too long, cleaned before it can reach the database. Then thousands of random
// JSON values: the parsers are total functions.
import { describe, expect, it } from 'vitest';
import { capLength, cleanText } from '../../src/channels/clean-text.js';
import { chatKeyOf, parseUpdate, updateIdOf } from '../../src/channels/telegram/parse-update.js';
import { parseZaloUpdate } from '../../src/channels/zalo/parse-update.js';
import { readUpdate } from '../../src/channels/zalo/wire.js';

const BOT = 'dienhinh_test_bot';
const person = (id: unknown = 42) => ({ id, is_bot: false, first_name: 'Lan', language_code: 'vi' });
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('cleaning what people type', () => {
  it('drops NUL, lone surrogates and control characters, keeps emoji, line breaks and tabs', () => {
    expect(cleanText('a\u0000b\ud800c\udc00d\u0007e\r\nf\rg\th 😀', 100)).toBe('abcde\nf\ng\th 😀');
    expect(cleanText('Nguyễn\nVăn', 100, { singleLine: true })).toBe('Nguyễn Văn');
    expect(cleanText(42, 100)).toBeNull();
  });

  it('caps the length without cutting an emoji in half', () => {
    expect(capLength('ab😀', 3)).toBe('ab');
    expect(capLength('abc', 3)).toBe('abc');
    expect(cleanText('x'.repeat(10_000), 4096)).toHaveLength(4096);
  });
});

describe('odd Telegram updates', () => {
  it('ignores a member change without its chat, and one from a group', () => {
    expect(parseUpdate({ update_id: 1, my_chat_member: { from: person(), new_chat_member: { status: 'kicked' } } }, BOT)).toEqual({ kind: 'ignore', reason: 'malformed' });
    const inGroup = { update_id: 2, my_chat_member: { chat: { id: -5, type: 'group' }, from: person(), new_chat_member: { status: 'kicked' } } };
    expect(parseUpdate(inGroup, BOT)).toEqual({ kind: 'ignore', reason: 'not_private' });
  });

  it("dismisses a game's button (no data) and an inline message's button (no message)", () => {
    const game = { update_id: 3, callback_query: { id: 'q1', from: person(), chat_instance: 'c', game_short_name: 'g', message: { message_id: 1, chat: { id: 42, type: 'private' } } } };
    expect(parseUpdate(game, BOT)).toEqual({ kind: 'dismiss', callbackId: 'q1', reason: 'game' });
    const inline = { update_id: 4, callback_query: { id: 'q2', from: person(), chat_instance: 'c', inline_message_id: 'im', data: 'kind.1:a' } };
    expect(parseUpdate(inline, BOT)).toEqual({ kind: 'dismiss', callbackId: 'q2', reason: 'inline_message' });
  });

  it('reads ids written as strings; ignores ids that are not numbers', () => {
    const u = { update_id: '77', message: { message_id: 1, from: person('42'), chat: { id: '42', type: 'private' }, text: 'xin chào' } };
    expect(parseUpdate(u, BOT)).toMatchObject({ kind: 'event', event: { chatId: '42', userId: '42', eventId: '77', kind: 'text', text: 'xin chào' } });
    expect(updateIdOf(u)).toBe(77);
    expect(chatKeyOf(u)).toBe('42');
    const bad = { update_id: 78, message: { message_id: 1, from: person('4x2'), chat: { id: '4x2', type: 'private' }, text: 'hi' } };
    expect(parseUpdate(bad, BOT)).toEqual({ kind: 'ignore', reason: 'malformed' });
  });

  it('ignores update kinds the bot does not use, and a private message whose chat is not its sender', () => {
    for (const kind of ['edited_message', 'channel_post', 'inline_query', 'poll', 'message_reaction', 'chat_join_request', 'brand_new_kind']) {
      expect(parseUpdate({ update_id: 5, [kind]: { whatever: true } }, BOT)).toEqual({ kind: 'ignore', reason: 'unknown_kind' });
    }
    const mixed = { update_id: 6, message: { message_id: 1, from: person(42), chat: { id: 43, type: 'private' }, text: 'hi' } };
    expect(parseUpdate(mixed, BOT)).toEqual({ kind: 'ignore', reason: 'chat_not_sender' });
  });

  it('cleans text and names, and caps them', () => {
    const u = {
      update_id: 7,
      message: { message_id: 1, from: { id: 42, first_name: 'L\u0000an\ud800', last_name: 'x'.repeat(500), language_code: 'vi\u0000' }, chat: { id: 42, type: 'private' }, text: `a\u0000b\udc00${'y'.repeat(9000)}` },
    };
    const parsed = parseUpdate(u, BOT);
    expect(parsed.kind).toBe('event');
    if (parsed.kind !== 'event') return;
    expect(parsed.event.text!.startsWith('aby')).toBe(true);
    expect(parsed.event.text).toHaveLength(4096);
    expect(parsed.event.displayName).toBe(`Lan ${'x'.repeat(64)}`);
    expect(parsed.event.languageHint).toBeUndefined();
  });
});

describe('odd Zalo updates', () => {
  const message = (fields: Record<string, unknown> = {}) => ({
    message_id: 'm-1',
    date: '1760000000000',
    from: { id: 'u-1', display_name: 'Chị\u0000 Lan\ud800', is_bot: 'no' },
    chat: { id: 'u-1', chat_type: 'PRIVATE' },
    ...fields,
  });

  it('cleans and caps text; a date as a string or an odd flag does not make a message unreadable', () => {
    const parsed = parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: `x\u0000y\ud800${'z'.repeat(9000)}` }) })!);
    expect(parsed).toMatchObject({ kind: 'event', event: { displayName: 'Chị Lan' } });
    if (parsed.kind !== 'event') return;
    expect(parsed.event.text!.startsWith('xyz')).toBe(true);
    expect(parsed.event.text).toHaveLength(4000);
  });

  it('ignores a message whose ids cannot be read, and text that is not a string is unsupported', () => {
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ from: {} }) })!)).toEqual({ kind: 'ignore', reason: 'unreadable_message' });
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ message_id: 'a b\u0000' }) })!)).toEqual({ kind: 'ignore', reason: 'unreadable_message' });
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.text.received', message: message({ text: { nested: 1 } }) })!)).toMatchObject({ kind: 'event', event: { kind: 'unsupported' } });
    expect(parseZaloUpdate(readUpdate({ event_name: 'message.image.received', message: message({ photo_url: 'javascript:alert(1)' }) })!)).toMatchObject({ event: { kind: 'unsupported' } });
    expect(readUpdate({ event_name: 'bad name with spaces' })).toBeNull();
    expect(readUpdate({ event_name: 42 })).toBeNull();
  });
});

// A small deterministic generator of hostile JSON, shaped like the platforms' updates.
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const keys = ['update_id', 'message', 'callback_query', 'my_chat_member', 'chat', 'from', 'id', 'type', 'text', 'data', 'photo', 'file_id', 'message_id', 'first_name', 'last_name', 'language_code', 'new_chat_member', 'status', 'reply_markup', 'inline_keyboard', 'event_name', 'display_name', 'chat_type', 'result', 'ok', 'is_bot', 'photo_url'];
  const strings = ['', 'private', 'group', 'kicked', 'member', 'message.text.received', 'message.image.received', '/start', '/decu@other', 'kind.1:a', '\u0000', '\ud800', '\udfff', '😀', 'x'.repeat(5000), '42', '-1', 'NaN', '__proto__', 'constructor', 'https://x/y.jpg'];
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 4 || r < 0.3) return pick<unknown>([null, true, false, 0, -1, 42, 2 ** 60, 1.5, Number.MAX_SAFE_INTEGER, ...strings]);
    if (r < 0.45) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i--) o[pick(keys)] = value(depth + 1);
    return o;
  };
  return value;
}

describe('the parsers are total', () => {
  it('never throw on 5,000 random values, and what they let through is clean', () => {
    const value = generator(20_260_801);
    for (let i = 0; i < 5_000; i++) {
      const v = value(0);
      const tg = parseUpdate(v, BOT);
      chatKeyOf(v);
      const zaloUpdate = readUpdate(v);
      const zalo = zaloUpdate ? parseZaloUpdate(zaloUpdate) : null;
      for (const parsed of [tg, zalo]) {
        if (parsed?.kind !== 'event') continue;
        for (const field of [parsed.event.text, parsed.event.displayName, parsed.event.chatId, parsed.event.userId, parsed.event.eventId]) {
          if (field === undefined) continue;
          expect(LONE.test(field) || BAD.test(field.replace(/[\n\t]/g, ''))).toBe(false);
        }
      }
    }
  });
});
