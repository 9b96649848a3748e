// Screening: the leader's /duyet (and the officers', for what goes to the ward) lists the
// nominations waiting, opens one, and forwards, returns or declines it; the nominator answers a
// returned nomination with /traloi (or the "answer" button of its notice).
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef, TurnApi } from '../../engine/registry.js';
import type { Decision } from '../../engine/form-runner.js';
import type { FlowDef } from '../../engine/flow.js';
import { answerFlow } from './answer-flow.js';
import { screeningFlow } from './flow.js';
import { forwardedNotice, screenNotice } from './notices.js';
import { ANSWERED, DECIDED, answeredReply, decidedReply } from './replies.js';

// A receipt code as typed after the words: letters, then digits ("TL-0042", "tl 42", "#42").
const LOOKS_LIKE_CODE = /^#?[a-z]{0,6}[\s\-_.]*\d{1,9}$/;

/**
 * Opens `flow` (with the code, when one was given); another form left half-filled is not dropped:
 * the person is asked to finish or cancel it first. A form of the same kind starts over.
 */
function open(turn: TurnApi, flow: FlowDef, args: string, usage: string | null): Decision {
  if (turn.flow && turn.flow.id !== flow.id) return turn.resume([msg('screening.busy')]);
  // "duyet" typed while deciding on a nomination means "approve" more often than "start over".
  if (turn.flow && !args.trim() && turn.state.step !== turn.flow.steps[0]!.id) return turn.resume([msg('screening.stillOpen')]);
  const prefix = turn.ctx.catalog.ward.receiptPrefix;
  const example = formatReceiptCode(prefix, 42);
  if (!args.trim()) return usage ? turn.idleReply([msg(usage, { example })]) : turn.startForm(flow, []);
  const code = parseReceiptCode(args, prefix);
  if (!code) return turn.idleReply([msg('screening.badCode', { input: ellipsize(args, 30), example })]);
  return turn.startForm(flow, [], { code });
}

/** /duyet, "duyet", "xet duyet": the nominations waiting for this leader's (or officer's) screening; /duyet TL-0042 opens one. */
export const reviewCommand: CommandDef = {
  id: 'review',
  brief: 'screening.menu.brief',
  slash: ['duyet', 'xetduyet', 'review'],
  words: ['duyet', 'xet duyet', 'review'],
  wordsWithArgs: ['duyet', 'xet duyet', 'review'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  roles: ['leader', 'officer'],
  menu: { vi: 'duyet', en: 'review', description: 'screening.menu.telegram' },
  help: () => msg('screening.menu.help'),
  order: 40,
  run: (turn, args) => open(turn, screeningFlow, args, null),
};

/** /traloi TL-0042, "tra loi TL-0042": the nominator answers the question a screener returned the nomination with. */
export const answerCommand: CommandDef = {
  id: 'answer',
  slash: ['traloi', 'answer'],
  wordsWithArgs: ['tra loi', 'answer'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  order: 41,
  run: (turn, args) => open(turn, answerFlow, args, 'screening.answer.usage'),
};

/** The screening side of the review path. */
export const screeningCapability: Capability = {
  id: 'screening',
  commands: [reviewCommand, answerCommand],
  flows: [screeningFlow, answerFlow],
  renderers: { [DECIDED]: decidedReply, [ANSWERED]: answeredReply },
  notices: { screen: screenNotice, forwarded_to_ward: forwardedNotice },
};
