// Issue 12, "what a resident expects": learn about the campaign, follow any nomination by its code,
// see what is happening in one's own unit, change one's mind before screening starts; and the
// consent notice said once per person. The database is the harness's fake; the SQL side is in
// test/integration/resident-path.test.ts.
import { describe, expect, it } from 'vitest';
import { CONTACT_NOTICE_VERSION } from '../../src/conversation/capabilities/nomination/data.js';
import type { DataRequest } from '../../src/conversation/contract.js';
import { IDS } from '../support/catalog-fixture.js';
import { Chat, DEEDS, fillToSummary } from './chat-harness.js';

const phases = [
  { seq: 1, nameVi: 'Giai đoạn 1', nameEn: 'Phase 1', startsOn: '2021-01-01', endsOn: '2023-06-30', deadline: null, quotaCollectives: 3, quotaIndividuals: 3, quotaIsMinimum: false },
  { seq: 2, nameVi: 'Giai đoạn 2 (2023–2025)', nameEn: 'Phase 2 (2023–2025)', startsOn: '2023-07-01', endsOn: '2025-12-31', deadline: '2025-11-30T16:59:59Z', quotaCollectives: 3, quotaIndividuals: 3, quotaIsMinimum: true },
];

describe('learning about the campaign', () => {
  it('the greeting offers /gioithieu', () => {
    expect(new Chat().say('xin chào')).toContain('• Tìm hiểu đợt thi đua: gõ /gioithieu');
  });

  it('/gioithieu tells the purpose, the phases with quotas and deadline, the kinds and their criteria, in a few messages', () => {
    const chat = new Chat();
    chat.database = (e) => (e.type === 'campaign_about' ? { type: 'campaign_about', campaigns: [{ id: IDS.campaign, phases }] } : undefined);
    const reply = chat.say('giới thiệu');
    expect(chat.lastEffect()).toEqual({ type: 'campaign_about' });
    expect(reply).toContain('Đợt thi đua: Điển hình tiên tiến 2021–2025.');
    expect(reply).toContain('Mục đích: tìm, bồi dưỡng và tôn vinh');
    expect(reply).toContain('• Giai đoạn 1 (01/01/2021 – 30/06/2023): chọn 3 tập thể, 3 cá nhân.');
    expect(reply).toContain('• Đang diễn ra: Giai đoạn 2 (2023–2025) (01/07/2023 – 31/12/2025), chọn ít nhất 3 tập thể, 3 cá nhân.');
    expect(reply).toContain('Hạn chót gửi đề cử: 30/11/2025.');
    expect(reply).toContain('Có 5 loại điển hình:\n• Mô hình cơ quan: ');
    expect(reply).toContain('Tiêu chí chung cho mọi đề cử: Dẫn đầu phong trào; Chấp hành pháp luật; Tích cực tham gia hoạt động nhân đạo, từ thiện.');
    expect(reply).toContain('• Người tốt, việc tốt: Có sáng kiến nâng cao năng suất lao động; Gia đình văn hóa nhiều năm liền.');
    expect(chat.messages.length).toBeLessThanOrEqual(4);
    expect(new Chat().say('/about')).toContain('Đợt thi đua');
  });
});

describe('following any nomination by its code', () => {
  const nomination = {
    code: 'TL-0009',
    nomineeName: 'Rơ Mah Blơi',
    categoryId: IDS.goodDeeds,
    status: 'submitted',
    submittedAt: '2025-05-20T18:30:00Z',
    endorsements: 2,
    campaignId: IDS.campaign,
    unitName: 'Làng Plei Ốp',
  };

  it("someone else's nomination: its public status, nothing of who made it, and how to support it", () => {
    const chat = new Chat();
    chat.database = (e) => (e.type === 'status' ? { type: 'status', status: 'found', view: 'public', nomination: { ...nomination, history: [] } } : undefined);
    const reply = chat.say('/trangthai tl9');
    expect(reply).toContain('Đề cử TL-0009: Rơ Mah Blơi\nNgười tốt, việc tốt · Làng Plei Ốp\nTình trạng: đang chờ tổ dân phố, làng xem xét.');
    expect(reply).not.toContain('Quá trình');
    expect(reply).toContain('Muốn ủng hộ đề cử này, gõ /ungho TL-0009.');
    expect(chat.say('/ungho TL-0009')).toContain('Bạn đã ủng hộ đề cử TL-0009');
    expect(chat.lastEffect()).toEqual({ type: 'endorse_code', code: 'TL-0009' });
  });

  it('one\'s own nomination shows its history and how to change or withdraw it while not yet screened', () => {
    const chat = new Chat();
    chat.database = () => ({ type: 'status', status: 'found', view: 'own', nomination: { ...nomination, history: [{ status: 'submitted', at: nomination.submittedAt }] } });
    const reply = chat.say('/trangthai TL-0009');
    expect(reply).toContain('• 21/05/2025: gửi đề cử');
    expect(reply).toContain('/sua TL-0009');
    expect(reply).toContain('/rutlai TL-0009');
  });
});

