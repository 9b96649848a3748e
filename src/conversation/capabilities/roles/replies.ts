// What an officer and an invited person read once the database has acted: the invitation made
// (its code, its deep link, and a message to forward), an invitation accepted or declined (or why
// not), a role revoked (or why not).
import { invitationStartPayload } from '../../../domain/invitations.js';
import type { Json, Outbound, Text } from '../../contract.js';
import { menuHint } from '../../engine/help.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { inviteAnsweredSchema, inviteCreatedSchema, revokedSchema } from './data.js';
import { refusalOf } from './refusals.js';
import { roleTitle } from './titles.js';
import { timeAndDate } from './when.js';

/** The renderer names this capability registers. */
export const INVITE_CREATED = 'invite.created';
export const INVITE_CANCELLED = 'invite.cancelled';
export const INVITE_ANSWERED = 'invite.answered';
export const REVOKED = 'vaitro.revoked';

function argOf(args: Json | undefined, key: string): Json | undefined {
  return args && typeof args === 'object' && !Array.isArray(args) ? args[key] : undefined;
}

/** The invitation's code and expiry, then a message the officer forwards to the invited person. */
export const inviteCreatedReply: Renderer = (result, args, env) => {
  const r = readResult(inviteCreatedSchema, result);
  if (r && (r.status === 'created' || r.status === 'already')) {
    const bot = env.links?.telegramBot;
    const link = bot ? `https://t.me/${bot}?start=${invitationStartPayload(r.code)}` : null;
    const made: Text[] = [r.status === 'created' ? msg('roles.invite.created.title') : msg('roles.invite.created.already'), roleTitle(r)];
    if (r.holderName) made.push(msg('roles.invite.created.for', { name: r.holderName }));
    made.push(msg('roles.invite.created.code', { code: r.code, ...timeAndDate(r.expiresAt) }), msg('roles.invite.created.forwardBelow'));
    const forward: Text[] = [msg('roles.invite.forward.title', { ward: env.catalog.ward.name }), roleTitle(r)];
    if (link) forward.push(msg('roles.invite.forward.telegram', { link }));
    forward.push(link ? msg('roles.invite.forward.zalo', { code: r.code }) : msg('roles.invite.forward.typed', { code: r.code }));
    forward.push(msg('roles.invite.forward.expires', timeAndDate(r.expiresAt)));
    return [
      { kind: 'text', text: made },
      { kind: 'text', text: forward },
    ];
  }
  const why = r?.status === 'forbidden' ? msg('roles.invite.forbidden') : r?.status === 'invalid' ? msg('roles.invite.invalid') : msg('roles.invite.failed');
  const retry = argOf(args, 'retry');
  const out: Outbound[] = [{ kind: 'text', text: [why] }];
  if (r?.status !== 'forbidden' && retry && typeof retry === 'object') out.push(retry as unknown as Outbound);
  return out;
};

/** The officer dropped the invitation before creating it. */
export const inviteCancelledReply: Renderer = () => [{ kind: 'text', text: [msg('roles.invite.cancelled'), menuHint()] }];

/** The invited person's answer taken, or why the invitation could not be answered. */
export const inviteAnsweredReply: Renderer = (result, args) => {
  const code = String(argOf(args, 'code') ?? '');
  const r = readResult(inviteAnsweredSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('roles.join.failed')] }];
  if (r.status === 'accepted' && 'wardName' in r) {
    return [{ kind: 'text', text: [msg('roles.join.accepted', { ward: r.wardName }), roleTitle(r), msg('roles.join.acceptedNext')] }];
  }
  // Declining twice (a double tap) is still "declined".
  if (r.type === 'invite_decline' && r.status === 'declined') return [{ kind: 'text', text: [msg('roles.join.declined'), menuHint()] }];
  return [{ kind: 'text', text: [refusalOf(r.status, code), menuHint()] }];
};

const REVOKE_REFUSAL = {
  not_found: 'roles.revoked.notFound',
  last_officer: 'roles.revoked.lastOfficer',
  forbidden: 'roles.revoked.forbidden',
} as const;

/** The role revoked (and who was told), or why not. */
export const revokedReply: Renderer = (result) => {
  const r = readResult(revokedSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('roles.revoked.failed')] }];
  if (r.status === 'revoked' && 'role' in r) {
    const text: Text[] = [msg('roles.revoked.done'), roleTitle(r)];
    if (r.self) text.push(msg('roles.revoked.self'));
    else text.push(r.holderName ? msg('roles.revoked.toldNamed', { name: r.holderName }) : msg('roles.revoked.told'));
    return [{ kind: 'text', text: [...text, msg('roles.revoked.next')] }];
  }
  if (r.status === 'already' && 'role' in r) return [{ kind: 'text', text: [msg('roles.revoked.already'), roleTitle(r), msg('roles.revoked.next')] }];
  return [{ kind: 'text', text: [msg(REVOKE_REFUSAL[r.status]), msg('roles.revoked.next')] }];
};
