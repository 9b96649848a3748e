// Campaign setup as an officer types it (/dot): each action is read into one effect (dates typed
// dd/mm/yyyy, words with or without diacritics, Vietnamese or English), a mistyped one shows its
// usage with the value that could not be read, and the database's refusals are named: a phase that
// ends before it starts, one that overlaps another, a closing date in the past. Residents and
// leaders get a polite answer and nothing reaches the database.
import { describe, expect, it } from 'vitest';
import { withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';

const CAMPAIGN = {
  code: 'dhtt-2031-2035',
  titleVi: 'Điển hình tiên tiến 2031 – 2035',
  titleEn: 'Exemplars 2031–2035',
  status: 'draft',
  template: 'dhtt-2026-2030',
  usesCouncil: true,
  postingDays: 5,
  phases: [
    { seq: 1, nameVi: 'Giai đoạn 1', nameEn: 'Phase 1', startsOn: '2031-01-01', endsOn: '2033-06-30', deadline: '2033-06-30T10:00:00.000Z', quotaCollectives: 3, quotaIndividuals: 3, quotaIsMinimum: false },
    { seq: 2, nameVi: 'Giai đoạn 2', nameEn: 'Phase 2', startsOn: '2033-07-01', endsOn: '2035-12-31', deadline: null, quotaCollectives: 3, quotaIndividuals: 3, quotaIsMinimum: true },
  ],
};

const officer = () => new Chat({ member: withRole('officer') });

describe('/dot', () => {
  it('lists the campaigns with their phases, council and posting, and the templates', () => {
    const chat = officer();
    chat.database = () => ({ type: 'campaign_setup', action: 'list', status: 'ok', campaigns: [CAMPAIGN], templates: [{ code: 'dhtt-2026-2030', titleVi: 'Kế hoạch 2026 – 2030', titleEn: 'Plan 2026–2030' }] });
    const reply = chat.say('/dot');
    expect(chat.lastEffect()).toEqual({ type: 'campaign_setup', action: 'list' });
    expect(reply).toContain('Đợt “Điển hình tiên tiến 2031 – 2035” (mã dhtt-2031-2035): đang soạn, người dân chưa thấy');
    expect(reply).toContain('• Giai đoạn 1 – Giai đoạn 1: 01/01/2031–30/06/2033, hạn nhận đề cử 30/06/2033, chỉ tiêu 3 tập thể, 3 cá nhân');
    expect(reply).toContain('• Giai đoạn 2 – Giai đoạn 2: 01/07/2033–31/12/2035, chưa đặt hạn nhận đề cử');
    expect(reply).toContain('(chỉ tiêu tối thiểu)');
    expect(reply).toContain('• Niêm yết công khai lấy ý kiến 5 ngày');
    expect(reply).toContain('• dhtt-2026-2030: Kế hoạch 2026 – 2030');
    expect(reply).toContain('/dot giaidoan <mã đợt>');
  });

  it('reads each action into one effect', () => {
    const cases: [string, object][] = [
      ['/dot tao dhtt-2026-2030 dhtt-2031-2035 Điển hình tiên tiến 2031 – 2035', { action: 'create', template: 'dhtt-2026-2030', code: 'dhtt-2031-2035', title: 'Điển hình tiên tiến 2031 – 2035' }],
      ['/dot giaidoan dhtt-2031-2035 1 1/1/2031 30/06/2033 30-06-2033 3 4', { action: 'phase', code: 'dhtt-2031-2035', seq: 1, startsOn: '2031-01-01', endsOn: '2033-06-30', deadline: '2033-06-30', quotaCollectives: 3, quotaIndividuals: 4 }],
      ['đợt giai đoạn DHTT-2031-2035 2 01/07/2033 31/12/2035 - 3 3', { action: 'phase', code: 'dhtt-2031-2035', seq: 2, startsOn: '2033-07-01', endsOn: '2035-12-31', deadline: null, quotaCollectives: 3, quotaIndividuals: 3 }],
      ['/dot hội đồng dhtt-2031-2035 không', { action: 'council', code: 'dhtt-2031-2035', uses: false }],
      ['/campaign council dhtt-2031-2035 yes', { action: 'council', code: 'dhtt-2031-2035', uses: true }],
      ['/dot niêm yết dhtt-2031-2035 0', { action: 'posting', code: 'dhtt-2031-2035', days: 0 }],
      ['/dot mở dhtt-2031-2035', { action: 'open', code: 'dhtt-2031-2035' }],
      ['/dot đóng dhtt-2031-2035', { action: 'close', code: 'dhtt-2031-2035' }],
    ];
    for (const [typed, effect] of cases) {
      const chat = officer();
      chat.say(typed);
      expect(chat.lastEffect(), typed).toEqual({ type: 'campaign_setup', ...effect });
    }
  });

  it('shows the usage, naming what could not be read, without asking the database', () => {
    const chat = officer();
    expect(chat.say('/dot giaidoan dhtt-2031-2035 1 31/02/2031 30/06/2033 - 3 3')).toContain('Không đọc được “31/02/2031”.');
    expect(chat.say('/dot giaidoan dhtt-2031-2035 1')).toContain('Gõ: /dot giaidoan <mã đợt> <số giai đoạn>');
    expect(chat.say('/dot hoidong dhtt-2031-2035 có lẽ')).toContain('Gõ: /dot hoidong');
    expect(chat.say('/dot xoa dhtt-2031-2035')).toContain('Các lệnh thiết lập đợt:');
    expect(chat.effects).toEqual([]);
  });

  it('names what is wrong with a phase or a campaign', () => {
    const cases: [object, string][] = [
      [{ status: 'ends_before_start', seq: 1, startsOn: '2033-06-30', endsOn: '2031-01-01' }, 'Chưa lưu: giai đoạn 1 kết thúc ngày 01/01/2031, trước ngày bắt đầu 30/06/2033.'],
      [{ status: 'overlap', seq: 2, with: 1, withStartsOn: '2031-01-01', withEndsOn: '2033-06-30' }, 'Chưa lưu: giai đoạn 2 trùng thời gian với giai đoạn 1 (01/01/2031–30/06/2033).'],
      [{ status: 'deadline_past', seq: 1, deadline: '2020-01-01' }, 'Chưa lưu: hạn nhận đề cử 01/01/2020 của giai đoạn 1 đã qua.'],
      [{ status: 'exists', code: 'dhtt-2026-2030' }, 'Phường đã có đợt mang mã “dhtt-2026-2030”.'],
      [{ status: 'unknown', what: 'campaign', code: 'abc' }, 'Phường không có đợt nào mang mã “abc”.'],
      [{ status: 'forbidden' }, 'Thiết lập đợt đề cử dành cho cán bộ phường.'],
      [{ status: 'done', campaign: { ...CAMPAIGN, status: 'open' } }, 'Đã mở đợt: người dân có thể gửi đề cử.'],
    ];
    for (const [answer, expected] of cases) {
      const chat = officer();
      chat.database = (e) => ({ type: 'campaign_setup', action: String(e.action), ...answer });
      expect(chat.say('/dot mo dhtt-2031-2035'), expected).toContain(expected);
    }
  });

  it('answers residents and leaders politely, without asking the database', () => {
    for (const member of [{}, withRole('leader')]) {
      const chat = new Chat({ member });
      expect(chat.say('/dot mo dhtt-2031-2035')).toContain('Lệnh này chỉ dành cho cán bộ phường');
      expect(chat.effects).toEqual([]);
    }
  });
});
