// Every capability the bot offers, in one list: the registry the engine, help, menus and
// Telegram's command menu are built from. A new capability is a folder here and one line below.
import { buildRegistry, type Registry } from '../engine/registry.js';
import { aboutCapability } from './about/index.js';
import { coreCapability } from './core/index.js';
import { followCapability } from './follow/index.js';
import { linkingCapability } from './linking/index.js';
import { neighbourhoodCapability } from './neighbourhood/index.js';
import { myDataCapability } from './mydata/index.js';
import { nominationCapability } from './nomination/index.js';
import { progressCapability } from './progress/index.js';
import { reportsCapability } from './reports/index.js';
import { reviseCapability } from './revise/index.js';
import { setupCapability } from './setup/index.js';
import { rolesCapability } from './roles/index.js';
import { screeningCapability } from './screening/index.js';
import { wardsCapability } from './wards/index.js';
import { appraisalCapability } from './appraisal/index.js';
import { councilCapability } from './council/index.js';
import { postingCapability } from './posting/index.js';
import { honoursCapability } from './honours/index.js';
import { historyCapability } from './history/index.js';
import { remindersCapability } from './reminders/index.js';
import { broadcastsCapability } from './broadcasts/index.js';

/** The bot's registry of commands, forms, overlays and renderers. */
export const appRegistry: Registry = buildRegistry([
  coreCapability,
  nominationCapability,
  aboutCapability,
  neighbourhoodCapability,
  followCapability,
  reviseCapability,
  linkingCapability,
  screeningCapability,
  progressCapability,
  reportsCapability,
  setupCapability,
  rolesCapability,
  appraisalCapability,
  councilCapability,
  postingCapability,
  honoursCapability,
  historyCapability,
  remindersCapability,
  broadcastsCapability,
  myDataCapability,
  wardsCapability,
]);
