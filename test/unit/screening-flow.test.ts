// The leader's /duyet and the nominator's /traloi as people use them: the queue a page at a time,
// a nomination opened with its photo, a decision confirmed before it is made, the bad input of
// the issue (no reason, 10,000 characters, /duyet by a resident), stale and refused codes.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { statusNotice } from '../../src/conversation/capabilities/follow/notices.js';
import { forwardedNotice } from '../../src/conversation/capabilities/screening/notices.js';
import type { Channel, MemberRole } from '../../src/conversation/contract.js';
import { COMMAND_TOKEN } from '../../src/conversation/engine/registry.js';
import { Chat } from './chat-harness.js';
import { ScreeningFake, waiting, type FakeNomination } from './screening-fake.js';

const t = await createTranslator();
const LEADER: MemberRole[] = [{ role: 'leader', unitId: 'unit-tdp-3' }];

function leaderChat(nominations: FakeNomination[], channel: Channel = 'console') {
  const fake = new ScreeningFake(nominations);
  const chat = fake.attach(new Chat({ member: { roles: LEADER }, channel }));
  return { chat, fake };
}

describe('the queue', () => {
  it('is refused to a resident, politely', () => {
    const chat = new ScreeningFake(waiting(2)).attach(new Chat());
    expect(chat.say('/duyet')).toContain('Lệnh này chỉ dành cho cán bộ phường');
    expect(chat.say('duyệt TL-0042')).toContain('Lệnh này chỉ dành cho');
    expect(chat.state.flow).toBeNull();
  });

  it('says kindly that nothing is waiting, and leaves no form open', () => {
    const { chat } = leaderChat([]);
    expect(chat.say('/duyet')).toContain('Hiện không có đề cử nào chờ bạn xét duyệt');
    expect(chat.state.flow).toBeNull();
  });

  it('shows five at a time, oldest first, and pages with "tiếp" and "trước"', () => {
    const { chat } = leaderChat(waiting(7));
    let page = chat.say('xét duyệt');
    expect(page).toContain('Có 7 đề cử đang chờ bạn xét duyệt, cũ nhất trước (trang 1/2)');
    expect(page).toMatch(/^1\. TL-0042 · Người số 1 — Tổ dân phố 3, gửi ngày 10\/05\/2025, 2 lượt ủng hộ$/m);
    expect(page).toMatch(/^5\. TL-0046 · Người số 5/m);
    expect(page).not.toContain('TL-0047');
    expect(page).toContain('trang sau ›');
    page = chat.say('tiếp');
    expect(page).toContain('(trang 2/2)');
    expect(page).toMatch(/^1\. TL-0047 · Người số 6/m);
    expect(page).toMatch(/^2\. TL-0048 · Người số 7/m);
    expect(page).toContain('‹ trang trước');
    expect(page).not.toContain('trang sau');
    expect(chat.say('trước')).toContain('(trang 1/2)');
    expect(chat.say('/review')).toContain('(trang 1/2)');
    // Typed as the list shows them, arrow included.
    expect(chat.say('trang sau ›')).toContain('(trang 2/2)');
    expect(chat.say('‹ trang trước')).toContain('(trang 1/2)');
  });

  it('opens a nomination by its number, with its photo sent first, and not again when asked again', () => {
    const nominations = waiting(3);
    nominations[1]!.photoRef = 'https://photo.example/an.jpg';
    nominations[1]!.contactName = 'Chị Lan';
    nominations[1]!.contactPhone = '0912345678';
    const { chat } = leaderChat(nominations);
    chat.say('/duyet');
    const opened = chat.say('2');
    expect(chat.messages[0]).toEqual({ kind: 'photo', ref: 'https://photo.example/an.jpg', caption: [{ key: 'screening.open.photoCaption', params: { code: 'TL-0043', name: 'Người số 2' } }] });
    expect(opened).toContain('Đề cử TL-0043, gửi ngày 10/05/2025');
    expect(opened).toContain('Tên: Người số 2');
    expect(opened).toContain('Việc làm, thành tích: Ông vận động bà con');
    expect(opened).toContain('  ✓ Thành tích tiêu biểu, dẫn đầu phong trào');
    expect(opened).toContain('Người đề cử: Chị Lan, số điện thoại 0912345678');
    expect(opened).toContain('Số lượt ủng hộ: 2');
    expect(opened).toContain('• 10/05/2025: gửi đề cử');
    expect(opened).toContain('1. Chuyển lên phường');
    expect(opened).toContain('2. Trả lại, hỏi thêm người đề cử');
    expect(opened).toContain('3. Không chọn (nêu lý do)');
    const again = chat.say('9');
    expect(again).toContain('Không có lựa chọn số 9');
    expect(chat.messages.some((m) => m.kind === 'photo')).toBe(false);
    // "back" is the list again, on the same page.
    expect(chat.say('quay lại')).toContain('Có 3 đề cử đang chờ bạn xét duyệt');
  });

  it('does not show the contact of a nominator who did not consent', () => {
    const { chat } = leaderChat(waiting(1));
    chat.say('/duyet');
    const opened = chat.say('1');
    expect(opened).toContain('Người đề cử không đồng ý để lại thông tin liên lạc.');
    expect(opened).toContain('Ảnh: không có');
  });
});

