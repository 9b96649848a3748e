// Replies about account linking: the code to type in the other app, what became of a code typed
// here (a request now waits for the owner, or a refusal that does not tell whether the code
// exists), and what the owner's answer to the question did.
import { z } from 'zod';
import { formatLinkCode } from '../../../domain/link-code.js';
import type { Channel, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';

/** The renderer names this capability registers. */
export const LINK_CODE = 'linking.code';
export const LINK_REDEEMED = 'linking.redeemed';
export const LINK_ANSWERED = 'linking.answered';

const channel = z.enum(['console', 'telegram', 'zalo']);

const createdSchema = z.union([
  z.object({ type: z.literal('link_create'), status: z.literal('created'), code: z.string(), minutes: z.number().int() }),
  z.object({ type: z.literal('link_create'), status: z.literal('already_linked') }),
]);
const redeemedSchema = z.union([
  z.object({ type: z.literal('link_redeem'), status: z.literal('pending'), channel, minutes: z.number().int() }),
  z.object({ type: z.literal('link_redeem'), status: z.enum(['own', 'already_linked', 'refused', 'rate_limited']) }),
]);
const answeredSchema = z.union([
  z.object({ type: z.enum(['link_confirm', 'link_decline']), status: z.enum(['linked', 'declined']), channel }),
  z.object({ type: z.enum(['link_confirm', 'link_decline']), status: z.enum(['gone', 'expired', 'refused']) }),
]);

/** An app's name as people know it: a proper noun, the same in every language. */
export function appName(c: Channel): string {
  return c === 'telegram' ? 'Telegram' : c === 'zalo' ? 'Zalo' : 'Terminal';
}

const say = (...text: Text[]): Outbound[] => [{ kind: 'text', text }];

/** The code to type in the other app, with how long it lives; or why there is none. */
export const linkCodeReply: Renderer = (result) => {
  const r = readResult(createdSchema, result);
  if (!r) return say(msg('link.failed'));
  if (r.status === 'already_linked') return say(msg('link.alreadyLinked'));
  const code = formatLinkCode(r.code);
  return say(msg('link.code', { code, minutes: r.minutes }), msg('link.codeHowTo', { code }), msg('link.codeSecret'));
};

/** What became of a code typed here: the same refusal for a wrong, expired, used or foreign code. */
export const linkRedeemedReply: Renderer = (result, _args, env) => {
  const r = readResult(redeemedSchema, result);
  if (!r) return say(msg('link.failed'));
  switch (r.status) {
    case 'pending':
      return say(msg('link.pending', { app: appName(r.channel), minutes: r.minutes }));
    case 'own':
      return say(msg('link.own'));
    case 'already_linked':
      return say(msg('link.alreadyLinked'));
    case 'rate_limited':
      return say(msg('link.rateLimited'));
    case 'refused':
      // The hint depends on who typed, never on the code: a role is linked from its own app.
      return say(msg('link.refused'), ...(env.member.roles.length ? [msg('link.refusedRoleHint')] : []));
  }
};

/** What the owner's answer to the question did. */
export const linkAnsweredReply: Renderer = (result) => {
  const r = readResult(answeredSchema, result);
  if (!r) return say(msg('link.failed'));
  switch (r.status) {
    case 'linked':
      return say(msg('link.linked', { app: appName(r.channel) }));
    case 'declined':
      return say(msg('link.declined'));
    case 'expired':
      return say(msg('link.requestExpired'));
    case 'refused':
      return say(msg('link.confirmRefused'));
    case 'gone':
      return say(msg('link.askGone'));
  }
};
