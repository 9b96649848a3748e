// A person's rights over their data (decree 13/2023): see everything the bot holds about them
// (/dulieu), withdraw their consent to be contacted (/rutdongy), delete it all (/xoadulieu); the
// privacy notice shown at the first contact and whenever it changes; and the standing lookup that
// tells every turn what the person was shown.
import { idleState } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { MY_DATA, WITHDRAW_CONTACT } from './data.js';
import { forgetCommand, forgetOverlay, staleForgetGate } from './forget.js';
import { privacyNoticeGate } from './notice.js';
import { FORGOTTEN, MY_DATA_REPLY, WITHDRAWN, forgottenReply, myDataReply, withdrawnReply } from './replies.js';
import { MEMBER_STANDING } from './standing.js';

/** /dulieu, /mydata: everything held about me. */
export const myDataCommand: CommandDef = {
  id: 'mydata',
  brief: 'mydata.brief',
  slash: ['dulieu', 'mydata', 'dulieucuatoi'],
  words: ['du lieu', 'du lieu cua toi', 'xem du lieu', 'my data'],
  menu: { vi: 'dulieu', en: 'mydata', description: 'mydata.menu' },
  help: () => msg('mydata.help'),
  helpIn: 'help',
  order: 90,
  run: (turn) => turn.lookUp({ type: MY_DATA }, MY_DATA_REPLY),
};

/** /rutdongy, /withdrawconsent: my name and phone leave my nominations. */
export const withdrawContactCommand: CommandDef = {
  id: 'withdraw_contact',
  slash: ['rutdongy', 'withdrawconsent'],
  words: ['rut dong y', 'rut dong y lien he', 'withdraw consent'],
  order: 92,
  run: (turn) => {
    const decision = turn.lookUp({ type: WITHDRAW_CONTACT }, WITHDRAWN);
    // The finished form kept for a repeated "send" holds the phone typed into it: it goes too.
    return turn.flow ? decision : { ...decision, state: idleState(turn.state.seq) };
  },
};

/** Seeing, withdrawing and deleting one's data; the privacy notice. */
export const myDataCapability: Capability = {
  id: 'mydata',
  commands: [myDataCommand, forgetCommand, withdrawContactCommand],
  overlays: [forgetOverlay],
  gates: [staleForgetGate, privacyNoticeGate],
  standing: MEMBER_STANDING,
  renderers: { [MY_DATA_REPLY]: myDataReply, [WITHDRAWN]: withdrawnReply, [FORGOTTEN]: forgottenReply },
};
