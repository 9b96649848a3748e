// Issue 12, "what surprised a first-time user": one test (or a few) per numbered item. Items 7
// (a photo path that does not exist) and 9 (no log lines in the terminal chat) are also played on
// the real process in test/e2e/terminal-hygiene.test.ts; item 10 on the seeded database in
// test/integration/resident-path.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPhotoPath } from '../../src/channels/console/photo-path.js';
import { matchChoice } from '../../src/conversation/engine/choice-input.js';
import { collectiveName, personName } from '../../src/domain/names.js';
import { IDS } from '../support/catalog-fixture.js';
import { Chat, DEEDS, fillToSummary } from './chat-harness.js';

// Answers until the named question is on screen.
function at(step: string, lines: string[] = ['/decu', 'người tốt', 'Tổ dân phố 3', 'Nguyễn Văn An', DEEDS, '1', 'bỏ qua', 'đồng ý']): Chat {
  const chat = new Chat();
  for (const line of lines) {
    if (chat.state.step === step) return chat;
    chat.say(line);
  }
  if (chat.state.step !== step) throw new Error(`did not reach ${step}: ${chat.read()}`);
  return chat;
}

describe('1. cancel without a second thought', () => {
  for (const word of ['huỷ', 'hủy', 'huy', '/huy']) {
    it(`"${word}" on a full summary asks once before deleting anything`, () => {
      const chat = new Chat();
      fillToSummary(chat);
      const asked = chat.say(word);
      expect(asked).toContain('Hủy đề cử đang làm? Những gì bạn đã trả lời sẽ bị xóa.\n1. Hủy\n2. Tiếp tục');
      expect(chat.state.flow).toBe('nomination');
      expect(chat.say('2')).toContain('Mời bạn xem lại:');
      expect(chat.state.answers.name).toBe('Nguyễn Văn An');
    });
  }

  it('the cancel number on the summary asks too; "huỷ" again confirms', () => {
    const chat = new Chat();
    fillToSummary(chat);
    expect(chat.say('3')).toContain('Hủy đề cử đang làm?');
    expect(chat.say('huỷ')).toContain('Đã hủy. Đề cử chưa được gửi');
    expect(chat.state.flow).toBeNull();
  });

  it('once sent, the old summary\'s cancel never claims the nomination was not sent', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.say('1');
    const reply = chat.say('3');
    expect(reply).toContain('Bạn không có việc gì đang làm dở để hủy.');
    expect(reply).not.toContain('chưa được gửi');
  });

  it('"Huy" at the name question is the name, with a line on how to cancel', () => {
    const chat = at('name');
    const reply = chat.say('Huy');
    expect(chat.state.flow).toBe('nomination');
    expect(chat.state.answers.name).toBe('Huy');
    expect(reply).toContain('Tôi ghi “Huy” là câu trả lời. Nếu bạn muốn hủy, gõ /huy.');
    expect(reply).toContain('Huy đã làm những việc tốt gì?');
  });

  it('"huỷ" with its tone mark at the name question still means cancel (and asks)', () => {
    expect(at('name').say('huỷ')).toContain('Hủy đề cử đang làm?');
  });

  it('"huy" where it cannot be the answer (a description too short) asks to cancel', () => {
    expect(at('deeds').say('huy')).toContain('Hủy đề cử đang làm?');
  });
});

describe('2. names as typed', () => {
  it('writes a lower-case name with each word capitalised, everywhere', () => {
    const chat = at('name');
    expect(chat.say('nguyễn thị hoa')).toContain('Nguyễn Thị Hoa đã làm những việc tốt gì?');
    expect(chat.state.answers.name).toBe('Nguyễn Thị Hoa');
  });

  it("keeps the person's own capitals, and writes Jrai and Bahnar names the way they are written", () => {
    expect(personName('nguyễn thị hoa')).toBe('Nguyễn Thị Hoa');
    expect(personName('Nguyễn thị Hoa')).toBe('Nguyễn Thị Hoa');
    expect(personName('ksor h\'bơ')).toBe("Ksor H'Bơ");
    expect(personName("Rơ Mah H'Hen")).toBe("Rơ Mah H'Hen");
    expect(personName('NGUYỄN VĂN AN')).toBe('NGUYỄN VĂN AN');
    expect(personName('ông McKay')).toBe('Ông McKay');
    expect(collectiveName('hội phụ nữ phường')).toBe('Hội phụ nữ phường');
  });
});

