// What broadcasts exchange with the database: the effects and lookups by name, the audience, and
// zod schemas of the answers (the single source of their types).
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';

/** The effect that turns announcements off or on for the person. */
export const ANNOUNCEMENTS = 'announcements';
/** The effect that queues a broadcast, one outbox row per recipient. */
export const BROADCAST_CREATE = 'broadcast_create';
/** The effect that pauses, resumes or cancels the officer's latest broadcast. */
export const BROADCAST_CONTROL = 'broadcast_control';

/** The longest announcement, in characters (sent in several messages where a channel needs it). */
export const BROADCAST_TEXT_MAX = 5000;

/** Who a broadcast goes to. */
export type Audience =
  | { kind: 'ward' }
  | { kind: 'units'; unitIds: string[] }
  | { kind: 'role'; role: 'leader' | 'council' | 'resident' };

/** The request for the audience's size. */
export function audienceRequest(audience: Audience): DataRequest {
  return { kind: 'broadcast_audience', audience };
}

const audienceSchema = z.union([
  z.object({ status: z.literal('ok'), count: z.number().int(), leftOut: z.number().int() }),
  z.object({ status: z.literal('forbidden') }),
]);

/** The audience's size as the database answered it, or 'unavailable'. */
export function audienceFor(cx: Pick<StepContext, 'data'>, audience: Audience): z.infer<typeof audienceSchema> | { status: 'unavailable' } {
  const parsed = audienceSchema.safeParse(dataFor(cx, audienceRequest(audience)));
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The request for the honours not announced yet. */
export const HONOURS_REQUEST: DataRequest = { kind: 'broadcast_honours' };

const honourSchema = z.object({
  nominationId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  categoryVi: z.string(),
  categoryEn: z.string(),
  title: z.string(),
  date: z.string(),
  deeds: z.string(),
  photo: z.string().nullable().optional(),
});

/** One final honour the draft announces. */
export type HonourLine = z.infer<typeof honourSchema>;

const honoursSchema = z.union([z.object({ status: z.literal('ok'), honours: z.array(honourSchema) }), z.object({ status: z.literal('forbidden') })]);

/** The honours this turn fetched, or 'unavailable'. */
export function honoursFor(cx: Pick<StepContext, 'data'>): z.infer<typeof honoursSchema> | { status: 'unavailable' } {
  const parsed = honoursSchema.safeParse(dataFor(cx, HONOURS_REQUEST));
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The broadcast as confirmed. */
export interface BroadcastEffect extends Effect {
  type: typeof BROADCAST_CREATE;
  formId: string;
  text: string;
  textEn?: string;
  photo?: string;
  audience: Audience;
  sendAt?: string;
  urgent: boolean;
  honours?: string[];
}

/** What queueing a broadcast came to. */
export const createdSchema = z.object({
  type: z.literal(BROADCAST_CREATE),
  status: z.enum(['queued', 'already', 'forbidden', 'invalid', 'past', 'nobody']),
  total: z.number().int().optional(),
  sendAt: z.string().optional(),
  scheduled: z.boolean().optional(),
  withoutPhoto: z.number().int().optional(),
});

/** What the database counts of a broadcast's recipients. */
export const countsSchema = z.object({
  total: z.number().int(),
  sent: z.number().int(),
  unreachable: z.number().int(),
  optedOut: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
  uncertain: z.number().int(),
  left: z.number().int(),
});

/** A broadcast's counts. */
export type BroadcastCounts = z.infer<typeof countsSchema>;

/** What pausing, resuming or cancelling came to. */
export const controlledSchema = z.object({
  type: z.literal(BROADCAST_CONTROL),
  status: z.enum(['ok', 'none', 'forbidden', 'already_cancelled', 'cancelled', 'finished', 'already_paused', 'not_paused', 'invalid']),
  action: z.enum(['pause', 'resume', 'cancel']),
  counts: countsSchema.optional(),
});

/** What the switch came to. */
export const announcementsSchema = z.object({
  type: z.literal(ANNOUNCEMENTS),
  status: z.enum(['on', 'off', 'already_on', 'already_off']),
});
