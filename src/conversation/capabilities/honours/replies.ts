// What an officer reads once an honour (or its refusal) was recorded, or why nothing changed.
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Json, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { movedLines } from '../appraisal/replies.js';
import { formatDateTime, formatDay } from '../dossier/dates.js';
import { named } from '../dossier/view.js';
import { honourResultSchema } from './data.js';

/** The renderer name this capability registers. */
export const HONOURED = 'honour.done';

const reply = (lines: Text[]): Outbound[] => [{ kind: 'text', text: [...lines, msg('honours.done.next')] }];

function argsOf(args: Json | undefined): { code: string; current?: NominationStatusName; gone: boolean } {
  const a = args && typeof args === 'object' && !Array.isArray(args) ? args : {};
  return { code: typeof a.code === 'string' ? a.code : '', current: typeof a.current === 'string' ? (a.current as NominationStatusName) : undefined, gone: a.gone === true };
}

/** The reply to an honour or its refusal; args {code, current} when the form ended because it was decided meanwhile. */
export const honouredReply: Renderer = (result, args, { locale }) => {
  const a = argsOf(args);
  if (!result) return reply(a.gone ? [msg('appraisal.notFound', { code: a.code })] : movedLines(a.code, a.current));
  const r = readResult(honourResultSchema, result);
  const code = r?.code ?? a.code;
  const name = r?.name ?? '';
  switch (r?.status) {
    case 'honoured': {
      const lines: Text[] = [
        r.phase
          ? msg('honours.done.honoured', { code, name, title: r.title ?? '', date: formatDay(r.date ?? ''), phase: named(locale, r.phase) })
          : msg('honours.done.honouredNoPhase', { code, name, title: r.title ?? '', date: formatDay(r.date ?? '') }),
      ];
      lines.push(r.endorsers ? msg('honours.done.toldAll', { count: r.endorsers }) : msg('honours.done.toldNominator'));
      return reply(lines);
    }
    case 'not_honoured':
      return reply([msg('honours.done.declined', { code, name })]);
    case 'posting_open':
      return reply([msg('honours.open.stillPosted', { until: formatDateTime(r.postingUntil ?? '') })]);
    case 'moved':
      return reply(movedLines(code, r.current));
    case 'forbidden':
      return reply([msg('appraisal.forbidden')]);
    case 'not_found':
      return reply([msg('appraisal.notFound', { code })]);
    case 'reason_required':
      return reply([msg('appraisal.reason.required')]);
    case 'invalid_date':
      return reply([msg('honours.done.invalidDate')]);
    default:
      return reply([msg('appraisal.done.failed')]);
  }
};
