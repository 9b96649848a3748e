// Picking one's ward in a deployment of several, in the chat (the fake database answers): asked
// before anything else when the person came without one (what works before it: the ward's own
// commands, one's data, the language), never in a one-ward deployment; deep links and codes join
// at once; bad links and codes are refused plainly.
import { describe, expect, it } from 'vitest';
import { readWardPayload } from '../../src/conversation/capabilities/wards/data.js';
import { Chat } from './chat-harness.js';

const TWO_WARDS = {
  notice: null,
  fresh: true,
  ward: {
    choose: true,
    wards: [
      { code: 'hoa-lu', name: 'Phường Hoa Lư' },
      { code: 'thang-loi', name: 'Phường Thắng Lợi' },
    ],
  },
};
const NOTICE = 'Về dữ liệu: trợ lý chỉ lưu';

describe('the first-contact ward question', () => {
  it('asks before anything else, then joins the ward picked and shows the privacy notice with the answer', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.standing = TWO_WARDS;
    const first = chat.say('đề cử');
    expect(first).toBe(
      'Xin chào! Trợ lý đề cử gương điển hình tiên tiến đang phục vụ nhiều phường, xã.\n' +
        'Bạn ở phường, xã nào? Vui lòng chọn để đề cử và theo dõi đúng nơi của bạn.\n' +
        '1. Phường Hoa Lư\n2. Phường Thắng Lợi\nGõ số để chọn.',
    );
    expect(chat.effects).toEqual([]);
    expect(chat.say('/trogiup')).toContain('Vui lòng chọn phường, xã của bạn trước đã.');
    expect(chat.say('3')).toContain('Không có lựa chọn số 3');
    const joined = chat.say('hoa lu');
    expect(chat.lastEffect()).toMatchObject({ type: 'privacy_notice', then: { type: 'join_ward', code: 'hoa-lu' } });
    expect(joined).toMatch(/^Bạn đã chọn Phường Hoa Lư\. [^\n]*\n+Về dữ liệu: [^\n]*Xem, xóa: gõ \/dulieu\.\n+Gõ \/decu để đề cử, hoặc \/trogiup để xem hướng dẫn\.$/);
  });

  it('lets the ward’s commands, one’s data and the language through first', () => {
    const chat = new Chat();
    chat.standing = TWO_WARDS;
    chat.say('xin chào');
    expect(chat.say('/ngonngu')).toContain('Bạn muốn dùng ngôn ngữ nào?');
    chat.say('1');
    chat.say('/dulieu');
    expect(chat.lastEffect()).toEqual({ type: 'my_data' });
    chat.say('/phuong thang-loi');
    expect(chat.lastEffect()).toMatchObject({ type: 'privacy_notice', then: { type: 'join_ward', code: 'thang-loi' } });
    const linked = new Chat();
    linked.standing = TWO_WARDS;
    linked.say('/start w-thang-loi');
    expect(linked.lastEffect()).toMatchObject({ then: { type: 'join_ward', code: 'thang-loi' } });
  });

  it('keeps the start link a person came with (an invitation, a campaign) and offers it again in the ward picked', () => {
    const chat = new Chat();
    chat.standing = TWO_WARDS;
    expect(chat.say('/start moi-7KQ2M9XA')).toContain('Bạn ở phường, xã nào?');
    expect(chat.say('chưa biết')).toContain('Không có lựa chọn nào khớp');
    const joined = chat.say('2');
    expect(chat.lastEffect()).toMatchObject({ then: { type: 'join_ward', code: 'thang-loi' } });
    expect(joined).toContain('thuộc Phường Hoa Lư.\n\nBạn đến đây bằng một đường dẫn; để mở lại đường dẫn đó ở phường, xã vừa chọn:\n• Tiếp tục: gõ /start moi-7KQ2M9XA');
    expect(chat.state.scratch).toBeUndefined();
  });

  it('never asks in a one-ward deployment, nor once the ward is picked', () => {
    const chat = new Chat();
    chat.standing = { notice: null, fresh: true, ward: null };
    expect(chat.say('xin chào')).toContain('Xin chào Bà Lan! Tôi là trợ lý tự động');
    chat.standing = { notice: null, fresh: false, ward: { choose: false } };
    expect(chat.say('xin chào')).not.toContain('Bạn ở phường, xã nào?');
  });
});

describe('/phuong and ward links', () => {
  it('joins by code or name, says where one is, and waits for a form in hand', () => {
    const chat = new Chat();
    chat.say('/phuong Hoa Lư');
    expect(chat.lastEffect()).toEqual({ type: 'join_ward', code: 'Hoa Lư' });
    chat.say('phuong hoa-lu');
    expect(chat.lastEffect()).toEqual({ type: 'join_ward', code: 'hoa-lu' });
    chat.database = (e) => (e.type === 'join_ward' ? { type: 'join_ward', status: 'info', ward: 'Phường Thắng Lợi', movable: true, wards: [{ code: 'hoa-lu', name: 'Phường Hoa Lư' }, { code: 'thang-loi', name: 'Phường Thắng Lợi' }] } : undefined);
    expect(chat.say('/phuong')).toBe('Bạn đang ở Phường Thắng Lợi.\nĐể chuyển sang phường, xã khác, gõ /phuong và mã của nơi đó:\n• Phường Hoa Lư: gõ /phuong hoa-lu');
    chat.say('/decu');
    expect(chat.say('/phuong hoa-lu')).toContain('Vui lòng gửi hoặc hủy đề cử đó trước khi đổi phường, xã.');
  });

  it('answers each refusal plainly', () => {
    const chat = new Chat();
    chat.database = (e) =>
      e.type !== 'join_ward'
        ? undefined
        : e.code === 'xyz'
          ? { type: 'join_ward', status: 'not_found', code: 'xyz', wards: [{ code: 'hoa-lu', name: 'Phường Hoa Lư' }] }
          : { type: 'join_ward', status: 'settled', ward: 'Phường Thắng Lợi' };
    expect(chat.say('/phuong xyz')).toContain('Không tìm thấy phường, xã “xyz”.\nCác phường, xã dùng trợ lý này:\n• Phường Hoa Lư: gõ /phuong hoa-lu');
    expect(chat.say('/phuong hoa-lu')).toContain('Bạn đã có đề cử, lượt ủng hộ hoặc vai trò ở Phường Thắng Lợi, nên không chuyển sang phường, xã khác được.');
    expect(chat.say(`/phuong ${'x'.repeat(80)}`)).toContain('Không tìm thấy phường, xã');
    expect(chat.effects).toHaveLength(2);
  });

  it('reads only well-formed ward links; anything else is a plain /start', () => {
    expect(readWardPayload('w-hoa-lu')).toBe('hoa-lu');
    expect(readWardPayload('W-HOA-LU')).toBe('hoa-lu');
    for (const bad of ['w-', 'w-a', 'w-hoa lu', 'w-hoa_lu', `w-${'x'.repeat(41)}`, 'hoa-lu', 'decu']) expect(readWardPayload(bad), bad).toBeNull();
    const chat = new Chat();
    expect(chat.say('/start w-hoa_lu')).toContain('Tôi là trợ lý tự động');
    expect(chat.effects).toEqual([]);
  });
});
