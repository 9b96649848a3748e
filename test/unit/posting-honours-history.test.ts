// Public posting, honours and a nomination's history as people chat them: everyone reads the posted
// exemplars and comments on one (a comment of 10,000 characters is refused with the limit before
// anything is sent); an officer honours a nomination with the usual honour or another, today or a
// typed dd/mm/yyyy day, counted for the phase containing it, or declines with a reason; an officer
// reads the whole history, who did what by role and name, never the nominator's name.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { parseDay } from '../../src/conversation/capabilities/dossier/dates.js';
import { answers, dossier, line, withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';

const t = await createTranslator();

const POSTED = {
  type: 'posted_list',
  items: [{ ...line('TL-0042', 'posted', 'Nguyễn Văn An'), deeds: 'Vận động bà con làm 500 m đường bê tông.\nDọn mương.', postingUntil: '2026-12-05T01:00:00.000Z' }],
};

describe('public posting', () => {
  it('lists the posted exemplars for everyone: code, name, category, unit, what they did, until when', () => {
    const chat = new Chat();
    chat.database = () => POSTED;
    const list = chat.say('/congkhai');
    expect(chat.lastEffect()).toEqual({ type: 'posted_list' });
    expect(list).toContain('• TL-0042 · Nguyễn Văn An · Người tốt, việc tốt · Tổ dân phố 3');
    expect(list).toContain('   Vận động bà con làm 500 m đường bê tông.');
    expect(list).not.toContain('Dọn mương');
    expect(list).toContain('Nhận góp ý đến 08:00 05/12/2026');
    expect(list).toContain('/gopy TL-0042');
    chat.database = () => ({ type: 'posted_list', items: [] });
    expect(chat.say('công khai')).toContain('Hiện chưa có gương điển hình nào');
  });

  it('sends a comment, and refuses 10,000 characters with the limit before anything is sent', () => {
    const chat = new Chat();
    expect(chat.say(`/gopy TL-0042 ${'a'.repeat(10_000)}`)).toContain('Góp ý dài 10.000 ký tự, vượt giới hạn 1.000 ký tự');
    expect(chat.effects).toEqual([]);
    chat.database = () => ({ type: 'post_comment', status: 'sent', code: 'TL-0042', name: 'Nguyễn Văn An', postingUntil: '2026-12-05T01:00:00.000Z', notified: 2 });
    expect(chat.say('góp ý tl-42 Ông An rất nhiệt tình.')).toContain('Cảm ơn bạn! Góp ý về TL-0042 · Nguyễn Văn An đã được gửi tới cán bộ phường.');
    expect(chat.lastEffect()).toEqual({ type: 'post_comment', code: 'TL-0042', text: 'Ông An rất nhiệt tình.' });
    chat.database = () => ({ type: 'post_comment', status: 'closed', code: 'TL-0042', postingUntil: '2026-12-05T01:00:00.000Z' });
    expect(chat.say('/gopy TL-0042 Muộn rồi')).toContain('đã kết thúc lúc 08:00 05/12/2026');
    chat.database = () => ({ type: 'post_comment', status: 'not_posted', code: 'TL-0007' });
    expect(chat.say('/gopy TL-0007 Tốt')).toContain('TL-0007 không có trong danh sách đang công khai');
    expect(chat.say('/gopy xyz abc')).toContain('“xyz” không phải mã hồ sơ');
  });

  it('asks for the comment when only the code is given, unless comments are closed', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.fetchData = answers({ posted_one: { status: 'open', code: 'TL-0042', name: 'Nguyễn Văn An', postingUntil: '2026-12-05T01:00:00.000Z' } });
    expect(chat.say('/gopy TL-0042')).toContain('Mời bạn gõ góp ý về TL-0042 · Nguyễn Văn An (tối đa 1.000 ký tự');
    expect(chat.say('a'.repeat(1001))).toContain('Góp ý dài 1.001 ký tự');
    chat.database = () => ({ type: 'post_comment', status: 'sent', code: 'TL-0042', name: 'Nguyễn Văn An' });
    chat.say('Ông còn dạy bơi cho trẻ em.');
    expect(chat.lastEffect()).toEqual({ type: 'post_comment', code: 'TL-0042', text: 'Ông còn dạy bơi cho trẻ em.' });
    expect(chat.state.flow).toBeNull();

    const late = new Chat();
    late.fetchData = answers({ posted_one: { status: 'closed', code: 'TL-0042', name: 'Nguyễn Văn An', postingUntil: '2026-12-05T01:00:00.000Z' } });
    expect(late.say('/gopy TL-0042')).toContain('đã kết thúc lúc 08:00 05/12/2026');
    expect(late.state.flow).toBeNull();
  });

  it('passes a comment on to the officers with the way to its history', () => {
    const text = renderPlainMessages(appRegistry.notice('public_comment')!({ code: 'TL-0042', name: 'Nguyễn Văn An', text: 'Rất xứng đáng.' }, 'vi'), t('vi'));
    expect(text).toContain('Góp ý của người dân về TL-0042 · Nguyễn Văn An:\n“Rất xứng đáng.”');
    expect(text).toContain('gõ /lichsu TL-0042');
  });
});

