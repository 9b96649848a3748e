// A ward catalog resembling the seed (Thắng Lợi ward's 2021–2025 plan): the five categories of
// the plan, general and per-category criteria, and fifteen units of every kind.
import type { Catalog, CatalogCampaign, CatalogCategory, CatalogCriterion, CatalogUnit, MemberView } from '../../src/conversation/contract.js';

export const TEMPLATE_ID = 'tpl-2021-2025';

/** The ids tests refer to. */
export const IDS = {
  campaign: 'camp-2021-2025',
  otherCampaign: 'camp-2026-pilot',
  agency: 'cat-agency',
  area: 'cat-area',
  official: 'cat-official',
  goodDeeds: 'cat-good-deeds',
  leader: 'cat-leader',
  tdp3: 'unit-tdp-3',
  tdp13: 'unit-tdp-13',
  iaLang: 'unit-ia-lang',
  iaKenh: 'unit-ia-kenh',
  pleiOp: 'unit-plei-op',
  womenUnion: 'unit-women-union',
  wardOffice: 'unit-ubnd',
} as const;

const campaign = (id: string, code: string, titleVi: string, titleEn: string, status: CatalogCampaign['status']): CatalogCampaign => ({
  id,
  templateId: TEMPLATE_ID,
  code,
  titleVi,
  titleEn,
  status,
  currentPhase: { seq: 2, nameVi: 'Giai đoạn 2 (2023–2025)', nameEn: 'Phase 2 (2023–2025)', deadline: '2025-11-30T16:59:59Z' },
});

const category = (
  id: string,
  kind: CatalogCategory['kind'],
  seq: number,
  nameVi: string,
  nameEn: string,
  descriptionVi: string,
  descriptionEn: string,
  unitKinds: CatalogCategory['unitKinds'],
  requiresLedUnit = false,
): CatalogCategory => ({ id, templateId: TEMPLATE_ID, code: id, kind, seq, nameVi, nameEn, descriptionVi, descriptionEn, requiresLedUnit, unitKinds });

const CATEGORIES: CatalogCategory[] = [
  category(IDS.agency, 'collective', 1, 'Mô hình cơ quan', 'Model agency', 'Cải cách hành chính, kỷ luật, tiết kiệm, dùng ngân sách hiệu quả', 'Administrative reform, discipline, thrift, efficient budget', ['co_quan', 'doan_the']),
  category(IDS.area, 'collective', 2, 'Khu dân cư văn hóa', 'Cultural residential area', 'Tổ dân phố, làng có quy ước, an ninh tốt, giảm nghèo, môi trường sạch', 'Residential group or village with community rules, security, less poverty', ['to_dan_pho', 'lang']),
  category(IDS.official, 'individual', 3, 'Cán bộ, người làm việc ở cơ quan, doanh nghiệp', 'Officials and people working in agencies or businesses', 'Làm việc trong cơ quan Đảng, Nhà nước, đoàn thể, lực lượng vũ trang, doanh nghiệp', 'Working in Party or State bodies, organisations, armed forces, enterprises', ['co_quan', 'doan_the']),
  category(IDS.goodDeeds, 'individual', 4, 'Người tốt, việc tốt', 'Good people, good deeds', 'Sáng tạo, giúp đỡ mọi người, gia đình văn hóa, làm từ thiện', 'Creative, helpful, cultural family, charity', []),
  category(IDS.leader, 'individual', 5, 'Cá nhân lãnh đạo, quản lý', 'Leaders and managers', 'Người đứng đầu gương mẫu; tập thể do người đó đứng đầu cũng là điển hình', 'Exemplary head; the collective they lead is exemplary too', [], true),
];

let criterionSeq = 0;
const criterion = (categoryId: string | null, textVi: string, textEn: string, label?: [string, string]): CatalogCriterion => ({
  id: `crit-${++criterionSeq}`,
  templateId: TEMPLATE_ID,
  categoryId,
  seq: criterionSeq,
  textVi,
  textEn,
  ...(label ? { labelVi: label[0], labelEn: label[1] } : {}),
});