describe("a resident's own unit", () => {
  const list = [
    { id: 'nom-1', code: 'TL-0001', nomineeName: 'Nguyễn Thị Hoa', categoryId: IDS.goodDeeds, endorsements: 2, mine: false, endorsedByMe: false },
    { id: 'nom-2', code: 'TL-0002', nomineeName: 'Tổ dân phố 3', categoryId: IDS.area, endorsements: 0, mine: true, endorsedByMe: false },
  ];
  const withList = (chat: Chat) => {
    const asked: DataRequest[] = [];
    chat.fetchData = (r) => {
      asked.push(r);
      return r.kind === 'unit_nominations' ? { nominations: list } : undefined;
    };
    return asked;
  };

  it('asks the home unit once, remembers it, lists its nominations; picking one supports it', () => {
    const chat = new Chat();
    const asked = withList(chat);
    expect(chat.say('/donvi')).toContain('Bạn ở tổ dân phố hay làng nào? (Tôi hỏi một lần rồi nhớ.)');
    const reply = chat.say('to 3');
    expect(chat.lastEffect()).toEqual({ type: 'set_home_unit', unitId: IDS.tdp3 });
    expect(reply).toContain('Đã ghi: bạn ở Tổ dân phố 3.');
    expect(reply).toContain('Đề cử ở Tổ dân phố 3 (2). Muốn ủng hộ đề cử nào, gõ số của đề cử đó:');
    expect(reply).toContain('1. TL-0001 · Nguyễn Thị Hoa · Người tốt, việc tốt · 2 lượt ủng hộ');
    expect(reply).toContain('2. TL-0002 · Tổ dân phố 3 · Khu dân cư văn hóa · 0 lượt ủng hộ (của bạn)');
    expect(asked).toContainEqual({ kind: 'unit_nominations', unitId: IDS.tdp3 });
    expect(chat.say('1')).toContain('Cảm ơn bạn! Bạn đã ủng hộ đề cử TL-0007');
    expect(chat.lastEffect()).toEqual({ type: 'endorse', nominationId: 'nom-1' });
    expect(chat.state.flow).toBeNull();

    // Next time the unit is known: the list at once.
    expect(chat.say('tổ của tôi')).toContain('Đề cử ở Tổ dân phố 3 (2)');
    expect(chat.say('đổi đơn vị')).toContain('Bạn ở tổ dân phố hay làng nào?');
  });

  it('an empty unit says so; the view does not stand in the way of a nomination', () => {
    const chat = new Chat();
    chat.homeUnit = IDS.iaLang;
    expect(chat.say('/donvi')).toContain('Ở Làng Ia Lang chưa có đề cử nào trong đợt này. Gõ /decu để là người đề cử đầu tiên.');
    expect(chat.say('xin chào')).not.toContain('làm dở');
    chat.say('/donvi');
    expect(chat.say('/decu')).toContain('Bạn muốn đề cử ai?');
  });
});

