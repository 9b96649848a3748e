// Broadcasts: an officer's announcement to the ward (/thongbao), followed live and paused, resumed
// or cancelled (/tamdung, /tieptuc, /dunggui); and everyone's switch for announcements
// (/tatthongbao, /batthongbao). Delivery is the outbox's; the progress message is the service's.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { ANNOUNCEMENTS, BROADCAST_CONTROL } from './data.js';
import { broadcastFlow } from './flow.js';
import { broadcastNotice } from './message.js';
import { CONTROLLED, CREATED, SWITCHED, controlledReply, createdReply, switchedReply } from './replies.js';

/** /thongbao: compose an announcement (officers). */
export const announceCommand: CommandDef = {
  id: 'announce',
  roles: ['officer'],
  brief: 'broadcast.brief',
  slash: ['thongbao', 'announce', 'broadcast'],
  words: ['thong bao', 'gui thong bao', 'announce', 'broadcast'],
  menu: { vi: 'thongbao', en: 'announce', description: 'broadcast.menu' },
  help: () => msg('broadcast.help'),
  order: 78,
  run: (turn) => turn.startForm(broadcastFlow, []),
};

function control(id: string, action: 'pause' | 'resume' | 'cancel', slash: string[], words: string[], order: number): CommandDef {
  return {
    id,
    roles: ['officer'],
    slash,
    words,
    order,
    run: (turn) => turn.lookUp({ type: BROADCAST_CONTROL, action }, CONTROLLED),
  };
}

/** /tatthongbao, /mute: no more announcements. */
export const muteCommand: CommandDef = {
  id: 'mute',
  slash: ['tatthongbao', 'mute'],
  words: ['tat thong bao', 'mute', 'khong nhan thong bao'],
  help: () => msg('broadcast.mute.help'),
  helpIn: 'help',
  order: 93,
  run: (turn) => turn.lookUp({ type: ANNOUNCEMENTS, on: false }, SWITCHED),
};

/** /batthongbao, /unmute: announcements again. */
export const unmuteCommand: CommandDef = {
  id: 'unmute',
  slash: ['batthongbao', 'unmute'],
  words: ['bat thong bao', 'unmute', 'nhan thong bao'],
  order: 94,
  run: (turn) => turn.lookUp({ type: ANNOUNCEMENTS, on: true }, SWITCHED),
};

/** Officers' announcements and everyone's switch. */
export const broadcastsCapability: Capability = {
  id: 'broadcasts',
  commands: [
    announceCommand,
    control('broadcast_pause', 'pause', ['tamdung', 'pause'], ['tam dung', 'tam dung gui', 'pause'], 79),
    control('broadcast_resume', 'resume', ['tieptuc', 'resume'], ['tiep tuc gui', 'gui tiep', 'resume'], 80),
    control('broadcast_cancel', 'cancel', ['dunggui', 'stopsending'], ['dung gui', 'dung han', 'huy gui', 'stop sending'], 81),
    muteCommand,
    unmuteCommand,
  ],
  flows: [broadcastFlow],
  renderers: { [CREATED]: createdReply, [CONTROLLED]: controlledReply, [SWITCHED]: switchedReply },
  notices: { broadcast: broadcastNotice },
};