describe('3. units', () => {
  it('"to 3" takes the one unit it names and says which', () => {
    const reply = at('unit').say('to 3');
    expect(reply).toContain('Đơn vị: Tổ dân phố 3.');
    expect(reply).toContain('Họ và tên người được đề cử là gì?');
    expect(reply).not.toContain('từ 1 đến 1');
  });

  it('several matches are listed', () => {
    const chat = at('unit');
    const reply = chat.say('lang ia');
    expect(reply).toContain('Có 2 đơn vị khớp với “lang ia”:\n1. Làng Ia Lang\n2. Làng Ia Kênh');
    expect(chat.say('2')).toContain('Họ và tên');
    expect(chat.state.answers.unitId).toBe(IDS.iaKenh);
  });

  it('a person who does not know the name browses the units by kind', () => {
    const chat = at('unit');
    expect(chat.say('xem')).toContain('Đơn vị thuộc loại nào?\n1. Tổ dân phố — 6 đơn vị\n2. Làng — 3 đơn vị\n3. Cơ quan — 3 đơn vị\n4. Đoàn thể — 3 đơn vị');
    expect(chat.say('2')).toContain('1. Làng Ia Lang\n2. Làng Ia Kênh\n3. Làng Plei Ốp');
    expect(chat.say('quay lại')).toContain('Đơn vị thuộc loại nào?');
    chat.say('2');
    chat.say('3');
    expect(chat.state.answers.unitId).toBe(IDS.pleiOp);
  });
});

describe('4. typos', () => {
  it('"canhan" and "ca nhn" narrow the list to people; "nguoi tot viec tt" picks good deeds', () => {
    for (const typed of ['canhan', 'ca nhn']) {
      const chat = at('category');
      expect(chat.say(typed)).toContain('Bạn muốn đề cử người thuộc loại nào?\n1. Cán bộ');
      expect(chat.read()).not.toContain('Mô hình cơ quan');
    }
    const chat = at('category');
    chat.say('nguoi tot viec tt');
    expect(chat.state.answers.categoryId).toBe(IDS.goodDeeds);
  });

  it('asks when two options are equally close', () => {
    const options = [
      { value: 'a', label: { raw: 'Xanh lá' } },
      { value: 'b', label: { raw: 'Xanh lơ' } },
    ];
    expect(matchChoice('xanh ll', options, false)).toEqual({ ok: false, problem: 'ambiguous' });
    expect(matchChoice('xanh laa', options, false)).toEqual({ ok: true, values: ['a'] });
    // Numbers are never typos: "to 4" is not "To 3".
    expect(matchChoice('to dan pho 4', [{ value: 't3', label: { raw: 'Tổ dân phố 3' } }], false)).toMatchObject({ ok: false });
  });
});

describe('5. changing an earlier answer', () => {
  it('a person who becomes a residential group: name, deeds and photo are asked again, then the summary', () => {
    const chat = new Chat();
    fillToSummary(chat);
    chat.say('sửa loại');
    chat.say('tập thể');
    expect(chat.say('khu dân cư')).toContain('Bạn đã đổi loại đề cử');
    expect(chat.say('1')).toContain('Tổ dân phố 3 có những thành tích gì nổi bật?');
    expect(chat.state.answers.deeds).toBe(DEEDS);
    expect(chat.say('Tổ giữ đường làng sạch, không còn hộ nghèo nào.')).toContain('đạt những tiêu chí nào?');
    expect(chat.say('1')).toContain('Bạn có ảnh của Tổ dân phố 3 không?');
    expect(chat.say('bỏ qua')).toContain('Thành tích: Tổ giữ đường làng sạch');
  });
});

