// The council's vote: /bieuquyet lists the proposals waiting for a vote; /bieuquyet TL-0042 (the
// button of the notice a member gets) opens one; after the vote closed it says so with the result.
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { LOOKS_LIKE_CODE } from '../dossier/codes.js';
import { dossierRequest, readDossier } from '../dossier/data.js';
import { openReview } from '../dossier/open-review.js';
import { councilListRequest, readCouncilList } from './data.js';
import { councilResultNotice, councilVoteNotice } from './notices.js';
import { VOTED, votedReply } from './replies.js';
import { councilFlow, votingClosedLines } from './steps.js';

/** /bieuquyet [code]: the proposals to vote on, or one of them. */
export const voteCommand: CommandDef = {
  id: 'vote',
  roles: ['council'],
  brief: 'council.brief',
  slash: ['bieuquyet', 'vote'],
  words: ['bieu quyet', 'vote'],
  wordsWithArgs: ['bieu quyet', 'vote'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  menu: { vi: 'bieuquyet', en: 'vote', description: 'council.menu' },
  help: () => msg('council.help'),
  order: 72,
  run: (turn, args) => {
    if (!args) {
      return openReview(turn, councilFlow, councilListRequest(0), (data) => {
        const list = readCouncilList(data);
        if (list.status === 'forbidden') return [msg('council.forbidden')];
        return list.status === 'ok' && list.total === 0 ? [msg('council.none')] : null;
      });
    }
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const code = parseReceiptCode(args, prefix);
    if (!code) return turn.resume([msg('appraisal.badCode', { input: ellipsize(args, 30), example: formatReceiptCode(prefix, 1) })]);
    return openReview(
      turn,
      councilFlow,
      dossierRequest(code, 'council'),
      (data) => {
        const found = readDossier(data);
        if (found.status === 'forbidden') return [msg('council.forbidden')];
        if (found.status === 'not_found') return [msg('council.notFound', { code })];
        if (found.status !== 'found' || found.dossier.line.status === 'proposed') return null;
        // The vote has closed: a clear answer, no form.
        return votingClosedLines(found.dossier);
      },
      { code },
    );
  },
};

/** The council's side of the review path. */
export const councilCapability: Capability = {
  id: 'council',
  commands: [voteCommand],
  flows: [councilFlow],
  renderers: { [VOTED]: votedReply },
  notices: { council_vote: councilVoteNotice, council_result: councilResultNotice },
};
