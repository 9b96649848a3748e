// A nomination's whole history as an officer reads it: each change with its date and time (ward
// time), what happened, who did it (the role, the holder's name, a leader's unit; "the nominator"
// without a name) and the note; then the appraisal, the council's votes, the residents' comments
// and the honour.
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { formatDay } from '../dossier/dates.js';
import { STATE, actorLine, councilLine, marksLines, named } from '../dossier/view.js';
import { historyResultSchema } from './data.js';

/** The renderer name this capability registers. */
export const HISTORY_SHOWN = 'historyReply.shown';

/** What a history row did, with its date and time. */
const EVENT: Record<NominationStatusName, string> = {
  submitted: 'history.event.submitted',
  screened: 'history.event.screened',
  forwarded: 'history.event.forwarded',
  returned: 'history.event.returned',
  appraised: 'history.event.appraised',
  proposed: 'history.event.proposed',
  posted: 'history.event.posted',
  approved: 'history.event.approved',
  honoured: 'history.event.honoured',
  not_honoured: 'history.event.not_honoured',
  declined: 'history.event.declined',
  withdrawn: 'history.event.withdrawn',
};

/** The reply to /lichsu <code>. */
export const historyReply: Renderer = (result, args, { locale }) => {
  const r = readResult(historyResultSchema, result);
  const asked = args && typeof args === 'object' && !Array.isArray(args) && typeof args.code === 'string' ? args.code : '';
  if (r?.status === 'forbidden') return [{ kind: 'text', text: [msg('appraisal.forbidden')] }];
  if (r?.status !== 'found') return [{ kind: 'text', text: [msg('appraisal.notFound', { code: r?.code ?? asked })] }];
  const n = r.nomination;
  const text: Text[] = [
    msg('history.title', { code: n.code, name: n.nomineeName, category: named(locale, n.category), unit: n.unitName }),
    msg(STATE[n.status]),
    msg('history.changes'),
  ];
  for (const row of r.rows) {
    text.push(msg(EVENT[row.status], { at: row.at }), actorLine(row.by));
    if (row.note) text.push(msg('history.note', { note: row.note }));
  }
  if (r.marks.length) text.push(...marksLines(r.criteria, r.marks, locale));
  if (r.council) text.push(councilLine(r.council));
  text.push(msg('history.comments', { count: r.comments }));
  if (r.honour) {
    text.push(
      r.honour.phase
        ? msg('history.honour', { title: r.honour.title, date: formatDay(r.honour.date), phase: named(locale, r.honour.phase) })
        : msg('history.honourNoPhase', { title: r.honour.title, date: formatDay(r.honour.date) }),
    );
  }
  return [{ kind: 'text', text }];
};
