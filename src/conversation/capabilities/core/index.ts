// The core capability: greeting, help, cancel, back, restart, the language question, and short
// answers to thanks and to "ok".
import type { Capability } from '../../engine/registry.js';
import { cancelCommand, cancelOverlay } from './cancel.js';
import { acknowledgeCommand, backCommand, helpCommand, restartCommand, startCommand, thanksCommand } from './commands.js';
import { languageCommand, languageOverlay } from './language.js';

/** What every person can do, whatever else the bot offers. */
export const coreCapability: Capability = {
  id: 'core',
  commands: [startCommand, helpCommand, cancelCommand, backCommand, restartCommand, languageCommand, thanksCommand, acknowledgeCommand],
  overlays: [languageOverlay, cancelOverlay],
};
