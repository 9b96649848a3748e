// A campaign report's data without a database: the seeded ward's units and the plan's
// categories, with as many generated nominations as a test or the benchmark asks for.
// Deterministic (a fixed pseudo-random sequence), with Vietnamese names, and deeds that hold
// commas, quotes and line breaks.
import type { CampaignReportData } from '../../src/reports/report-data.js';

const UNITS: CampaignReportData['units'] = [
  ...Array.from({ length: 8 }, (_, i) => ({ name: `Tổ dân phố ${i + 1}`, kind: 'to_dan_pho' as const, seq: i + 1 })),
  { name: 'Làng Ia Lang', kind: 'lang', seq: 1 },
  { name: 'Làng Plei Ốp', kind: 'lang', seq: 2 },
  { name: 'Làng Ia Kênh', kind: 'lang', seq: 3 },
  { name: 'Văn phòng HĐND – UBND phường', kind: 'co_quan', seq: 1 },
  { name: 'Công an phường', kind: 'co_quan', seq: 2 },
  { name: 'Trạm Y tế phường', kind: 'co_quan', seq: 3 },
  { name: 'Hội Liên hiệp Phụ nữ phường', kind: 'doan_the', seq: 1 },
  { name: 'Đoàn Thanh niên phường', kind: 'doan_the', seq: 2 },
];

const CATEGORIES: CampaignReportData['categories'] = [
  { code: 'co_quan', kind: 'collective', seq: 1, nameVi: 'Mô hình cơ quan', nameEn: 'Model agency' },
  { code: 'khu_dan_cu', kind: 'collective', seq: 2, nameVi: 'Khu dân cư văn hóa (tổ dân phố, làng)', nameEn: 'Cultural residential area' },
  { code: 'can_bo', kind: 'individual', seq: 3, nameVi: 'Cán bộ, công chức, viên chức, người lao động', nameEn: 'Officials and workers' },
  { code: 'nguoi_tot', kind: 'individual', seq: 4, nameVi: 'Người lao động, người tốt, việc tốt', nameEn: 'Good people, good deeds' },
  { code: 'lanh_dao', kind: 'individual', seq: 5, nameVi: 'Cá nhân lãnh đạo, quản lý', nameEn: 'Leaders and managers' },
];

