import { describe, expect, it } from 'vitest';
import { catalogFixture, IDS } from '../support/catalog-fixture.js';
import { CONTACT_NOTICE_VERSION } from '../../src/conversation/capabilities/nomination/data.js';
import { Chat, DEEDS, fillToSummary } from './chat-harness.js';

describe('a resident nominates an exemplar, start to finish', () => {
  it('greets in Vietnamese with what the bot can do', () => {
    const chat = new Chat();
    const hello = chat.say('/start');
    expect(hello).toContain('Xin chào Bà Lan!');
    expect(hello).toContain('/decu');
    expect(hello).toContain('/gioithieu');
    expect(chat.say('xin chào')).toContain('Phường Thắng Lợi');
  });

  it('asks the questions in the plan order and sends a complete nomination with a receipt code', () => {
    const chat = new Chat();
    expect(chat.say('đề cử')).toContain('Bạn muốn đề cử ai?');
    expect(chat.read()).toContain('2. Người tốt, việc tốt\n');
    expect(chat.say('nguoi tot viec tot')).toContain('Gõ tên, ví dụ: tổ 3, làng Ia. Không nhớ tên thì gõ “xem”.');
    // The one unit "to 3" names is taken, and said.
    expect(chat.say('to 3')).toContain('Đơn vị: Tổ dân phố 3.\nHọ và tên người được đề cử là gì?');
    expect(chat.read()).not.toContain('Tổ dân phố 13');
    expect(chat.say('Nguyễn Văn An')).toContain('Nguyễn Văn An đã làm những việc tốt gì?');
    expect(chat.say(DEEDS)).toContain('Nguyễn Văn An đạt những tiêu chí nào?');
    expect(chat.read()).toContain('1. Dẫn đầu phong trào\n');
    expect(chat.say('1, 3')).toContain('Đã chọn 2 tiêu chí.');
    expect(chat.read()).toContain('gửi ảnh');
    expect(chat.sendPhoto('photo-file-1')).toContain('Phường có thể liên hệ bạn về đề cử này không?');
    const summary = chat.say('+84 912 345 678');
    for (const line of [
      'Người tốt, việc tốt: Nguyễn Văn An, Tổ dân phố 3',
      `Việc làm: ${DEEDS}`,
      'Tiêu chí: Dẫn đầu phong trào; Tích cực tham gia hoạt động nhân đạo, từ thiện',
      'Ảnh: có.',
      'Liên lạc: đồng ý, số 0912345678.',
      '1. Gửi đề cử',
    ]) {
      expect(summary).toContain(line);
    }
    expect(chat.effects).toEqual([]);

    const receipt = chat.say('gửi đề cử');
    expect(receipt).toContain('Đề cử đã được gửi, mã biên nhận: TL-0042');
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
      consentNotice: CONTACT_NOTICE_VERSION,
    });
    expect(chat.state.flow).toBeNull();
  });

  it('skips the campaign question when one campaign is open, and asks it when two are', () => {
    expect(new Chat().say('/decu')).toContain('Bạn muốn đề cử ai?');
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 2 }) });
    expect(chat.say('/decu')).toContain('Bạn đề cử cho đợt nào?');
    expect(chat.read()).toContain('2. Điển hình tiên tiến 2026 (thí điểm) — hạn chót 30/11/2025');
    expect(chat.say('2')).toContain('Bạn muốn đề cử ai?');
    expect(chat.state.answers.campaignId).toBe(IDS.otherCampaign);
  });

  it('says so plainly when no campaign is open, and opens no form', () => {
    const chat = new Chat({ catalog: catalogFixture({ openCampaigns: 0 }) });
    expect(chat.say('/decu')).toContain('Hiện phường chưa mở đợt đề cử nào');
    expect(chat.state.flow).toBeNull();
  });

  it('offers a residential area its own unit name as a one-tap answer', () => {
    const chat = new Chat();
    chat.say('/decu');
    chat.say('tập thể');
    expect(chat.say('khu dan cu')).toContain('Bạn đề cử tổ dân phố hay làng nào?');
    expect(chat.read()).toContain('Làng Ia Kênh'); // nine residential units: listed at once
    expect(chat.read()).not.toContain('Hội Phụ nữ');
    chat.say('lang ia kenh');
    expect(chat.read()).toContain('1. Làng Ia Kênh — dùng tên đơn vị này');
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
    // One unit matches: taken at once.
    expect(chat.say('hoi phu nu')).toContain('Đơn vị: Hội Phụ nữ phường.');
    chat.say('Trần Thị Bình');
    chat.say(DEEDS);
    expect(chat.say('1')).toContain('Trần Thị Bình đang đứng đầu tập thể nào?');
    chat.say('Hội Phụ nữ phường');
    chat.say('bo qua');
    chat.say('khong dong y');
    const summary = chat.read();
    expect(summary).toContain('Đứng đầu: Hội Phụ nữ phường');
    expect(summary).toContain('Liên lạc: không đồng ý.');
    expect(summary).not.toContain('số 0');
    chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ categoryId: IDS.leader, unitId: IDS.womenUnion, ledUnitId: IDS.womenUnion, consent: false, phone: null, photoRef: null });
  });

  it('keeps the phone number typed with the agreement, as the consent question invites, in any usual wording', () => {
    const atConsent = () => {
      const chat = new Chat();
      for (const line of ['đề cử', 'người tốt', 'tổ 3', 'Nguyễn Văn An', DEEDS, '1', 'bỏ qua']) chat.say(line);
      expect(chat.read()).toContain('Đồng ý thì có thể gõ luôn số điện thoại.');
      return chat;
    };
    for (const typed of ['Đồng ý, số 0912 345 678', 'dong y 0912.345.678', 'đồng ý sđt +84 912 345 678', 'Số của tôi là 0912-345-678 nhé', '1 0912345678']) {
      const chat = atConsent();
      expect(chat.say(typed), typed).toContain('Liên lạc: đồng ý, số 0912345678.');
      chat.say('1');
      expect(chat.lastEffect(), typed).toMatchObject({ consent: true, phone: '0912345678' });
    }
    // A number that cannot be called is asked again rather than dropped; "không" keeps nothing.
    const short = atConsent();
    expect(short.say('đồng ý, số 0912 345')).toContain('Số di động cần đủ 10 chữ số');
    expect(short.read()).toContain('Phường có thể liên hệ bạn về đề cử này không?');
    // Words saying yes and no beside a number: the person is asked to choose.
    expect(atConsent().say('đồng ý, không 0912 345 678')).toContain('Mời bạn gõ 1 (đồng ý), 2 (không đồng ý), hoặc số điện thoại di động.');
    // Words saying no beside a number: no consent, and the number is not kept.
    for (const typed of ['không đồng ý, 0912 345 678', '2 0912345678', 'ko, 0912 345 678']) {
      const no = atConsent();
      expect(no.say(typed), typed).toContain('Liên lạc: không đồng ý.');
      no.say('1');
      expect(no.lastEffect(), typed).toMatchObject({ consent: false, phone: null });
    }
  });

  it('reaches the summary with the shortcut used by the other tests', () => {
    expect(fillToSummary(new Chat())).toContain('Mời bạn xem lại:');
  });
});
