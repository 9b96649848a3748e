import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { CALLBACK_DATA_MAX_BYTES, decodeCallbackData, encodeCallbackData } from '../../src/channels/telegram/callback-data.js';
import { commandMenu } from '../../src/channels/telegram/commands.js';
import { escapeHtml } from '../../src/channels/telegram/html.js';
import { renderTelegramMessages } from '../../src/channels/telegram/render.js';
import { splitHtml, TEXT_MAX } from '../../src/channels/telegram/split-text.js';
import { answersStaleButton } from '../../src/channels/telegram/update-handler.js';
import { secretMatches } from '../../src/channels/telegram/webhook-server.js';
import type { Outbound } from '../../src/conversation/contract.js';
import { parseTelegramHtml } from '../support/fake-bot-api.js';
import { IDS } from '../support/catalog-fixture.js';
import { Chat } from './chat-harness.js';

const t = await createTranslator();
const vi = t('vi');

describe('telegram rendering', () => {
  it('escapes what people typed so it shows as typed', () => {
    const out = renderTelegramMessages([{ kind: 'text', text: [{ raw: '<Tổ 3> & co' }] }], vi);
    expect(out).toEqual([{ kind: 'text', html: '&lt;Tổ 3&gt; &amp; co', keyboard: null, token: null, multi: false }]);
    expect(escapeHtml('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('renders choices as buttons carrying token:value, with actions on the last row', () => {
    const message: Outbound = {
      kind: 'choices',
      text: [{ key: 'nomination.consent.ask' }],
      options: [
        { value: 'yes', label: { key: 'nomination.consent.yes' } },
        { value: 'no', label: { key: 'nomination.consent.no' } },
      ],
      multi: false,
      token: 'consent.17',
      actions: [{ value: 'back', label: { key: 'action.back' } }],
    };
    const [m] = renderTelegramMessages([message], vi);
    expect(m).toMatchObject({
      kind: 'text',
      token: 'consent.17',
      keyboard: [[{ text: 'Đồng ý', callback_data: 'consent.17:yes' }], [{ text: 'Không đồng ý', callback_data: 'consent.17:no' }], [{ text: 'Quay lại', callback_data: 'consent.17:back' }]],
    });
  });

  it('writes long labels and hints into the text, ticks chosen options, and keeps every payload within limits', () => {
    const chat = new Chat();
    chat.say('/decu');
    const categories = renderTelegramMessages(chat.messages, vi).at(-1)!;
    // A label too long for a button is written out in the text, the button shows its number.
    expect(categories.kind === 'text' && categories.html).toMatch(/<b>1\.<\/b> Cán bộ, người làm việc ở cơ quan, doanh nghiệp/);
    chat.pressLabel('Người tốt');
    chat.say('xem');
    const kinds = renderTelegramMessages(chat.messages, vi).at(-1)!;
    expect(kinds.kind === 'text' && kinds.html).toMatch(/<b>1\.<\/b> Tổ dân phố — <i>6 đơn vị<\/i>/);
    chat.press(chat.question().options[0]!.value);
    chat.pressLabel('Tổ dân phố 3');
    chat.say('Nguyễn Văn An');
    chat.say('Giúp bà con làm đường bê tông dài 500 m trong năm 2025.');
    chat.press(chat.question().options[0]!.value);
    const criteria = renderTelegramMessages(chat.messages, vi).at(-1)!;
    if (criteria.kind !== 'text' || !criteria.keyboard) throw new Error('expected a keyboard');
    expect(criteria.multi).toBe(true);
    expect(criteria.keyboard.flat().filter((b) => b.text.startsWith('✓ '))).toHaveLength(1);
    expect(criteria.keyboard.at(-1)!.map((b) => b.text)).toContain('Xong');
    for (const b of criteria.keyboard.flat()) {
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeCallbackData(b.callback_data)?.token).toBe(chat.token());
    }
    expect(parseTelegramHtml(criteria.html).ok).toBe(true);
  });

  it('splits long text under 4096 characters, keeping tags and entities whole', () => {
    const long = `${'x'.repeat(3000)}\n${'<b>'}${'&amp;'.repeat(1500)}</b>\n${'y'.repeat(5000)}`;
    const pieces = splitHtml(long);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(TEXT_MAX);
      expect(parseTelegramHtml(p).ok).toBe(true);
    }
    expect(pieces.map((p) => (parseTelegramHtml(p) as { text: string }).text).join('').replace(/\n/g, '')).toBe(
      `${'x'.repeat(3000)}${'&'.repeat(1500)}${'y'.repeat(5000)}`,
    );
    const rendered = renderTelegramMessages(
      [{ kind: 'choices', text: [{ raw: '<'.repeat(5000) }], options: [{ value: 'a', label: { raw: 'A' } }], multi: false, token: 'x.1' }],
      vi,
    );
    expect(rendered.length).toBeGreaterThan(1);
    expect(rendered.slice(0, -1).every((m) => m.kind === 'text' && m.keyboard === null)).toBe(true);
    expect(rendered.at(-1)).toMatchObject({ keyboard: [[{ text: 'A', callback_data: 'x.1:a' }]] });
  });

  it('drops a button whose callback_data would pass 64 bytes, and says so', () => {
    expect(encodeCallbackData('summary.12', 'edit:criteria')).toBe('summary.12:edit:criteria');
    expect(decodeCallbackData('summary.12:edit:criteria')).toEqual({ token: 'summary.12', value: 'edit:criteria' });
    expect(decodeCallbackData('nonsense')).toBeNull();
    const dropped: string[] = [];
    const [m] = renderTelegramMessages(
      [{ kind: 'choices', text: [{ raw: 'q' }], options: [{ value: 'é'.repeat(40), label: { raw: 'long' } }, { value: 'ok', label: { raw: 'ok' } }], multi: false, token: 't.1' }],
      vi,
      (v) => dropped.push(v),
    );
    expect(m).toMatchObject({ keyboard: [[{ callback_data: 't.1:ok' }]] });
    expect(dropped).toHaveLength(1);
  });

  it('sends a photo by file_id with its caption', () => {
    expect(renderTelegramMessages([{ kind: 'photo', ref: 'AgAC-file', caption: [{ raw: 'a & b' }] }], vi)).toEqual([{ kind: 'photo', photo: 'AgAC-file', caption: 'a &amp; b' }]);
  });

  it('recognises the engine reply to a stale button', () => {
    const chat = new Chat();
    chat.say('/decu');
    const old = chat.token();
    chat.press(IDS.goodDeeds);
    chat.press(IDS.area, old);
    expect(answersStaleButton(chat.messages)).toBe(true);
    chat.say('/huy');
    expect(answersStaleButton(chat.messages)).toBe(false);
  });

  it('has a command menu in both languages within the Bot API rules', () => {
    for (const locale of ['vi', 'en'] as const) {
      const menu = commandMenu(appRegistry, locale, t(locale));
      for (const c of menu) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(2);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(commandMenu(appRegistry, 'en', t('en')).map((c) => c.command)).toEqual(['start', 'nominate', 'about', 'myunit', 'status', 'mine', 'language', 'cancel', 'help', 'mydata']);
  });

  it('the fake Bot API refuses HTML that Telegram would refuse', () => {
    expect(parseTelegramHtml('<b>fine</b> &amp; <i>ok</i>')).toEqual({ ok: true, text: 'fine & ok' });
    expect(parseTelegramHtml('<b>open')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<b><i>x</b></i>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('a < b')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('Tom & Jerry')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<script>x</script>')).toMatchObject({ ok: false });
  });

  it('compares the webhook secret in constant time and refuses a missing one', () => {
    expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true);
    expect(secretMatches('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(secretMatches('short', 's3cret-value')).toBe(false);
    expect(secretMatches(undefined, 's3cret-value')).toBe(false);
    expect(secretMatches(['a', 'b'], 's3cret-value')).toBe(false);
  });
});
