// The reply to /tiendo: per open campaign, each phase's quota progress, then the units' tallies
// (submitted · forwarded · proposed · honoured) and the ward's totals.
import { formatDate } from '../../../domain/dates.js';
import { formStepKey } from '../../../domain/form-steps.js';
import type { Text } from '../../contract.js';
import { localized, msg, raw } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { progressResultSchema } from './data.js';

/** The renderer name this capability registers. */
export const PROGRESS = 'quota.progress';

// A date-only value from the database ("2026-01-01") as dd/mm/yyyy.
const day = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** Quotas and tallies, in a few short lines per campaign. */
export const progressReply: Renderer = (result, _args, { locale }) => {
  const r = readResult(progressResultSchema, result);
  if (!r || r.status !== 'ok') return [{ kind: 'text', text: [msg('progress.forbidden')] }];
  if (!r.campaigns.length) return [{ kind: 'text', text: [msg('progress.noCampaign')] }];
  return r.campaigns.map((c) => {
    const text: Text[] = [msg('progress.title', { title: localized(locale, c.titleVi, c.titleEn) })];
    for (const p of c.phases) {
      const params = {
        phase: localized(locale, p.nameVi, p.nameEn),
        from: day(p.startsOn),
        to: day(p.endsOn),
        collectives: p.honouredCollectives,
        quotaCollectives: p.quotaCollectives,
        individuals: p.honouredIndividuals,
        quotaIndividuals: p.quotaIndividuals,
      };
      text.push(p.quotaIsMinimum ? msg('progress.phaseAtLeast', params) : msg('progress.phase', params));
      if (p.deadline) text.push(msg('progress.deadline', { date: formatDate(p.deadline) }));
    }
    text.push(msg('progress.unitsTitle'));
    if (!c.units.length) text.push(msg('progress.noNominations'));
    for (const u of c.units) text.push(msg('progress.unitLine', { ...u, name: u.name }));
    text.push(r.scope === 'ward' ? msg('progress.total', c.total) : msg('progress.wardTotal', c.total));
    text.push(...funnelLines(c.funnel ?? []));
    return { kind: 'text' as const, text };
  });
};

/** How many steps where people stopped /tiendo names (the rest are in the report). */
const FUNNEL_SHOWN = 3;

// Where people give up, short: how many started the form, then the steps most people stopped at.
function funnelLines(funnel: { step: string; reached: number; stopped: number }[]): Text[] {
  if (!funnel.length) return [];
  const started = Math.max(...funnel.map((f) => f.reached));
  const stops = funnel.filter((f) => f.stopped > 0).sort((a, b) => b.stopped - a.stopped).slice(0, FUNNEL_SHOWN);
  const lines: Text[] = [msg('progress.funnelTitle', { count: started })];
  if (!stops.length) lines.push(msg('progress.funnelNoStops'));
  for (const f of stops) {
    const key = formStepKey(f.step);
    lines.push(key ? msg(key) : raw(f.step), msg('progress.funnelStep', { reached: f.reached, stopped: f.stopped }));
  }
  return lines;
}
