// Reports in the chat (/baocao): an officer picks a campaign and gets its workbook, CSV, summary
// PDF and chart. The turn only queues the request (role-checked in SQL) and says it is being
// prepared; the report worker (src/services) makes the files off the turn and sends them.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { REPORT_REQUEST } from './data.js';
import { REPORT_REQUESTED, reportRequestedReply } from './replies.js';

// a campaign code as people type it after the command: letters, digits and dashes
const LOOKS_LIKE_CAMPAIGN = /^[a-z0-9][a-z0-9._-]{1,59}$/;

/** /baocao [campaign], /report [campaign]. */
export const reportCommand: CommandDef = {
  id: 'report',
  roles: ['officer'],
  brief: 'reports.brief',
  slash: ['baocao', 'report'],
  words: ['bao cao', 'xem bao cao', 'report'],
  wordsWithArgs: ['bao cao', 'report'].map((words) => ({ words, accepts: (a: string) => LOOKS_LIKE_CAMPAIGN.test(a) })),
  menu: { vi: 'baocao', en: 'report', description: 'reports.menu' },
  help: () => msg('reports.help'),
  order: 81,
  run: (turn, args) => turn.lookUp({ type: REPORT_REQUEST, campaignCode: args.trim().slice(0, 60) || null }, REPORT_REQUESTED),
};

/** Campaign reports for officers. */
export const reportsCapability: Capability = {
  id: 'reports',
  commands: [reportCommand],
  renderers: { [REPORT_REQUESTED]: reportRequestedReply },
};
