import { describe, expect, it } from 'vitest';
import type { SimilarNomination } from '../../src/conversation/capabilities/nomination/data.js';
import { IDS } from '../support/catalog-fixture.js';
import { Chat, DEEDS } from './chat-harness.js';

const existing: SimilarNomination = {
  id: 'nom-7',
  code: 'TL-0007',
  nomineeName: 'Nguyễn Văn An',
  categoryId: IDS.goodDeeds,
  endorsements: 3,
  mine: false,
  endorsedByMe: false,
};

// Opens a form up to the name question, with the database knowing `similar` nominations.
function atName(similar: SimilarNomination[]): Chat {
  const chat = new Chat();
  chat.similar = (typed) => (typed.toLowerCase().includes('an') ? similar : []);
  for (const line of ['/decu', 'người tốt', 'Tổ dân phố 3']) chat.say(line);
  return chat;
}

describe('a nomination of the same person already exists', () => {
  it('asks the database for similar names in the same campaign and unit while the name is asked', () => {
    const chat = atName([]);
    expect(chat.state.lookup).toEqual({ kind: 'similar_nominations', campaignId: IDS.campaign, unitId: IDS.tdp3 });
    chat.say('Nguyễn Văn Bình');
    // No more names to compare: the load is asked only for the person's standing again.
    expect(chat.state.lookup).toEqual({ kind: 'member_standing' });
  });

  it('checks a collective named after its unit too, when the one-tap name is picked', () => {
    const chat = new Chat();
    const village: SimilarNomination = { ...existing, id: 'nom-8', code: 'TL-0008', nomineeName: 'Làng Ia Kênh', categoryId: IDS.area };
    chat.similar = (typed) => (typed.toLowerCase().includes('kênh') ? [village] : []);
    for (const line of ['/decu', 'tập thể', 'khu dan cu', 'lang ia kenh']) chat.say(line);
    expect(chat.state.lookup).toMatchObject({ quickName: 'Làng Ia Kênh' });
    const reply = chat.say('1');
    expect(reply).toContain('• TL-0008 · Làng Ia Kênh · 3 lượt ủng hộ');
    expect(reply).toContain('1. Ủng hộ đề cử TL-0008 (Làng Ia Kênh)');
  });

  it('shows the existing nomination and offers to support it instead', () => {
    const chat = atName([existing]);
    const reply = chat.say('nguyen van an');
    expect(reply).toContain('Trong đợt này, ở đơn vị này đã có đề cử tên giống vậy:');
    expect(reply).toContain('• TL-0007 · Nguyễn Văn An · 3 lượt ủng hộ');
    expect(reply).toContain('1. Ủng hộ đề cử TL-0007 (Nguyễn Văn An)');
    expect(reply).toContain('2. Người, tập thể khác: tiếp tục đề cử');
  });

  it('"ủng hộ" typed at that question supports it; with nothing asked, it asks for the code', () => {
    const chat = atName([existing]);
    chat.say('nguyen van an');
    chat.say('ủng hộ');
    expect(chat.lastEffect()).toEqual({ type: 'endorse', nominationId: 'nom-7' });
    expect(chat.say('ủng hộ')).toContain('Mời bạn gõ /ungho và mã đề cử, ví dụ: /ungho TL-0001.');
  });

  it('supporting it records one endorsement and ends the form', () => {
    const chat = atName([existing]);
    chat.say('nguyen van an');
    const reply = chat.say('1');
    expect(chat.lastEffect()).toEqual({ type: 'endorse', nominationId: 'nom-7' });
    expect(reply).toContain('Bạn đã ủng hộ đề cử TL-0007, giờ đề cử có 4 lượt ủng hộ');
    expect(reply).toContain('/decu');
    expect(chat.state.flow).toBeNull();
  });

  it('says so when the person had already supported it', () => {
    const chat = atName([existing]);
    chat.database = () => ({ type: 'endorse', status: 'already', code: 'TL-0007' });
    chat.say('nguyen van an');
    expect(chat.say('1')).toContain('Bạn đã ủng hộ đề cử TL-0007 rồi');
  });

  it('says so when the nomination has gone in the meantime', () => {
    const chat = atName([existing]);
    chat.database = () => ({ type: 'endorse', status: 'not_found' });
    chat.say('nguyen van an');
    expect(chat.say('1')).toContain('Không tìm thấy đề cử này');
  });

  it('"a different person" continues the nomination with the typed name', () => {
    const chat = atName([existing]);
    chat.say('Nguyễn Văn An');
    expect(chat.say('khác')).toContain('Nguyễn Văn An đã làm những việc tốt gì?');
    expect(chat.say('quay lại')).toContain('Họ và tên người được đề cử là gì?');
  });

  it("marks the person's own nomination and does not offer to support it", () => {
    const chat = atName([{ ...existing, mine: true }]);
    const reply = chat.say('Nguyễn Văn An');
    expect(reply).toContain('• TL-0007 · Nguyễn Văn An · 3 lượt ủng hộ (đề cử của bạn)');
    expect(reply).not.toContain('Ủng hộ đề cử TL-0007');
    expect(chat.question().options.map((o) => o.value)).toEqual(['continue']);
    chat.say('1');
    chat.say(DEEDS);
    expect(chat.read()).toContain('đạt những tiêu chí nào?');
  });
});
