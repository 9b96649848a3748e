// zod schemas for what the turn's entry points return: the database's answers are checked at the
// boundary before the engine trusts them. What a single effect or lookup answers is checked by
// its capability; here it is an open record.
import { z } from 'zod';

const uuid = z.string().min(1);
const locale = z.enum(['vi', 'en']);
const unitKind = z.enum(['to_dan_pho', 'lang', 'co_quan', 'doan_the']);

/** A person as the turn sees them. */
export const memberSchema = z.object({
  id: uuid,
  wardId: uuid,
  displayName: z.string().nullable(),
  locale,
  roles: z.array(z.object({ role: z.enum(['leader', 'officer', 'council']), unitId: uuid.nullable() })),
});

/** A ward's reference data. */
export const catalogSchema = z.object({
  version: z.number().int(),
  ward: z.object({ id: uuid, code: z.string(), name: z.string(), receiptPrefix: z.string() }),
  campaigns: z.array(
    z.object({
      id: uuid,
      templateId: uuid,
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      status: z.enum(['draft', 'open', 'closed']),
      currentPhase: z
        .object({ seq: z.number().int(), nameVi: z.string(), nameEn: z.string(), deadline: z.string().nullable() })
        .nullable(),
    }),
  ),
  categories: z.array(
    z.object({
      id: uuid,
      templateId: uuid,
      code: z.string(),
      kind: z.enum(['collective', 'individual']),
      seq: z.number().int(),
      nameVi: z.string(),
      nameEn: z.string(),
      descriptionVi: z.string(),
      descriptionEn: z.string(),
      requiresLedUnit: z.boolean(),
      unitKinds: z.array(unitKind),
    }),
  ),
  criteria: z.array(
    z.object({
      id: uuid,
      templateId: uuid,
      categoryId: uuid.nullable(),
      seq: z.number().int(),
      textVi: z.string(),
      textEn: z.string(),
      // Short labels (a later migration): absent or null on a database without them.
      labelVi: z.string().nullish().transform((v) => v ?? undefined),
      labelEn: z.string().nullish().transform((v) => v ?? undefined),
    }),
  ),
  units: z.array(z.object({ id: uuid, kind: unitKind, name: z.string() })),
});

/** A request to the database (a lookup), as stored in the state. */
const requestSchema = z.looseObject({ kind: z.string() });

/** An effect's result: checked by the capability that asked for it. */
export const effectResultSchema = z.looseObject({ type: z.string(), locale: locale.optional() });

/** A reply kept with the conversation until delivered: the plan and the effect's result. */
export const storedReplySchema = z.object({
  plan: z.object({
    render: z.object({ name: z.string(), args: z.unknown().optional() }).optional(),
    messages: z.array(z.unknown()),
    locale: locale.optional(),
  }),
  result: effectResultSchema.nullable().optional(),
});

/** A repeated event's reply that was not delivered: whether its send failed or may still be under way. */
export const pendingReplySchema = storedReplySchema.extend({
  state: z.enum(['pending', 'failed']),
  /** The process that saved the turn (and was sending the reply). */
  owner: z.string().nullable(),
  /** How long ago the turn was saved. */
  ageMs: z.number(),
});

/** bot_turn_load's answer for a turn to run. */
export const loadedTurnSchema = z.object({
  duplicate: z.boolean(),
  pendingReply: pendingReplySchema.nullable(),
  conversation: z.object({ id: uuid, version: z.number().int(), state: z.record(z.string(), z.unknown()) }),
  member: memberSchema,
  catalog: catalogSchema.nullable(),
  data: z.array(z.object({ request: requestSchema, result: z.unknown() })),
});

/**
 * bot_turn_load's answer: a turn to run, or a chat that belongs to someone else. The common answer
 * comes first: a union tries its options in order, and a failed try costs more than the check.
 */
export const loadResultSchema = z.union([loadedTurnSchema, z.object({ foreign: z.literal(true) })]);

/** bot_turn_save's answer. */
export const saveResultSchema = z.union([
  z.object({ ok: z.literal(true), version: z.number().int(), effect: effectResultSchema.nullable() }),
  z.object({ ok: z.literal(false), reason: z.enum(['stale', 'duplicate_event', 'foreign']) }),
]);

/** bot_replies_undelivered's answer: the chats whose last reply was kept and not delivered. */
export const undeliveredSchema = z.array(z.object({ chatId: z.string().min(1), userId: z.string().min(1), eventId: z.string().min(1) }));
