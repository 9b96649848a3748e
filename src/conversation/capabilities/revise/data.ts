// What changing one's mind exchanges with the database: a withdrawal and the end of a support,
// both refused once screening has started. zod schemas: the single source of the types.
import { z } from 'zod';

/** What the database answered to a withdrawal (effect withdraw_nomination). */
export const withdrawResultSchema = z.object({
  type: z.literal('withdraw_nomination'),
  status: z.enum(['withdrawn', 'already', 'locked', 'not_found']),
  code: z.string().optional(),
});

/** What the database answered to taking back a support (effect unendorse). */
export const unendorseResultSchema = z.object({
  type: z.literal('unendorse'),
  status: z.enum(['removed', 'not_endorsed', 'locked', 'not_found']),
  code: z.string().optional(),
  count: z.number().int().optional(),
});
