// Learning about the campaign (/gioithieu, "gioi thieu", /about): its purpose, phases, deadline
// and quota, the five kinds of exemplar and their criteria, in a few short messages.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { ABOUT, aboutReply } from './replies.js';

/** /gioithieu: what the campaign is, offered in the greeting. */
export const aboutCommand: CommandDef = {
  id: 'about',
  brief: 'command.brief.about',
  slash: ['gioithieu', 'about', 'timhieu'],
  words: ['gioi thieu', 'tim hieu', 'about', 'gioi thieu dot thi dua', 'dot thi dua'],
  menu: { vi: 'gioithieu', en: 'about', description: 'telegram.commands.about' },
  help: () => msg('menu.about'),
  order: 15,
  run: (turn) => turn.lookUp({ type: 'campaign_about' }, ABOUT),
};

/** The campaign explained. */
export const aboutCapability: Capability = {
  id: 'about',
  commands: [aboutCommand],
  renderers: { [ABOUT]: aboutReply },
};
