// The statuses a report may meet, with their label keys: every status a nomination can have.
import { NOMINATION_STATUSES } from '../domain/statuses.js';

/** Every status a report labels, in the order a nomination usually moves through them. */
export const REPORT_STATUSES = NOMINATION_STATUSES;

/** One status as reports see it. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The locale key of each status label (whole literals, so the locale test finds them). */
export const STATUS_LABEL_KEYS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'report.status.submitted',
  screened: 'report.status.screened',
  returned: 'report.status.returned',
  forwarded: 'report.status.forwarded',
  declined: 'report.status.declined',
  appraised: 'report.status.appraised',
  proposed: 'report.status.proposed',
  posted: 'report.status.posted',
  approved: 'report.status.approved',
  honoured: 'report.status.honoured',
  not_honoured: 'report.status.not_honoured',
  withdrawn: 'report.status.withdrawn',
};
