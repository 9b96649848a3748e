// What /dot asks the database (effect campaign_setup, role-checked there) and what it answers.
import { z } from 'zod';

/** The effect name. */
export const CAMPAIGN_SETUP = 'campaign_setup';

const phaseSchema = z.object({
  seq: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  deadline: z.string().nullable(),
  quotaCollectives: z.number().int(),
  quotaIndividuals: z.number().int(),
  quotaIsMinimum: z.boolean(),
});

/** A campaign as the setup shows it. */
export const setupCampaignSchema = z.object({
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  template: z.string().nullable(),
  usesCouncil: z.boolean(),
  postingDays: z.number().int(),
  phases: z.array(phaseSchema),
});

/** One campaign of the setup. */
export type SetupCampaign = z.infer<typeof setupCampaignSchema>;

const base = { type: z.literal(CAMPAIGN_SETUP), action: z.string() };

/** The answer of campaign_setup. */
export const campaignSetupSchema = z.discriminatedUnion('status', [
  z.object({ ...base, status: z.literal('forbidden') }),
  z.object({
    ...base,
    status: z.literal('ok'),
    campaigns: z.array(setupCampaignSchema),
    templates: z.array(z.object({ code: z.string(), titleVi: z.string(), titleEn: z.string() })),
  }),
  z.object({ ...base, status: z.literal('done'), campaign: setupCampaignSchema }),
  z.object({ ...base, status: z.literal('unknown'), what: z.enum(['campaign', 'template']), code: z.string().nullable() }),
  z.object({ ...base, status: z.enum(['bad_code', 'exists']), code: z.string() }),
  z.object({ ...base, status: z.enum(['bad_title', 'bad_quota', 'bad_days']) }),
  z.object({ ...base, status: z.literal('no_phase'), code: z.string(), seq: z.number().int() }),
  z.object({ ...base, status: z.literal('ends_before_start'), seq: z.number().int(), startsOn: z.string(), endsOn: z.string() }),
  z.object({ ...base, status: z.literal('overlap'), seq: z.number().int(), with: z.number().int(), withStartsOn: z.string(), withEndsOn: z.string() }),
  z.object({ ...base, status: z.enum(['deadline_past', 'deadline_outside']), seq: z.number().int(), deadline: z.string() }),
  z.object({ ...base, status: z.enum(['no_phases', 'ended']), code: z.string() }),
]);
