// Simulated residents for the benchmark: a realistic script of answers through the whole
// nomination form, and nominee names that never look alike to the database's duplicate check.
import { foldVietnamese } from '../../src/domain/text.js';

/** One line a resident types, with what the step is for (used to label per-step latencies). */
export interface ScriptLine {
  step: string;
  text: string;
}

const DEEDS = [
  'Nhiều năm liền vận động bà con giữ vệ sinh đường làng, tổ chức dọn rác mỗi sáng chủ nhật.',
  'Tự bỏ tiền sửa đường bê tông vào xóm, giúp đỡ các hộ nghèo có hoàn cảnh khó khăn.',
  'Là người hòa giải giỏi trong tổ dân phố, các mâu thuẫn hàng xóm đều được giải quyết êm thấm.',
  'Mở lớp học miễn phí cho trẻ em trong tổ vào buổi tối, đã dạy hơn 50 em biết đọc biết viết.',
  'Tích cực tham gia tuần tra an ninh, phát hiện và báo công an nhiều vụ trộm cắp.',
];

/**
 * The lines of one resident, in order. The campaign question is skipped because the seed has one
 * open campaign; "to 3" names Tổ dân phố 3 alone, which is taken at once; typed criteria answer
 * their question; the phone number typed at the consent question agrees and gives it.
 */
export function residentScript(index: number, name: string): ScriptLine[] {
  return [
    { step: 'open', text: 'đề cử' },
    { step: 'whom', text: '2' },
    { step: 'unit', text: 'to 3' },
    { step: 'name', text: name },
    { step: 'deeds', text: DEEDS[index % DEEDS.length]! },
    { step: 'criteria', text: '1,2' },
    { step: 'photo', text: 'bỏ qua' },
    { step: 'consent', text: `09${String(12_345_678 + index).padStart(8, '0').slice(-8)}` },
    { step: 'confirm', text: '1' },
  ];
}

// Common Vietnamese (and Gia Lai highland) family names, middle names and given names.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Lương', 'Mai', 'Cao', 'Tạ', 'Hà', 'Kiều', 'Rơ Châm', 'Ksor', 'Siu', 'Rah Lan', 'Nay', 'Y'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Kim', 'Công', 'Thu', 'Bảo', 'Gia', 'Phương', 'Trọng', 'Mạnh', 'Hồng', 'Khánh', 'Tuấn'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hòa', 'Hùng', 'Hương', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Nhung', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tú', 'Vinh', 'Yến', 'Lộc', 'Đạt', 'Nghĩa', 'Phong', 'Thủy', 'Loan', 'Vy', 'Khôi', 'Tín'];

// pg_trgm's trigrams of a folded name: each word padded with two spaces before, one after.
function trigrams(name: string): Set<string> {
  const out = new Set<string>();
  for (const word of foldVietnamese(name).split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/**
 * `count` distinct, realistic names, pairwise well below the database's duplicate threshold (0.7),
 * so no resident is offered to endorse another's nomination. Deterministic. When the pool of
 * dissimilar names runs out (thousands of residents), later rounds add a number to the name:
 * names with different numbers never match (vn_digit_groups).
 */
export function nomineeNames(count: number): string[] {
  const candidates: string[] = [];
  for (const f of FAMILY) for (const m of MIDDLE) for (const g of GIVEN) candidates.push(`${f} ${m} ${g}`);
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const pool: string[] = [];
  const accepted: Set<string>[] = [];
  for (const c of candidates) {
    if (pool.length >= count) break;
    const t = trigrams(c);
    if (accepted.every((a) => similarity(a, t) < 0.5)) {
      accepted.push(t);
      pool.push(c);
    }
  }
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const round = Math.floor(i / pool.length);
    names.push(round === 0 ? pool[i]! : `${pool[i % pool.length]} ${round + 1}`);
  }
  return names;
}
