// A person's rights over their data, in the chat (the fake database answers the effects): the
// privacy notice with the first reply and again when it changes, recorded with the turn's own
// effect; /dulieu shows everything held; /rutdongy; /xoadulieu asks "Xóa dữ liệu?" first (except
// a person the bot knows nothing about), keeps everything on "Giữ lại", and a stale button never
// deletes unseen.
import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../src/conversation/capabilities/mydata/notice.js';
import { Chat, fillToSummary } from './chat-harness.js';

const NOTICE = 'Về dữ liệu: trợ lý chỉ lưu những gì cần cho việc xét chọn điển hình';
const standing = (notice: string | null, fresh = false) => ({ notice, fresh, ward: null });

describe('the privacy notice', () => {
  it('comes with the first reply and is recorded with the turn’s own effect', () => {
    const chat = new Chat();
    chat.standing = standing(null, true);
    const hello = chat.say('xin chào');
    expect(hello.startsWith(NOTICE)).toBe(true);
    expect(hello).toContain('Xem, xóa: gõ /dulieu.');
    expect(hello).toContain('Xin chào Bà Lan!');
    expect(chat.lastEffect()).toEqual({ type: 'privacy_notice', version: PRIVACY_NOTICE_VERSION });

    // A first message with an effect of its own: the notice wraps it, and the reply is its reply.
    const other = new Chat();
    other.standing = standing(null, true);
    const status = other.say('/trangthai TL-0001');
    expect(other.lastEffect()).toEqual({ type: 'privacy_notice', version: PRIVACY_NOTICE_VERSION, then: { type: 'status', code: 'TL-0001' } });
    expect(status).toContain('Không tìm thấy đề cử TL-0001');
    expect(status).toContain(NOTICE);
  });

  it('is not shown again for the same version, and is shown again when the text changes', () => {
    const chat = new Chat();
    chat.standing = standing(PRIVACY_NOTICE_VERSION);
    expect(chat.say('xin chào')).not.toContain(NOTICE);
    expect(chat.lastEffect()).toBeUndefined();
    chat.standing = standing('2020-01-01');
    expect(chat.say('/cuatoi')).toContain(NOTICE);
    expect(chat.lastEffect()).toEqual({ type: 'privacy_notice', version: PRIVACY_NOTICE_VERSION, then: { type: 'mine' } });
    // A question that asked the database something else this turn: nothing is known, nothing shown.
    chat.standing = null;
    expect(chat.say('xin chào')).not.toContain(NOTICE);
  });

  it('speaks English to an English speaker, with the English commands', () => {
    const chat = new Chat({ member: { locale: 'en' } });
    chat.standing = standing(null, true);
    expect(chat.say('hello')).toContain('To see or delete it: type /mydata.');
  });
});

