// Following nominations: /trangthai <code> (one nomination's status and history) and /cuatoi
// (what I nominated and supported).
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef, TurnApi } from '../../engine/registry.js';
import { endorsedHonouredNotice, statusNotice } from './notices.js';
import { MINE, STATUS, mineReply, statusReply } from './replies.js';

// A receipt code as typed after "trang thai": letters, then digits ("TL-0001", "tl 1", "#1").
const LOOKS_LIKE_CODE = /^#?[a-z]{0,6}[\s\-_.]*\d{1,9}$/;

const mine = (turn: TurnApi) => turn.lookUp({ type: 'mine' }, MINE);

/** /cuatoi: my nominations and endorsements. */
export const mineCommand: CommandDef = {
  id: 'mine',
  brief: 'command.brief.mine',
  slash: ['cuatoi', 'mine'],
  words: ['cua toi', 'de cu cua toi', 'xem de cu cua toi', 'de cu cua minh', 'xem de cu cua minh', 'mine', 'my nominations'],
  menu: { vi: 'cuatoi', en: 'mine', description: 'telegram.commands.mine' },
  help: () => msg('menu.mine'),
  helpIn: 'help',
  order: 30,
  run: (turn) => mine(turn),
};

/** /trangthai <code>: one nomination's status; without a code, my list. */
export const statusCommand: CommandDef = {
  id: 'status',
  brief: 'command.brief.status',
  slash: ['trangthai', 'status'],
  words: ['trang thai', 'status'],
  wordsWithArgs: ['trang thai', 'status', 'tra cuu'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  menu: { vi: 'trangthai', en: 'status', description: 'telegram.commands.status' },
  help: ({ catalog }) => msg('menu.status', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  helpIn: 'help',
  order: 20,
  run: (turn, args) => {
    if (!args) return mine(turn);
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const code = parseReceiptCode(args, prefix);
    if (!code) return turn.resume([msg('status.badCode', { input: ellipsize(args, 30), example: formatReceiptCode(prefix, 1) })]);
    return turn.lookUp({ type: 'status', code }, STATUS, { code });
  },
};

/** Following one's own nominations and endorsements. */
export const followCapability: Capability = {
  id: 'follow',
  commands: [statusCommand, mineCommand],
  renderers: { [STATUS]: statusReply, [MINE]: mineReply },
  notices: { status: statusNotice, endorsed_honoured: endorsedHonouredNotice },
};
