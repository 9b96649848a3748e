// The nomination capability: the form a resident fills in to propose an exemplar (/decu, deep
// links), the offer to endorse one that exists, and the replies to both.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { nominationFlow } from './flow.js';
import { ENDORSED, SUBMITTED, UPDATED, endorsedReply, submittedReply, updatedReply } from './replies.js';
import { readStartLink } from './start-link.js';

/** /decu, "de cu": opens the form (or shows the one already open). */
export const nominateCommand: CommandDef = {
  id: 'nominate',
  brief: 'command.brief.nominate',
  slash: ['decu', 'nominate'],
  words: ['de cu', 'nominate', 'de cu moi', 'toi muon de cu', 'muon de cu', 'cach de cu', 'lam sao de de cu', 'huong dan de cu'],
  menu: { vi: 'decu', en: 'nominate', description: 'telegram.commands.nominate' },
  help: () => msg('menu.nominate'),
  order: 10,
  run: (turn) => (turn.flow && !turn.flow.replaceable ? turn.resume([msg('form.alreadyOpen')]) : turn.startForm(nominationFlow, [])),
};

/** Proposing exemplars: the form, its start links and its replies. */
export const nominationCapability: Capability = {
  id: 'nomination',
  commands: [nominateCommand],
  flows: [nominationFlow],
  startReaders: [
    (turn, payload) => {
      const link = readStartLink(payload, turn.ctx.catalog);
      return link ? turn.startForm(nominationFlow, [], { ...link }) : null;
    },
  ],
  renderers: { [SUBMITTED]: submittedReply, [ENDORSED]: endorsedReply, [UPDATED]: updatedReply },
};
