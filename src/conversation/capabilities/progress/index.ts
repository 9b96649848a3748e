// Quota progress (/tiendo): how far the ward is towards each phase's quota, and what each unit has
// sent, forwarded, proposed and seen honoured. For officers (every unit) and leaders (their own).
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { PROGRESS, progressReply } from './replies.js';

/** /tiendo, /progress. */
export const progressCommand: CommandDef = {
  id: 'progress',
  brief: 'command.brief.progress',
  slash: ['tiendo', 'progress'],
  words: ['tien do', 'xem tien do', 'progress'],
  roles: ['officer', 'leader'],
  menu: { vi: 'tiendo', en: 'progress', description: 'telegram.commands.progress' },
  help: () => msg('menu.progress'),
  order: 80,
  run: (turn) => turn.lookUp({ type: 'progress' }, PROGRESS),
};

/** Quota progress for officers and leaders. */
export const progressCapability: Capability = {
  id: 'progress',
  commands: [progressCommand],
  renderers: { [PROGRESS]: progressReply },
};
