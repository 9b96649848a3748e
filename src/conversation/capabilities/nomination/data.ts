// What the nomination capability exchanges with the database: the look-up of nominations like
// the name being typed, the submission and the endorsement, with zod schemas for the answers (the
// single source of their types).
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';

const similarSchema = z.object({
  id: z.string(),
  code: z.string(),
  nomineeName: z.string(),
  categoryId: z.string(),
  endorsements: z.number().int(),
  /** The person filling the form made it: they cannot endorse it. */
  mine: z.boolean(),
  /** The person filling the form already endorsed it. */
  endorsedByMe: z.boolean(),
});

/** A nomination that looks like the one being entered (same campaign and unit, similar name). */
export type SimilarNomination = z.infer<typeof similarSchema>;

const similarResultSchema = z.object({
  /** Nominations like the typed text. */
  matches: z.array(similarSchema),
  /** Nominations like the quick answer, for when the person picks it instead of typing. */
  quickMatches: z.array(similarSchema).default([]),
});

/** The look-up made with the name typed (and with the question's quick answer, when it has one). */
export function similarRequest(campaignId: string, unitId: string, quickName?: string): DataRequest {
  return { kind: 'similar_nominations', campaignId, unitId, ...(quickName ? { quickName } : {}) };
}

/** What the look-up found for this turn's input; nothing when it was not made or not understood. */
export function similarFound(cx: StepContext, request: DataRequest | undefined): z.infer<typeof similarResultSchema> {
  const parsed = request ? similarResultSchema.safeParse(dataFor(cx, request)) : null;
  return parsed?.success ? parsed.data : { matches: [], quickMatches: [] };
}

/**
 * The version of the consent question's text (nomination.consent.ask), recorded with each consent
 * to be contacted (member_consents): change it with the text.
 */
export const CONTACT_NOTICE_VERSION = '2026-12-01';

/** The fields a nomination is sent or changed with. */
export interface NominationFields {
  campaignId: string;
  categoryId: string;
  unitId: string;
  nomineeName: string;
  deeds: string;
  criterionIds: string[];
  ledUnitId: string | null;
  photoRef: string | null;
  consent: boolean;
  /** The nominator's chat name, sent only with consent (kept on the nomination for the officer). */
  contactName: string | null;
  phone: string | null;
  /** With consent: the version of the notice agreed to (recorded once per person). */
  consentNotice?: string;
}

/** The submission of a confirmed form (effect submit_nomination). */
export interface SubmitNomination extends Effect, NominationFields {
  type: 'submit_nomination';
  formId: string;
}

/** Changes to a nomination already sent, before screening starts (effect update_nomination). */
export interface UpdateNomination extends Effect, NominationFields {
  type: 'update_nomination';
  nominationId: string;
}

/** What the database answered to changes of a sent nomination. */
export const updateResultSchema = z.object({
  type: z.literal('update_nomination'),
  status: z.enum(['updated', 'locked', 'not_found', 'invalid']),
  code: z.string().optional(),
  reason: z.string().optional(),
});

/** The look-up of one of the person's own nominations, to change it (/sua). */
export function ownNominationRequest(code: string): DataRequest {
  return { kind: 'own_nomination', code };
}

/** A sent nomination as the form needs it to change it. */
export const ownNominationSchema = z.union([
  z.object({
    status: z.literal('found'),
    nomination: z.object({
      id: z.string(),
      code: z.string(),
      status: z.string(),
      campaignId: z.string(),
      categoryId: z.string(),
      kind: z.enum(['collective', 'individual']),
      unitId: z.string(),
      nomineeName: z.string(),
      deeds: z.string(),
      criterionIds: z.array(z.string()),
      ledUnitId: z.string().nullable(),
      photoRef: z.string().nullable(),
      consent: z.boolean(),
      phone: z.string().nullable(),
    }),
  }),
  z.object({ status: z.literal('not_found') }),
]);

/** What the database answered to a submission. */
export const submitResultSchema = z.union([
  z.object({ type: z.literal('submit_nomination'), status: z.enum(['created', 'already']), code: z.string() }),
  z.object({ type: z.literal('submit_nomination'), status: z.enum(['campaign_closed', 'invalid']), reason: z.string().optional() }),
]);

/** What the database answered to an endorsement. */
export const endorseResultSchema = z.object({
  type: z.literal('endorse'),
  status: z.enum(['endorsed', 'already', 'own', 'not_found']),
  code: z.string().optional(),
  count: z.number().int().optional(),
});
