// The core capability: greeting, help, cancel, back, restart, the language question, and an answer to thanks.
import type { Capability } from '../../engine/registry.js';
import { cancelCommand, cancelOverlay } from './cancel.js';
import { backCommand, helpCommand, restartCommand, startCommand, thanksCommand } from './commands.js';
import { languageCommand, languageOverlay } from './language.js';

/** What every person can do, whatever else the bot offers. */
export const coreCapability: Capability = {
  id: 'core',
  commands: [startCommand, helpCommand, cancelCommand, backCommand, restartCommand, languageCommand, thanksCommand],
  overlays: [languageOverlay, cancelOverlay],
};
