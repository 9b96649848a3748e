// Issue 12's goal, measured on the real process: a resident who has never used a bot nominates a
// neighbour (one person, good deeds, "to 3", two criteria, no photo, consent, no phone) in at most
// 10 turns and 1,800 characters of bot text from the greeting to the receipt, on the terminal and
// on Zalo; every question says what to type on its own.
import { describe, expect, it } from 'vitest';
import { COMMON_PATH, commonPathInTerminal, commonPathOnZalo, type PathMeasure } from '../support/common-path.js';

const MAX_TURNS = 10;
const MAX_CHARACTERS = 1_800;

// Every question of the path: the words it asks with, and how it is answered (read on its own).
function expectClearOnItsOwn(m: PathMeasure): void {
  const [greeting, whom, unit, name, deeds, criteria, photo, consent, summary, receipt] = m.replies as [string, ...string[]];
  expect(greeting).toMatch(/Tôi là trợ lý tự động[\s\S]*hạn|đến hết/);
  expect(greeting).toContain('gõ /decu');
  expect(whom).toMatch(/Bạn muốn đề cử ai\?\n1\. [\s\S]*\nGõ số để chọn\./);
  expect(unit).toContain('Gõ tên, ví dụ: tổ 3, làng Ia.');
  expect(name).toContain('Đơn vị: Tổ dân phố 3.');
  expect(deeds).toContain('Nguyễn Thị Hoa đã làm những việc tốt gì?');
  expect(criteria).toMatch(/Nguyễn Thị Hoa đạt những tiêu chí nào\?\n1\. [\s\S]*Gõ số, có thể gõ nhiều số, ví dụ: 1, 3\./);
  expect(photo).toContain('Đã chọn 2 tiêu chí.');
  expect(photo).toContain('Hoặc gõ “bỏ qua”.');
  // The privacy notice comes with the first reply; the consent question is then all it takes.
  expect(greeting).toContain('Nghị định 13/2023/NĐ-CP');
  expect(consent).toContain('Phường có thể liên hệ bạn về đề cử này không?');
  expect(summary).toContain('Người tốt, việc tốt: Nguyễn Thị Hoa, Tổ dân phố 3');
  expect(summary).toContain('Liên lạc: đồng ý.');
  expect(receipt).toMatch(/mã biên nhận: TL-0001\.\nGõ \/trangthai TL-0001 để theo dõi\./);
}

describe('the common path of a first nomination', () => {
  it(`takes at most ${MAX_TURNS} turns and ${MAX_CHARACTERS} characters in the terminal`, async () => {
    const m = await commonPathInTerminal();
    expect(m.turns).toBe(COMMON_PATH.length);
    expect(m.turns).toBeLessThanOrEqual(MAX_TURNS);
    expect(m.characters).toBeLessThanOrEqual(MAX_CHARACTERS);
    expectClearOnItsOwn(m);
  });

  it(`takes at most ${MAX_TURNS} turns and ${MAX_CHARACTERS} characters on Zalo`, async () => {
    const m = await commonPathOnZalo();
    expect(m.turns).toBeLessThanOrEqual(MAX_TURNS);
    expect(m.characters).toBeLessThanOrEqual(MAX_CHARACTERS);
    expectClearOnItsOwn(m);
  });
});
