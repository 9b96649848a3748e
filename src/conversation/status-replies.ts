// Replies to /trangthai and /cuatoi: a nomination's status and history, and the person's lists.
import { formatDate } from '../domain/dates.js';
import type { Catalog, EffectResult, Locale, NominationStatus, NominationSummary, Outbound, Text } from './contract.js';
import { localized, msg } from './messages.js';

/** Where a nomination stands, as a sentence. */
const STATUS_NOW: Record<NominationStatus, string> = {
  submitted: 'status.now.submitted',
  screened: 'status.now.screened',
  forwarded: 'status.now.forwarded',
  returned: 'status.now.returned',
  appraised: 'status.now.appraised',
  honoured: 'status.now.honoured',
  not_honoured: 'status.now.not_honoured',
  withdrawn: 'status.now.withdrawn',
};

/** One line of history: the date and what happened. */
const STATUS_EVENT: Record<NominationStatus, string> = {
  submitted: 'status.event.submitted',
  screened: 'status.event.screened',
  forwarded: 'status.event.forwarded',
  returned: 'status.event.returned',
  appraised: 'status.event.appraised',
  honoured: 'status.event.honoured',
  not_honoured: 'status.event.not_honoured',
  withdrawn: 'status.event.withdrawn',
};

/** One line of a list: code, name and status in a few words. */
const STATUS_SHORT: Record<NominationStatus, string> = {
  submitted: 'status.short.submitted',
  screened: 'status.short.screened',
  forwarded: 'status.short.forwarded',
  returned: 'status.short.returned',
  appraised: 'status.short.appraised',
  honoured: 'status.short.honoured',
  not_honoured: 'status.short.not_honoured',
  withdrawn: 'status.short.withdrawn',
};

function categoryLabel(catalog: Catalog, id: string, locale: Locale): string {
  const c = catalog.categories.find((x) => x.id === id);
  return c ? localized(locale, c.nameVi, c.nameEn) : '';
}

/** The reply to a status look-up. */
export function statusReply(result: EffectResult | null, code: string, catalog: Catalog, locale: Locale): Outbound[] {
  if (result?.type !== 'status' || result.status !== 'found') return [{ kind: 'text', text: [msg('status.notFound', { code })] }];
  const n = result.nomination;
  const text: Text[] = [
    msg('status.header', { code: n.code, name: n.nomineeName }),
    msg('status.category', { value: categoryLabel(catalog, n.categoryId, locale) }),
    msg('status.unit', { value: n.unitName }),
    msg('status.submittedOn', { date: formatDate(n.submittedAt) }),
    msg(STATUS_NOW[n.status], { date: formatDate(n.history.at(-1)?.at ?? n.submittedAt) }),
    msg('status.endorsements', { count: n.endorsements }),
  ];
  if (n.history.length) {
    text.push(msg('status.historyTitle'));
    for (const h of n.history) text.push(msg(STATUS_EVENT[h.status], { date: formatDate(h.at) }));
  }
  return [{ kind: 'text', text }];
}

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
export function mineReply(result: EffectResult | null, catalog: Catalog, locale: Locale): Outbound[] {
  const mine = result?.type === 'mine' ? result : { nominations: [], endorsements: [] };
  if (!mine.nominations.length && !mine.endorsements.length) return [{ kind: 'text', text: [msg('mine.none')] }];
  const text: Text[] = [];
  if (mine.nominations.length) text.push(msg('mine.nominationsTitle'), ...mine.nominations.map((n) => line(n, catalog, locale)));
  else text.push(msg('mine.noNominations'));
  if (mine.endorsements.length) text.push(msg('mine.endorsementsTitle'), ...mine.endorsements.map((n) => line(n, catalog, locale)));
  text.push(msg('mine.detailHint', { code: (mine.nominations[0] ?? mine.endorsements[0])!.code }));
  return [{ kind: 'text', text }];
}
