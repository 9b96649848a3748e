// What honours exchange with the database: the nominations an officer may honour now (posting
// period over, or approved), and the honour or its refusal, with zod schemas for the answers.
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';
import { lineSchema, namesSchema, pageSchema, statusSchema } from '../dossier/data.js';

const itemSchema = lineSchema.extend({ postingUntil: z.string().optional(), comments: z.number().int() });

/** A nomination waiting for the officer's decision on its honour. */
export type HonourItem = z.infer<typeof itemSchema>;

const listSchema = z.union([
  pageSchema(itemSchema).extend({ posting: z.object({ count: z.number().int(), nextUntil: z.string().optional() }) }),
  z.object({ status: z.literal('forbidden') }),
]);

/** The list as the database answered it, or 'unavailable'. */
export type HonourList = z.infer<typeof listSchema> | { status: 'unavailable' };

/** The request for one page of the list. */
export function honourListRequest(page: number): DataRequest {
  return { kind: 'honour_list', page };
}

/** Reads a fetched list. */
export function readHonourList(data: unknown): HonourList {
  const parsed = listSchema.safeParse(data);
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The list this turn fetched. */
export function honourListFor(cx: Pick<StepContext, 'data'>, page: number): HonourList {
  return readHonourList(dataFor(cx, honourListRequest(page)));
}

/** An officer honours a nomination (the honour's name and day, yyyy-mm-dd) or declines it with a reason. */
export interface HonourEffect extends Effect {
  type: 'honour';
  nominationId: string;
  code: string;
  decision: 'honour' | 'decline';
  title?: string;
  date?: string;
  reason?: string;
}

/** What the database answered. */
export const honourResultSchema = z.object({
  type: z.literal('honour'),
  status: z.enum(['honoured', 'not_honoured', 'posting_open', 'moved', 'forbidden', 'not_found', 'invalid', 'invalid_date', 'reason_required']),
  code: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  date: z.string().optional(),
  phase: namesSchema.extend({ seq: z.number().int() }).optional(),
  endorsers: z.number().int().optional(),
  postingUntil: z.string().optional(),
  current: statusSchema.optional(),
});
