// A nomination's history for an officer: /lichsu TL-0042 (the button of a comment's notice sends it).
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { LOOKS_LIKE_CODE } from '../dossier/codes.js';
import type { HistoryEffect } from './data.js';
import { HISTORY_SHOWN, historyReply } from './replies.js';

/** /lichsu <code>: who did what to a nomination, when, with which note. */
export const historyCommand: CommandDef = {
  id: 'history',
  roles: ['officer'],
  brief: 'history.brief',
  slash: ['lichsu', 'history'],
  words: ['lich su', 'history'],
  wordsWithArgs: ['lich su', 'history'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  menu: { vi: 'lichsu', en: 'history', description: 'history.menu' },
  help: ({ catalog }) => msg('history.help', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  order: 76,
  run: (turn, args) => {
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const example = formatReceiptCode(prefix, 1);
    if (!args) return turn.resume([msg('history.usage', { example })]);
    const code = parseReceiptCode(args, prefix);
    if (!code) return turn.resume([msg('appraisal.badCode', { input: ellipsize(args, 30), example })]);
    const effect: HistoryEffect = { type: 'nomination_history', code };
    return turn.lookUp(effect, HISTORY_SHOWN, { code });
  },
};

/** A nomination's history, for officers. */
export const historyCapability: Capability = {
  id: 'history',
  commands: [historyCommand],
  renderers: { [HISTORY_SHOWN]: historyReply },
};