describe('/dulieu: everything held about me', () => {
  const held = (locale: 'vi' | 'en') => ({
    type: 'my_data',
    status: 'ok',
    since: '2026-03-02T03:00:00.000Z',
    ward: 'Phường Thắng Lợi',
    locale,
    announcements: false,
    identities: [
      { channel: 'telegram', id: '••••••233', since: '2026-03-02T03:00:00.000Z' },
      { channel: 'zalo', id: '••••••544', since: '2026-04-10T03:00:00.000Z' },
    ],
    roles: [{ role: 'leader', unit: 'Tổ dân phố 3', holderName: 'Trần Văn Quý', since: '2026-05-01T03:00:00.000Z' }],
    nominationCount: 33,
    nominations: Array.from({ length: 33 }, (_, i) => `TL-${String(i + 1).padStart(4, '0')}`),
    endorsementCount: 1,
    endorsements: ['TL-0040'],
    contacts: [{ code: 'TL-0001', name: 'Trần Văn Quý', phone: '0987•••321' }, { code: 'TL-0002', name: null, phone: '0987•••321' }],
    consents: [
      { purpose: 'privacy_notice', noticeVersion: PRIVACY_NOTICE_VERSION, givenAt: '2026-03-02T03:00:00.000Z', withdrawnAt: null },
      { purpose: 'contact', noticeVersion: 'lien-he-1', givenAt: '2026-03-02T04:00:00.000Z', withdrawnAt: '2026-06-01T04:00:00.000Z' },
    ],
    openForms: 1,
  });

  it('lists identities, ward, language, role, nominations, supports, contact, consents and announcements, with buttons to withdraw or delete', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.database = (e) => (e.type === 'my_data' ? held('vi') : undefined);
    const reply = chat.say('dữ liệu của tôi');
    expect(chat.lastEffect()).toEqual({ type: 'my_data' });
    expect(reply).toContain('Những gì trợ lý đang lưu về bạn:\n• Bắt đầu trò chuyện: 02/03/2026\n• Tài khoản Telegram: ••••••233 (từ 02/03/2026)\n• Tài khoản Zalo: ••••••544 (từ 10/04/2026)');
    expect(reply).toContain('• Phường, xã: Phường Thắng Lợi\n• Ngôn ngữ: Tiếng Việt\n• Vai trò: tổ trưởng, trưởng làng của Tổ dân phố 3 (từ 01/05/2026)\n  Tên ghi kèm vai trò: “Trần Văn Quý”');
    expect(reply).toContain('• Đề cử bạn đã gửi (33):\n  TL-0001, TL-0002,');
    expect(reply).toContain('TL-0030\n  và 3 mã khác');
    expect(reply).toContain('• Đề cử bạn đã ủng hộ (1):\n  TL-0040');
    expect(reply).toContain('  – TL-0001: tên “Trần Văn Quý”, số điện thoại 0987•••321\n  – TL-0002: số điện thoại 0987•••321');
    expect(reply).toContain(`  – Đã gửi bạn thông báo về dữ liệu cá nhân (bản ${PRIVACY_NOTICE_VERSION}) ngày 02/03/2026`);
    expect(reply).toContain('  – Đồng ý cho lưu thông tin liên lạc ngày 02/03/2026 (theo thông báo bản lien-he-1), đã rút ngày 01/06/2026');
    expect(reply).toContain('• Nhận tin về các gương điển hình được tôn vinh: không\n• Đề cử đang điền dở, chưa gửi: 1');
    expect(reply).toContain('Bạn có thể:\n• Rút đồng ý liên hệ: gõ /rutdongy\n• Xóa dữ liệu của tôi: gõ /xoadulieu');
  });

  it('reads in English with the English commands', () => {
    const chat = new Chat({ member: { locale: 'en' } });
    chat.database = (e) => (e.type === 'my_data' ? held('en') : undefined);
    const reply = chat.say('/mydata');
    expect(reply).toContain('• Role: leader of Tổ dân phố 3 (since 01/05/2026)');
    expect(reply).toContain('• Withdraw consent to be contacted: type /withdrawconsent\n• Delete my data: type /deletemydata');
  });

  it('offers only deletion when no contact is kept, and says so plainly when the database answers nothing', () => {
    const chat = new Chat();
    const reply = chat.say('/dulieu');
    expect(reply).toContain('• Thông tin liên lạc: không lưu');
    expect(reply).not.toContain('/rutdongy');
    expect(reply).toContain('• Xóa dữ liệu của tôi: gõ /xoadulieu');
    chat.database = () => ({ type: 'my_data', status: 'broken' });
    expect(chat.say('/dulieu')).toContain('Xin lỗi, tôi chưa làm được việc này.');
  });
});

describe('/rutdongy: withdrawing consent to be contacted', () => {
  it('removes the contact from the nominations, and the finished form kept for a repeated send', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.say('1');
    expect(chat.state.answers.lastForm).toBeDefined();
    chat.database = (e) => (e.type === 'withdraw_contact' ? { type: 'withdraw_contact', status: 'withdrawn', codes: ['TL-0042'] } : undefined);
    const reply = chat.say('rút đồng ý');
    expect(chat.lastEffect()).toEqual({ type: 'withdraw_contact' });
    expect(reply).toContain('Đã rút đồng ý liên hệ. Tên và số điện thoại của bạn đã được xóa khỏi 1 đề cử: TL-0042.');
    expect(reply).toContain('Lần đề cử sau, trợ lý sẽ hỏi lại bạn.');
    expect(chat.state.answers.lastForm).toBeUndefined();
    chat.database = () => undefined;
    expect(chat.say('/rutdongy')).toContain('Bạn chưa đồng ý cho lưu thông tin liên lạc, nên không có gì cần rút.');
  });
});

