// What an officer reads once an appraisal or the closing of a vote was recorded (or refused): where
// the nomination went, who was told, or why nothing changed.
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Json, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { formatDateTime } from '../dossier/dates.js';
import { STATE, councilLine } from '../dossier/view.js';
import { appraiseResultSchema, councilCloseResultSchema, type ClosedVote } from './data.js';

/** The renderer names this capability registers. */
export const APPRAISED = 'appraise.done';
export const VOTE_CLOSED = 'appraise.voteClosed';

/** The result of a closed vote, as a sentence. */
const CLOSED: Record<ClosedVote['outcome'], string> = {
  approved: 'appraisal.closed.approved',
  rejected: 'appraisal.closed.rejected',
  no_quorum: 'appraisal.closed.no_quorum',
};

function argsOf(args: Json | undefined): { code: string; current?: NominationStatusName; gone?: boolean } {
  const a = args && typeof args === 'object' && !Array.isArray(args) ? args : {};
  return {
    code: typeof a.code === 'string' ? a.code : '',
    current: typeof a.current === 'string' ? (a.current as NominationStatusName) : undefined,
    gone: a.gone === true,
  };
}

/** "It was handled meanwhile": the code and where it is now. */
export function movedLines(code: string, current: NominationStatusName | undefined): Text[] {
  return current ? [msg('appraisal.moved', { code }), msg(STATE[current])] : [msg('appraisal.notFound', { code })];
}

/** Where a nomination went after a closed vote. */
export function closedLines(code: string, name: string, closed: ClosedVote): Text[] {
  const lines: Text[] = [msg(CLOSED[closed.outcome], { code, name }), councilLine(closed.tally)];
  if (closed.status === 'posted') lines.push(msg('appraisal.closed.posted', { until: formatDateTime(closed.postingUntil ?? '') }));
  else if (closed.status === 'approved') lines.push(msg('appraisal.closed.waitHonour'));
  else lines.push(msg('appraisal.closed.notHonoured'));
  return lines;
}

const reply = (lines: Text[]): Outbound[] => [{ kind: 'text', text: [...lines, msg('appraisal.done.next')] }];

/** The reply to a proposal or a decline; args {code, current} when the form ended because it was handled meanwhile. */
export const appraisedReply: Renderer = (result, args) => {
  const a = argsOf(args);
  if (!result) return reply(a.gone ? [msg('appraisal.notFound', { code: a.code })] : movedLines(a.code, a.current));
  const r = readResult(appraiseResultSchema, result);
  const code = r?.code ?? a.code;
  const name = r?.name ?? '';
  switch (r?.status) {
    case 'done':
      switch (r.outcome) {
        case 'proposed':
          return reply(r.councilMembers ? [msg('appraisal.done.proposed', { code, name, members: r.councilMembers })] : [msg('appraisal.done.proposedNoCouncil', { code, name })]);
        case 'posted':
          return reply([msg('appraisal.done.posted', { code, name, until: formatDateTime(r.postingUntil ?? '') })]);
        case 'approved':
          return reply([msg('appraisal.done.approved', { code, name })]);
        default:
          return reply([msg('appraisal.done.declined', { code, name })]);
      }
    case 'moved':
      return reply(movedLines(code, r.current));
    case 'forbidden':
      return reply([msg('appraisal.forbidden')]);
    case 'not_found':
      return reply([msg('appraisal.notFound', { code })]);
    case 'reason_required':
      return reply([msg('appraisal.reason.required')]);
    case 'marks_required':
      return reply([msg('appraisal.done.marksRequired')]);
    default:
      return reply([msg('appraisal.done.failed')]);
  }
};

/** The reply to closing a vote. */
export const voteClosedReply: Renderer = (result, args) => {
  const a = argsOf(args);
  const r = readResult(councilCloseResultSchema, result);
  const code = r?.code ?? a.code;
  switch (r?.status) {
    case 'closed':
      return r.closed ? reply(closedLines(code, r.name ?? '', r.closed)) : reply([msg('appraisal.done.failed')]);
    case 'moved':
      return reply(movedLines(code, r.current));
    case 'no_council':
      return reply([msg('appraisal.closed.noCouncil', { code })]);
    case 'forbidden':
      return reply([msg('appraisal.forbidden')]);
    case 'not_found':
      return reply([msg('appraisal.notFound', { code })]);
    default:
      return reply([msg('appraisal.done.failed')]);
  }
};
