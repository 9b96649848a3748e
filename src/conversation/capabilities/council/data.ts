// What the council's vote exchanges with the database: the proposals waiting for a vote (with the
// member's own vote), and a vote, with zod schemas for the answers.
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';
import { closedVoteSchema } from '../appraisal/data.js';
import { lineSchema, pageSchema, statusSchema, voteSchema, type Vote } from '../dossier/data.js';

const itemSchema = lineSchema.extend({ since: z.string(), myVote: voteSchema.optional() });

/** A proposal waiting for the council's vote. */
export type ProposalItem = z.infer<typeof itemSchema>;

const listSchema = z.union([pageSchema(itemSchema), z.object({ status: z.literal('forbidden') })]);

/** The council's list as the database answered it, or 'unavailable'. */
export type ProposalList = z.infer<typeof listSchema> | { status: 'unavailable' };

/** The request for one page of proposals. */
export function councilListRequest(page: number): DataRequest {
  return { kind: 'council_list', page };
}

/** Reads a fetched list. */
export function readCouncilList(data: unknown): ProposalList {
  const parsed = listSchema.safeParse(data);
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The list this turn fetched. */
export function councilListFor(cx: Pick<StepContext, 'data'>, page: number): ProposalList {
  return readCouncilList(dataFor(cx, councilListRequest(page)));
}

/** A council member's vote on a proposal. */
export interface CouncilVoteEffect extends Effect {
  type: 'council_vote';
  nominationId: string;
  code: string;
  vote: Vote;
}

/** What the database answered to a vote: counted (first, changed, the same), or the vote had closed. */
export const voteResultSchema = z.object({
  type: z.literal('council_vote'),
  status: z.enum(['voted', 'changed', 'unchanged', 'closed', 'forbidden', 'not_found', 'invalid']),
  code: z.string().optional(),
  name: z.string().optional(),
  vote: voteSchema.optional(),
  previous: voteSchema.optional(),
  /** This vote was the last one: the result. */
  closed: closedVoteSchema.optional(),
  /** The vote had closed: where the nomination is now, and the council's result (the last note). */
  current: statusSchema.optional(),
  last: z.object({ at: z.string(), note: z.string().optional() }).optional(),
});
