import { describe, expect, it } from 'vitest';
import { catalogFixture, IDS } from '../support/catalog-fixture.js';
import { Chat, fillToSummary } from './chat-harness.js';

describe('moving around a form: back, edit, cancel, help, restart', () => {
  it('"quay lại" returns to the previous question asked', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    expect(chat.say('quay lai')).toContain('Bạn muốn đề cử một tập thể hay một cá nhân?');
    expect(chat.say('2')).toContain('Người này thuộc loại điển hình nào?');
  });

  it('says there is nothing before the first question (the skipped campaign question stays skipped)', () => {
    const chat = new Chat();
    chat.say('/decu');
    const reply = chat.say('/back');
    expect(reply).toContain('Đây đã là câu hỏi đầu tiên');
    expect(reply).toContain('Bạn muốn đề cử một tập thể hay một cá nhân?');
  });

  it('goes back to the campaign question when there was a choice of campaigns', () => {
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 2 }) });
    chat.say('/decu');
    chat.say('1');
    expect(chat.say('back')).toContain('Bạn muốn đề cử cho đợt nào?');
  });

  it('goes back from the summary past the phone question that was not asked', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    chat.say('2');
    chat.say('to dan pho 3');
    chat.say('Nguyễn Văn An');
    chat.say('Giúp đỡ nhiều hộ nghèo trong tổ sửa lại nhà cửa.');
    chat.say('1');
    chat.say('xong');
    chat.say('bỏ qua');
    expect(chat.say('không đồng ý')).toContain('Vui lòng kiểm tra lại thông tin đề cử');
    expect(chat.say('quay lại')).toContain('Bạn có đồng ý để phường lưu thông tin liên lạc');
  });

  it('changes one answer from the summary and comes back to the summary', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.say('sửa tên')).toContain('họ và tên đầy đủ');
    const summary = chat.say('Nguyễn Văn Ân');
    expect(summary).toContain('Vui lòng kiểm tra lại thông tin đề cử');
    expect(summary).toContain('Tên: Nguyễn Văn Ân');
    expect(summary).toContain('Số điện thoại: 0912345678');
  });

  it('"back" while changing an answer returns to the summary unchanged', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.pressLabel('Sửa việc làm');
    const summary = chat.say('quay lại');
    expect(summary).toContain('Vui lòng kiểm tra lại thông tin đề cử');
    expect(summary).toContain('Tên: Nguyễn Văn An');
  });

  it('re-asks what a new category invalidates: its criteria and, for a leader, the collective headed', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.pressLabel('Sửa loại điển hình');
    expect(chat.say('3')).toContain('Nguyễn Văn An đáp ứng những tiêu chí nào?');
    // The general criteria chosen before stay ticked; the leader's own criterion is new.
    expect(chat.read()).toContain('1. ✓ Thành tích tiêu biểu');
    expect(chat.read()).toContain('4. ☐ Nêu cao trách nhiệm người đứng đầu');
    chat.say('4');
    expect(chat.say('xong')).toContain('Nguyễn Văn An đang đứng đầu tập thể nào?');
    chat.say('UBND phường Thắng Lợi');
    const summary = chat.read();
    expect(summary).toContain('Loại điển hình: Cá nhân lãnh đạo, quản lý');
    expect(summary).toContain('Tập thể do người này đứng đầu: UBND phường Thắng Lợi');
    expect(summary).toContain('✓ Nêu cao trách nhiệm người đứng đầu');
  });

  it('re-asks category and name when a person becomes a collective, keeping a unit that still fits', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.pressLabel('Sửa hình thức');
    expect(chat.say('tập thể')).toContain('Tập thể này thuộc loại điển hình nào?');
    expect(chat.say('khu dân cư văn hóa')).toContain('tên của tập thể được đề cử');
    expect(chat.say('1')).toContain('đáp ứng những tiêu chí nào?');
    chat.say('xong');
    const summary = chat.read();
    expect(summary).toContain('Hình thức: Tập thể');
    expect(summary).toContain('Tên: Tổ dân phố 3');
  });

  it('re-asks the unit when the new category does not take the old one, then the name, checked in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.pressLabel('Sửa loại điển hình');
    expect(chat.say('cán bộ')).toContain('Người được đề cử sinh sống hoặc làm việc ở đơn vị nào?');
    expect(chat.read()).not.toContain('Tổ dân phố');
    chat.say('Công an phường');
    expect(chat.read()).toContain('họ và tên');
    expect(chat.state.lookup).toMatchObject({ kind: 'similar_nominations', unitId: 'unit-police' });
    chat.say('Nguyễn Văn An');
    expect(chat.read()).toContain('đáp ứng những tiêu chí nào?');
  });

  it('confirms the name again after the unit is changed from the summary, so it is checked in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const name = String(chat.state.answers.name);
    chat.pressLabel('Sửa đơn vị');
    chat.say('to 5');
    const asked = chat.say('1');
    expect(asked).toContain('Đơn vị đã thay đổi');
    expect(asked).toContain(`1. ${name} — giữ tên đã nhập\nGõ câu trả lời của bạn, hoặc gõ số thứ tự để chọn nhanh.`);
    expect(chat.state.lookup).toMatchObject({ unitId: 'unit-tdp-5', quickName: name });
    expect(chat.say('1')).toContain('Vui lòng kiểm tra lại thông tin đề cử');
    expect(chat.read()).toContain('Đơn vị: Tổ dân phố 5');
  });

  it('offers the existing nomination when the kept name is already nominated in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const name = String(chat.state.answers.name);
    chat.similar = (typed) =>
      typed === name ? [{ id: 'nom-9', code: 'TL-0009', nomineeName: name, categoryId: IDS.goodDeeds, endorsements: 0, mine: false, endorsedByMe: false }] : [];
    chat.pressLabel('Sửa đơn vị');
    chat.say('to 5');
    chat.say('1');
    expect(chat.say('1')).toContain('Ủng hộ đề cử TL-0009');
  });

  it('"huỷ" drops the form and says nothing was sent', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.say('huỷ')).toContain('Đã huỷ. Đề cử chưa được gửi đi');
    expect(chat.state.flow).toBeNull();
    expect(chat.effects).toEqual([]);
    expect(chat.say('huy')).toContain('Hiện không có việc gì đang làm dở để huỷ');
  });

  it('cancels from the summary option and from the cancel button alike', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.pressLabel('Huỷ đề cử')).toContain('Đã huỷ');
    chat.say('/decu');
    expect(chat.press('cancel')).toContain('Đã huỷ');
  });

  it('help explains the current question and asks it again', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    chat.say('2');
    const help = chat.say('trợ giúp');
    expect(help).toContain('Có thể gõ có dấu hoặc không dấu: «tổ 3», «TDP 3», «lang ia»');
    expect(help).toContain('Người được đề cử sinh sống hoặc làm việc ở đơn vị nào?');
    expect(chat.say('?')).toContain('«quay lại» để về câu trước');
    expect(new Chat().say('/help')).toContain('Hướng dẫn sử dụng');
  });

  it('starting a nomination while one is open resumes it; /lamlai starts again', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const resumed = chat.say('/decu');
    expect(resumed).toContain('Bạn đang có một đề cử chưa xong, xin tiếp tục');
    expect(resumed).toContain('Người này thuộc loại điển hình nào?');
    expect(chat.state.answers.kind).toBe('individual');
    const restarted = chat.say('/lamlai');
    expect(restarted).toContain('Đã làm lại từ đầu');
    expect(restarted).toContain('tập thể hay một cá nhân');
    expect(chat.state.answers.kind).toBeUndefined();
  });

  it('greeting in the middle of a form repeats where the person was', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('1');
    const reply = chat.say('chào');
    expect(reply).toContain('Xin chào Bà Lan!');
    expect(reply).toContain('Tập thể này thuộc loại điển hình nào?');
  });

  it('keeps every answer when the state is stored and read back between turns', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.state.answers).toMatchObject({ campaignId: IDS.campaign, unitId: IDS.tdp3, phone: '0912345678' });
  });
});
