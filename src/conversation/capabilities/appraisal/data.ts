// What the officers' appraisal exchanges with the database: the list of nominations waiting for
// the ward (per campaign and phase, a page at a time), the appraisal itself and the closing of a
// council's vote, with zod schemas for the answers (the single source of their types).
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';
import { lineSchema, namesSchema, pageSchema, statusSchema } from '../dossier/data.js';

const groupSchema = z.object({
  /** "<campaign id>:<phase id or ->", as the database groups them. */
  key: z.string(),
  campaign: namesSchema,
  phase: namesSchema.extend({ seq: z.number().int() }).optional(),
  forwarded: z.number().int(),
  proposed: z.number().int(),
});

/** One campaign and phase with nominations waiting for the ward. */
export type QueueGroup = z.infer<typeof groupSchema>;

const itemSchema = lineSchema.extend({
  /** When it reached its status (forwarded, or proposed). */
  since: z.string(),
  /** A proposal: how many council members voted so far. */
  council: z.object({ members: z.number().int(), voted: z.number().int() }).optional(),
});

/** One nomination waiting for the ward. */
export type QueueItem = z.infer<typeof itemSchema>;

const listSchema = z.union([
  pageSchema(itemSchema).extend({ groups: z.array(groupSchema), group: z.string().optional() }),
  z.object({ status: z.literal('forbidden') }),
]);

/** The officers' list as the database answered it, or 'unavailable'. */
export type AppraisalList = z.infer<typeof listSchema> | { status: 'unavailable' };

/** The request for one page of the officers' list (of one group; none: the only one, or a choice of groups). */
export function appraisalListRequest(group: string | undefined, page: number): DataRequest {
  return { kind: 'appraisal_list', page, ...(group ? { group } : {}) };
}

/** Reads a fetched list. */
export function readAppraisalList(data: unknown): AppraisalList {
  const parsed = listSchema.safeParse(data);
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The list this turn fetched for the request. */
export function appraisalListFor(cx: Pick<StepContext, 'data'>, group: string | undefined, page: number): AppraisalList {
  return readAppraisalList(dataFor(cx, appraisalListRequest(group, page)));
}

/** An officer's appraisal: marks for the criteria, then propose (with an optional note) or decline (with a reason). */
export interface AppraiseEffect extends Effect {
  type: 'appraise';
  nominationId: string;
  code: string;
  decision: 'propose' | 'decline';
  marks: { criterionId: string; met: boolean; note?: string }[];
  note?: string;
  reason?: string;
}

/** An officer closes the council's vote on a proposal. */
export interface CouncilCloseEffect extends Effect {
  type: 'council_close';
  nominationId: string;
  code: string;
}

const tallySchema = z.object({
  members: z.number().int(),
  agree: z.number().int(),
  disagree: z.number().int(),
  abstain: z.number().int(),
  voted: z.number().int(),
});

/** A closed vote: the result, where the nomination went, until when it is posted. */
export const closedVoteSchema = z.object({
  outcome: z.enum(['approved', 'rejected', 'no_quorum']),
  status: statusSchema,
  tally: tallySchema,
  postingUntil: z.string().optional(),
});
export type ClosedVote = z.infer<typeof closedVoteSchema>;

/** What the database answered to an appraisal. */
export const appraiseResultSchema = z.object({
  type: z.literal('appraise'),
  status: z.enum(['done', 'moved', 'forbidden', 'not_found', 'invalid', 'reason_required', 'marks_required']),
  code: z.string().optional(),
  name: z.string().optional(),
  outcome: z.enum(['proposed', 'posted', 'approved', 'declined']).optional(),
  current: statusSchema.optional(),
  councilMembers: z.number().int().optional(),
  postingUntil: z.string().optional(),
});

/** What the database answered to closing a vote. */
export const councilCloseResultSchema = z.object({
  type: z.literal('council_close'),
  status: z.enum(['closed', 'moved', 'no_council', 'forbidden', 'not_found']),
  code: z.string().optional(),
  name: z.string().optional(),
  current: statusSchema.optional(),
  closed: closedVoteSchema.optional(),
});
