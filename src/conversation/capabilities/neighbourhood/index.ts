// What is happening in a resident's own unit (/donvi): its nominations, each one supported in one
// pick; and support by receipt code (/ungho TL-0003) from anywhere.
import { parseReceiptCode, formatReceiptCode } from '../../../domain/receipt.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { ENDORSED } from '../nomination/replies.js';
import { homeUnitRequest, homeUnitSchema } from './data.js';
import { unitViewFlow } from './flow.js';

// Typed as words ("ung ho TL-0003"), a code needs its letters: "sua 2" is no code.
const LOOKS_LIKE_CODE = /^#?[a-z]{1,6}[\s\-_.]*\d{1,9}$/;

/** /donvi: the nominations of my unit (asked once which one it is). */
export const unitCommand: CommandDef = {
  id: 'my_unit',
  brief: 'command.brief.myUnit',
  slash: ['donvi', 'tocuatoi', 'myunit', 'unit'],
  words: ['don vi', 'don vi cua toi', 'to cua toi', 'lang cua toi', 'to toi', 'lang toi', 'de cu o to toi', 'my unit'],
  menu: { vi: 'donvi', en: 'myunit', description: 'telegram.commands.myUnit' },
  help: () => msg('menu.myUnit'),
  helpIn: 'help',
  order: 18,
  run: (turn) => {
    if (turn.flow && !turn.flow.replaceable) return turn.resume([msg('form.finishFirst')]);
    const home = homeUnitSchema.safeParse(turn.data(homeUnitRequest()));
    const unitId = home.success ? home.data.unitId : null;
    return turn.startForm(unitViewFlow, [], unitId ? { unitId } : undefined);
  },
};

/** /ungho <code>: supports a nomination by its receipt code. */
export const supportCommand: CommandDef = {
  id: 'support',
  brief: 'command.brief.support',
  slash: ['ungho', 'support', 'endorse'],
  // "ung ho" alone is also an answer (the duplicate question's "Ung ho de cu ..."): a command only with nothing asked
  idleWords: ['ung ho', 'toi muon ung ho', 'support'],
  wordsWithArgs: ['ung ho', 'support', 'endorse'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) })),
  help: ({ catalog }) => msg('menu.support', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  helpIn: 'help',
  order: 25,
  run: (turn, args) => {
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const code = args ? parseReceiptCode(args, prefix) : null;
    if (!code) return turn.resume([msg('support.needCode', { example: formatReceiptCode(prefix, 1) })]);
    return turn.lookUp({ type: 'endorse_code', code }, ENDORSED);
  },
};

/** A resident's unit and support for its nominations. */
export const neighbourhoodCapability: Capability = {
  id: 'neighbourhood',
  commands: [unitCommand, supportCommand],
  flows: [unitViewFlow],
};
