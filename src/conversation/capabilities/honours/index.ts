// Honours: after the posting period (or once approved without one), /tonvinh lets an officer
// honour a nomination with the honour's name and day, or decline it with a reason.
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { LOOKS_LIKE_CODE } from '../dossier/codes.js';
import { dossierRequest, readDossier } from '../dossier/data.js';
import { formatDateTime } from '../dossier/dates.js';
import { openReview } from '../dossier/open-review.js';
import { honourListRequest, readHonourList } from './data.js';
import { HONOURED, honouredReply } from './replies.js';
import { honoursFlow } from './flow.js';

/** /tonvinh [code]: what may be honoured now, or one nomination. */
export const honourCommand: CommandDef = {
  id: 'honour',
  roles: ['officer'],
  brief: 'honours.brief',
  slash: ['tonvinh', 'honour', 'honor', 'khenthuong'],
  // "ton vinh" alone is the honour form's own answer ("Ton vinh, khen thuong"): the command takes longer words.
  words: ['quyet dinh ton vinh', 'quyet dinh khen thuong', 'xet ton vinh'],
  wordsWithArgs: ['ton vinh', 'honour', 'honor'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  menu: { vi: 'tonvinh', en: 'honour', description: 'honours.menu' },
  help: () => msg('honours.help'),
  order: 74,
  run: (turn, args) => {
    if (!args) {
      return openReview(turn, honoursFlow, honourListRequest(0), (data) => {
        const list = readHonourList(data);
        if (list.status === 'forbidden') return [msg('appraisal.forbidden')];
        if (list.status !== 'ok' || list.total > 0) return null;
        const lines: Text[] = [msg('honours.none')];
        if (list.posting.count && list.posting.nextUntil) lines.push(msg('honours.list.stillPosted', { count: list.posting.count, until: formatDateTime(list.posting.nextUntil) }));
        return lines;
      });
    }
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const code = parseReceiptCode(args, prefix);
    if (!code) return turn.resume([msg('appraisal.badCode', { input: ellipsize(args, 30), example: formatReceiptCode(prefix, 1) })]);
    return openReview(
      turn,
      honoursFlow,
      dossierRequest(code, 'honour'),
      (data) => {
        const found = readDossier(data);
        if (found.status === 'forbidden') return [msg('appraisal.forbidden')];
        return found.status === 'not_found' ? [msg('appraisal.notFound', { code })] : null;
      },
      { code },
    );
  },
};

/** Honouring exemplars after the council and the residents had their say. */
export const honoursCapability: Capability = {
  id: 'honours',
  commands: [honourCommand],
  flows: [honoursFlow],
  renderers: { [HONOURED]: honouredReply },
};
