import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { statusResultSchema } from '../../src/conversation/capabilities/follow/data.js';

type NominationStatusView = Extract<z.infer<typeof statusResultSchema>, { status: 'found' }>['nomination'];
import { IDS } from '../support/catalog-fixture.js';
import { Chat } from './chat-harness.js';

const found: NominationStatusView = {
  code: 'TL-0042',
  nomineeName: 'Nguyễn Văn An',
  categoryId: IDS.goodDeeds,
  status: 'forwarded',
  submittedAt: '2025-05-20T18:30:00Z',
  endorsements: 5,
  campaignId: IDS.campaign,
  unitName: 'Tổ dân phố 3',
  history: [
    { status: 'submitted', at: '2025-05-20T18:30:00Z' },
    { status: 'screened', at: '2025-05-25T02:00:00Z' },
    { status: 'forwarded', at: '2025-05-28T09:00:00Z' },
  ],
};

describe('switching language', () => {
  it('offers Vietnamese or English and answers in the new language at once', () => {
    const chat = new Chat();
    const ask = chat.say('/ngonngu');
    expect(ask).toContain('1. Tiếng Việt');
    expect(ask).toContain('2. English');
    const reply = chat.say('2');
    expect(chat.lastEffect()).toEqual({ type: 'set_locale', locale: 'en' });
    expect(reply).toContain('Switched to English.');
    expect(chat.say('/start')).toContain('Hello Bà Lan!');
  });

  it('in the middle of a form, asks the same question again in the new language, with catalog names translated', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('ca nhan');
    chat.say('/lang');
    const reply = chat.press('en');
    expect(reply).toContain('What kind of person would you like to nominate?');
    expect(reply).toContain('2. Good people, good deeds\n');
    expect(chat.say('good deeds')).toContain('Which residential group, village or agency is this person from?');
    expect(chat.say('back')).toContain('Whom would you like to nominate?');
  });

  it('"/lang english" switches directly; "quay lại" keeps the language', () => {
    const chat = new Chat();
    chat.say('/lang english');
    expect(chat.member.locale).toBe('en');
    chat.say('/ngonngu');
    expect(chat.say('back')).toContain('The language stays as it was');
    expect(chat.member.locale).toBe('en');
  });
});

describe('following a nomination', () => {
  it('/trangthai with a loosely typed code looks up the normalised code', () => {
    const chat = new Chat();
    chat.database = () => ({ type: 'status', status: 'found', nomination: found });
    const reply = chat.say('/trangthai tl42');
    expect(chat.lastEffect()).toEqual({ type: 'status', code: 'TL-0042' });
    expect(reply).toContain('Đề cử TL-0042: Nguyễn Văn An');
    expect(reply).toContain('Người tốt, việc tốt · Tổ dân phố 3');
    // Each date once, in the history (the status line no longer repeats it).
    expect(reply).toContain('Tình trạng: đã chuyển lên phường, đang chờ thẩm định.');
    expect(reply).toContain('• 21/05/2025: gửi đề cử'); // 01:30 on the 21st in Vietnam
    expect(reply).toContain('Lượt ủng hộ: 5');
    expect(reply).toContain('• 25/05/2025: tổ dân phố, làng xem xét');
  });

  it('"trạng thái TL-0042" typed as words works too', () => {
    const chat = new Chat();
    chat.say('trạng thái TL-0042');
    expect(chat.lastEffect()).toEqual({ type: 'status', code: 'TL-0042' });
    expect(chat.read()).toContain('Không tìm thấy đề cử TL-0042.');
  });

  it('a code that is not a code gets an example, and no look-up', () => {
    const reply = new Chat().say('/trangthai abc');
    expect(reply).toContain('“abc” không phải mã đề cử. Mã có dạng TL-0001');
  });

  it('a status look-up in the middle of a form answers, then repeats the question', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const reply = chat.say('/status 42');
    expect(reply).toContain('Không tìm thấy đề cử TL-0042');
    expect(reply).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
    expect(chat.state.answers.kind).toBe('individual');
  });

  it('/cuatoi lists my nominations and endorsements, or explains how to begin', () => {
    expect(new Chat().say('/cuatoi')).toContain('Bạn chưa có đề cử hay lượt ủng hộ nào. Gõ /decu');
    const chat = new Chat();
    chat.database = () => ({ type: 'mine', nominations: [found], endorsements: [{ ...found, code: 'TL-0007', nomineeName: 'Tổ dân phố 5', status: 'honoured' }] });
    const reply = chat.say('của tôi');
    expect(reply).toContain('Đề cử bạn đã gửi:');
    expect(reply).toContain('• TL-0042 · Nguyễn Văn An · gửi 21/05/2025 · đã chuyển lên phường');
    expect(reply).toContain('Đề cử bạn đã ủng hộ:');
    expect(reply).toContain('• TL-0007 · Tổ dân phố 5 · gửi 21/05/2025 · đã được tôn vinh');
  });

  it('/trangthai without a code lists my nominations', () => {
    const chat = new Chat();
    chat.say('/trangthai');
    expect(chat.lastEffect()).toEqual({ type: 'mine' });
  });
});
