// Replies of the campaign setup (/dot): the ward's campaigns with their phases, council and
// posting period; what a change did; or what was wrong, named (a phase that ends before it starts,
// overlaps another, a deadline in the past).
import { formatDate } from '../../../domain/dates.js';
import type { Locale, Outbound, Text } from '../../contract.js';
import { localized, msg, raw } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { formatDay } from '../dossier/dates.js';
import { campaignSetupSchema, type SetupCampaign } from './data.js';
import type { SetupParse } from './parse.js';

/** The renderer name this capability registers. */
export const SETUP_DONE = 'campaignsetup.done';

const STATUS_KEYS = { draft: 'setup.campaign.draft', open: 'setup.campaign.open', closed: 'setup.campaign.closed' } as const;

const USAGE_KEYS: Record<Exclude<SetupParse, { ok: true }>['usage'], string> = {
  all: 'setup.usage.all',
  create: 'setup.usage.create',
  phase: 'setup.usage.phase',
  council: 'setup.usage.council',
  posting: 'setup.usage.posting',
  open: 'setup.usage.open',
  close: 'setup.usage.close',
};

/** The usage of an action typed wrongly, with the value that could not be read. */
export function usageText(parse: Exclude<SetupParse, { ok: true }>): Text[] {
  return [...(parse.bad ? [msg('setup.badValue', { value: parse.bad.slice(0, 40) })] : []), msg(USAGE_KEYS[parse.usage])];
}

/** A campaign in a few lines: title and status, each phase, the council and the posting period. */
export function campaignLines(c: SetupCampaign, locale: Locale): Text[] {
  const lines: Text[] = [msg(STATUS_KEYS[c.status], { title: localized(locale, c.titleVi, c.titleEn), code: c.code })];
  for (const p of c.phases) {
    const params = {
      seq: p.seq,
      name: localized(locale, p.nameVi, p.nameEn),
      from: formatDay(p.startsOn.slice(0, 10)),
      to: formatDay(p.endsOn.slice(0, 10)),
      collectives: p.quotaCollectives,
      individuals: p.quotaIndividuals,
    };
    lines.push(p.deadline ? msg('setup.phase', { ...params, deadline: formatDate(p.deadline) }) : msg('setup.phaseNoDeadline', params));
    if (p.quotaIsMinimum) lines.push(msg('setup.atLeast'));
  }
  lines.push(c.usesCouncil ? msg('setup.councilYes') : msg('setup.councilNo'));
  lines.push(c.postingDays ? msg('setup.posting', { days: c.postingDays }) : msg('setup.postingNone'));
  return lines;
}

const text = (...t: Text[]): Outbound[] => [{ kind: 'text', text: t }];

/** What the setup effect answered. */
export const setupReply: Renderer = (result, _args, { locale }) => {
  const r = readResult(campaignSetupSchema, result);
  if (!r) return text(msg('setup.failed'));
  switch (r.status) {
    case 'forbidden':
      return text(msg('setup.forbidden'));
    case 'ok': {
      const out: Outbound[] = r.campaigns.length
        ? r.campaigns.map((c) => ({ kind: 'text' as const, text: campaignLines(c, locale) }))
        : text(msg('setup.noCampaigns'));
      const templates: Text[] = [msg('setup.templatesTitle'), ...r.templates.map((t) => raw(`• ${t.code}: ${localized(locale, t.titleVi, t.titleEn)}`))];
      return [...out, { kind: 'text', text: [...templates, msg('setup.usage.all')] }];
    }
    case 'done': {
      const first =
        r.action === 'create'
          ? msg('setup.created', { code: r.campaign.code })
          : r.action === 'open'
            ? msg('setup.opened')
            : r.action === 'close'
              ? msg('setup.closed')
              : msg('setup.saved');
      return text(first, ...campaignLines(r.campaign, locale));
    }
    case 'unknown':
      return text(r.what === 'template' ? msg('setup.unknownTemplate', { code: r.code ?? '' }) : msg('setup.unknownCampaign', { code: r.code ?? '' }));
    case 'bad_code':
      return text(msg('setup.badCode', { code: r.code }));
    case 'exists':
      return text(msg('setup.exists', { code: r.code }));
    case 'bad_title':
      return text(msg('setup.badTitle'));
    case 'bad_quota':
      return text(msg('setup.badQuota'));
    case 'bad_days':
      return text(msg('setup.badDays'));
    case 'no_phase':
      return text(msg('setup.noPhase', { code: r.code, seq: r.seq }));
    case 'ends_before_start':
      return text(msg('setup.endsBeforeStart', { seq: r.seq, from: formatDay(r.startsOn), to: formatDay(r.endsOn) }));
    case 'overlap':
      return text(msg('setup.overlap', { seq: r.seq, other: r.with, from: formatDay(r.withStartsOn), to: formatDay(r.withEndsOn) }));
    case 'deadline_past':
      return text(msg('setup.deadlinePast', { seq: r.seq, deadline: formatDay(r.deadline) }));
    case 'deadline_outside':
      return text(msg('setup.deadlineOutside', { seq: r.seq, deadline: formatDay(r.deadline) }));
    case 'no_phases':
      return text(msg('setup.noPhases', { code: r.code }));
    case 'ended':
      return text(msg('setup.ended', { code: r.code }));
  }
};
