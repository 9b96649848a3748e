// What /baocao asks the database (effect report_request, role-checked there) and what it answers.
import { z } from 'zod';

/** The effect name. */
export const REPORT_REQUEST = 'report_request';

/** A campaign the officer may pick. */
export const campaignChoiceSchema = z.object({
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
});

/** The answer of report_request. */
export const reportRequestSchema = z.discriminatedUnion('status', [
  z.object({ type: z.literal(REPORT_REQUEST), status: z.literal('forbidden') }),
  z.object({ type: z.literal(REPORT_REQUEST), status: z.literal('none') }),
  z.object({ type: z.literal(REPORT_REQUEST), status: z.literal('choose'), campaigns: z.array(campaignChoiceSchema) }),
  z.object({ type: z.literal(REPORT_REQUEST), status: z.literal('unknown'), code: z.string(), campaigns: z.array(campaignChoiceSchema) }),
  z.object({ type: z.literal(REPORT_REQUEST), status: z.literal('queued'), code: z.string(), titleVi: z.string(), titleEn: z.string() }),
]);

/** One campaign offered for a choice. */
export type CampaignChoice = z.infer<typeof campaignChoiceSchema>;
