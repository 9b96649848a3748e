// The core capability: greeting, help, cancel, back, restart, the language question, and answers to thanks and to
// "ok".
import type { Capability } from '../../engine/registry.js';
import { cancelCommand, cancelOverlay } from './cancel.js';
import { backCommand, helpCommand, restartCommand, startCommand, thanksCommand, acknowledgeCommand } from './commands.js';
import { languageCommand, languageOverlay } from './language.js';

/** What every person can do, whatever else the bot offers. */
export const coreCapability: Capability = {
  id: 'core',
  commands: [startCommand, helpCommand, cancelCommand, backCommand, restartCommand, languageCommand, thanksCommand, acknowledgeCommand],
  overlays: [languageOverlay, cancelOverlay],
};
