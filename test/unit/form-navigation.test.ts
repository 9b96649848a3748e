import { describe, expect, it } from 'vitest';
import { catalogFixture, IDS } from '../support/catalog-fixture.js';
import { Chat, DEEDS, fillToSummary } from './chat-harness.js';

// Opens the summary's "Sua" list and picks the part to change, as a person pressing buttons would.
function change(chat: Chat, part: string): string {
  chat.pressLabel('Sửa');
  return chat.pressLabel(part);
}

describe('moving around a form: back, edit, cancel, help, restart', () => {
  it('"quay lại" returns to the previous question asked', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    expect(chat.say('quay lai')).toContain('Bạn muốn đề cử ai?');
    expect(chat.say('2')).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
  });

  it('says there is nothing before the first question (the skipped campaign question stays skipped)', () => {
    const chat = new Chat();
    chat.say('/decu');
    const reply = chat.say('/back');
    expect(reply).toContain('Đây là câu đầu tiên rồi');
    expect(reply).toContain('Bạn muốn đề cử ai?');
  });

  it('goes back to the campaign question when there was a choice of campaigns', () => {
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 2 }) });
    chat.say('/decu');
    chat.say('1');
    expect(chat.say('back')).toContain('Bạn đề cử cho đợt nào?');
  });

  it('goes back from the summary to the consent question, the last one asked', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    chat.say('to dan pho 3');
    chat.say('Nguyễn Văn An');
    chat.say('Giúp đỡ nhiều hộ nghèo trong tổ sửa lại nhà cửa.');
    chat.say('1');
    chat.say('bỏ qua');
    expect(chat.say('không đồng ý')).toContain('Mời bạn xem lại:');
    expect(chat.say('quay lại')).toContain('Phường có thể liên hệ bạn về đề cử này không?');
  });

  it('changes one answer from the summary and comes back to the summary', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.say('sửa tên')).toContain('Họ và tên người được đề cử là gì?');
    const summary = chat.say('Nguyễn Văn Ân');
    expect(summary).toContain('Mời bạn xem lại:');
    expect(summary).toContain('Người tốt, việc tốt: Nguyễn Văn Ân, Tổ dân phố 3');
    expect(summary).toContain('Liên lạc: đồng ý, số 0912345678.');
  });

  it('"back" while changing an answer returns to the summary unchanged; "back" in the list of parts too', () => {
    const chat = new Chat();
    fillToSummary(chat);
    change(chat, 'Việc tốt, thành tích');
    const summary = chat.say('quay lại');
    expect(summary).toContain('Mời bạn xem lại:');
    expect(summary).toContain('Nguyễn Văn An, Tổ dân phố 3');
    expect(chat.pressLabel('Sửa')).toContain('Bạn muốn sửa phần nào?');
    expect(chat.say('quay lại')).toContain('Mời bạn xem lại:');
  });

  it('re-asks what a new category invalidates: its criteria and, for a leader, the collective headed', () => {
    const chat = new Chat();
    fillToSummary(chat);
    change(chat, 'Loại điển hình');
    expect(chat.say('3')).toContain('Nguyễn Văn An đạt những tiêu chí nào?');
    // The general criteria chosen before stay ticked; the leader's own criterion is new.
    expect(chat.read()).toContain('1. ✓ Dẫn đầu phong trào');
    expect(chat.read()).toContain('4. ☐ Nêu cao trách nhiệm người đứng đầu');
    expect(chat.say('4')).toContain('Nguyễn Văn An đang đứng đầu tập thể nào?');
    chat.say('UBND phường Thắng Lợi');
    const summary = chat.read();
    expect(summary).toContain('Cá nhân lãnh đạo, quản lý: Nguyễn Văn An, Tổ dân phố 3');
    expect(summary).toContain('Đứng đầu: UBND phường Thắng Lợi');
    expect(summary).toContain('Nêu cao trách nhiệm người đứng đầu');
  });

  it('re-asks the name and the deeds when a person becomes a collective, keeping a unit that still fits', () => {
    const chat = new Chat();
    fillToSummary(chat);
    change(chat, 'Loại điển hình');
    expect(chat.say('tập thể')).toContain('Bạn muốn đề cử tập thể thuộc loại nào?');
    const name = chat.say('khu dân cư văn hóa');
    expect(name).toContain('Bạn đã đổi loại đề cử');
    expect(name).toContain('Tên tập thể được đề cử là gì?');
    // A person's deeds are no residential group's achievements: asked again.
    expect(chat.say('1')).toContain('Tổ dân phố 3 có những thành tích gì nổi bật?');
    expect(chat.say('Cả tổ cùng làm đường bê tông, không còn hộ nghèo.')).toContain('đạt những tiêu chí nào?');
    chat.say('xong');
    chat.say('bỏ qua');
    const summary = chat.read();
    expect(summary).toContain('Khu dân cư văn hóa: Tổ dân phố 3\n');
    expect(summary).toContain('Thành tích: Cả tổ cùng làm đường bê tông');
  });

  it('re-asks the unit when the new category does not take the old one, then the name, checked in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    change(chat, 'Loại điển hình');
    expect(chat.say('cán bộ')).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
    expect(chat.read()).not.toContain('Tổ dân phố');
    chat.say('Công an phường');
    expect(chat.read()).toContain('Họ và tên');
    expect(chat.state.lookup).toMatchObject({ kind: 'similar_nominations', unitId: 'unit-police' });
    chat.say('Nguyễn Văn An');
    expect(chat.read()).toContain('đạt những tiêu chí nào?');
  });

  it('confirms the name again after the unit is changed from the summary, so it is checked in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const name = String(chat.state.answers.name);
    change(chat, 'Đơn vị');
    const asked = chat.say('to 5');
    expect(asked).toContain('Bạn đã đổi đơn vị');
    expect(asked).toContain(`1. ${name} — giữ tên đã nhập\nGõ số để chọn, hoặc gõ câu trả lời của bạn.`);
    expect(chat.state.lookup).toMatchObject({ unitId: 'unit-tdp-5', quickName: name });
    expect(chat.say('1')).toContain('Mời bạn xem lại:');
    expect(chat.read()).toContain(`${name}, Tổ dân phố 5`);
  });

  it('offers the existing nomination when the kept name is already nominated in the new unit', () => {
    const chat = new Chat();
    fillToSummary(chat);
    const name = String(chat.state.answers.name);
    chat.similar = (typed) =>
      typed === name ? [{ id: 'nom-9', code: 'TL-0009', nomineeName: name, categoryId: IDS.goodDeeds, endorsements: 0, mine: false, endorsedByMe: false }] : [];
    change(chat, 'Đơn vị');
    chat.say('to 5');
    expect(chat.say('1')).toContain('Ủng hộ đề cử TL-0009');
  });

  it('"huỷ" asks once, then drops the form and says nothing was sent', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.say('huỷ')).toContain('Hủy đề cử đang làm? Những gì bạn đã trả lời sẽ bị xóa.\n1. Hủy\n2. Tiếp tục');
    expect(chat.say('1')).toContain('Đã hủy. Đề cử chưa được gửi');
    expect(chat.state.flow).toBeNull();
    expect(chat.effects).toEqual([]);
    expect(chat.say('huy')).toContain('Bạn không có việc gì đang làm dở để hủy');
  });

  it('cancels from the summary option and from the cancel button alike, after one question', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.pressLabel('Hủy đề cử')).toContain('Hủy đề cử đang làm?');
    expect(chat.pressLabel('Hủy')).toContain('Đã hủy');
    chat.say('/decu');
    // Nothing answered yet: nothing to lose, no question.
    expect(chat.press('cancel')).toContain('Đã hủy');
  });

  it('help explains the current question and asks it again', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const help = chat.say('trợ giúp');
    expect(help).toContain('Gõ có dấu hay không dấu đều được: “tổ 3”, “TDP 3”, “lang ia”');
    expect(help).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
    expect(chat.say('?')).toContain('“quay lại” để về câu trước');
    expect(new Chat().say('/help')).toContain('Hướng dẫn');
  });

  it('starting a nomination while one is open resumes it; /lamlai starts again', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('2');
    const resumed = chat.say('/decu');
    expect(resumed).toContain('Bạn còn một đề cử đang làm dở, mời bạn điền tiếp.');
    expect(resumed).toContain('Người này ở tổ dân phố, làng hay cơ quan nào?');
    expect(chat.state.answers.kind).toBe('individual');
    const restarted = chat.say('/lamlai');
    expect(restarted).toContain('Đã làm lại từ đầu');
    expect(restarted).toContain('Bạn muốn đề cử ai?');
    expect(chat.state.answers.kind).toBeUndefined();
  });

  it('greeting in the middle of a form repeats where the person was', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('4');
    const reply = chat.say('chào');
    expect(reply).toContain('Xin chào Bà Lan!');
    expect(reply).toContain('Bạn còn một đề cử đang làm dở. Mời bạn điền tiếp:');
    expect(reply).toContain('Bạn đề cử cơ quan, đoàn thể nào?');
  });

  it('thanks get a kind word back, with the open question again or, with none open, what to type', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('4');
    const inForm = chat.say('Cảm ơn bạn');
    expect(inForm).toContain('Không có gì ạ!');
    expect(inForm).toContain('Bạn đề cử cơ quan, đoàn thể nào?');
    chat.say('huỷ');
    chat.say('1');
    const idle = chat.say('cam on nhieu!');
    expect(idle).toContain('Không có gì ạ! Cảm ơn bạn đã cùng phường tìm những tấm gương tốt.');
    expect(idle).not.toContain('chưa hiểu');
  });

  it('"ok" with nothing asked gets a short word and what to type; at a question it is the answer it names', () => {
    const chat = new Chat();
    const idle = chat.say('ok');
    expect(idle).toContain('Vâng ạ.');
    expect(idle).toContain('/decu');
    expect(idle).not.toContain('chưa hiểu');
    for (const line of ['đề cử', 'người tốt', 'tổ 3', 'Nguyễn Văn An', DEEDS, '1', 'bỏ qua']) chat.say(line);
    expect(chat.say('ok')).toContain('Liên lạc: đồng ý.');
  });

  it('understands the everyday ways of saying hello and of asking to nominate', () => {
    for (const hello of ['alo', 'Chào ad', 'hi bot']) expect(new Chat().say(hello), hello).toContain('Xin chào Bà Lan!');
    for (const ask of ['Làm sao để đề cử?', 'cach de cu', 'muốn đề cử!']) expect(new Chat().say(ask), ask).toContain('Bạn muốn đề cử ai?');
    expect(new Chat().say('?')).toContain('Hướng dẫn');
  });

  it('keeps every answer when the state is stored and read back between turns', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.state.answers).toMatchObject({ campaignId: IDS.campaign, unitId: IDS.tdp3, phone: '0912345678' });
  });
});
