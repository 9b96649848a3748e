// What the database answers the ward's review steps, as plain data for the chat harness: dossiers,
// lists and people with roles. Shapes follow supabase/migrations/20261130130000_add_appraisal_council_honours.sql.
import type { DataRequest, MemberView } from '../../src/conversation/contract.js';

/** The criteria of a good-deeds individual in the fixtures (three, to keep tests short). */
export const CRITERIA = [
  { id: 'c-1', vi: 'Thành tích tiêu biểu, dẫn đầu phong trào thi đua', en: 'Outstanding results' },
  { id: 'c-2', vi: 'Gương mẫu chấp hành pháp luật', en: 'Law-abiding and exemplary' },
  { id: 'c-3', vi: 'Tích cực làm từ thiện, an sinh xã hội', en: 'Charity and social welfare' },
];

/** A member with a role, for Chat's `member` option. */
export function withRole(role: 'officer' | 'council' | 'leader'): Partial<MemberView> {
  return { roles: [{ role, unitId: role === 'leader' ? 'unit-tdp-3' : null }] };
}

/** One line of a list. */
export function line(code: string, status = 'forwarded', name = `Người ${code}`) {
  return { code, nomineeName: name, category: { vi: 'Người tốt, việc tốt', en: 'Good deeds' }, unitName: 'Tổ dân phố 3', status };
}

/** A dossier as lookup_review_dossier answers it. */
export function dossier(code: string, o: Record<string, unknown> = {}) {
  const { status = 'forwarded', view = 'appraise', ...rest } = o;
  return {
    status: 'found',
    dossier: {
      id: `id-${code}`,
      view,
      line: line(code, status as string, 'Nguyễn Văn An'),
      kind: 'individual',
      deeds: 'Vận động bà con làm 500 m đường bê tông trong năm 2026.',
      hasPhoto: false,
      submittedAt: '2026-11-20T02:00:00.000Z',
      endorsements: 2,
      campaign: { titleVi: 'Đợt 2026–2030', titleEn: 'Campaign 2026–2030', usesCouncil: true, postingDays: 5, quorum: 0.5, threshold: 0.5 },
      criteria: CRITERIA,
      claimed: ['c-1', 'c-3'],
      forwarded: { at: '2026-11-25T03:00:00.000Z', note: 'Tổ đã họp bình xét, nhất trí.', by: { role: 'leader', holderName: 'Trần Bình', unitName: 'Tổ dân phố 3', unitKind: 'to_dan_pho' } },
      marks: [],
      council: view === 'council' ? { members: 3, voted: 1 } : { members: 3, voted: 0, agree: 0, disagree: 0, abstain: 0, outcome: 'no_quorum' },
      comments: 0,
      today: '2026-12-06',
      phases: [
        { id: 'p-1', seq: 1, vi: 'Giai đoạn 1', en: 'Phase 1', startsOn: '2026-01-01', endsOn: '2028-06-30' },
        { id: 'p-2', seq: 2, vi: 'Giai đoạn 2', en: 'Phase 2', startsOn: '2028-07-01', endsOn: '2030-12-31' },
      ],
      currentPhaseId: 'p-1',
      ...(view === 'honour' ? { defaultTitle: 'Giấy khen của Chủ tịch UBND phường' } : {}),
      ...rest,
    },
  };
}

/** A page of the officers' list with one group. */
export function appraisalList(codes: string[], o: { page?: number; total?: number; groups?: number } = {}) {
  const groups = Array.from({ length: o.groups ?? 1 }, (_, i) => ({
    key: `camp-${i}:phase-${i}`,
    campaign: { vi: `Đợt ${i + 1}`, en: `Campaign ${i + 1}` },
    phase: { seq: 1, vi: 'Giai đoạn 1', en: 'Phase 1' },
    forwarded: codes.length,
    proposed: 0,
  }));
  return {
    status: 'ok',
    groups,
    ...(groups.length === 1 ? { group: groups[0]!.key } : {}),
    total: o.total ?? codes.length,
    page: o.page ?? 0,
    pageSize: 8,
    items: groups.length === 1 ? codes.map((c) => ({ ...line(c), since: '2026-11-25T03:00:00.000Z' })) : [],
  };
}

/** Answers fetched requests from a table keyed by kind (and code). */
export function answers(table: Record<string, unknown | ((r: DataRequest) => unknown)>) {
  return (request: DataRequest): unknown => {
    const keyed = table[`${request.kind}:${String(request.code ?? request.page ?? '')}`] ?? table[request.kind];
    return typeof keyed === 'function' ? (keyed as (r: DataRequest) => unknown)(request) : (keyed ?? null);
  };
}