describe('honours', () => {
  const ready = () => dossier('TL-0042', { status: 'posted', view: 'honour', postingUntil: '2026-12-05T01:00:00.000Z', postingOpen: false, comments: 2 });

  function officer(table: Record<string, unknown>): Chat {
    const chat = new Chat({ member: withRole('officer') });
    chat.fetchData = answers(table);
    return chat;
  }

  it('lists what may be honoured, with what is still posted, and honours one with the usual honour and a typed day', () => {
    const chat = officer({
      honour_list: { status: 'ok', total: 1, page: 0, pageSize: 8, items: [{ ...line('TL-0042', 'posted'), postingUntil: '2026-12-05T01:00:00.000Z', comments: 2 }], posting: { count: 1, nextUntil: '2026-12-09T01:00:00.000Z' } },
      review_dossier: ready(),
    });
    const list = chat.say('/tonvinh');
    expect(list).toContain('Hồ sơ chờ quyết định khen thưởng: 1.');
    expect(list).toContain('Còn 1 hồ sơ đang công khai lấy ý kiến; sớm nhất kết thúc lúc 08:00 09/12/2026.');
    expect(list).toContain('hết công khai ngày 05/12/2026 · 2 góp ý');
    const opened = chat.say('1');
    expect(opened).toContain('Công khai lấy ý kiến đến 08:00 05/12/2026: nhận được 2 góp ý.');
    expect(chat.say('tôn vinh')).toContain('1. Giấy khen của Chủ tịch UBND phường');
    expect(chat.say('1')).toContain('1. Hôm nay, 06/12/2026');
    expect(chat.say('31/02/2026')).toContain('Không đọc được ngày này');
    expect(chat.say('01/01/2031')).toContain('không dùng được cho quyết định khen thưởng');
    const confirm = chat.say('5/12/2026');
    expect(confirm).toContain('Hình thức: Giấy khen của Chủ tịch UBND phường');
    expect(confirm).toContain('Ngày: 05/12/2026');
    expect(confirm).toContain('Tính cho: Giai đoạn 1');
    chat.database = () => ({ type: 'honour', status: 'honoured', code: 'TL-0042', name: 'Nguyễn Văn An', title: 'Giấy khen của Chủ tịch UBND phường', date: '2026-12-05', phase: { seq: 1, vi: 'Giai đoạn 1', en: 'Phase 1' }, endorsers: 2 });
    const done = chat.say('xác nhận');
    expect(chat.lastEffect()).toEqual({ type: 'honour', nominationId: 'id-TL-0042', code: 'TL-0042', decision: 'honour', title: 'Giấy khen của Chủ tịch UBND phường', date: '2026-12-05' });
    expect(done).toContain('Đã ghi nhận: Nguyễn Văn An (TL-0042) được khen thưởng – Giấy khen của Chủ tịch UBND phường, ngày 05/12/2026, tính cho Giai đoạn 1.');
    expect(done).toContain('Người đề cử và 2 người ủng hộ sẽ được báo tin.');
  });

  it('takes another honour’s name and today, and counts a day in phase 2 for phase 2', () => {
    const chat = officer({ review_dossier: dossier('TL-0042', { status: 'approved', view: 'honour', today: '2028-06-20' }) });
    chat.say('/tonvinh TL-0042');
    chat.say('1');
    chat.say('Bằng khen của UBND tỉnh');
    expect(chat.say('hôm nay')).toContain('Ngày: 20/06/2028');
    const edited = chat.say('sửa ngày');
    expect(edited).toContain('Ngày khen thưởng?');
    expect(chat.say('2/7/2028')).toContain('Tính cho: Giai đoạn 2');
    chat.database = () => ({ type: 'honour', status: 'honoured', code: 'TL-0042', name: 'Nguyễn Văn An', title: 'Bằng khen của UBND tỉnh', date: '2028-07-02' });
    chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ title: 'Bằng khen của UBND tỉnh', date: '2028-07-02' });
  });

  it('declines only with a reason, and does not decide while the nomination is still posted', () => {
    const chat = officer({ review_dossier: ready() });
    chat.say('/tonvinh TL-0042');
    expect(chat.say('không tôn vinh')).toContain('Vì sao không tôn vinh TL-0042');
    expect(chat.say('bỏ qua')).toContain('Vui lòng nêu lý do cụ thể');
    chat.database = () => ({ type: 'honour', status: 'not_honoured', code: 'TL-0042', name: 'Nguyễn Văn An' });
    expect(chat.say('Có phản ánh chưa được xác minh.')).toContain('không được tôn vinh. Người đề cử sẽ nhận được lý do.');
    expect(chat.lastEffect()).toMatchObject({ decision: 'decline', reason: 'Có phản ánh chưa được xác minh.' });

    const early = officer({ review_dossier: dossier('TL-0043', { status: 'posted', view: 'honour', postingUntil: '2026-12-09T01:00:00.000Z', postingOpen: true }) });
    const opened = early.say('/tonvinh TL-0043');
    expect(opened).toContain('còn đang công khai lấy ý kiến đến 08:00 09/12/2026');
    expect(opened).not.toContain('Tôn vinh, khen thưởng');
  });

  it('refuses honours to a resident and a council member', () => {
    for (const chat of [new Chat(), new Chat({ member: withRole('council') })]) expect(chat.say('/tonvinh')).toContain('Lệnh này chỉ dành cho');
  });

  it('reads days as the ward writes them', () => {
    expect(parseDay('05/12/2026')).toBe('2026-12-05');
    expect(parseDay('5-12-26')).toBe('2026-12-05');
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
    expect(parseDay('29/02/2027')).toBeNull();
    expect(parseDay('2026-12-05')).toBeNull();
  });
});

