// The officers' appraisal as they chat it: /thamdinh lists what waits for the ward (per campaign
// and phase, a page at a time), opens one with the leader's comment, marks each criterion met or
// not with notes, then proposes or declines with a required reason; a nomination another officer
// handled meanwhile is not acted on, and the database's "moved" is reported with the status. A
// resident cannot open it at all.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/conversation/capabilities/appraisal/notes.js';
import type { DataRequest } from '../../src/conversation/contract.js';
import { answers, appraisalList, dossier, withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';

function officer(table: Record<string, unknown>, channel: 'console' | 'telegram' | 'zalo' = 'console'): Chat {
  const chat = new Chat({ member: withRole('officer'), channel });
  chat.fetchData = answers(table);
  return chat;
}

describe('appraisal by the ward', () => {
  it('refuses /thamdinh to a resident, typed or as a forged button, and keeps it out of their help', () => {
    const resident = new Chat();
    expect(resident.say('/thamdinh')).toContain('Lệnh này chỉ dành cho');
    expect(resident.press('/thamdinh TL-0042', 'cmd')).toContain('Lệnh này chỉ dành cho');
    expect(resident.say('thẩm định')).toContain('Lệnh này chỉ dành cho');
    expect(resident.state.flow).toBeNull();
    expect(resident.say('/trogiup')).not.toContain('/thamdinh');
    expect(officer({}).say('/trogiup')).toContain('/thamdinh');
  });

  it('answers at once when nothing waits, without opening a form', () => {
    const chat = officer({ appraisal_list: { status: 'ok', groups: [], total: 0, page: 0, pageSize: 8, items: [] } });
    expect(chat.say('/thamdinh')).toContain('Hiện không có hồ sơ nào chờ thẩm định');
    expect(chat.state.flow).toBeNull();
  });

  it('asks for the campaign and phase first when there are several, then lists a page at a time', () => {
    const requests: DataRequest[] = [];
    const chat = officer({});
    chat.fetchData = (r) => {
      requests.push(r);
      if (!r.group) return appraisalList(['TL-0001'], { groups: 2 });
      const page = Number(r.page);
      const codes = page === 0 ? Array.from({ length: 8 }, (_, i) => `TL-${String(i + 1).padStart(4, '0')}`) : ['TL-0009'];
      return { ...appraisalList(codes, { total: 9, page }), groups: appraisalList([], { groups: 2 }).groups, group: r.group };
    };
    const first = chat.say('/thamdinh');
    expect(first).toContain('nhiều đợt, giai đoạn');
    expect(first).toMatch(/1\. Đợt 1 · Giai đoạn 1/);
    const page1 = chat.say('2');
    expect(requests.at(-1)).toEqual({ kind: 'appraisal_list', group: 'camp-1:phase-1', page: 0 });
    expect(page1).toContain('Trang 1/2');
    expect(page1).toContain('TL-0008');
    expect(page1).toContain('trang sau');
    const page2 = chat.say('trang sau');
    expect(requests.at(-1)).toEqual({ kind: 'appraisal_list', group: 'camp-1:phase-1', page: 1 });
    expect(page2).toContain('TL-0009');
    expect(page2).toContain('trang trước');
    expect(chat.say('dot khac')).toContain('nhiều đợt, giai đoạn');
  });

  it('opens one with the leader’s comment, marks the criteria with notes and proposes it', () => {
    const chat = officer({ appraisal_list: appraisalList(['TL-0042']), review_dossier: dossier('TL-0042') });
    chat.say('/thamdinh');
    const opened = chat.say('1');
    expect(opened).toContain('Hồ sơ TL-0042: Nguyễn Văn An');
    expect(opened).toContain('tổ trưởng Tổ dân phố 3 (Trần Bình)');
    expect(opened).toContain('Ý kiến kèm theo: “Tổ đã họp bình xét, nhất trí.”');
    expect(opened).toContain('1. Thành tích tiêu biểu');
    const marks = chat.say('đánh giá');
    expect(marks).toContain('Người đề cử đã chọn các tiêu chí số 1, 3.');
    expect(marks).toContain('Đã đánh dấu đạt: 0/3');
    expect(chat.say('1,2')).toContain('Đã đánh dấu đạt: 2/3');
    expect(chat.say('xong')).toContain('Ghi chú thẩm định');
    const summary = chat.say('2: đã xác minh với tổ trưởng; hồ sơ đầy đủ');
    expect(summary).toContain('đạt 2/3 tiêu chí');
    expect(summary).toContain('✗ 3. Tích cực làm từ thiện');
    expect(summary).toContain('Ghi chú: đã xác minh với tổ trưởng');
    expect(summary).toContain('Ghi chú chung: hồ sơ đầy đủ');
    expect(summary).toContain('Hội đồng Thi đua – Khen thưởng (3 thành viên)');
    chat.database = (e) => (e.type === 'appraise' ? { type: 'appraise', status: 'done', outcome: 'proposed', code: 'TL-0042', name: 'Nguyễn Văn An', councilMembers: 3, notified: 4 } : undefined);
    const done = chat.say('đề nghị tôn vinh');
    expect(chat.lastEffect()).toEqual({
      type: 'appraise',
      nominationId: 'id-TL-0042',
      code: 'TL-0042',
      decision: 'propose',
      marks: [
        { criterionId: 'c-1', met: true },
        { criterionId: 'c-2', met: true, note: 'đã xác minh với tổ trưởng' },
        { criterionId: 'c-3', met: false },
      ],
      note: 'hồ sơ đầy đủ',
    });
    expect(done).toContain('Đã đề nghị tôn vinh TL-0042 · Nguyễn Văn An. Đã báo 3 thành viên');
    expect(chat.state.flow).toBeNull();
  });

  it('changes the marks from the summary and comes back to it', () => {
    const chat = officer({ review_dossier: dossier('TL-0042') });
    chat.say('/thamdinh TL-0042');
    chat.say('1');
    chat.say('1');
    chat.say('xong');
    chat.say('bỏ qua');
    expect(chat.say('sửa đánh giá')).toContain('Đã đánh dấu đạt: 1/3');
    chat.say('3');
    expect(chat.say('xong')).toContain('đạt 2/3 tiêu chí');
  });

  it('declines only with a reason: nothing, “bỏ qua” or a word of two letters is asked again', () => {
    const chat = officer({ review_dossier: dossier('TL-0042') });
    chat.say('/thamdinh TL-0042');
    expect(chat.say('không đề nghị')).toContain('Vì sao không đề nghị hồ sơ TL-0042');
    for (const bad of ['bỏ qua', 'ok', '...']) {
      expect(chat.say(bad)).toContain('Vui lòng nêu lý do cụ thể');
      expect(chat.effects).toEqual([]);
    }
    expect(chat.say('x'.repeat(1001))).toContain('quá giới hạn 1.000 ký tự');
    chat.database = () => ({ type: 'appraise', status: 'done', outcome: 'declined', code: 'TL-0042', name: 'Nguyễn Văn An' });
    expect(chat.say('Chưa có xác nhận của tổ dân phố.')).toContain('không đề nghị TL-0042');
    expect(chat.lastEffect()).toMatchObject({ type: 'appraise', decision: 'decline', reason: 'Chưa có xác nhận của tổ dân phố.', marks: [] });
  });

  it('does not act on a nomination another officer declined meanwhile, and reports the database’s “moved”', () => {
    let status = 'forwarded';
    const chat = officer({ review_dossier: () => dossier('TL-0042', { status }) });
    chat.say('/thamdinh TL-0042');
    chat.say('1');
    chat.say('1,2,3');
    chat.say('xong');
    chat.say('bỏ qua');
    status = 'declined';
    const told = chat.say('1');
    expect(chat.effects).toEqual([]);
    expect(told).toContain('TL-0042 vừa được người khác xử lý');
    expect(told).toContain('Hiện hồ sơ không được chọn');
    expect(chat.state.flow).toBeNull();
    // Pressing the old "propose" button again finds no form: nothing acts.
    expect(chat.press('propose', 'decide.6')).toContain('Nút đó thuộc tin nhắn cũ');

    // The other officer won between this turn's load and save: the database says so.
    status = 'forwarded';
    chat.say('/thamdinh TL-0042');
    chat.say('1');
    chat.say('1,2,3');
    chat.say('xong');
    chat.say('bỏ qua');
    chat.database = () => ({ type: 'appraise', status: 'moved', current: 'declined', code: 'TL-0042' });
    const moved = chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ decision: 'propose' });
    expect(moved).toContain('TL-0042 vừa được người khác xử lý');
    expect(moved).toContain('không được chọn');
  });

  it('shows a proposal’s votes and what closing now would decide, and closes it', () => {
    const chat = officer({
      review_dossier: dossier('TL-0042', {
        status: 'proposed',
        marks: [{ criterionId: 'c-1', met: true }, { criterionId: 'c-2', met: true }, { criterionId: 'c-3', met: false }],
        council: { members: 4, voted: 2, agree: 2, disagree: 0, abstain: 0, outcome: 'no_quorum' },
      }),
    });
    const opened = chat.say('/thamdinh TL-0042');
    expect(opened).toContain('Hội đồng: 2 đồng ý, 0 không đồng ý, 0 không ý kiến (2/4 thành viên đã biểu quyết).');
    expect(opened).toContain('Nếu đóng biểu quyết bây giờ: chưa đủ số thành viên biểu quyết');
    chat.database = () => ({
      type: 'council_close',
      status: 'closed',
      code: 'TL-0042',
      name: 'Nguyễn Văn An',
      closed: { outcome: 'no_quorum', status: 'not_honoured', tally: { members: 4, voted: 2, agree: 2, disagree: 0, abstain: 0 } },
    });
    const closed = chat.say('đóng biểu quyết');
    expect(chat.lastEffect()).toEqual({ type: 'council_close', nominationId: 'id-TL-0042', code: 'TL-0042' });
    expect(closed).toContain('đã kết thúc: chưa đủ số thành viên biểu quyết');
    expect(closed).toContain('Hồ sơ không được tôn vinh');
  });

  it('says when a code is not in the ward, or not a code', () => {
    const chat = officer({ review_dossier: { status: 'not_found' } });
    expect(chat.say('/thamdinh TL-9999')).toContain('Không tìm thấy hồ sơ TL-9999');
    expect(chat.state.flow).toBeNull();
    expect(chat.say('/thamdinh abc')).toContain('“abc” không phải mã hồ sơ');
  });

  it('does not drop a half-filled nomination for it', () => {
    const chat = officer({ appraisal_list: appraisalList(['TL-0001']) });
    chat.say('/decu');
    expect(chat.say('/thamdinh')).toContain('Bạn đang làm dở một việc khác');
    expect(chat.state.flow).toBe('nomination');
  });

  it('reads notes per criterion or as one note', () => {
    expect(parseNotes('2: đã xác minh\n3) chưa rõ; tốt', ['a', 'b', 'c'])).toEqual({ ok: true, notes: { general: 'tốt', byCriterion: { b: 'đã xác minh', c: 'chưa rõ' } } });
    expect(parseNotes('9: ngoài danh sách', ['a'])).toEqual({ ok: true, notes: { general: '9: ngoài danh sách', byCriterion: {} } });
    expect(parseNotes(`1: ${'x'.repeat(1001)}`, ['a'])).toEqual({ ok: false, tooLong: 1001 });
  });

  it('speaks English to an English-speaking officer', () => {
    const chat = new Chat({ member: { ...withRole('officer'), locale: 'en' } });
    chat.fetchData = answers({ review_dossier: dossier('TL-0042') });
    const opened = chat.say('/appraise TL-0042');
    expect(opened).toContain('Nomination TL-0042: Nguyễn Văn An');
    expect(opened).toContain('By: the leader of Tổ dân phố 3 (Trần Bình)');
    expect(opened).toContain('Mark the criteria to propose it');
  });
});
