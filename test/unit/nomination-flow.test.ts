import { describe, expect, it } from 'vitest';
import { catalogFixture, IDS } from '../support/catalog-fixture.js';
import { Chat, DEEDS, fillToSummary } from './chat-harness.js';

describe('a resident nominates an exemplar, start to finish', () => {
  it('greets in Vietnamese with what the bot can do', () => {
    const chat = new Chat();
    const hello = chat.say('/start');
    expect(hello).toContain('Xin chào Bà Lan!');
    expect(hello).toContain('/decu');
    expect(hello).toContain('/trangthai TL-0001');
    expect(chat.say('xin chào')).toContain('Phường Thắng Lợi');
  });

  it('asks the questions in the plan order and sends a complete nomination with a receipt code', () => {
    const chat = new Chat();
    expect(chat.say('đề cử')).toContain('Bạn muốn đề cử một tập thể hay một cá nhân?');
    expect(chat.say('2')).toContain('Người này thuộc loại điển hình nào?');
    expect(chat.read()).toContain('2. Người lao động, người tốt việc tốt — Sáng tạo, giúp đỡ mọi người');
    expect(chat.say('nguoi tot viec tot')).toContain('Có 15 đơn vị. Vui lòng gõ một phần tên để tìm');
    expect(chat.say('to 3')).toContain('1. Tổ dân phố 3');
    expect(chat.read()).not.toContain('Tổ dân phố 13');
    expect(chat.say('1')).toContain('họ và tên đầy đủ');
    expect(chat.say('Nguyễn Văn An')).toContain('việc làm, thành tích nổi bật của Nguyễn Văn An');
    expect(chat.say(DEEDS)).toContain('Nguyễn Văn An đáp ứng những tiêu chí nào?');
    expect(chat.say('1, 3')).toContain('1. ✓ Thành tích tiêu biểu');
    expect(chat.say('xong')).toContain('gửi một ảnh');
    expect(chat.sendPhoto('photo-file-1')).toContain('Nghị định 13/2023/NĐ-CP');
    expect(chat.say('1')).toContain('số điện thoại di động');
    const summary = chat.say('+84 912 345 678');
    for (const line of [
      'Đợt: Điển hình tiên tiến 2021–2025',
      'Hình thức: Cá nhân',
      'Loại điển hình: Người lao động, người tốt việc tốt',
      'Đơn vị: Tổ dân phố 3',
      'Tên: Nguyễn Văn An',
      `Việc làm, thành tích: ${DEEDS}`,
      '✓ Thành tích tiêu biểu, dẫn đầu phong trào',
      '✓ Tích cực tham gia hoạt động nhân đạo, từ thiện',
      'Ảnh: có',
      'Đồng ý lưu thông tin liên lạc: có',
      'Số điện thoại: 0912345678',
      '1. Gửi đề cử',
    ]) {
      expect(summary).toContain(line);
    }
    expect(chat.effects).toEqual([]);

    const receipt = chat.say('gửi đề cử');
    expect(receipt).toContain('Đề cử của bạn đã được gửi. Mã biên nhận: TL-0042');
    expect(receipt).toContain('/trangthai TL-0042');
    expect(chat.lastEffect()).toEqual({
      type: 'submit_nomination',
      formId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      campaignId: IDS.campaign,
      categoryId: IDS.goodDeeds,
      unitId: IDS.tdp3,
      nomineeName: 'Nguyễn Văn An',
      deeds: DEEDS,
      criterionIds: ['crit-1', 'crit-3'],
      ledUnitId: null,
      photoRef: 'photo-file-1',
      consent: true,
      contactName: 'Bà Lan',
      phone: '0912345678',
    });
    expect(chat.state.flow).toBeNull();
  });

  it('skips the campaign question when one campaign is open, and asks it when two are', () => {
    expect(new Chat().say('/decu')).toContain('Đợt đề cử: Điển hình tiên tiến 2021–2025 — Giai đoạn 2 (2023–2025), hạn chót 30/11/2025');
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 2 }) });
    expect(chat.say('/decu')).toContain('Bạn muốn đề cử cho đợt nào?');
    expect(chat.read()).toContain('2. Điển hình tiên tiến 2026 (thí điểm)');
    expect(chat.say('2')).toContain('tập thể hay một cá nhân');
    expect(chat.state.answers.campaignId).toBe(IDS.otherCampaign);
  });

  it('says so plainly when no campaign is open, and opens no form', () => {
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 0 }) });
    expect(chat.say('/decu')).toContain('Hiện chưa có đợt đề cử nào đang mở');
    expect(chat.state.flow).toBeNull();
  });

  it('offers a residential area its own unit name as a one-tap answer', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('tập thể');
    expect(chat.say('khu dan cu')).toContain('Tập thể được đề cử là đơn vị nào?');
    expect(chat.read()).toContain('Làng Ia Kênh'); // nine residential units: listed at once
    expect(chat.read()).not.toContain('Hội Phụ nữ');
    chat.say('lang ia kenh');
    expect(chat.read()).toContain('1. Làng Ia Kênh — dùng đúng tên đơn vị này');
    chat.say('1');
    expect(chat.state.answers.name).toBe('Làng Ia Kênh');
  });

  it('keeps a typed collective name that merely contains the unit name as typed', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('tập thể');
    chat.say('khu dan cu');
    chat.say('lang ia kenh');
    chat.say('Làng Ia Kênh <văn hoá> & đoàn kết');
    expect(chat.state.answers.name).toBe('Làng Ia Kênh <văn hoá> & đoàn kết');
    chat.say('quay lại');
    chat.say('lang ia kenh');
    expect(chat.state.answers.name).toBe('Làng Ia Kênh');
  });

  it('asks a leader for the collective they head, and sends it with the nomination', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('ca nhan');
    chat.say('lanh dao');
    expect(chat.say('hoi phu nu')).toContain('1. Hội Phụ nữ phường');
    chat.say('1');
    chat.say('Trần Thị Bình');
    chat.say(DEEDS);
    chat.say('1');
    expect(chat.say('xong')).toContain('Trần Thị Bình đang đứng đầu tập thể nào?');
    chat.say('Hội Phụ nữ phường');
    chat.say('bo qua');
    chat.say('khong dong y');
    const summary = chat.read();
    expect(summary).toContain('Tập thể do người này đứng đầu: Hội Phụ nữ phường');
    expect(summary).toContain('Đồng ý lưu thông tin liên lạc: không');
    expect(summary).not.toContain('Số điện thoại');
    chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ categoryId: IDS.leader, unitId: IDS.womenUnion, ledUnitId: IDS.womenUnion, consent: false, phone: null, photoRef: null });
  });

  it('reaches the summary with the shortcut used by the other tests', () => {
    expect(fillToSummary(new Chat())).toContain('Vui lòng kiểm tra lại thông tin đề cử');
  });
});
