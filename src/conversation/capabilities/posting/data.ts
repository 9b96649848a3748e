// What public posting exchanges with the database: the exemplars posted for comments, whether one
// takes comments now, and a resident's comment, with zod schemas for the answers.
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';
import { lineSchema } from '../dossier/data.js';

/** The longest comment the ward takes (the database checks the same number). */
export const COMMENT_MAX = 1000;

/** The posted exemplars, with what they did and until when comments are open. */
export const postedListSchema = z.object({
  type: z.literal('posted_list'),
  items: z.array(lineSchema.extend({ deeds: z.string(), postingUntil: z.string() })),
});

const postedOneSchema = z.union([
  z.object({ status: z.enum(['open', 'closed']), code: z.string(), name: z.string(), postingUntil: z.string() }),
  z.object({ status: z.literal('not_posted') }),
]);

/** Whether a nomination takes comments now, or 'unavailable'. */
export type PostedOne = z.infer<typeof postedOneSchema> | { status: 'unavailable' };

/** The request: does this nomination take comments now? */
export function postedOneRequest(code: string): DataRequest {
  return { kind: 'posted_one', code };
}

/** Reads a fetched answer. */
export function readPostedOne(data: unknown): PostedOne {
  const parsed = postedOneSchema.safeParse(data);
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The answer this turn fetched. */
export function postedOneFor(cx: Pick<StepContext, 'data'>, code: string): PostedOne {
  return readPostedOne(dataFor(cx, postedOneRequest(code)));
}

/** A resident's comment on a posted nomination. */
export interface PostCommentEffect extends Effect {
  type: 'post_comment';
  code: string;
  text: string;
}

/** What the database answered to a comment. */
export const commentResultSchema = z.object({
  type: z.literal('post_comment'),
  status: z.enum(['sent', 'too_long', 'empty', 'not_posted', 'closed', 'limit']),
  code: z.string(),
  name: z.string().optional(),
  postingUntil: z.string().optional(),
  length: z.number().int().optional(),
  max: z.number().int().optional(),
});
