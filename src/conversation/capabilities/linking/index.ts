// Account linking: one person, two apps. /lienket shows a one-time code here; /lienket <code>
// typed in the other app asks the code's owner, in this chat, whether to join the two accounts.
// Only their "yes" merges; the member that stays is the owner's, and no role is ever granted.
import { looksLikeLinkCode, parseLinkCode } from '../../../domain/link-code.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { linkAskOverlay, ownerQuestion } from './question.js';
import { LINK_ANSWERED, LINK_CODE, LINK_REDEEMED, linkAnsweredReply, linkCodeReply, linkRedeemedReply } from './replies.js';

/** /lienket: a code for the other app; /lienket <code>: the code from the other app. */
export const linkCommand: CommandDef = {
  id: 'link',
  slash: ['lienket', 'link'],
  words: ['lien ket', 'lien ket tai khoan', 'link', 'link account'],
  wordsWithArgs: ['lien ket', 'link'].map((words) => ({ words, accepts: looksLikeLinkCode })),
  // Linking joins a Telegram and a Zalo account: it means nothing in the terminal.
  channels: ['telegram', 'zalo'],
  help: () => msg('menu.link'),
  helpIn: 'help',
  order: 60,
  run: (turn, args) => {
    if (!args) return turn.lookUp({ type: 'link_create' }, LINK_CODE);
    const code = parseLinkCode(args);
    if (!code) return turn.resume([msg('link.badCode', { input: ellipsize(args, 30) })]);
    return turn.lookUp({ type: 'link_redeem', code, ask: ownerQuestion(turn.event.channel, turn.ctx.member.displayName) }, LINK_REDEEMED);
  },
};

/** Joining a person's Telegram and Zalo identities, with the code owner's consent. */
export const linkingCapability: Capability = {
  id: 'linking',
  commands: [linkCommand],
  overlays: [linkAskOverlay],
  renderers: { [LINK_CODE]: linkCodeReply, [LINK_REDEEMED]: linkRedeemedReply, [LINK_ANSWERED]: linkAnsweredReply },
};
