// What screening exchanges with the database: the queue a page at a time, one nomination as its
// screener sees it, a returned nomination as its nominator sees it, and the two effects (the
// screener's decision, the nominator's answer). Zod schemas: the single source of the types.
import { z } from 'zod';
import { NOMINATION_STATUSES } from '../../../domain/statuses.js';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';

/** How many nominations one page of the queue shows. */
export const PAGE_SIZE = 5;

/** The longest comment, question, reason or answer (the SQL checks the same number). */
export const NOTE_MAX = 1000;

/** The shortest question or reason that says something. */
export const NOTE_MIN = 3;

const status = z.enum(NOMINATION_STATUSES);
const localizedName = z.object({ vi: z.string(), en: z.string() });

/** What a screener may do with a nomination. */
export const SCREENING_ACTIONS = ['forward', 'return', 'decline'] as const;
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];

/** Why a screener may not open a nomination. */
const refusal = z.enum(['no_role', 'own', 'head', 'elsewhere']);

/** Where a nomination stands when it is no longer waiting (someone acted first, or a stale button). */
export const movedSchema = z.object({
  status: z.literal('moved'),
  code: z.string(),
  name: z.string(),
  current: status,
  at: z.string().nullable(),
  byYou: z.boolean(),
});

const queueItemSchema = z.object({
  code: z.string(),
  nomineeName: z.string(),
  unitName: z.string().nullable(),
  submittedAt: z.string(),
  /** It came back after the nominator answered a question. */
  answered: z.boolean(),
  endorsements: z.number().int(),
});

/** One line of the queue. */
export type QueueItem = z.infer<typeof queueItemSchema>;

/** The answer to a page of the queue. */
export const queueSchema = z.union([
  z.object({
    status: z.literal('ok'),
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
    items: z.array(queueItemSchema),
  }),
  z.object({ status: z.literal('forbidden') }),
]);

const historySchema = z.object({
  status,
  at: z.string(),
  note: z.string().nullable(),
  by: z.enum(['nominator', 'officer', 'leader', 'other']).nullable(),
});

/** One change of a nomination's history as the screener reads it. */
export type HistoryEntry = z.infer<typeof historySchema>;

const nominationSchema = z.object({
  code: z.string(),
  nomineeName: z.string(),
  kind: z.enum(['collective', 'individual']),
  category: localizedName.nullable(),
  unitName: z.string().nullable(),
  deeds: z.string(),
  criteria: z.array(localizedName),
  ledUnitName: z.string().nullable(),
  photoRef: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  endorsements: z.number().int(),
  submittedAt: z.string(),
  history: z.array(historySchema),
});

/** A nomination open for screening. */
export type ScreenedNomination = z.infer<typeof nominationSchema>;

/** The answer to opening one nomination. */
export const openedSchema = z.union([
  z.object({ status: z.literal('open'), nomination: nominationSchema }),
  z.object({ status: z.literal('forbidden'), reason: refusal, code: z.string().optional() }),
  z.object({ status: z.literal('not_found'), code: z.string().nullable().optional() }),
  movedSchema,
]);

/** The answer to opening a returned nomination to answer it. */
export const returnedSchema = z.union([
  z.object({ status: z.literal('returned'), code: z.string(), name: z.string(), question: z.string().nullable() }),
  z.object({ status: z.literal('not_found'), code: z.string().nullable().optional() }),
  movedSchema,
]);

const invalidReason = z.enum(['action', 'note_required', 'note_too_long', 'text_required', 'text_too_long']);

/** What the database answered to a decision. */
export const decideResultSchema = z.union([
  z.object({
    type: z.literal('screening_decide'),
    status: z.literal('done'),
    code: z.string(),
    name: z.string(),
    action: z.enum(SCREENING_ACTIONS),
    notified: z.number().int(),
    remaining: z.number().int(),
  }),
  movedSchema.extend({ type: z.literal('screening_decide') }),
  z.object({ type: z.literal('screening_decide'), status: z.enum(['forbidden', 'not_found']), code: z.string().nullable() }),
  z.object({ type: z.literal('screening_decide'), status: z.literal('invalid'), reason: invalidReason }),
]);

/** What the database answered to the nominator's answer. */
export const answerResultSchema = z.union([
  z.object({ type: z.literal('screening_answer'), status: z.literal('done'), code: z.string(), name: z.string(), notified: z.number().int() }),
  movedSchema.extend({ type: z.literal('screening_answer') }),
  z.object({ type: z.literal('screening_answer'), status: z.literal('not_found'), code: z.string().nullable() }),
  z.object({ type: z.literal('screening_answer'), status: z.literal('invalid'), reason: invalidReason }),
]);

/** A page of the member's queue. */
export function queueRequest(page: number): DataRequest {
  return { kind: 'screening_queue', page, pageSize: PAGE_SIZE };
}

/** One nomination, as its screener sees it. */
export function nominationRequest(code: string): DataRequest {
  return { kind: 'screening_nomination', code };
}

/** A returned nomination, as its nominator sees it. */
export function returnedRequest(code: string): DataRequest {
  return { kind: 'screening_returned', code };
}

/** Reads fetched data with a schema; null when it is not there (yet) or not that shape. */
export function fetched<S extends z.ZodType>(schema: S, cx: Pick<StepContext, 'data'>, request: DataRequest): z.infer<S> | null {
  const parsed = schema.safeParse(dataFor(cx, request));
  return parsed.success ? parsed.data : null;
}

/** The screener's decision (effect screening_decide). */
export interface ScreeningDecide extends Effect {
  type: 'screening_decide';
  code: string;
  action: ScreeningAction;
  /** The comment (forward, optional), the question (return) or the reason (decline). */
  note: string;
}

/** The nominator's answer (effect screening_answer). */
export interface ScreeningAnswer extends Effect {
  type: 'screening_answer';
  code: string;
  text: string;
}
