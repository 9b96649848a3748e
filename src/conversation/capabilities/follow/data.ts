// What following a nomination exchanges with the database: one nomination's status and history,
// and a person's own nominations and endorsements (zod schemas: the single source of the types).
import { z } from 'zod';
import { NOMINATION_STATUSES } from '../../../domain/statuses.js';

const status = z.enum(NOMINATION_STATUSES);

const summarySchema = z.object({
  code: z.string(),
  nomineeName: z.string(),
  categoryId: z.string(),
  status,
  /** ISO timestamp. */
  submittedAt: z.string(),
  endorsements: z.number().int(),
});

/** One line of a list of nominations. */
export type NominationSummary = z.infer<typeof summarySchema>;

/** The answer to /trangthai <code>: `view` says what the asker may see (a stranger: no history, nothing of the nominator). */
export const statusResultSchema = z.union([
  z.object({
    type: z.literal('status'),
    status: z.literal('found'),
    view: z.enum(['own', 'endorsed', 'public']).default('own'),
    nomination: summarySchema.extend({
      campaignId: z.string(),
      unitName: z.string(),
      history: z.array(z.object({ status, at: z.string() })).default([]),
    }),
  }),
  z.object({ type: z.literal('status'), status: z.literal('not_found') }),
]);

/** The answer to /cuatoi. */
export const mineResultSchema = z.object({
  type: z.literal('mine'),
  nominations: z.array(summarySchema),
  endorsements: z.array(summarySchema),
});
