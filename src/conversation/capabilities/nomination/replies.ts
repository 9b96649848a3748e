// What a resident reads once the database has taken (or refused) a nomination or an endorsement.
import type { Json, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { endorseResultSchema, submitResultSchema, updateResultSchema } from './data.js';

/** The renderer names this capability registers. */
export const SUBMITTED = 'nominate.submitted';
export const ENDORSED = 'nominate.endorsed';
export const UPDATED = 'nominate.updated';

// The review question again, kept by the form runner for a failed submission.
function retryOf(args: Json | undefined): Outbound | null {
  const retry = args && typeof args === 'object' && !Array.isArray(args) ? args.retry : null;
  return retry && typeof retry === 'object' ? (retry as unknown as Outbound) : null;
}

/** The receipt code, or why the nomination was not taken (with the summary again to retry). */
export const submittedReply: Renderer = (result, args) => {
  const r = readResult(submitResultSchema, result);
  if (r && (r.status === 'created' || r.status === 'already')) {
    const first = r.status === 'created' ? msg('nomination.submitted.created', { code: r.code }) : msg('nomination.submitted.already', { code: r.code });
    return [{ kind: 'text', text: [first, msg('nomination.submitted.follow', { code: r.code })] }];
  }
  const why =
    r?.status === 'campaign_closed'
      ? msg('nomination.submitted.campaignClosed')
      : r?.status === 'invalid'
        ? msg('nomination.submitted.invalid')
        : msg('nomination.submitted.failed');
  const text: Outbound = { kind: 'text', text: [why, msg('nomination.submitted.kept')] };
  const retry = retryOf(args);
  return retry ? [text, retry] : [text];
};

/** The changes to a sent nomination saved, or why not (with the summary again to retry). */
export const updatedReply: Renderer = (result, args) => {
  const r = readResult(updateResultSchema, result);
  if (r?.status === 'updated') return [{ kind: 'text', text: [msg('nomination.updated.saved', { code: r.code ?? '' }), msg('nomination.submitted.follow', { code: r.code ?? '' })] }];
  if (r?.status === 'locked') return [{ kind: 'text', text: [msg('nomination.updated.locked', { code: r.code ?? '' })] }];
  if (r?.status === 'not_found') return [{ kind: 'text', text: [msg('nomination.updated.notFound')] }];
  const why = r?.status === 'invalid' ? msg('nomination.submitted.invalid') : msg('nomination.updated.failed');
  const retry = retryOf(args);
  const text: Outbound = { kind: 'text', text: [why, msg('nomination.submitted.kept')] };
  return retry ? [text, retry] : [text];
};

/** The endorsement counted, or why not. */
export const endorsedReply: Renderer = (result) => {
  const r = readResult(endorseResultSchema, result);
  const code = r?.code ?? '';
  const line: Text =
    r?.status === 'endorsed'
      ? msg('endorse.done', { code, count: r.count ?? 1 })
      : r?.status === 'already'
        ? msg('endorse.already', { code })
        : r?.status === 'own'
          ? msg('endorse.own', { code })
          : msg('endorse.notFound');
  return [{ kind: 'text', text: [line, msg('endorse.next')] }];
};
