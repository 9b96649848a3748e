// A 5,000-character announcement as each channel sends it: Telegram in messages of at most 4,096
// characters, Zalo of at most 2,000, nothing lost or repeated; the header and the line on how to
// switch announcements off come with it.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderTelegramMessages } from '../../src/channels/telegram/render.js';
import { renderZaloMessages } from '../../src/channels/zalo/render.js';
import { broadcastMessages } from '../../src/conversation/capabilities/broadcasts/message.js';
import { parseTelegramHtml } from '../support/fake-bot-api.js';

const t = await createTranslator();
const sentence = 'Mời bà con tham gia tổng vệ sinh đường làng vào sáng Chủ nhật & giữ gìn <cảnh quan> chung. ';
const text = sentence.repeat(60).slice(0, 5000).trim();

describe('a 5,000-character announcement', () => {
  it('goes out on Telegram in pieces under 4,096 characters, whole', () => {
    const pieces = renderTelegramMessages(broadcastMessages({ ward: 'Phường Thắng Lợi', text }, 'vi'), t('vi'));
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    const visible = pieces.map((p) => (p.kind === 'text' ? parseTelegramHtml(p.html) : { ok: false as const, problem: 'photo' }));
    for (const v of visible) {
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.text.length).toBeLessThanOrEqual(4096);
    }
    const joined = visible.map((v) => (v.ok ? v.text : '')).join('').replace(/\s+/g, '');
    expect(joined).toContain(text.replace(/\s+/g, ''));
    expect(joined).toContain('/tatthongbao');
  });

  it('goes out on Zalo in pieces under 2,000 characters, whole', () => {
    const pieces = renderZaloMessages(broadcastMessages({ ward: 'Phường Thắng Lợi', text }, 'vi'), t('vi'));
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const p of pieces) expect(p.kind === 'text' && [...p.text].length <= 2000).toBe(true);
    const joined = pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('').replace(/\s+/g, '');
    expect(joined).toContain(text.replace(/\s+/g, ''));
  });

  it('puts a Telegram photo first and the text after it, for English readers in English', () => {
    const messages = broadcastMessages({ ward: 'Thang Loi Ward', text: 'Meeting on Friday.', photo: 'AgACphoto' }, 'en');
    expect(messages[0]).toEqual({ kind: 'photo', ref: 'AgACphoto' });
    const [, body] = renderTelegramMessages(messages, t('en'));
    expect(body && body.kind === 'text' && body.html).toContain('To stop receiving announcements, type /mute.');
  });
});
