// What the ward's review steps read from the database: a nomination's dossier (as an officer or a
// council member sees it) and pages of nominations; zod schemas are the single source of the
// types. Shared by appraisal, the council's vote and honours.
import { z } from 'zod';
import { NOMINATION_STATUSES } from '../../../domain/statuses.js';
import type { DataRequest } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';

/** A nomination's status, as the database names it. */
export const statusSchema = z.enum(NOMINATION_STATUSES);

/** A name in both languages (a category, a campaign, a phase, a criterion). */
export const namesSchema = z.object({ vi: z.string(), en: z.string() });

/** A council member's vote. */
export const voteSchema = z.enum(['agree', 'disagree', 'abstain']);
export type Vote = z.infer<typeof voteSchema>;

/** One line of a list of nominations. */
export const lineSchema = z.object({
  code: z.string(),
  nomineeName: z.string(),
  category: namesSchema,
  unitName: z.string(),
  status: statusSchema,
});
export type NominationLine = z.infer<typeof lineSchema>;

/** Who did something, as a history shows it: a role (its holder's name, a leader's unit), the nominator, or the system. */
export const actorSchema = z.object({
  role: z.enum(['leader', 'officer', 'council']).optional(),
  holderName: z.string().optional(),
  unitName: z.string().optional(),
  unitKind: z.enum(['to_dan_pho', 'lang', 'co_quan', 'doan_the']).optional(),
  nominator: z.boolean().optional(),
  system: z.boolean().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** An appraisal mark of one criterion. */
export const markSchema = z.object({ criterionId: z.string(), met: z.boolean(), note: z.string().optional() });
export type Mark = z.infer<typeof markSchema>;

/** The council's votes on a proposal (a council member sees only how many voted and their own vote). */
export const councilSchema = z.object({
  members: z.number().int(),
  voted: z.number().int(),
  agree: z.number().int().optional(),
  disagree: z.number().int().optional(),
  abstain: z.number().int().optional(),
  outcome: z.enum(['approved', 'rejected', 'no_quorum']).optional(),
  myVote: voteSchema.optional(),
});
export type CouncilView = z.infer<typeof councilSchema>;

/** A campaign phase. */
export const phaseSchema = z.object({ id: z.string(), seq: z.number().int(), vi: z.string(), en: z.string(), startsOn: z.string(), endsOn: z.string() });
export type Phase = z.infer<typeof phaseSchema>;

/** Everything a review step shows about one nomination. */
export const dossierSchema = z.object({
  id: z.string(),
  view: z.enum(['appraise', 'honour', 'council']),
  line: lineSchema,
  kind: z.enum(['collective', 'individual']),
  ledUnitName: z.string().optional(),
  deeds: z.string(),
  hasPhoto: z.boolean(),
  submittedAt: z.string(),
  postingUntil: z.string().optional(),
  postingOpen: z.boolean().optional(),
  endorsements: z.number().int(),
  contact: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
  campaign: z.object({
    titleVi: z.string(),
    titleEn: z.string(),
    usesCouncil: z.boolean(),
    postingDays: z.number().int(),
    quorum: z.number(),
    threshold: z.number(),
  }),
  criteria: z.array(z.object({ id: z.string(), vi: z.string(), en: z.string() })),
  claimed: z.array(z.string()),
  forwarded: z.object({ at: z.string(), note: z.string().optional(), by: actorSchema.optional() }).optional(),
  last: z.object({ status: statusSchema, at: z.string(), note: z.string().optional() }).optional(),
  marks: z.array(markSchema),
  council: councilSchema,
  comments: z.number().int(),
  /** Today in the ward's time zone on the bot's clock (yyyy-mm-dd). */
  today: z.string(),
  phases: z.array(phaseSchema),
  currentPhaseId: z.string().optional(),
  /** The honour a ward gives unless the officer names another (view 'honour'). */
  defaultTitle: z.string().optional(),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** Who reads a dossier: an officer appraising or honouring, or a council member voting. */
export type DossierView = Dossier['view'];

const dossierLookupSchema = z.union([
  z.object({ status: z.literal('found'), dossier: dossierSchema }),
  z.object({ status: z.enum(['forbidden', 'not_found', 'invalid']) }),
]);

/** The database's answer about one nomination, or 'unavailable' when it was not fetched or not understood. */
export type DossierLookup = z.infer<typeof dossierLookupSchema> | { status: 'unavailable' };

/** The request for one nomination's dossier. */
export function dossierRequest(code: string, view: DossierView): DataRequest {
  return { kind: 'review_dossier', code, view };
}

/** Reads a fetched dossier answer. */
export function readDossier(data: unknown): DossierLookup {
  const parsed = dossierLookupSchema.safeParse(data);
  return parsed.success ? parsed.data : { status: 'unavailable' };
}

/** The dossier this turn fetched for the request, if any. */
export function dossierFor(cx: Pick<StepContext, 'data'>, code: string, view: DossierView): DossierLookup {
  return readDossier(dataFor(cx, dossierRequest(code, view)));
}

/** One page of a list the database keeps in order. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ status: z.literal('ok'), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });
}

/** A page's place in the list. */
export interface PageInfo {
  total: number;
  page: number;
  pageSize: number;
}
