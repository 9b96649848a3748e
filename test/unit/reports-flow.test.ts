// /baocao as officers chat it: the report is asked for (the database checks the role), the
// officer picks a campaign when the ward has several, and hears the files are being prepared;
// residents and leaders get a polite answer and nothing is asked of the database. /tiendo shows
// officers where people give up in the nomination form.
import { describe, expect, it } from 'vitest';
import { withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';

const CAMPAIGNS = [
  { code: 'dhtt-2026-2030', titleVi: 'Điển hình tiên tiến 2026–2030', titleEn: 'Exemplars 2026–2030', status: 'open' },
  { code: 'dhtt-2021-2025', titleVi: 'Điển hình tiên tiến 2021–2025', titleEn: 'Exemplars 2021–2025', status: 'closed' },
];

describe('/baocao', () => {
  it('asks the database for the report and says the files are being prepared', () => {
    const chat = new Chat({ member: withRole('officer') });
    const reply = chat.say('/baocao');
    expect(chat.lastEffect()).toEqual({ type: 'report_request', campaignCode: null });
    expect(reply).toContain('Đang chuẩn bị báo cáo đợt “Điển hình tiên tiến 2026–2030”');
    expect(reply).toContain('vẫn dùng trợ lý bình thường');
  });

  it('is understood as words with and without diacritics, and in English', () => {
    for (const words of ['báo cáo', 'bao cao', 'Báo Cáo', '/report', 'báo cáo dhtt-2021-2025']) {
      const chat = new Chat({ member: withRole('officer') });
      chat.say(words);
      expect(chat.lastEffect()?.type, words).toBe('report_request');
    }
    const chat = new Chat({ member: withRole('officer') });
    chat.say('báo cáo dhtt-2021-2025');
    expect(chat.lastEffect()).toEqual({ type: 'report_request', campaignCode: 'dhtt-2021-2025' });
  });

  it('lets the officer pick the campaign when the ward has several', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.database = () => ({ type: 'report_request', status: 'choose', campaigns: CAMPAIGNS });
    const reply = chat.say('/baocao');
    expect(reply).toContain('Bạn cần báo cáo của đợt nào?');
    expect(reply).toContain('/baocao dhtt-2026-2030');
    expect(reply).toContain('/baocao dhtt-2021-2025');
    chat.database = () => undefined;
    chat.say('/baocao dhtt-2021-2025');
    expect(chat.lastEffect()).toEqual({ type: 'report_request', campaignCode: 'dhtt-2021-2025' });
  });

  it('names a code that is no campaign and offers the ones there are', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.database = () => ({ type: 'report_request', status: 'unknown', code: 'abc-1', campaigns: CAMPAIGNS.slice(0, 1) });
    const reply = chat.say('/baocao abc-1');
    expect(reply).toContain('Không có đợt nào mang mã “abc-1”.');
    expect(reply).toContain('/baocao dhtt-2026-2030');
  });

  it('answers a resident and a leader politely, without asking the database', () => {
    for (const member of [{}, withRole('leader')]) {
      const chat = new Chat({ member });
      const reply = chat.say('/baocao');
      expect(reply).toContain('Lệnh này chỉ dành cho cán bộ phường');
      expect(chat.effects).toEqual([]);
    }
  });

  it('passes on the database refusing (a role revoked meanwhile)', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.database = () => ({ type: 'report_request', status: 'forbidden' });
    expect(chat.say('/baocao')).toContain('Báo cáo của đợt dành cho cán bộ phường.');
  });
});

describe('/tiendo for officers: where people give up', () => {
  it('shows how many started the form and the steps most people stopped at', () => {
    const chat = new Chat({ member: withRole('officer') });
    chat.database = () => ({
      type: 'progress',
      status: 'ok',
      scope: 'ward',
      campaigns: [
        {
          id: 'c1',
          titleVi: 'Điển hình tiên tiến 2026–2030',
          titleEn: 'Exemplars 2026–2030',
          phases: [],
          units: [],
          total: { submitted: 0, forwarded: 0, proposed: 0, honoured: 0 },
          funnel: [
            { step: 'category', reached: 10, stopped: 1 },
            { step: 'unit', reached: 9, stopped: 0 },
            { step: 'deeds', reached: 9, stopped: 4 },
            { step: 'summary', reached: 5, stopped: 0 },
          ],
        },
      ],
    });
    const reply = chat.say('/tiendo');
    expect(reply).toContain('Biểu mẫu đề cử: 10 người đã bắt đầu. Nơi nhiều người dừng lại nhất:');
    expect(reply).toContain('Thành tích, việc làm\n  9 người đến, 4 người dừng ở bước này');
    expect(reply).toContain('Chọn loại điển hình\n  10 người đến, 1 người dừng ở bước này');
    expect(reply.indexOf('Thành tích')).toBeLessThan(reply.indexOf('Chọn loại'));
    expect(reply).not.toContain('Xem lại và gửi');
  });
});