describe('a nomination’s history', () => {
  const history = {
    type: 'nomination_history',
    status: 'found',
    code: 'TL-0042',
    nomination: line('TL-0042', 'honoured', 'Nguyễn Văn An'),
    rows: [
      { at: '20/11/2026 09:00', status: 'submitted', by: { nominator: true } },
      { at: '25/11/2026 10:00', status: 'forwarded', by: { role: 'leader', holderName: 'Trần Bình', unitName: 'Tổ dân phố 3', unitKind: 'to_dan_pho' }, note: 'Nhất trí.' },
      { at: '26/11/2026 08:30', status: 'proposed', by: { role: 'officer', holderName: 'Nguyễn Thu' } },
      { at: '27/11/2026 15:00', status: 'posted', by: { role: 'council' }, note: 'Hội đồng … thông qua.' },
      { at: '06/12/2026 08:00', status: 'honoured', by: { role: 'officer' } },
    ],
    criteria: [{ id: 'c-1', vi: 'Thành tích tiêu biểu', en: 'Outstanding results' }],
    marks: [{ criterionId: 'c-1', met: true }],
    council: { members: 3, agree: 3, disagree: 0, abstain: 0, voted: 3 },
    comments: 2,
    honour: { title: 'Giấy khen của Chủ tịch UBND phường', date: '2026-12-05', phase: { seq: 1, vi: 'Giai đoạn 1', en: 'Phase 1' } },
  };

  it('shows an officer each change with its time, who did it and the note; then marks, votes, comments, the honour', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.database = () => history;
    const shown = chat.say('lịch sử TL-42');
    expect(chat.lastEffect()).toEqual({ type: 'nomination_history', code: 'TL-0042' });
    expect(shown).toContain('Lịch sử hồ sơ TL-0042 · Nguyễn Văn An (Người tốt, việc tốt, Tổ dân phố 3)');
    expect(shown).toContain('• 20/11/2026 09:00 – Gửi đề cử\n   Người thực hiện: người đề cử');
    expect(shown).toContain('• 25/11/2026 10:00 – Chuyển lên phường\n   Người thực hiện: tổ trưởng Tổ dân phố 3 (Trần Bình)\n   Ghi chú: “Nhất trí.”');
    expect(shown).toContain('Người thực hiện: cán bộ phường Nguyễn Thu');
    expect(shown).toContain('Người thực hiện: thành viên Hội đồng Thi đua – Khen thưởng\n');
    expect(shown).toContain('Hội đồng: 3 đồng ý, 0 không đồng ý, 0 không ý kiến (3/3 thành viên đã biểu quyết).');
    expect(shown).toContain('Góp ý của nhân dân: 2.');
    expect(shown).toContain('Khen thưởng: Giấy khen của Chủ tịch UBND phường, ngày 05/12/2026, tính cho Giai đoạn 1.');
  });

  it('asks for a code, and refuses a resident and a leader', () => {
    expect(new Chat({ member: withRole('officer') }).say('/lichsu')).toContain('Gõ /lichsu và mã hồ sơ, ví dụ /lichsu TL-0001.');
    expect(new Chat().say('/lichsu TL-0042')).toContain('Lệnh này chỉ dành cho');
    expect(new Chat({ member: withRole('leader') }).say('/lichsu TL-0042')).toContain('Lệnh này chỉ dành cho');
  });
});