const CRITERIA: CampaignReportData['criteria'] = [
  { ref: 1, categoryCode: null, seq: 1, textVi: 'Thành tích tiêu biểu, dẫn đầu phong trào thi đua', textEn: 'Outstanding results' },
  { ref: 2, categoryCode: null, seq: 2, textVi: 'Gương mẫu chấp hành chủ trương, pháp luật; học tập và làm theo Bác', textEn: 'Follows the law' },
  { ref: 3, categoryCode: null, seq: 3, textVi: 'Tích cực tham gia hoạt động nhân đạo, từ thiện, an sinh xã hội', textEn: 'Charity work' },
  { ref: 4, categoryCode: 'nguoi_tot', seq: 1, textVi: 'Đoàn kết, tương trợ, giúp đỡ mọi người', textEn: 'Helps others' },
  { ref: 5, categoryCode: 'khu_dan_cu', seq: 1, textVi: 'Giữ an ninh trật tự, không có người mắc tệ nạn xã hội', textEn: 'Safe and orderly' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Rơ Mah', 'Ksor', 'Siu'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hằng', 'Hương', 'Lan', 'Phúc', 'Quyết', 'Thắng', 'Yến', 'Ánh', 'Ơn', 'H’Yơn'];
const DEEDS = [
  'Vận động bà con làm đường bê tông, hiến đất, góp công; giữ vệ sinh môi trường xanh – sạch – đẹp.',
  'Giúp đỡ hộ nghèo, "tiếp sức" cho học sinh khó khăn, tổ chức nấu cháo cho bệnh nhân.',
  'Tham gia tuần tra an ninh trật tự,\nhòa giải mâu thuẫn trong khu dân cư, được bà con tin yêu.',
  'Sáng kiến "Ngày Chủ nhật xanh", thu gom rác thải nhựa, trồng 500 cây xanh dọc các tuyến đường.',
];
const TITLES = ['Giấy khen của Chủ tịch UBND phường', 'Lao động tiên tiến', 'Gia đình văn hóa tiêu biểu'];

/** The deeds text that holds a comma, double quotes and a line break (for CSV quoting). */
export const TRICKY_DEEDS = 'Dọn rác, trồng cây; nói "làm ngay"\nvà giữ lời, cả "hai" việc.';

// A small linear congruential generator: the same data on every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Most nominations wait or move through review; a ward honours a few dozen a year (about 2%).
const STATUS_SHARES: [CampaignReportData['nominations'][number]['status'], number][] = [
  ['submitted', 0.3],
  ['screened', 0.12],
  ['returned', 0.06],
  ['forwarded', 0.12],
  ['declined', 0.06],
  ['appraised', 0.08],
  ['proposed', 0.05],
  ['posted', 0.04],
  ['honoured', 0.02],
  ['not_honoured', 0.1],
  ['withdrawn', 0.05],
];
function pickStatus(r: number): CampaignReportData['nominations'][number]['status'] {
  let sum = 0;
  for (const [status, share] of STATUS_SHARES) if (r < (sum += share)) return status;
  return 'submitted';
}

/** Generates a report of `count` nominations (the first one with TRICKY_DEEDS, honoured). */
export function sampleReportData(count: number, seed = 42): CampaignReportData {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const start = Date.parse('2026-01-05T01:00:00.000Z');
  const span = Date.parse('2029-12-20T00:00:00.000Z') - start;
  const nominations: CampaignReportData['nominations'] = [];
  const statusHistory: CampaignReportData['statusHistory'] = [];
  const endorsements: CampaignReportData['endorsements'] = [];
  for (let i = 0; i < count; i++) {
    const category = i === 0 ? CATEGORIES[3]! : pick(CATEGORIES);
    const unit = pick(UNITS);
    const code = `TL-${String(i + 1).padStart(4, '0')}`;
    const submitted = new Date(start + Math.floor(rnd() * span));
    const status = i === 0 ? 'honoured' : pickStatus(rnd());
    const honoured = status === 'honoured';
    const honouredOn = honoured ? new Date(submitted.getTime() + 40 * 86_400_000).toISOString().slice(0, 10) : null;
    const endorsementCount = Math.floor(rnd() * 4);
    nominations.push({
      receiptCode: code,
      nominee: category.kind === 'collective' ? unit.name : `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      kind: category.kind,
      categoryCode: category.code,
      unitName: unit.name,
      ledUnitName: category.code === 'lanh_dao' ? unit.name : null,
      status,
      deeds: i === 0 ? TRICKY_DEEDS : pick(DEEDS),
      submittedAt: submitted.toISOString(),
      endorsementCount,
      criteria: rnd() < 0.5 ? [1, 2, 3] : [1, 4],
      honourTitle: honoured ? pick(TITLES) : null,
      honouredOn: honouredOn && honouredOn > '2030-12-31' ? '2030-12-31' : honouredOn,
    });
    statusHistory.push({ receiptCode: code, status: 'submitted', actorRole: 'resident', note: null, at: submitted.toISOString() });
    if (status !== 'submitted')
      statusHistory.push({
        receiptCode: code,
        status,
        actorRole: 'officer',
        note: rnd() < 0.3 ? 'Đã xác minh tại tổ dân phố, "đủ điều kiện"' : null,
        at: new Date(submitted.getTime() + 20 * 86_400_000).toISOString(),
      });
    for (let e = 0; e < endorsementCount; e++)
      endorsements.push({ receiptCode: code, at: new Date(submitted.getTime() + (e + 1) * 3_600_000).toISOString() });
  }
  return {
    generatedAt: '2030-03-01T03:00:00.000Z',
    ward: { code: 'thang-loi', name: 'Phường Thắng Lợi', receiptPrefix: 'TL', timeZone: 'Asia/Ho_Chi_Minh' },
    campaign: {
      code: 'dhtt-2026-2030',
      titleVi: 'Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030',
      titleEn: 'Building and spreading advanced exemplars, 2026–2030',
      status: 'open',
      templateCode: 'dhtt-2021-2025',
    },
    phases: [
      {
        seq: 1,
        nameVi: 'Giai đoạn 1: lựa chọn, bồi dưỡng điển hình',
        nameEn: 'Phase 1: select and foster exemplars',
        startsOn: '2026-01-01',
        endsOn: '2028-06-30',
        deadline: '2028-06-30T10:00:00.000Z',
        quotaCollectives: 3,
        quotaIndividuals: 3,
        quotaIsMinimum: false,
      },
      {
        seq: 2,
        nameVi: 'Giai đoạn 2: thẩm định, đề nghị tôn vinh',
        nameEn: 'Phase 2: appraise and propose for honours',
        startsOn: '2028-07-01',
        endsOn: '2030-12-31',
        deadline: '2030-09-30T10:00:00.000Z',
        quotaCollectives: 3,
        quotaIndividuals: 3,
        quotaIsMinimum: true,
      },
    ],
    categories: CATEGORIES,
    criteria: CRITERIA,
    units: UNITS,
    nominations,
    statusHistory,
    endorsements,
    funnel: [],
  };
}
