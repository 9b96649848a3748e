// Changing one's mind while screening has not started: /sua TL-0001 opens a sent nomination in the
// form, at its summary; /rutlai TL-0001 withdraws it (asked once); /boungho TL-0001 takes back a
// support. The database refuses each once the nomination's status is no longer "submitted".
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import type { Prompt } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { readInput } from '../../engine/read-input.js';
import type { Capability, CommandDef, OverlayDef, TurnApi } from '../../engine/registry.js';
import { ownNominationRequest, ownNominationSchema } from '../nomination/data.js';
import { nominationFlow } from '../nomination/flow.js';
import { UNENDORSED, WITHDRAWN, unendorsedReply, withdrawnReply } from './replies.js';

// Typed as words ("ung ho TL-0003"), a code needs its letters: "sua 2" is no code.
const LOOKS_LIKE_CODE = /^#?[a-z]{1,6}[\s\-_.]*\d{1,9}$/;
const codeWords = (words: string[]) => words.map((w) => ({ words: w, accepts: (a: string) => LOOKS_LIKE_CODE.test(a) }));

// The receipt code typed after a command, or the reply asking for one.
function codeOf(turn: TurnApi, args: string): string | null {
  return args ? parseReceiptCode(args, turn.ctx.catalog.ward.receiptPrefix) : null;
}
const needCode = (turn: TurnApi, args: string, example: 'revise.editUsage' | 'revise.withdrawUsage' | 'revise.unendorseUsage') =>
  turn.resume([msg(example, { input: ellipsize(args, 30), example: formatReceiptCode(turn.ctx.catalog.ward.receiptPrefix, 1) })]);

/** /sua <code>: the sent nomination in the form, at its summary, to change and save. */
export const editCommand: CommandDef = {
  id: 'edit',
  brief: 'command.brief.edit',
  slash: ['sua', 'suadecu', 'edit'],
  wordsWithArgs: codeWords(['sua', 'sua de cu', 'edit']),
  help: ({ catalog }) => msg('menu.edit', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  helpIn: 'help',
  order: 32,
  run: (turn, args) => {
    const code = codeOf(turn, args);
    if (!code) return needCode(turn, args, 'revise.editUsage');
    if (turn.flow && !turn.flow.replaceable) return turn.resume([msg('form.finishFirst')]);
    const found = ownNominationSchema.safeParse(turn.data(ownNominationRequest(code)));
    if (!found.success || found.data.status !== 'found') return turn.idleReply([msg('revise.notYours', { code })]);
    const n = found.data.nomination;
    if (n.status !== 'submitted') return turn.idleReply([msg('revise.locked', { code })]);
    if (!turn.ctx.catalog.campaigns.some((c) => c.id === n.campaignId && c.status === 'open')) return turn.idleReply([msg('revise.campaignClosed', { code })]);
    const answers = {
      campaignId: n.campaignId,
      categoryId: n.categoryId,
      kind: n.kind,
      unitId: n.unitId,
      name: n.nomineeName,
      nameKind: n.kind,
      nameUnit: n.unitId,
      deeds: n.deeds,
      deedsKind: n.kind,
      criterionIds: n.criterionIds,
      criteriaFor: n.categoryId,
      ledUnitId: n.ledUnitId ?? undefined,
      photoRef: n.photoRef,
      photoKind: n.kind,
      consent: n.consent,
      phone: n.phone,
      editOf: { id: n.id, code: n.code },
    };
    return turn.startForm(nominationFlow, [], answers, { quiet: true });
  },
};

const WITHDRAW = 'withdraw:';
const KEEP = 'keep';

// The code the question is about: given when shown, found in the values shown when answered.
function withdrawCode(turn: TurnApi, args?: string): string {
  return args ?? turn.state.view?.values.find((v) => v.startsWith(WITHDRAW))?.slice(WITHDRAW.length) ?? '';
}

function withdrawPrompt(turn: TurnApi, args?: string): Prompt {
  const code = withdrawCode(turn, args);
  return {
    text: [msg('revise.withdrawAsk', { code })],
    input: 'single',
    options: [
      { value: `${WITHDRAW}${code}`, label: msg('revise.withdrawYes'), words: ['rut lai', 'rut', 'dong y', 'co', 'yes', 'withdraw'] },
      { value: KEEP, label: msg('revise.withdrawNo'), words: ['khong', 'thoi', 'giu lai', 'no', 'keep'] },
    ],
  };
}

/** "Withdraw nomination TL-0001?", on top of whatever is open. */
export const withdrawOverlay: OverlayDef = {
  id: 'withdraw',
  prompt: withdrawPrompt,
  answer: (turn, intent) => {
    if (intent.type === 'command') return intent.command.id === 'cancel' || intent.command.id === 'back' ? turn.resume([msg('revise.kept')]) : null;
    if (intent.type === 'unknown_command') return null;
    const read = readInput(intent, withdrawPrompt(turn), turn.state);
    if (read.type === 'global') return turn.resume([msg('revise.kept')]);
    if (read.type === 'stale') return turn.showOverlay(withdrawOverlay, [msg('form.staleButton')], withdrawCode(turn));
    if (read.type === 'problem') return turn.showOverlay(withdrawOverlay, read.reason, withdrawCode(turn));
    if (read.input.kind === 'option' && read.input.value.startsWith(WITHDRAW)) {
      const code = read.input.value.slice(WITHDRAW.length);
      return turn.lookUp({ type: 'withdraw_nomination', code }, WITHDRAWN, code);
    }
    return turn.resume([msg('revise.kept')]);
  },
};

/** /rutlai <code>: withdraws one's own nomination before screening starts. */
export const withdrawCommand: CommandDef = {
  id: 'withdraw',
  brief: 'command.brief.withdraw',
  slash: ['rutlai', 'rut', 'withdraw'],
  wordsWithArgs: codeWords(['rut lai', 'rut', 'rut de cu', 'withdraw']),
  help: ({ catalog }) => msg('menu.withdraw', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  helpIn: 'help',
  order: 33,
  run: (turn, args) => {
    const code = codeOf(turn, args);
    return code ? turn.showOverlay(withdrawOverlay, [], code) : needCode(turn, args, 'revise.withdrawUsage');
  },
};

/** /boungho <code>: takes back one's support before screening starts. */
export const unendorseCommand: CommandDef = {
  id: 'unendorse',
  brief: 'command.brief.unendorse',
  slash: ['boungho', 'thoiungho', 'unsupport', 'unendorse'],
  wordsWithArgs: codeWords(['bo ung ho', 'thoi ung ho', 'unsupport', 'unendorse']),
  help: ({ catalog }) => msg('menu.unendorse', { example: formatReceiptCode(catalog.ward.receiptPrefix, 1) }),
  helpIn: 'help',
  order: 34,
  run: (turn, args) => {
    const code = codeOf(turn, args);
    return code ? turn.lookUp({ type: 'unendorse', code }, UNENDORSED, code) : needCode(turn, args, 'revise.unendorseUsage');
  },
};

/** Changing one's mind about a nomination or a support. */
export const reviseCapability: Capability = {
  id: 'revise',
  commands: [editCommand, withdrawCommand, unendorseCommand],
  overlays: [withdrawOverlay],
  renderers: { [WITHDRAWN]: withdrawnReply, [UNENDORSED]: unendorsedReply },
};
