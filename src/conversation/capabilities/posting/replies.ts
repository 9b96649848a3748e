// What people read about public posting: the list of exemplars posted for comments, and the answer
// to a comment.
import { ellipsize } from '../../../domain/text.js';
import type { Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { formatDateTime } from '../dossier/dates.js';
import { named } from '../dossier/view.js';
import { COMMENT_MAX, commentResultSchema, postedListSchema } from './data.js';

/** The renderer names this capability registers. */
export const POSTED_LIST = 'publicList.shown';
export const COMMENTED = 'comment.done';

/** How much of what an exemplar did the list shows. */
const DEEDS_SHOWN = 160;

/** The posted exemplars: code, name, category, unit, a line of what they did, and until when comments are open. */
export const postedListReply: Renderer = (result, _args, { locale }) => {
  const r = readResult(postedListSchema, result);
  if (!r?.items.length) return [{ kind: 'text', text: [msg('posting.list.empty')] }];
  const text: Text[] = [msg('posting.list.title', { count: r.items.length })];
  for (const item of r.items) {
    const firstLine = item.deeds.split('\n')[0] ?? '';
    text.push(
      msg('posting.list.item', { code: item.code, name: item.nomineeName, category: named(locale, item.category), unit: item.unitName }),
      msg('posting.list.deeds', { deeds: ellipsize(firstLine, DEEDS_SHOWN) }),
      msg('posting.list.until', { until: formatDateTime(item.postingUntil) }),
    );
  }
  text.push(msg('posting.list.howTo', { code: r.items[0]!.code, max: COMMENT_MAX }));
  return [{ kind: 'text', text }];
};

const reply = (...text: Text[]): Outbound[] => [{ kind: 'text', text }];

/** The answer to a comment. */
export const commentedReply: Renderer = (result) => {
  const r = readResult(commentResultSchema, result);
  if (!r) return reply(msg('appraisal.done.failed'));
  const until = formatDateTime(r.postingUntil ?? '');
  switch (r.status) {
    case 'sent':
      return reply(msg('posting.comment.sent', { code: r.code, name: r.name ?? '', until }));
    case 'too_long':
      return reply(msg('posting.comment.tooLong', { count: r.length ?? 0, max: r.max ?? COMMENT_MAX }));
    case 'empty':
      return reply(msg('posting.comment.empty'));
    case 'closed':
      return reply(msg('posting.comment.closed', { code: r.code, until }));
    case 'limit':
      return reply(msg('posting.comment.limit', { code: r.code, max: r.max ?? 0 }));
    default:
      return reply(msg('posting.comment.notPosted', { code: r.code }));
  }
};
