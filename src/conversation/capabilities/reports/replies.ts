// Replies to /baocao: which campaign (when the ward has several), or that the report is being
// prepared (the files follow in a moment, from the report worker), or why not.
import type { Locale, Outbound } from '../../contract.js';
import { localized, msg, raw } from '../../engine/messages.js';
import { COMMAND_TOKEN, type Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { reportRequestSchema, type CampaignChoice } from './data.js';

/** The renderer name this capability registers. */
export const REPORT_REQUESTED = 'campaignreport.requested';

const STATUS_KEYS = { draft: 'reports.campaignStatus.draft', open: 'reports.campaignStatus.open', closed: 'reports.campaignStatus.closed' } as const;

function choose(campaigns: CampaignChoice[], locale: Locale, first: Outbound[]): Outbound[] {
  const slash = locale === 'en' ? '/report' : '/baocao';
  return [
    ...first,
    {
      kind: 'choices',
      text: [msg('reports.choose')],
      multi: false,
      token: COMMAND_TOKEN,
      options: campaigns.map((c) => ({ value: `${slash} ${c.code}`, label: raw(localized(locale, c.titleVi, c.titleEn)), hint: msg(STATUS_KEYS[c.status]) })),
    },
  ];
}

/** What the request came to. */
export const reportRequestedReply: Renderer = (result, _args, { locale }) => {
  const r = readResult(reportRequestSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('reports.failed')] }];
  switch (r.status) {
    case 'forbidden':
      return [{ kind: 'text', text: [msg('reports.forbidden')] }];
    case 'none':
      return [{ kind: 'text', text: [msg('reports.none')] }];
    case 'choose':
      return choose(r.campaigns, locale, []);
    case 'unknown':
      return choose(r.campaigns, locale, [{ kind: 'text', text: [msg('reports.unknown', { code: r.code })] }]);
    case 'queued':
      return [{ kind: 'text', text: [msg('reports.preparing', { title: localized(locale, r.titleVi, r.titleEn) })] }];
  }
};
