// Replies to /trangthai and /cuatoi: a nomination's status and history, and the person's lists.
import { formatDate } from '../../../domain/dates.js';
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Catalog, Locale, Text } from '../../contract.js';
import { localized, msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { mineResultSchema, statusResultSchema, type NominationSummary } from './data.js';

/** The renderer names this capability registers. */
export const STATUS = 'follow.status';
export const MINE = 'follow.mine';

/** Where a nomination stands, as a sentence. */
const STATUS_NOW: Record<NominationStatusName, string> = {
  submitted: 'status.now.submitted',
  screened: 'status.now.screened',
  forwarded: 'status.now.forwarded',
  returned: 'status.now.returned',
  appraised: 'status.now.appraised',
  proposed: 'status.now.proposed',
  posted: 'status.now.posted',
  approved: 'status.now.approved',
  honoured: 'status.now.honoured',
  not_honoured: 'status.now.not_honoured',
  declined: 'status.now.declined',
  withdrawn: 'status.now.withdrawn',
};

/** One line of history: the date and what happened. */
const STATUS_EVENT: Record<NominationStatusName, string> = {
  submitted: 'status.event.submitted',
  screened: 'status.event.screened',
  forwarded: 'status.event.forwarded',
  returned: 'status.event.returned',
  appraised: 'status.event.appraised',
  proposed: 'status.event.proposed',
  posted: 'status.event.posted',
  approved: 'status.event.approved',
  honoured: 'status.event.honoured',
  not_honoured: 'status.event.not_honoured',
  declined: 'status.event.declined',
  withdrawn: 'status.event.withdrawn',
};

/** One line of a list: code, name and status in a few words. */
const STATUS_SHORT: Record<NominationStatusName, string> = {
  submitted: 'status.short.submitted',
  screened: 'status.short.screened',
  forwarded: 'status.short.forwarded',
  returned: 'status.short.returned',
  appraised: 'status.short.appraised',
  proposed: 'status.short.proposed',
  posted: 'status.short.posted',
  approved: 'status.short.approved',
  honoured: 'status.short.honoured',
  not_honoured: 'status.short.not_honoured',
  declined: 'status.short.declined',
  withdrawn: 'status.short.withdrawn',
};

function categoryLabel(catalog: Catalog, id: string, locale: Locale): string {
  const c = catalog.categories.find((x) => x.id === id);
  return c ? localized(locale, c.nameVi, c.nameEn) : '';
}

/** Statuses after which a nomination is settled: nothing left to support. */
const SETTLED = new Set<NominationStatusName>(['withdrawn', 'honoured', 'not_honoured']);

/**
 * The reply to a status look-up; args: { code }. Its nominator and its supporters see its history
 * and what they may still change; anyone else sees its public status and how to support it.
 */
export const statusReply: Renderer = (result, args, { catalog, locale }) => {
  const code = args && typeof args === 'object' && !Array.isArray(args) && typeof args.code === 'string' ? args.code : '';
  const r = readResult(statusResultSchema, result);
  if (r?.status !== 'found') return [{ kind: 'text', text: [msg('status.notFound', { code })] }];
  const n = r.nomination;
  const text: Text[] = [
    msg('status.header', { code: n.code, name: n.nomineeName }),
    msg('status.what', { category: categoryLabel(catalog, n.categoryId, locale), unit: n.unitName }),
    msg(STATUS_NOW[n.status]),
    msg('status.endorsements', { count: n.endorsements }),
  ];
  if (r.view !== 'public' && n.history.length) {
    text.push(msg('status.historyTitle'));
    for (const h of n.history) text.push(msg(STATUS_EVENT[h.status], { date: formatDate(h.at) }));
  }
  // What the asker can still do: before screening starts, change their mind; anyone may support.
  if (n.status === 'submitted' && r.view === 'own') text.push(msg('status.canChange', { code: n.code }));
  else if (n.status === 'submitted' && r.view === 'endorsed') text.push(msg('status.canUnendorse', { code: n.code }));
  else if (r.view === 'public' && !SETTLED.has(n.status)) text.push(msg('status.canSupport', { code: n.code }));
  return [{ kind: 'text', text }];
};

function line(n: NominationSummary, catalog: Catalog, locale: Locale): Text {
  return msg(STATUS_SHORT[n.status], {
    code: n.code,
    name: n.nomineeName,
    category: categoryLabel(catalog, n.categoryId, locale),
    date: formatDate(n.submittedAt),
    count: n.endorsements,
  });
}

/** The reply to "my nominations": what I nominated, what I supported, or how to begin. */
export const mineReply: Renderer = (result, _args, { catalog, locale }) => {
  const mine = readResult(mineResultSchema, result) ?? { nominations: [], endorsements: [] };
  if (!mine.nominations.length && !mine.endorsements.length) return [{ kind: 'text', text: [msg('mine.none')] }];
  const text: Text[] = [];
  if (mine.nominations.length) text.push(msg('mine.nominationsTitle'), ...mine.nominations.map((n) => line(n, catalog, locale)));
  else text.push(msg('mine.noNominations'));
  if (mine.endorsements.length) text.push(msg('mine.endorsementsTitle'), ...mine.endorsements.map((n) => line(n, catalog, locale)));
  text.push(msg('mine.detailHint', { code: (mine.nominations[0] ?? mine.endorsements[0])!.code }));
  return [{ kind: 'text', text }];
};
