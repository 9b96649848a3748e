// Campaign setup in the chat (/dot): an officer lists the ward's campaigns, creates one from a
// template (its phases with their periods and quotas), sets each phase's dates, deadline and
// quota, whether a council votes and how long the public posting lasts, and opens or closes it.
// Every action is one effect, role-checked and validated in SQL; the typing is read here.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { parseSetup } from './parse.js';
import { SETUP_DONE, setupReply, usageText } from './replies.js';

const ACTION_WORDS = /^(tao|new|create|giai ?doan|phase|hoi ?dong|council|niem ?yet|posting|mo|open|dong|close)\b/;

/** /dot, /campaign: the ward's campaigns and their setup. */
export const setupCommand: CommandDef = {
  id: 'campaign_setup',
  roles: ['officer'],
  brief: 'setup.brief',
  slash: ['dot', 'campaign', 'thietlapdot'],
  words: ['thiet lap dot', 'quan ly dot', 'campaign setup'],
  wordsWithArgs: ['dot', 'campaign'].map((words) => ({ words, accepts: (a: string) => ACTION_WORDS.test(a) })),
  menu: { vi: 'dot', en: 'campaign', description: 'setup.menu' },
  help: () => msg('setup.help'),
  helpIn: 'help',
  order: 83,
  run: (turn, args) => {
    const parsed = parseSetup(args);
    if (!parsed.ok) return turn.resume(usageText(parsed));
    return turn.lookUp(parsed.effect, SETUP_DONE);
  },
};

/** Campaign setup for officers. */
export const setupCapability: Capability = {
  id: 'setup',
  commands: [setupCommand],
  renderers: { [SETUP_DONE]: setupReply },
};
