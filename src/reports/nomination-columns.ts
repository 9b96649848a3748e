// The columns of the nominations sheet, shared by the XLSX workbook and the CSV file so that
// both always hold the same table.
import type { ReportLabels } from './report-labels.js';
import type { ReportNomination } from './report-data.js';
import { calendarDate, type WardClock } from './ward-time.js';

/** A cell value: text, a whole number, a calendar date, or empty. */
export type CellValue = string | number | Date | null;

/** One column: its header key, how wide it is in a spreadsheet, and how a row fills it. */
export interface NominationColumn {
  header: string;
  width: number;
  type: 'text' | 'long_text' | 'number' | 'date';
  value(n: ReportNomination, labels: ReportLabels, clock: WardClock): CellValue;
}

/** The nominations table, in order. */
export const NOMINATION_COLUMNS: readonly NominationColumn[] = [
  { header: 'report.column.receiptCode', width: 12, type: 'text', value: (n) => n.receiptCode },
  { header: 'report.column.nominee', width: 28, type: 'text', value: (n) => n.nominee },
  { header: 'report.column.kind', width: 10, type: 'text', value: (n, l) => l.kind(n.kind) },
  { header: 'report.column.category', width: 30, type: 'text', value: (n, l) => l.category(n.categoryCode) },
  { header: 'report.column.unit', width: 26, type: 'text', value: (n) => n.unitName },
  { header: 'report.column.ledUnit', width: 22, type: 'text', value: (n) => n.ledUnitName },
  { header: 'report.column.status', width: 16, type: 'text', value: (n, l) => l.status(n.status) },
  { header: 'report.column.submittedOn', width: 12, type: 'date', value: (n, _l, clock) => clock.wardDate(n.submittedAt) },
  { header: 'report.column.endorsements', width: 10, type: 'number', value: (n) => n.endorsementCount },
  { header: 'report.column.criteriaMet', width: 10, type: 'number', value: (n) => n.criteria.length },
  { header: 'report.column.deeds', width: 60, type: 'long_text', value: (n) => n.deeds },
  { header: 'report.column.honourTitle', width: 22, type: 'text', value: (n) => n.honourTitle },
  { header: 'report.column.honouredOn', width: 12, type: 'date', value: (n) => (n.honouredOn ? calendarDate(n.honouredOn) : null) },
];
