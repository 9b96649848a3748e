// What a nomination's history for an officer holds: each change (when, what, who, the note), the
// appraisal marks, the council's tally, the residents' comments and the honour.
import { z } from 'zod';
import type { Effect } from '../../contract.js';
import { actorSchema, lineSchema, markSchema, namesSchema, statusSchema } from '../dossier/data.js';

/** The request: the whole history of one nomination. */
export interface HistoryEffect extends Effect {
  type: 'nomination_history';
  code: string;
}

/** What the database answered. */
export const historyResultSchema = z.union([
  z.object({
    type: z.literal('nomination_history'),
    status: z.literal('found'),
    code: z.string(),
    nomination: lineSchema,
    rows: z.array(z.object({ at: z.string(), status: statusSchema, by: actorSchema, note: z.string().optional() })),
    criteria: z.array(z.object({ id: z.string(), vi: z.string(), en: z.string() })),
    marks: z.array(markSchema),
    council: z
      .object({ members: z.number().int(), agree: z.number().int(), disagree: z.number().int(), abstain: z.number().int(), voted: z.number().int() })
      .optional(),
    comments: z.number().int(),
    honour: z.object({ title: z.string(), date: z.string(), phase: namesSchema.extend({ seq: z.number().int() }).optional() }).optional(),
  }),
  z.object({ type: z.literal('nomination_history'), status: z.enum(['forbidden', 'not_found']), code: z.string() }),
]);
