// Broadcasts as people chat them: an officer composes an announcement (text, photo or not, the
// audience, when, urgent or not) and sees it exactly as recipients will with their number before
// confirming; bad input is refused with the reason (no text, 5,001 characters, a time in the past,
// an audience of nobody); a leader or a resident cannot start one; anyone switches announcements
// off and on; pause, resume and cancel answer politely whatever the broadcast's state.
import { describe, expect, it } from 'vitest';
import { answers, withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';
import { parseWardTime } from '../../src/conversation/capabilities/broadcasts/answers.js';

describe('an officer composes a broadcast', () => {
  it('shows the preview as recipients will see it, with their number, then queues it', () => {
    const chat = new Chat({ member: withRole('officer') });
    expect(chat.say('/thongbao')).toContain('Bạn muốn thông báo gì?');
    expect(chat.say('Tối thứ Sáu họp tổ dân phố lúc 19:30 tại nhà văn hóa.')).toContain('Gửi kèm một ảnh?');
    expect(chat.say('bỏ qua')).toContain('Gửi cho ai?');
    expect(chat.say('cả phường')).toContain('Gửi lúc nào?');
    expect(chat.say('gửi ngay')).toContain('có khẩn không?');
    const preview = chat.say('không khẩn');
    expect(preview).toContain('Người nhận sẽ thấy như sau:');
    expect(preview).toContain('📢 Thông báo của');
    expect(preview).toContain('Tối thứ Sáu họp tổ dân phố lúc 19:30 tại nhà văn hóa.');
    expect(preview).toContain('Không muốn nhận thông báo nữa: gõ /tatthongbao.');
    expect(preview).toContain('Số người nhận: 12');
    expect(chat.say('gửi')).toContain('Đang gửi thông báo cho 12 người.');
    expect(chat.lastEffect()).toMatchObject({ type: 'broadcast_create', text: 'Tối thứ Sáu họp tổ dân phố lúc 19:30 tại nhà văn hóa.', audience: { kind: 'ward' }, urgent: false });
  });

  it('refuses empty text, 5,001 characters, a time in the past and an audience of nobody', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.say('/thongbao');
    expect(chat.say('a'.repeat(5001))).toContain('Nội dung dài 5001 ký tự, quá 5000 ký tự');
    expect(chat.say('a'.repeat(3000))).toContain('Gửi kèm một ảnh?');
    // The rest of a long text, sent as a second message, is added to it.
    expect(chat.say('b'.repeat(2000))).toContain('Nội dung dài 5001 ký tự');
    expect(chat.say('b'.repeat(1999))).toContain('Đã nối thêm vào nội dung (5000/5000 ký tự).');
    chat.say('bỏ qua');
    chat.say('người dân');
    // The test clock is 2025-06-01 10:00 in the ward.
    expect(chat.say('01/06/2025 09:00')).toContain('đã qua rồi');
    expect(chat.say('ngày mai')).toContain('Tôi chưa hiểu thời gian này.');
    chat.say('02/06/2025 08:00');
    chat.fetchData = answers({ broadcast_audience: { status: 'ok', count: 0, leftOut: 3 } });
    const nobody = chat.say('khẩn');
    expect(nobody).toContain('Không có ai nhận được thông báo này');
    expect(nobody).not.toContain('Gửi cho 0 người');
    expect(chat.effects).toEqual([]);
  });

  it('is for officers only', () => {
    for (const member of [withRole('leader'), {}]) {
      const chat = new Chat({ member });
      expect(chat.say('/thongbao')).not.toContain('Bạn muốn thông báo gì?');
      expect(chat.effects).toEqual([]);
    }
  });

  it('reads a day and time in the ward', () => {
    expect(parseWardTime('08/12/2026 08:00')?.toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(parseWardTime('8h30 8/12/2026')?.toISOString()).toBe('2026-12-08T01:30:00.000Z');
    expect(parseWardTime('31/02/2026 08:00')).toBeNull();
  });
});

describe('announcements switch', () => {
  it('turns announcements off and on with words or commands', () => {
    const chat = new Chat();
    expect(chat.say('tắt thông báo')).toContain('Đã tắt.');
    expect(chat.lastEffect()).toEqual({ type: 'announcements', on: false });
    expect(chat.say('/batthongbao')).toContain('Đã bật.');
    expect(chat.lastEffect()).toEqual({ type: 'announcements', on: true });
    chat.say('/mute');
    expect(chat.lastEffect()).toEqual({ type: 'announcements', on: false });
    chat.say('bat thong bao');
    expect(chat.lastEffect()).toEqual({ type: 'announcements', on: true });
  });
});

describe('pause, resume, cancel', () => {
  it('answers cancel twice and resume after cancel politely', () => {
    const chat = new Chat({ member: withRole('officer') });
    expect(chat.say('/tamdung')).toContain('Đã tạm dừng');
    chat.database = () => ({ type: 'broadcast_control', status: 'already_cancelled', action: 'cancel' });
    expect(chat.say('/dunggui')).toContain('đã được dừng hẳn rồi');
    chat.database = () => ({ type: 'broadcast_control', status: 'cancelled', action: 'resume' });
    expect(chat.say('/tieptuc')).toContain('không tiếp tục được');
  });
});
