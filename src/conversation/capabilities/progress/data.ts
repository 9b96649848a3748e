// What /tiendo reads: per open campaign, each phase's quota against the honoured collectives and
// individuals, and per unit the nominations submitted, forwarded, proposed and honoured.
import { z } from 'zod';

const tally = z.object({ submitted: z.number(), forwarded: z.number(), proposed: z.number(), honoured: z.number() });

/** The answer of the progress effect. */
export const progressResultSchema = z.union([
  z.object({ type: z.literal('progress'), status: z.literal('forbidden') }),
  z.object({
    type: z.literal('progress'),
    status: z.literal('ok'),
    /** 'ward' for an officer (every unit), 'unit' for a leader (their unit and the ward's totals). */
    scope: z.enum(['ward', 'unit']),
    campaigns: z.array(
      z.object({
        id: z.string(),
        titleVi: z.string(),
        titleEn: z.string(),
        phases: z.array(
          z.object({
            seq: z.number(),
            nameVi: z.string(),
            nameEn: z.string(),
            startsOn: z.string(),
            endsOn: z.string(),
            deadline: z.string().nullable(),
            quotaCollectives: z.number(),
            quotaIndividuals: z.number(),
            quotaIsMinimum: z.boolean(),
            honouredCollectives: z.number(),
            honouredIndividuals: z.number(),
          }),
        ),
        units: z.array(tally.extend({ unitId: z.string(), name: z.string() })),
        total: tally,
        /** Officers only: per step of the nomination form, how many people reached it and stopped there. */
        funnel: z.array(z.object({ step: z.string(), reached: z.number(), stopped: z.number() })).optional(),
      }),
    ),
  }),
]);
