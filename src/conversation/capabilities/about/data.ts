// What /gioithieu reads from the database: the phases of each open campaign with their dates and
// quotas (the catalog holds only the current phase). zod schema: the single source of the type.
import { z } from 'zod';

const phaseSchema = z.object({
  seq: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  /** yyyy-mm-dd. */
  startsOn: z.string(),
  endsOn: z.string(),
  /** ISO timestamp, when officers set one. */
  deadline: z.string().nullable(),
  quotaCollectives: z.number().int(),
  quotaIndividuals: z.number().int(),
  /** The quota is a floor ("at least"). */
  quotaIsMinimum: z.boolean(),
});

/** One phase of a campaign, as the introduction shows it. */
export type AboutPhase = z.infer<typeof phaseSchema>;

/** The answer to the campaign_about effect. */
export const aboutResultSchema = z.object({
  type: z.literal('campaign_about'),
  campaigns: z.array(z.object({ id: z.string(), phases: z.array(phaseSchema) })),
});
