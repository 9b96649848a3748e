// What a council member reads after voting: the vote counted (first, changed, the same), the result
// when their vote was the last one, or, after the vote closed, the result and that nothing changed.
import type { Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { closedLines } from '../appraisal/replies.js';
import { voteResultSchema } from './data.js';
import { PREVIOUS_VOTE, YOUR_VOTE } from './votes.js';

/** The renderer name this capability registers. */
export const VOTED = 'vote.done';

const reply = (lines: Text[]): Outbound[] => [{ kind: 'text', text: [...lines, msg('council.done.next')] }];

/** The reply to a vote. */
export const votedReply: Renderer = (result) => {
  const r = readResult(voteResultSchema, result);
  const code = r?.code ?? '';
  const name = r?.name ?? '';
  const lines: Text[] = [];
  switch (r?.status) {
    case 'voted':
      lines.push(msg('council.done.voted', { code, name }), msg(YOUR_VOTE[r.vote ?? 'abstain']));
      break;
    case 'changed':
      lines.push(msg('council.done.changed', { code, name }), msg(PREVIOUS_VOTE[r.previous ?? 'abstain']), msg(YOUR_VOTE[r.vote ?? 'abstain']));
      break;
    case 'unchanged':
      lines.push(msg('council.done.unchanged', { code, name }), msg(YOUR_VOTE[r.vote ?? 'abstain']));
      break;
    case 'closed':
      lines.push(msg('council.done.closed', { code, name }));
      if (r.last?.note) lines.push(msg('council.open.result', { note: r.last.note }));
      lines.push(r.previous ? msg(YOUR_VOTE[r.previous]) : msg('council.done.noVote'));
      return reply(lines);
    case 'forbidden':
      return reply([msg('council.forbidden')]);
    case 'not_found':
      return reply([msg('council.notFound', { code })]);
    default:
      return reply([msg('appraisal.done.failed')]);
  }
  if (r.closed) lines.push(msg('council.done.allVoted'), ...closedLines(code, name, r.closed));
  return reply(lines);
};