describe('/xoadulieu: deleting my data', () => {
  it('asks “Xóa dữ liệu?” with 1. Xóa 2. Giữ lại; keeps everything on “Giữ lại”', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.standing = standing(PRIVACY_NOTICE_VERSION);
    const asked = chat.say('/xoadulieu');
    expect(asked).toContain('Xóa dữ liệu?\nTrợ lý sẽ xóa tài khoản trò chuyện, các cuộc trò chuyện, mã liên kết, tin nhắn chờ gửi, vai trò và thông tin liên lạc của bạn.');
    expect(asked).toContain('Dữ liệu đã xóa không lấy lại được.\n1. Xóa\n2. Giữ lại');
    expect(chat.lastEffect()).toBeUndefined();
    expect(chat.say('2')).toContain('Đã giữ nguyên dữ liệu của bạn.');
    expect(chat.effects).toEqual([]);
    chat.say('xóa dữ liệu');
    expect(chat.say('huỷ')).toContain('Đã giữ nguyên dữ liệu của bạn.');
    chat.say('/xoadulieu');
    expect(chat.say('trợ giúp')).toContain('Chọn 1 để xóa hết dữ liệu của bạn, chọn 2 để giữ nguyên.');
    expect(chat.say('có lẽ')).toContain('Không có lựa chọn nào khớp với “có lẽ”');
    expect(chat.effects).toEqual([]);
  });

  it('deletes on “Xóa”, says what stays for the campaign, and drops a form in hand', () => {
    const chat = new Chat();
    chat.standing = standing(PRIVACY_NOTICE_VERSION);
    chat.say('/decu');
    chat.say('/xoadulieu');
    // "Giữ lại" in the middle of a form: back to its question.
    expect(chat.say('giữ lại')).toContain('Bạn muốn đề cử ai?');
    chat.say('/xoadulieu');
    chat.database = (e) => (e.type === 'delete_my_data' ? { type: 'delete_my_data', status: 'deleted', nominations: 2, endorsements: 0 } : undefined);
    const done = chat.say('1');
    expect(chat.lastEffect()).toEqual({ type: 'delete_my_data' });
    expect(done).toBe(
      'Đã xóa dữ liệu của bạn: tài khoản trò chuyện, các cuộc trò chuyện, vai trò và thông tin liên lạc.\n' +
        '2 đề cử bạn đã gửi vẫn được giữ cho hồ sơ của đợt, nhưng không còn gắn với bạn.\n' +
        'Nếu nhắn tiếp, bạn sẽ được coi là một người mới.',
    );
    expect(chat.state.flow).toBeNull();
    expect(chat.state.answers).toEqual({});
  });

  it('answers a person the bot knows nothing about at once: deleting twice is plain', () => {
    const chat = new Chat();
    chat.standing = standing(null, true);
    chat.database = (e) => (e.type === 'delete_my_data' ? { type: 'delete_my_data', status: 'nothing' } : undefined);
    const reply = chat.say('/xoadulieu');
    expect(chat.effects).toEqual([{ type: 'delete_my_data' }]);
    expect(reply).toContain('Trợ lý không còn giữ dữ liệu nào của bạn.');
    // Deleting: no notice is shown or recorded.
    expect(reply).not.toContain(NOTICE);
  });

  it('never deletes on a stale button unseen: asks again, except right after a deletion', () => {
    const chat = new Chat();
    chat.standing = standing(PRIVACY_NOTICE_VERSION);
    chat.say('/xoadulieu');
    const old = chat.token();
    chat.say('2');
    expect(chat.press('keep', old)).toContain('Đã giữ nguyên dữ liệu của bạn.');
    const again = chat.press('delete', old);
    expect(again).toContain('Nút đó thuộc tin nhắn cũ');
    expect(again).toContain('Xóa dữ liệu?');
    expect(chat.effects).toEqual([]);
    // The same chat right after its deletion is a new person with nothing but this press.
    const fresh = new Chat();
    fresh.standing = standing(null, true);
    fresh.database = (e) => (e.type === 'delete_my_data' ? { type: 'delete_my_data', status: 'nothing' } : undefined);
    expect(fresh.press('delete', old)).toContain('Trợ lý không còn giữ dữ liệu nào của bạn.');
    expect(fresh.effects).toEqual([{ type: 'delete_my_data' }]);
  });
});