describe('changing one\'s mind before screening starts', () => {
  const sent = {
    id: 'nom-42',
    code: 'TL-0042',
    status: 'submitted',
    campaignId: IDS.campaign,
    categoryId: IDS.goodDeeds,
    kind: 'individual',
    unitId: IDS.tdp3,
    nomineeName: 'Nguyễn Văn An',
    deeds: DEEDS,
    criterionIds: ['crit-1'],
    ledUnitId: null,
    photoRef: null,
    consent: true,
    phone: '0912345678',
  };

  it('/sua opens the sent nomination at its summary; a change is saved under the same code', () => {
    const chat = new Chat();
    chat.fetchData = (r) => (r.kind === 'own_nomination' ? { status: 'found', nomination: sent } : undefined);
    const reply = chat.say('/sua TL-0042');
    expect(reply).toContain('Sửa đề cử TL-0042:\nNgười tốt, việc tốt: Nguyễn Văn An, Tổ dân phố 3');
    expect(reply).toContain('1. Lưu thay đổi');
    chat.say('sửa tên');
    chat.say('Nguyễn Văn Ân');
    expect(chat.say('1')).toContain('Đã lưu thay đổi của đề cử TL-0042.');
    expect(chat.lastEffect()).toMatchObject({ type: 'update_nomination', nominationId: 'nom-42', nomineeName: 'Nguyễn Văn Ân', criterionIds: ['crit-1'], phone: '0912345678' });
  });

  it('giving up the changes asks once and keeps the nomination as it was', () => {
    const chat = new Chat();
    chat.fetchData = (r) => (r.kind === 'own_nomination' ? { status: 'found', nomination: sent } : undefined);
    chat.say('/sua TL-0042');
    chat.say('sửa tên');
    chat.say('Nguyễn Văn Ân');
    expect(chat.say('hủy')).toContain('Thôi không sửa đề cử TL-0042 nữa? Đề cử vẫn giữ như trước.');
    expect(chat.say('1')).toContain('Đã thôi sửa. Đề cử TL-0042 vẫn giữ như trước.');
    expect(chat.effects).toEqual([]);
  });

  it('a nomination already screened, or somebody else\'s, cannot be changed', () => {
    const screened = new Chat();
    screened.fetchData = (r) => (r.kind === 'own_nomination' ? { status: 'found', nomination: { ...sent, status: 'screened' } } : undefined);
    expect(screened.say('/sua TL-0042')).toContain('Đề cử TL-0042 đã được xem xét nên không thay đổi được nữa.');
    expect(screened.state.flow).toBeNull();
    expect(new Chat().say('sửa TL-0042')).toContain('Không tìm thấy đề cử TL-0042 trong các đề cử bạn đã gửi.');
  });

  it('/rutlai asks once, then withdraws; "không" keeps it', () => {
    const chat = new Chat();
    expect(chat.say('/rutlai tl42')).toContain('Rút lại đề cử TL-0042? Đề cử sẽ không được xét nữa.\n1. Rút lại\n2. Không, giữ lại');
    expect(chat.say('2')).toContain('Đề cử vẫn giữ nguyên.');
    expect(chat.effects).toEqual([]);
    chat.say('rút lại TL-0042');
    expect(chat.say('1')).toContain('Đã rút lại đề cử TL-0042.');
    expect(chat.lastEffect()).toEqual({ type: 'withdraw_nomination', code: 'TL-0042' });
  });

  it('/rutlai in the middle of a form comes back to the question', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    chat.say('/rutlai TL-0042');
    expect(chat.say('1')).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
  });

  it('/boungho takes back a support; the database says when it is too late', () => {
    const chat = new Chat();
    expect(chat.say('/boungho TL-0007')).toContain('Đã bỏ lượt ủng hộ của bạn cho đề cử TL-0007.');
    expect(chat.lastEffect()).toEqual({ type: 'unendorse', code: 'TL-0007' });
    chat.database = () => ({ type: 'unendorse', status: 'locked', code: 'TL-0007' });
    expect(chat.say('bỏ ủng hộ TL-0007')).toContain('Đề cử TL-0007 đã được xem xét nên không thay đổi được nữa.');
  });
});

describe('the consent to be contacted', () => {
  it('is one short question (the privacy notice at the first contact said what is kept), and goes with the nomination, recorded with its version', () => {
    const chat = new Chat();
    const reply = fillToSummary(chat);
    expect(reply).toContain('Mời bạn xem lại:');
    chat.say('quay lại');
    expect(chat.read()).toContain('Phường có thể liên hệ bạn về đề cử này không? Đồng ý thì có thể gõ luôn số điện thoại.');
    expect(chat.read()).not.toContain('Nghị định');
    chat.say('1');
    chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ type: 'submit_nomination', consent: true, consentNotice: CONTACT_NOTICE_VERSION });
  });
});