describe('6. criteria by words', () => {
  it('typing an option ticks it (twice stays ticked); "bỏ" and a number or words unticks it', () => {
    // Good deeds' own criteria in the fixture: "Có sáng kiến..." (4) and "Gia đình văn hóa..." (5).
    const tick = at('criteria');
    tick.say('gia đình văn hóa');
    expect(tick.state.answers.criterionIds).toEqual(['crit-10']);
    tick.say('quay lại');
    expect(tick.read()).toContain('5. ✓ Gia đình văn hóa nhiều năm liền');
    tick.say('gia đình văn hóa');
    expect(tick.state.answers.criterionIds).toEqual(['crit-10']);
    tick.say('quay lại');
    tick.say('1');
    expect(tick.state.answers.criterionIds).toEqual(['crit-1', 'crit-10']);
    tick.say('quay lại');
    tick.say('bỏ 5');
    expect(tick.state.answers.criterionIds).toEqual(['crit-1']);
    tick.say('quay lại');
    tick.say('3');
    tick.say('quay lại');
    tick.say('bỏ dẫn đầu phong trào');
    expect(tick.state.answers.criterionIds).toEqual(['crit-3']);
  });

  it('unticking the last one asks for at least one', () => {
    const chat = at('criteria');
    chat.say('2');
    chat.say('quay lại');
    expect(chat.say('bỏ 2')).toContain('Mời bạn chọn ít nhất một tiêu chí.');
    expect(chat.state.step).toBe('criteria');
  });
});

describe('7. a photo path that does not exist', () => {
  it('is refused by the terminal before it reaches the bot; a picture file or a web address passes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'photo-'));
    writeFileSync(path.join(dir, 'ong-an.jpg'), 'jpeg');
    writeFileSync(path.join(dir, 'notes.txt'), 'text');
    expect(await checkPhotoPath(path.join(dir, 'khong-co.jpg'))).toBe('missing');
    expect(await checkPhotoPath(dir)).toBe('missing');
    expect(await checkPhotoPath(path.join(dir, 'notes.txt'))).toBe('not_image');
    expect(await checkPhotoPath(path.join(dir, 'ong-an.jpg'))).toBeNull();
    expect(await checkPhotoPath('https://example.org/anh.png')).toBeNull();
  });
});

describe('8. the leader question', () => {
  const leader = ['/decu', 'lãnh đạo', 'Tổ dân phố 3', 'Trần Văn Bình', DEEDS, '1', 'bỏ qua'];

  it('offers the unit just chosen as a one-tap answer', () => {
    const chat = at('led_unit', leader);
    expect(chat.read()).toContain('Trần Văn Bình đang đứng đầu tập thể nào?');
    expect(chat.read()).toContain('1. Tổ dân phố 3 — đơn vị vừa chọn');
    chat.say('1');
    expect(chat.state.answers.ledUnitId).toBe(IDS.tdp3);
  });

  it('"bỏ qua" is not read as a search: it says why the question is needed', () => {
    const chat = at('led_unit', leader);
    const reply = chat.say('bỏ qua');
    expect(reply).toContain('Câu này không bỏ qua được');
    expect(reply).not.toContain('Không tìm thấy đơn vị');
    expect(chat.state.step).toBe('led_unit');
  });
});

describe('9. the terminal chat', () => {
  it('help lists what works in the channel at hand: no account linking in the terminal', () => {
    expect(new Chat({ channel: 'console' }).say('/trogiup')).not.toContain('/lienket');
    expect(new Chat({ channel: 'zalo' }).say('/trogiup')).toContain('/lienket');
    expect(new Chat({ channel: 'console' }).say('/lienket')).toContain('Lệnh này không dùng được ở đây');
  });
});

describe('10. the two categories that both said "người lao động"', () => {
  it('can be told apart by their names', () => {
    const chat = at('category');
    const reply = chat.read();
    expect(reply).toContain('1. Cán bộ, người làm việc ở cơ quan, doanh nghiệp');
    expect(reply).toContain('2. Người tốt, việc tốt');
    expect(reply.match(/người lao động/gi)).toBeNull();
  });
});