describe('deciding', () => {
  it('returns with a question, confirmed first; a 10,000-character question is refused with the limit, nothing lost', () => {
    const { chat, fake } = leaderChat(waiting(2));
    chat.say('/duyet');
    chat.say('1');
    expect(chat.say('trả lại')).toContain('Bạn cần hỏi thêm người đề cử điều gì?');
    const long = chat.say('a'.repeat(10_000));
    expect(long).toContain('Nội dung quá dài: 10000 ký tự, tối đa 1000 ký tự');
    expect(long).toContain('Bạn cần hỏi thêm người đề cử điều gì?');
    expect(long.length).toBeLessThan(1500);
    expect(chat.state.answers).toMatchObject({ code: 'TL-0042', action: 'return' });
    expect(chat.say('bỏ qua')).toContain('Cần có câu hỏi để người đề cử biết phải bổ sung gì.');
    const confirm = chat.say('Ông An ở tổ này bao lâu rồi?');
    expect(confirm).toContain('Trả lại đề cử TL-0042 (Người số 1) cho người đề cử, kèm câu hỏi:');
    expect(confirm).toContain('“Ông An ở tổ này bao lâu rồi?”');
    expect(fake.decisions).toEqual([]);
    const done = chat.say('xác nhận');
    expect(fake.decisions).toEqual([{ type: 'screening_decide', code: 'TL-0042', action: 'return', note: 'Ông An ở tổ này bao lâu rồi?' }]);
    expect(done).toContain('Đã trả lại đề cử TL-0042 (Người số 1) kèm câu hỏi của bạn.');
    expect(done).toContain('Còn 1 đề cử đang chờ bạn xét duyệt.');
    expect(done).toContain('• Xem danh sách chờ duyệt: gõ /duyet');
    expect(chat.state.flow).toBeNull();
  });

  it('never declines without a reason', () => {
    const { chat, fake } = leaderChat(waiting(1));
    chat.say('/duyet TL-0042');
    expect(chat.say('không chọn')).toContain('Vì sao đề cử này không được chọn?');
    expect(chat.say('   ')).toContain('Bạn chưa gõ gì');
    expect(chat.say('không')).toContain('Cần nêu lý do');
    expect(chat.say('..')).toContain('Nội dung quá ngắn');
    expect(chat.say('Chưa đủ thành tích trong năm')).toContain('với lý do:');
    chat.say('1');
    expect(fake.decisions).toEqual([{ type: 'screening_decide', code: 'TL-0042', action: 'decline', note: 'Chưa đủ thành tích trong năm' }]);
    expect(chat.read()).toContain('Không còn đề cử nào chờ bạn xét duyệt.');
  });

  it('forwards with or without a comment; the comment can be edited, the decision changed', () => {
    const { chat, fake } = leaderChat(waiting(1));
    chat.say('/duyet TL-0042');
    chat.say('1');
    expect(chat.read()).toContain('Không ghi chú');
    expect(chat.say('không ghi chú')).toContain('(không có ghi chú)');
    expect(chat.say('sửa ghi chú')).toContain('Bạn có muốn gửi kèm ghi chú');
    expect(chat.say('Gia đình văn hóa 5 năm liền')).toContain('Ghi chú gửi phường: “Gia đình văn hóa 5 năm liền”');
    expect(chat.say('chọn việc khác')).toContain('Bạn quyết định thế nào');
    expect(chat.say('1')).toContain('Ghi chú gửi phường: “Gia đình văn hóa 5 năm liền”');
    chat.say('xác nhận');
    expect(fake.decisions).toEqual([{ type: 'screening_decide', code: 'TL-0042', action: 'forward', note: 'Gia đình văn hóa 5 năm liền' }]);
    expect(chat.read()).toContain('Đã chuyển đề cử TL-0042 (Người số 1) lên phường để thẩm định.');
  });

  it('tells the second screener that someone else acted first, and where the nomination stands', () => {
    const { chat, fake } = leaderChat(waiting(1));
    chat.say('/duyet TL-0042');
    chat.say('1');
    chat.say('bỏ qua');
    fake.movedBeforeDecision = 'declined';
    const reply = chat.say('xác nhận');
    expect(reply).toContain('Đề cử TL-0042 (Người số 1) đã được người khác xử lý trước, không còn chờ xét duyệt.');
    expect(reply).toContain('Tình trạng hiện tại: không được chọn (ngày 30/05/2025).');
  });

  it('shows the list again when it changed before a number was typed', () => {
    const { chat, fake } = leaderChat(waiting(2));
    chat.say('/duyet');
    fake.nominations[0]!.status = 'forwarded';
    const reply = chat.say('1');
    expect(reply).toContain('Danh sách vừa thay đổi');
    expect(reply).toMatch(/^1\. TL-0043 · Người số 2/m);
    expect(reply).not.toContain('TL-0042');
  });

  it('ends at once when the opened nomination moved on while it was on screen', () => {
    const { chat, fake } = leaderChat(waiting(2));
    chat.say('/duyet');
    chat.say('1');
    fake.nominations[0]!.status = 'forwarded';
    const reply = chat.say('3');
    expect(reply).toContain('Đề cử TL-0042 (Người số 1) đã được người khác xử lý trước');
    expect(reply).toContain('Tình trạng hiện tại: đã chuyển lên phường (ngày 30/05/2025).');
    expect(reply).toContain('Gõ /duyet để xem các đề cử đang chờ.');
    expect(chat.state.flow).toBeNull();
  });

  it('cancels without changing anything, in its own words', () => {
    const { chat, fake } = leaderChat(waiting(1));
    chat.say('/duyet TL-0042');
    chat.say('2');
    // A form with answers asks once before it is dropped.
    expect(chat.say('hủy')).toContain('Bạn muốn hủy việc đang làm?');
    expect(chat.say('1')).toContain('Đã hủy. Đề cử vẫn đang chờ xét duyệt, chưa có gì thay đổi.');
    expect(fake.decisions).toEqual([]);
  });
});

