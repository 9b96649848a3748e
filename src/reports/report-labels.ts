// Names a report shows instead of codes: statuses, kinds, roles, categories and criteria in the
// report's language, each looked up once per report rather than once per row.
import { formStepKey } from '../domain/form-steps.js';
import type { ReportContext } from './report-context.js';
import type { CampaignReportData, ReportPhase } from './report-data.js';
import { REPORT_STATUSES, STATUS_LABEL_KEYS, type ReportStatus } from './report-statuses.js';

/** Label lookups for one report. */
export interface ReportLabels {
  status(status: ReportStatus): string;
  kind(kind: 'collective' | 'individual'): string;
  role(role: 'resident' | 'leader' | 'officer' | null): string;
  category(code: string): string;
  phase(phase: ReportPhase): string;
  /** The criterion's text and its group (general, or its category's name). */
  criterion(ref: number): { text: string; group: string } | undefined;
  /** The nominee of a receipt code (for the sheets keyed by code). */
  nominee(receiptCode: string): string;
  /** A step of the nomination form (the funnel). */
  step(step: string): string;
}

const ROLE_KEYS = { resident: 'report.role.resident', leader: 'report.role.leader', officer: 'report.role.officer' } as const;

/** Builds the lookups for one report's data and language. */
export function createReportLabels(data: CampaignReportData, ctx: ReportContext): ReportLabels {
  const vi = ctx.locale === 'vi';
  const statuses = new Map(REPORT_STATUSES.map((s) => [s, ctx.t(STATUS_LABEL_KEYS[s])]));
  const kinds = { collective: ctx.t('report.kind.collective'), individual: ctx.t('report.kind.individual') };
  const roles = {
    resident: ctx.t(ROLE_KEYS.resident),
    leader: ctx.t(ROLE_KEYS.leader),
    officer: ctx.t(ROLE_KEYS.officer),
  };
  const categories = new Map(data.categories.map((c) => [c.code, vi ? c.nameVi : c.nameEn]));
  const general = ctx.t('report.criterion.general');
  const criteria = new Map(
    data.criteria.map((c) => [
      c.ref,
      { text: vi ? c.textVi : c.textEn, group: c.categoryCode === null ? general : (categories.get(c.categoryCode) ?? c.categoryCode) },
    ]),
  );
  let nominees: Map<string, string> | null = null;
  return {
    status: (s) => statuses.get(s) ?? s,
    kind: (k) => kinds[k],
    role: (r) => (r === null ? '' : roles[r]),
    category: (code) => categories.get(code) ?? code,
    phase: (p) => (vi ? p.nameVi : p.nameEn),
    criterion: (ref) => criteria.get(ref),
    step: (step) => {
      const key = formStepKey(step);
      return key ? ctx.t(key) : step;
    },
    nominee(code) {
      nominees ??= new Map(data.nominations.map((n) => [n.receiptCode, n.nominee]));
      return nominees.get(code) ?? '';
    },
  };
}
