// Appraisal by the ward: /thamdinh lists what waits for the officers per campaign and phase;
// /thamdinh TL-0042 opens one nomination directly.
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { LOOKS_LIKE_CODE } from '../dossier/codes.js';
import { dossierRequest, readDossier } from '../dossier/data.js';
import { openReview } from '../dossier/open-review.js';
import { appraisalListRequest, readAppraisalList } from './data.js';
import { appraisalFlow } from './flow.js';
import { APPRAISED, VOTE_CLOSED, appraisedReply, voteClosedReply } from './replies.js';

/** /thamdinh [code]: the officers' list, or one nomination. */
export const appraiseCommand: CommandDef = {
  id: 'appraise',
  roles: ['officer'],
  brief: 'appraisal.brief',
  slash: ['thamdinh', 'appraise', 'appraisal'],
  words: ['tham dinh', 'appraise', 'appraisal'],
  wordsWithArgs: ['tham dinh', 'appraise'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  menu: { vi: 'thamdinh', en: 'appraise', description: 'appraisal.menu' },
  help: () => msg('appraisal.help'),
  order: 70,
  run: (turn, args) => {
    if (!args) {
      return openReview(turn, appraisalFlow, appraisalListRequest(undefined, 0), (data) => {
        const list = readAppraisalList(data);
        if (list.status === 'forbidden') return [msg('appraisal.forbidden')];
        return list.status === 'ok' && list.groups.length === 0 ? [msg('appraisal.list.empty')] : null;
      });
    }
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const code = parseReceiptCode(args, prefix);
    if (!code) return turn.resume([msg('appraisal.badCode', { input: ellipsize(args, 30), example: formatReceiptCode(prefix, 1) })]);
    return openReview(
      turn,
      appraisalFlow,
      dossierRequest(code, 'appraise'),
      (data) => {
        const found = readDossier(data);
        if (found.status === 'forbidden') return [msg('appraisal.forbidden')];
        return found.status === 'not_found' ? [msg('appraisal.notFound', { code })] : null;
      },
      { code },
    );
  },
};

/** The officers' appraisal. */
export const appraisalCapability: Capability = {
  id: 'appraisal',
  commands: [appraiseCommand],
  flows: [appraisalFlow],
  renderers: { [APPRAISED]: appraisedReply, [VOTE_CLOSED]: voteClosedReply },
};