describe('/duyet with a code', () => {
  it('opens the nomination directly, as the notice button does', () => {
    const { chat } = leaderChat(waiting(3));
    expect(chat.press('/duyet TL-0044', COMMAND_TOKEN)).toContain('Đề cử TL-0044, gửi ngày');
    expect(chat.say('quay lại')).toContain('Có 3 đề cử đang chờ');
  });

  it('refuses a code that is not theirs to screen, or names nothing', () => {
    const { chat } = leaderChat([
      { code: 'TL-0050', nomineeName: 'A', status: 'submitted', refusal: { status: 'forbidden', reason: 'own' } },
      { code: 'TL-0051', nomineeName: 'B', status: 'submitted', refusal: { status: 'forbidden', reason: 'head' } },
      { code: 'TL-0052', nomineeName: 'C', status: 'submitted', refusal: { status: 'forbidden', reason: 'elsewhere' } },
    ]);
    expect(chat.say('/duyet TL-0050')).toContain('Đề cử TL-0050 do chính bạn gửi, nên bạn không xét duyệt đề cử này');
    expect(chat.say('/duyet tl 51')).toContain('nêu gương người đứng đầu đơn vị của bạn, nên cán bộ phường sẽ xét duyệt trực tiếp');
    expect(chat.say('duyệt TL-0052')).toContain('không thuộc đơn vị bạn phụ trách');
    expect(chat.say('/duyet TL-0099')).toContain('Không tìm thấy đề cử mã TL-0099');
    expect(chat.say('/duyet abc')).toContain('“abc” không phải mã đề cử');
    expect(chat.state.flow).toBeNull();
  });

  it('does not drop a nomination the leader is filling in', () => {
    const { chat } = leaderChat(waiting(1));
    chat.say('/decu');
    const reply = chat.say('/duyet TL-0042');
    expect(reply).toContain('Bạn đang làm dở một việc khác');
    expect(chat.state.flow).toBe('nomination');
  });

  it('works on Zalo with typed numbers, and the buttons become words to type', () => {
    const { chat } = leaderChat(waiting(2), 'zalo');
    chat.say('duyet');
    chat.say('2');
    chat.say('3');
    chat.say('Trùng với đề cử TL-0042');
    const done = chat.say('1');
    expect(done).toContain('Đã ghi nhận: đề cử TL-0043 (Người số 2) không được chọn.');
    expect(done).toContain('gõ /duyet');
  });
});

