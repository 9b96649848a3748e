// What the roles capability exchanges with the database: the invitation behind a code, the ward's
// leaders and people with roles (lookups), and the answers to creating, accepting, declining an
// invitation and revoking a role (effects). Zod schemas are the single source of the types.
import { z } from 'zod';
import type { DataRequest } from '../../contract.js';
import { dataFor, type StepContext } from '../../engine/flow.js';

const role = z.enum(['leader', 'officer', 'council']);
const unitKind = z.enum(['to_dan_pho', 'lang', 'co_quan', 'doan_the']);

/** A role as the bot names it: a leader's names the unit they lead. */
export const roleViewSchema = z.object({
  role,
  unitName: z.string().nullish(),
  unitKind: unitKind.nullish(),
});

/** A role as the bot names it. */
export type RoleView = z.infer<typeof roleViewSchema>;

/** Why an invitation cannot be accepted now, or 'open'. Mistyped and unknown codes are both not_found. */
export const INVITATION_STATUSES = [
  'open',
  'not_found',
  'other_ward',
  'declined',
  'used_by_you',
  'used',
  'expired',
  'withdrawn',
  'own',
  'already_holds',
  'unit_has_leader',
] as const;

/** One of INVITATION_STATUSES. */
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** What the person who typed a code is invited to (details only when it concerns them). */
export const invitationSchema = z.union([
  roleViewSchema.extend({
    status: z.enum(['open', 'already_holds', 'unit_has_leader', 'used_by_you']),
    code: z.string(),
    wardName: z.string(),
    inviterName: z.string().nullish(),
    holderName: z.string().nullish(),
    expiresAt: z.string(),
  }),
  z.object({ status: z.enum(INVITATION_STATUSES) }),
]);

/** The look-up of the invitation behind a code. */
export function invitationRequest(code: string): DataRequest {
  return { kind: 'invitation', code };
}

/** The invitation behind a code, as this turn's data holds it; undefined when not fetched yet. */
export function invitationFound(cx: Pick<StepContext, 'data'>, code: string): z.infer<typeof invitationSchema> | undefined {
  const raw = dataFor(cx, invitationRequest(code));
  if (raw === undefined) return undefined;
  const parsed = invitationSchema.safeParse(raw);
  return parsed.success ? parsed.data : { status: 'not_found' };
}

const leadersSchema = z.object({
  status: z.literal('ok'),
  leaders: z.array(z.object({ unitId: z.string(), name: z.string().nullish(), since: z.string() })),
});

/** The ward's current leaders, for the question about a second leader. */
export const UNIT_LEADERS: DataRequest = { kind: 'unit_leaders' };

/** A unit's current leaders as this turn's data holds them; null when not known (not fetched or refused). */
export function leadersOf(cx: Pick<StepContext, 'data'>, unitId: string): { name: string | null; since: string }[] | null {
  const parsed = leadersSchema.safeParse(dataFor(cx, UNIT_LEADERS));
  if (!parsed.success) return null;
  return parsed.data.leaders.filter((l) => l.unitId === unitId).map((l) => ({ name: l.name ?? null, since: l.since }));
}

/** One person's role in the officer's list. */
export const holderSchema = roleViewSchema.extend({
  roleId: z.string(),
  name: z.string().nullish(),
  since: z.string(),
  self: z.boolean().default(false),
});

/** One person's role in the officer's list. */
export type Holder = z.infer<typeof holderSchema>;

/** A page of the ward's people with roles, or a refusal (not an officer). */
export const holdersPageSchema = z.union([
  z.object({ status: z.literal('ok'), total: z.number().int(), page: z.number().int(), size: z.number().int(), holders: z.array(holderSchema) }),
  z.object({ status: z.literal('forbidden') }),
]);

/** How many people with roles a page lists. */
export const HOLDERS_PAGE_SIZE = 8;

/** The look-up of one page of the ward's people with roles. */
export function holdersRequest(page: number): DataRequest {
  return { kind: 'role_holders', page, size: HOLDERS_PAGE_SIZE };
}

/** What the database answered to an invitation being made. */
export const inviteCreatedSchema = z.union([
  roleViewSchema.extend({
    type: z.literal('invite_create'),
    status: z.enum(['created', 'already']),
    code: z.string(),
    holderName: z.string().nullish(),
    allowSecondLeader: z.boolean(),
    expiresAt: z.string(),
  }),
  z.object({ type: z.literal('invite_create'), status: z.enum(['forbidden', 'invalid']) }),
]);

/** What the database answered to an invitation accepted or declined. */
export const inviteAnsweredSchema = z.union([
  roleViewSchema.extend({ type: z.literal('invite_accept'), status: z.literal('accepted'), wardName: z.string(), holderName: z.string().nullish() }),
  roleViewSchema.extend({ type: z.literal('invite_decline'), status: z.literal('declined') }),
  z.object({ type: z.enum(['invite_accept', 'invite_decline']), status: z.enum(INVITATION_STATUSES) }),
]);

/** What the database answered to a revoke. */
export const revokedSchema = z.union([
  roleViewSchema.extend({ type: z.literal('role_revoke'), status: z.literal('revoked'), holderName: z.string().nullish(), self: z.boolean() }),
  roleViewSchema.extend({ type: z.literal('role_revoke'), status: z.literal('already'), holderName: z.string().nullish() }),
  z.object({ type: z.literal('role_revoke'), status: z.enum(['not_found', 'last_officer', 'forbidden']) }),
]);
