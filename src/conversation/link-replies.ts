// Replies to /lienket (/link): the one-time code to type in the other app, and what became of a
// code typed here (linked, or why not).
import type { EffectResult, LinkRefusal, Outbound, Text } from './contract.js';
import { msg } from './messages.js';

const REFUSALS: Record<LinkRefusal, string> = {
  invalid: 'link.invalid',
  expired: 'link.expired',
  own: 'link.own',
  same_channel: 'link.sameChannel',
  rate_limited: 'link.rateLimited',
};

const text = (...lines: Text[]): Outbound => ({ kind: 'text', text: lines });

/** The code to type in the other app, with how long it lives. */
export function linkCodeReply(result: EffectResult | null): Outbound[] {
  if (result?.type !== 'link_create') return [text(msg('link.failed'))];
  return [text(msg('link.code', { code: result.code, minutes: result.minutes }), msg('link.codeHowTo', { code: result.code }))];
}

/** What became of a code typed here. */
export function linkRedeemReply(result: EffectResult | null): Outbound[] {
  if (result?.type !== 'link_redeem') return [text(msg('link.failed'))];
  if (result.status === 'linked') return [text(msg('link.linked'))];
  return [text(msg(REFUSALS[result.status]))];
}
