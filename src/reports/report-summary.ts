// The figures of the summary report and the chart, counted in one pass over the nominations:
// per phase the honoured collectives and individuals against the quota, and counts per status,
// category and unit.
import type { CampaignReportData, ReportNomination, ReportPhase } from './report-data.js';
import { REPORT_STATUSES, type ReportStatus } from './report-statuses.js';
import { WardClock } from './ward-time.js';

/** One phase's quota against what was honoured in it. */
export interface PhaseProgress {
  phase: ReportPhase;
  honouredCollectives: number;
  honouredIndividuals: number;
  collectivesMet: boolean;
  individualsMet: boolean;
}

/** A count of nominations and of the honoured among them. */
export interface CountRow {
  key: string;
  total: number;
  honoured: number;
}

/** Everything the summary PDF and the chart show. */
export interface ReportSummary {
  totals: { nominations: number; collectives: number; individuals: number; endorsements: number; honoured: number };
  phases: PhaseProgress[];
  /** Statuses that occur, in the usual order of a nomination's life. */
  byStatus: { status: ReportStatus; count: number }[];
  /** Every category of the template, in its order. */
  byCategory: CountRow[];
  /** Every unit of the ward (and any unit only nominations name), in the ward's order. */
  byUnit: CountRow[];
  /** The honoured nominations, by honour date then receipt code. */
  honoured: ReportNomination[];
}

const UNIT_KIND_ORDER = ['to_dan_pho', 'lang', 'co_quan', 'doan_the'];

/**
 * Counts the figures. A nomination counts towards the phase in which it was honoured (its honour
 * date, or until honours are recorded, the date it was submitted).
 */
export function summarizeReport(data: CampaignReportData): ReportSummary {
  const clock = new WardClock(data.ward.timeZone);
  const phases = [...data.phases].sort((a, b) => a.seq - b.seq);
  const phaseCounts = phases.map(() => ({ collective: 0, individual: 0 }));
  const statusCounts = new Map<ReportStatus, number>();
  const units = [...data.units].sort(
    (a, b) => UNIT_KIND_ORDER.indexOf(a.kind) - UNIT_KIND_ORDER.indexOf(b.kind) || a.seq - b.seq || a.name.localeCompare(b.name),
  );
  const byUnit = new Map<string, CountRow>(units.map((u) => [u.name, { key: u.name, total: 0, honoured: 0 }]));
  const byCategory = new Map<string, CountRow>(
    [...data.categories].sort((a, b) => a.seq - b.seq).map((c) => [c.code, { key: c.code, total: 0, honoured: 0 }]),
  );
  const totals = { nominations: 0, collectives: 0, individuals: 0, endorsements: 0, honoured: 0 };
  const honoured: ReportNomination[] = [];

  for (const n of data.nominations) {
    totals.nominations++;
    totals[n.kind === 'collective' ? 'collectives' : 'individuals']++;
    totals.endorsements += n.endorsementCount;
    statusCounts.set(n.status, (statusCounts.get(n.status) ?? 0) + 1);
    const isHonoured = n.status === 'honoured';
    const unit = byUnit.get(n.unitName) ?? addRow(byUnit, n.unitName);
    const category = byCategory.get(n.categoryCode) ?? addRow(byCategory, n.categoryCode);
    unit.total++;
    category.total++;
    if (!isHonoured) continue;
    unit.honoured++;
    category.honoured++;
    totals.honoured++;
    honoured.push(n);
    const day = n.honouredOn ?? clock.isoDate(n.submittedAt);
    const index = phases.findIndex((p) => p.startsOn <= day && day <= p.endsOn);
    if (index >= 0) phaseCounts[index]![n.kind]++;
  }

  honoured.sort((a, b) => (a.honouredOn ?? '').localeCompare(b.honouredOn ?? '') || a.receiptCode.localeCompare(b.receiptCode));
  return {
    totals,
    phases: phases.map((phase, i) => {
      const c = phaseCounts[i]!;
      return {
        phase,
        honouredCollectives: c.collective,
        honouredIndividuals: c.individual,
        collectivesMet: c.collective >= phase.quotaCollectives,
        individualsMet: c.individual >= phase.quotaIndividuals,
      };
    }),
    byStatus: REPORT_STATUSES.filter((s) => statusCounts.has(s)).map((status) => ({ status, count: statusCounts.get(status)! })),
    byCategory: [...byCategory.values()],
    byUnit: [...byUnit.values()],
    honoured,
  };
}

function addRow(map: Map<string, CountRow>, key: string): CountRow {
  const row = { key, total: 0, honoured: 0 };
  map.set(key, row);
  return row;
}
