// zod schemas for what bot_turn_load and bot_turn_save return: the database's answers are
// checked at the boundary before the engine trusts them.
import { z } from 'zod';

const uuid = z.string().min(1);
const locale = z.enum(['vi', 'en']);
const unitKind = z.enum(['to_dan_pho', 'lang', 'co_quan', 'doan_the']);
const status = z.enum(['submitted', 'screened', 'forwarded', 'returned', 'appraised', 'honoured', 'not_honoured', 'withdrawn']);

/** A person as the turn sees them. */
export const memberSchema = z.object({
  id: uuid,
  wardId: uuid,
  displayName: z.string().nullable(),
  locale,
  role: z.enum(['resident', 'leader', 'officer']),
  unitId: uuid.nullable(),
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
    z.object({ id: uuid, templateId: uuid, categoryId: uuid.nullable(), seq: z.number().int(), textVi: z.string(), textEn: z.string() }),
  ),
  units: z.array(z.object({ id: uuid, kind: unitKind, name: z.string() })),
});

const similar = z.object({
  id: uuid,
  code: z.string(),
  nomineeName: z.string(),
  categoryId: uuid,
  endorsements: z.number().int(),
  mine: z.boolean(),
  endorsedByMe: z.boolean(),
});

/** bot_turn_load's answer. */
export const loadResultSchema = z.object({
  duplicate: z.boolean(),
  conversation: z.object({ id: uuid, version: z.number().int(), state: z.record(z.string(), z.unknown()) }),
  member: memberSchema,
  catalog: catalogSchema.nullable(),
  lookup: z
    .object({ kind: z.literal('similar_nominations'), matches: z.array(similar), quickMatches: z.array(similar).optional() })
    .nullable(),
});

const summary = z.object({
  code: z.string(),
  nomineeName: z.string(),
  categoryId: uuid,
  status,
  submittedAt: z.string(),
  endorsements: z.number().int(),
});

/** The result of the effect run in the save transaction. */
export const effectResultSchema = z.union([
  z.object({ type: z.literal('submit_nomination'), status: z.enum(['created', 'already']), code: z.string() }),
  z.object({ type: z.literal('submit_nomination'), status: z.enum(['campaign_closed', 'invalid']), reason: z.string().optional() }),
  z.object({
    type: z.literal('endorse'),
    status: z.enum(['endorsed', 'already', 'own', 'not_found']),
    code: z.string().optional(),
    count: z.number().int().optional(),
  }),
  z.object({ type: z.literal('set_locale'), status: z.literal('ok'), locale }),
  z.object({
    type: z.literal('status'),
    status: z.literal('found'),
    nomination: summary.extend({
      campaignId: uuid,
      unitName: z.string(),
      history: z.array(z.object({ status, at: z.string() })),
    }),
  }),
  z.object({ type: z.literal('status'), status: z.literal('not_found') }),
  z.object({ type: z.literal('mine'), nominations: z.array(summary), endorsements: z.array(summary) }),
  z.object({ type: z.literal('link_create'), status: z.literal('created'), code: z.string().regex(/^\d{6}$/), minutes: z.number().int() }),
  z.object({ type: z.literal('link_redeem'), status: z.literal('linked'), locale }),
  z.object({ type: z.literal('link_redeem'), status: z.enum(['invalid', 'expired', 'own', 'same_channel', 'rate_limited']) }),
]);

/** bot_turn_save's answer. */
export const saveResultSchema = z.union([
  z.object({ ok: z.literal(true), version: z.number().int(), effect: effectResultSchema.nullable() }),
  z.object({ ok: z.literal(false), reason: z.enum(['stale', 'duplicate_event']) }),
]);