const CRITERIA: CatalogCriterion[] = [
  // The first two have short labels for lists, as the seed's criteria do; the others show their text.
  criterion(null, 'Thành tích tiêu biểu, dẫn đầu phong trào', 'Outstanding, leading results in the movement', ['Dẫn đầu phong trào', 'Leads the movement']),
  criterion(null, 'Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước', 'Exemplary in following Party policy and State law', ['Chấp hành pháp luật', 'Follows the law']),
  criterion(null, 'Tích cực tham gia hoạt động nhân đạo, từ thiện', 'Active in humanitarian and charity work'),
  criterion(IDS.agency, 'Thực hiện tốt cải cách hành chính', 'Good administrative reform'),
  criterion(IDS.agency, 'Thực hành tiết kiệm, chống lãng phí', 'Thrift and no waste'),
  criterion(IDS.area, 'Có quy ước, hương ước', 'Has community rules'),
  criterion(IDS.area, 'Giảm hộ nghèo, không có hộ tái nghèo', 'Poverty falls, no household falls back'),
  criterion(IDS.official, 'Hoàn thành xuất sắc nhiệm vụ', 'Excellent performance of duties'),
  criterion(IDS.goodDeeds, 'Có sáng kiến nâng cao năng suất lao động', 'Initiatives that raise productivity'),
  criterion(IDS.goodDeeds, 'Gia đình văn hóa nhiều năm liền', 'Cultural family year after year'),
  criterion(IDS.leader, 'Nêu cao trách nhiệm người đứng đầu', 'Exemplary responsibility as head'),
];

const unit = (id: string, kind: CatalogUnit['kind'], name: string): CatalogUnit => ({ id, kind, name });

const UNITS: CatalogUnit[] = [
  unit('unit-tdp-1', 'to_dan_pho', 'Tổ dân phố 1'),
  unit('unit-tdp-2', 'to_dan_pho', 'Tổ dân phố 2'),
  unit(IDS.tdp3, 'to_dan_pho', 'Tổ dân phố 3'),
  unit('unit-tdp-4', 'to_dan_pho', 'Tổ dân phố 4'),
  unit('unit-tdp-5', 'to_dan_pho', 'Tổ dân phố 5'),
  unit(IDS.tdp13, 'to_dan_pho', 'Tổ dân phố 13'),
  unit(IDS.iaLang, 'lang', 'Làng Ia Lang'),
  unit(IDS.iaKenh, 'lang', 'Làng Ia Kênh'),
  unit(IDS.pleiOp, 'lang', 'Làng Plei Ốp'),
  unit(IDS.wardOffice, 'co_quan', 'UBND phường Thắng Lợi'),
  unit('unit-police', 'co_quan', 'Công an phường'),
  unit('unit-school', 'co_quan', 'Trường Tiểu học Lê Lợi'),
  unit(IDS.womenUnion, 'doan_the', 'Hội Phụ nữ phường'),
  unit('unit-youth', 'doan_the', 'Đoàn Thanh niên phường'),
  unit('unit-veterans', 'doan_the', 'Hội Cựu chiến binh phường'),
];

/** The ward's catalog; by default one open campaign, optionally a second one or none. */
export function catalogFixture(options: { openCampaigns?: 0 | 1 | 2 } = {}): Catalog {
  const open = options.openCampaigns ?? 1;
  return {
    version: 1,
    ward: { id: 'ward-tl', code: 'TL', name: 'Phường Thắng Lợi', receiptPrefix: 'TL' },
    campaigns: [
      campaign(IDS.campaign, 'DHTT-2021-2025', 'Điển hình tiên tiến 2021–2025', 'Advanced exemplars 2021–2025', open >= 1 ? 'open' : 'closed'),
      campaign(IDS.otherCampaign, 'DHTT-2026', 'Điển hình tiên tiến 2026 (thí điểm)', 'Advanced exemplars 2026 (pilot)', open >= 2 ? 'open' : 'draft'),
    ],
    categories: CATEGORIES,
    criteria: CRITERIA,
    units: UNITS,
  };
}

/** A resident of Tổ dân phố 3 who writes in Vietnamese. */
export function residentFixture(overrides: Partial<MemberView> = {}): MemberView {
  return { id: 'member-1', wardId: 'ward-tl', displayName: 'Bà Lan', locale: 'vi', roles: [], ...overrides };
}