describe("the nominator's answer", () => {
  const returned = (): FakeNomination[] => [{ code: 'TL-0042', nomineeName: 'Nguyễn Văn An', status: 'returned', question: 'Ông An ở tổ này bao lâu rồi?' }];

  it('opens from the notice button, shows the question, and sends the answer back', () => {
    const fake = new ScreeningFake(returned());
    const chat = fake.attach(new Chat());
    const asked = chat.press('/traloi TL-0042', COMMAND_TOKEN);
    expect(asked).toContain('Đề cử TL-0042 (Nguyễn Văn An) được trả lại kèm câu hỏi:');
    expect(asked).toContain('“Ông An ở tổ này bao lâu rồi?”');
    expect(asked).toContain('Mời bạn gõ câu trả lời (tối đa 1000 ký tự)');
    const long = chat.say('x'.repeat(10_000));
    expect(long).toContain('Nội dung quá dài: 10000 ký tự, tối đa 1000 ký tự');
    expect(fake.answers).toEqual([]);
    const done = chat.say('Có, ông An ở tổ này mười năm rồi.');
    expect(fake.answers).toEqual([{ type: 'screening_answer', code: 'TL-0042', text: 'Có, ông An ở tổ này mười năm rồi.' }]);
    expect(done).toContain('Cảm ơn bạn! Câu trả lời đã được gửi; đề cử TL-0042 (Nguyễn Văn An) đã quay lại chờ xét duyệt.');
    // Pressed again: already answered.
    expect(chat.press('/traloi TL-0042', COMMAND_TOKEN)).toContain('Bạn đã trả lời về đề cử TL-0042 (Nguyễn Văn An) rồi.');
    expect(chat.state.flow).toBeNull();
  });

  it('answers to words and /traloi, cancels in its own words, and knows no code that is not the nominator\'s', () => {
    const chat = new ScreeningFake(returned()).attach(new Chat());
    expect(chat.say('trả lời TL-0042')).toContain('được trả lại kèm câu hỏi');
    expect(chat.say('hủy')).toContain('Đã hủy. Câu trả lời chưa được gửi');
    expect(chat.say('/traloi')).toContain('gõ /traloi kèm mã đề cử, ví dụ: /traloi TL-0042');
    expect(chat.say('/traloi TL-0077')).toContain('Không tìm thấy đề cử mã TL-0077 trong các đề cử bạn đã gửi');
  });
});

describe('notices', () => {
  const render = (messages: ReturnType<typeof statusNotice>) => renderPlainMessages(messages, t('vi'));

  it('gives the returned status notice an answer button, and no other status one', () => {
    const returned = statusNotice({ status: 'returned', code: 'TL-0042', name: 'An', note: 'Ở tổ bao lâu?' }, 'vi');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      kind: 'choices',
      multi: false,
      token: COMMAND_TOKEN,
      options: [{ value: '/traloi TL-0042', label: { key: 'screening.notice.answer' } }],
    });
    expect(render(returned)).toContain('• Trả lời: gõ /traloi TL-0042');
    expect(render(returned)).toContain('Ghi chú: “Ở tổ bao lâu?”');
    const declined = statusNotice({ status: 'declined', code: 'TL-0042', name: 'An', note: 'Chưa đạt' }, 'vi');
    expect(declined.every((m) => m.kind === 'text')).toBe(true);
  });

  it("tells the ward's officers of a forwarded nomination, with the appraisal command", () => {
    const text = render(forwardedNotice({ code: 'TL-0042', name: 'An', unit: 'Tổ dân phố 3' }, 'vi'));
    expect(text).toContain('Đề cử TL-0042 · An (Tổ dân phố 3) vừa được chuyển lên phường, đang chờ thẩm định.');
    expect(text).toContain('• Thẩm định: gõ /thamdinh TL-0042');
  });
});
