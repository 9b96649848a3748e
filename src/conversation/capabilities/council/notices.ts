// What the council's members are told when the ward proposes a nomination (with the vote command
// as a button), and what the officers are told when a vote closes.
import { z } from 'zod';
import type { Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type NoticeRenderer } from '../../engine/registry.js';
import { closedLines } from '../appraisal/replies.js';
import { statusSchema } from '../dossier/data.js';

const proposedArgs = z.object({ code: z.string(), name: z.string(), unit: z.string().nullable().optional() });

const resultArgs = z.object({
  code: z.string(),
  name: z.string(),
  outcome: z.enum(['approved', 'rejected', 'no_quorum']),
  status: statusSchema,
  postingUntil: z.string().optional(),
  members: z.number().int(),
  agree: z.number().int(),
  disagree: z.number().int(),
  abstain: z.number().int(),
  voted: z.number().int(),
});

// One message: the text with the command as its button (Telegram), or the words to type (Zalo, terminal).
const withButton = (text: Text[], command: string, label: string): Outbound[] => [
  { kind: 'choices', text, multi: false, token: COMMAND_TOKEN, options: [{ value: command, label: msg(label) }] },
];

/** A proposal to vote on: what, where, and how to open it. */
export const councilVoteNotice: NoticeRenderer = (args) => {
  const a = proposedArgs.parse(args);
  return withButton([msg('council.notice.proposed', { code: a.code, name: a.name, unit: a.unit ?? '' })], `/bieuquyet ${a.code}`, 'council.notice.open');
};

/** A vote closed: the result, and what the officer can do next. */
export const councilResultNotice: NoticeRenderer = (args) => {
  const a = resultArgs.parse(args);
  const text = [msg('council.notice.result'), ...closedLines(a.code, a.name, { outcome: a.outcome, status: a.status, postingUntil: a.postingUntil, tally: a })];
  return a.status === 'approved'
    ? withButton(text, `/tonvinh ${a.code}`, 'council.notice.toHonours')
    : withButton(text, `/lichsu ${a.code}`, 'council.notice.toHistory');
};
