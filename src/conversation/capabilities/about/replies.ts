// The introduction to the campaign in a few short messages: what it is for and its phases (dates,
// quotas, the deadline); the five kinds of exemplar; the criteria of each, in a few words.
import { formatDate } from '../../../domain/dates.js';
import type { Catalog, CatalogCampaign, Locale, Outbound, Text } from '../../contract.js';
import { localized, msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { aboutResultSchema, type AboutPhase } from './data.js';

/** The renderer name this capability registers. */
export const ABOUT = 'campaign.about';

// "2026-01-01" -> "01/01/2026" (a date without a time of day needs no time zone).
const day = (isoDate: string) => isoDate.split('-').reverse().join('/');

function phaseLine(p: AboutPhase, locale: Locale, current: boolean): Text {
  const params = {
    name: localized(locale, p.nameVi, p.nameEn),
    from: day(p.startsOn),
    to: day(p.endsOn),
    collectives: p.quotaCollectives,
    individuals: p.quotaIndividuals,
  };
  if (current) return p.quotaIsMinimum ? msg('about.phaseNowAtLeast', params) : msg('about.phaseNow', params);
  return p.quotaIsMinimum ? msg('about.phaseAtLeast', params) : msg('about.phase', params);
}

function campaignMessage(c: CatalogCampaign, phases: AboutPhase[], locale: Locale): Outbound {
  const text: Text[] = [msg('about.title', { title: localized(locale, c.titleVi, c.titleEn) }), msg('about.purpose')];
  for (const p of phases) text.push(phaseLine(p, locale, p.seq === c.currentPhase?.seq));
  if (c.currentPhase?.deadline) text.push(msg('about.deadline', { deadline: formatDate(c.currentPhase.deadline) }));
  return { kind: 'text', text };
}

function kindsMessages(catalog: Catalog, c: CatalogCampaign, locale: Locale): Outbound[] {
  const categories = catalog.categories.filter((k) => k.templateId === c.templateId).sort((x, y) => x.seq - y.seq);
  const criteria = catalog.criteria.filter((r) => r.templateId === c.templateId).sort((x, y) => x.seq - y.seq);
  const label = (r: (typeof criteria)[number]) => localized(locale, r.labelVi ?? r.textVi, r.labelEn ?? r.textEn);
  const general = criteria.filter((r) => r.categoryId === null).map(label);
  const kinds: Text[] = [msg('about.kinds', { count: categories.length })];
  for (const k of categories) kinds.push(msg('about.kindLine', { name: localized(locale, k.nameVi, k.nameEn), description: localized(locale, k.descriptionVi, k.descriptionEn) }));
  if (general.length) kinds.push(msg('about.generalCriteria', { list: general.join('; ') }));
  const own: Text[] = [msg('about.ownCriteria')];
  for (const k of categories) {
    const list = criteria.filter((r) => r.categoryId === k.id).map(label);
    if (list.length) own.push(msg('about.criteriaLine', { name: localized(locale, k.nameVi, k.nameEn), list: list.join('; ') }));
  }
  return [{ kind: 'text', text: kinds }, ...(own.length > 1 ? [{ kind: 'text' as const, text: own }] : [])];
}

/** The reply to /gioithieu: each open campaign, its kinds of exemplar and their criteria, then what to do. */
export const aboutReply: Renderer = (result, _args, { catalog, locale }) => {
  const r = readResult(aboutResultSchema, result);
  const open = catalog.campaigns.filter((c) => c.status === 'open');
  if (!open.length) return [{ kind: 'text', text: [msg('nomination.noOpenCampaign')] }];
  const out: Outbound[] = [];
  for (const c of open) out.push(campaignMessage(c, r?.campaigns.find((x) => x.id === c.id)?.phases ?? [], locale));
  // The kinds and criteria come from the template; campaigns of one template share them.
  const templates = new Set<string>();
  for (const c of open) {
    if (templates.has(c.templateId)) continue;
    templates.add(c.templateId);
    out.push(...kindsMessages(catalog, c, locale));
  }
  out.push({ kind: 'text', text: [msg('about.next')] });
  return out;
};
