// What every campaign report is built from: one zod schema, the single source of the type that
// the SQL function report_campaign_data returns and the four file builders read.
import { z } from 'zod';
import { REPORT_STATUSES } from './report-statuses.js';

const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const unitKind = z.enum(['to_dan_pho', 'lang', 'co_quan', 'doan_the']);
const nomineeKind = z.enum(['collective', 'individual']);
const count = z.number().int().nonnegative();

/** One phase of the campaign with its quota (the plan's 3 + 3, "at least" in phase 2). */
export const reportPhaseSchema = z.object({
  seq: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  deadline: isoInstant.nullable(),
  quotaCollectives: count,
  quotaIndividuals: count,
  quotaIsMinimum: z.boolean(),
});

/** One category of the campaign's template. */
export const reportCategorySchema = z.object({
  code: z.string(),
  kind: nomineeKind,
  seq: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
});

/** One criterion; `ref` is the small number nominations use to point at it. */
export const reportCriterionSchema = z.object({
  ref: z.number().int().positive(),
  categoryCode: z.string().nullable(),
  seq: z.number().int(),
  textVi: z.string(),
  textEn: z.string(),
});

/** One unit of the ward (all of them, so units without nominations show as zero). */
export const reportUnitSchema = z.object({ name: z.string(), kind: unitKind, seq: z.number().int() });

/** One nomination, without anything that identifies its nominator or contact (decree 13/2023). */
export const reportNominationSchema = z.object({
  receiptCode: z.string(),
  nominee: z.string(),
  kind: nomineeKind,
  categoryCode: z.string(),
  unitName: z.string(),
  ledUnitName: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  deeds: z.string(),
  submittedAt: isoInstant,
  endorsementCount: count,
  criteria: z.array(z.number().int().positive()),
  honourTitle: z.string().nullable(),
  honouredOn: isoDate.nullable(),
});

/** One status change; the actor is named by role only. */
export const reportStatusEventSchema = z.object({
  receiptCode: z.string(),
  status: z.enum(REPORT_STATUSES),
  actorRole: z.enum(['resident', 'leader', 'officer']).nullable(),
  note: z.string().nullable(),
  at: isoInstant,
});

/** One endorsement (when, of which nomination; never who). */
export const reportEndorsementSchema = z.object({ receiptCode: z.string(), at: isoInstant });

/** How many people reached a form step and how many stopped there. */
export const reportFunnelStepSchema = z.object({ step: z.string(), reached: count, stopped: count });

/** Everything one campaign report shows. */
export const campaignReportDataSchema = z.object({
  generatedAt: isoInstant,
  ward: z.object({ code: z.string(), name: z.string(), receiptPrefix: z.string(), timeZone: z.string() }),
  campaign: z.object({
    code: z.string(),
    titleVi: z.string(),
    titleEn: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    templateCode: z.string(),
  }),
  phases: z.array(reportPhaseSchema),
  categories: z.array(reportCategorySchema),
  criteria: z.array(reportCriterionSchema),
  units: z.array(reportUnitSchema),
  nominations: z.array(reportNominationSchema),
  statusHistory: z.array(reportStatusEventSchema),
  endorsements: z.array(reportEndorsementSchema),
  funnel: z.array(reportFunnelStepSchema),
});

/** The input of every report builder. */
export type CampaignReportData = z.infer<typeof campaignReportDataSchema>;
/** One nomination row of a report. */
export type ReportNomination = z.infer<typeof reportNominationSchema>;
/** One phase of a report. */
export type ReportPhase = z.infer<typeof reportPhaseSchema>;
